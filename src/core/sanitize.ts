// The one sanitiser for untrusted text (documents, shared score files, error messages quoting
// input) on its way to a terminal. Escape sequences are dropped whole, so a hidden OSC 52
// clipboard write or a CSI repaint leaves no trace; lone control and bidi-override characters
// are shown as visible escapes (`\x07`, `\u202e`) so the reviewer can see something was there.

// ESC-introduced sequences. String-type ones (OSC, DCS, SOS, PM, APC) run to BEL or ST
// (ESC \ or 0x9c) or, if unterminated, to the end of the text.
const ESC_STRING = String.raw`\x1b[\]PX^_][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c|$)`;
const ESC_CSI = String.raw`\x1b\[[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]?`;
const ESC_OTHER = String.raw`\x1b[\x20-\x2f]*[\x30-\x7e]?`;
// 8-bit C1 forms: CSI (0x9b) and the string introducers (0x90 DCS, 0x98 SOS, 0x9d OSC, 0x9e PM, 0x9f APC).
const C1_STRING = String.raw`[\x90\x98\x9d\x9e\x9f][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c|$)`;
const C1_CSI = String.raw`\x9b[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]?`;

const SEQUENCE = new RegExp(`${ESC_STRING}|${ESC_CSI}|${ESC_OTHER}|${C1_STRING}|${C1_CSI}`, 'g');

// Controls left after sequences are gone: C0 except tab and newline, DEL, C1, bidi overrides
// and isolates.
const LONE_CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g;
const LONE_CONTROL_OR_NEWLINE = /[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g;

function visibleEscape(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

export interface SanitizeOptions {
  /** Keep "\n" and "\t" (default). Set false for one-line contexts such as error messages. */
  multiline?: boolean;
}

/** Untrusted text made safe to print: no control sequence survives. CRLF becomes LF. */
export function sanitizeText(text: string, options: SanitizeOptions = {}): string {
  const multiline = options.multiline ?? true;
  const withoutSequences = text.replace(/\r\n/g, '\n').replace(SEQUENCE, '');
  if (multiline) return withoutSequences.replace(LONE_CONTROL, visibleEscape);
  return withoutSequences.replace(/[\n\t]/g, ' ').replace(LONE_CONTROL_OR_NEWLINE, visibleEscape);
}

/** One-line form for error messages and status lines that quote input. */
export function sanitizeLine(text: string): string {
  return sanitizeText(text, { multiline: false });
}

/** A run of text (a quote across wrapped lines) as one line: whitespace runs become one space. */
export function sanitizeOneLine(text: string): string {
  return sanitizeLine(text.replace(/\s+/g, ' ').trim());
}

const ANY_CONTROL = /[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g;

/**
 * An untrusted value quoted in a one-line message: `"…"` with every control character shown as a
 * visible escape, ESC included (`\x1b`). sanitizeLine would drop an escape sequence whole,
 * which hides the very reason a value like `"\x1b[31mtoc-review/score@1"` is wrong.
 */
export function quoted(text: string, max = 200): string {
  const chars = text.length > max ? [...text] : null;
  const cut = chars && chars.length > max ? `${chars.slice(0, max).join('')}…` : text;
  return `"${visible(cut)}"`;
}

/** Every control character (ESC, C1 and bidi too) as a visible escape; nothing removed. */
export function visible(text: string): string {
  return text.replace(ANY_CONTROL, visibleEscape);
}

/** True when the text holds anything the sanitiser would change (besides CRLF). */
export function hasControlCharacters(text: string): boolean {
  return /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/.test(text.replace(/\r\n/g, '\n'));
}

// Characters that JSON.stringify leaves raw but a terminal acts on (DEL, C1 controls, bidi
// overrides and isolates) or that break JavaScript string literals (U+2028/9).
const JSON_UNSAFE = /[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * Pretty JSON that is safe to print on a terminal: JSON.stringify already escapes C0 controls
 * (ESC included); this escapes the rest as \uXXXX too. Parses back to exactly the same value.
 */
export function toTerminalJson(value: unknown, indent = 2): string {
  return JSON.stringify(value, null, indent).replace(JSON_UNSAFE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
