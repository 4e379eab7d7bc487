// What Ink reports (one `useInput` call per parsed event), plus the raw bytes of that event, turned
// into the keys and pastes the screens act on. Pure, one decoder per app.
//
// - Bracketed paste: with ESC[?2004h on, the terminal wraps pasted text in ESC[200~ … ESC[201~.
//   Ink passes the markers through as "[200~"/"[201~" and the text between as ordinary input,
//   so without this a pasted "a\rs\re" would be Enter, s, e: commands. Here everything between
//   the markers becomes one paste event, newlines kept.
// - A chunk of several keys (typed ahead, sent by a script) arrives as one input: it is split
//   into single keys, "\r" as Enter, "\t" as Tab, other C0 controls as Ctrl-letter.
// - Esc followed quickly by a key reaches Ink as one sequence, read as Alt+key ("\x1bj" is
//   meta+j; "\x1b?" even loses the Esc). Nothing here binds Alt+letter, so it is taken as what
//   was typed: Esc, then the key. Alt-Enter stays itself (a newline in the notes editor).
import type { Key } from 'ink';

export type InputKey = Key & {
  /** The input is pasted text (bracketed paste): insert it, never run it as keys. */
  paste?: boolean;
};

export type InputEvent = [input: string, key: InputKey];

const ESC = '\u001B';
export const PASTE_START = `${ESC}[200~`;
export const PASTE_END = `${ESC}[201~`;
export const BRACKETED_PASTE_ON = `${ESC}[?2004h`;
export const BRACKETED_PASTE_OFF = `${ESC}[?2004l`;

export const NO_KEY: Key = {
  upArrow: false,
  downArrow: false,
  leftArrow: false,
  rightArrow: false,
  pageDown: false,
  pageUp: false,
  home: false,
  end: false,
  return: false,
  escape: false,
  ctrl: false,
  shift: false,
  tab: false,
  backspace: false,
  delete: false,
  meta: false,
  super: false,
  hyper: false,
  capsLock: false,
  numLock: false,
};

const ESCAPE_EVENT: InputEvent = ['', { ...NO_KEY, escape: true, meta: true }];

/** One character of a multi-key chunk as the key it stands for. */
function charKey(ch: string, base: Key): InputEvent {
  const code = ch.charCodeAt(0);
  if (ch === '\r') return ['', { ...base, return: true }];
  if (ch === '\t') return ['', { ...base, tab: true }];
  if (ch === '\u007F') return ['', { ...base, delete: true }];
  if (ch === '\b') return ['', { ...base, backspace: true }];
  // Ctrl-letters (Ctrl-U, Ctrl-C…) except "\n", which the notes editor takes as a newline.
  if (code >= 1 && code <= 26 && ch !== '\n') return [String.fromCharCode(code + 96), { ...base, ctrl: true }];
  return [ch, { ...base, shift: /^[A-Z]$/.test(ch) }];
}

/** Split a multi-character input chunk into single keys (one-character input passes as is). */
export function splitChunk(input: string, key: Key): InputEvent[] {
  if (input.length <= 1 || key.ctrl || key.meta) return [[input, key]];
  const chars = Array.from(input);
  if (chars.length === 1) return [[input, key]];
  return chars.map((ch) => charKey(ch, key));
}

/** Newlines as "\n"; other control characters would only show as escapes in a note. */
function pastedText(parts: string[]): string {
  return parts.join('').replace(/\r\n?/g, '\n').replace(/[\x00-\x08\x0b-\x1f\x7f]/g, '');
}

export interface InputDecoder {
  /**
   * The events one Ink input stands for. `raw` is the exact sequence Ink parsed it from, or
   * null when unknown (then the decoder works from `input` and `key` alone).
   */
  decode(input: string, key: Key, raw: string | null): InputEvent[];
  /** True between the start and end of a bracketed paste. */
  readonly pasting: boolean;
}

export function createInputDecoder(): InputDecoder {
  let paste: string[] | null = null;
  const decodeKey = (input: string, key: Key, raw: string | null): InputEvent[] => {
    if (raw !== null && raw.length >= 2 && raw[0] === ESC) {
      const rest = raw.slice(1);
      // ESC ESC: two Escapes typed quickly; ESC ESC [A: Escape, then the arrow.
      if (rest === ESC) return [ESCAPE_EVENT, ESCAPE_EVENT];
      if (rest[0] === ESC) return [ESCAPE_EVENT, [input, { ...key, meta: false }]];
      // ESC + one printable character: Escape, then that key.
      if (Array.from(rest).length === 1 && rest >= ' ' && rest !== '\u007F') return [ESCAPE_EVENT, [rest, { ...NO_KEY, shift: /^[A-Z]$/.test(rest) }]];
    }
    if (raw === null && key.meta && !key.escape && !key.return && Array.from(input).length === 1) return [ESCAPE_EVENT, [input, { ...key, meta: false }]];
    return splitChunk(input, key);
  };
  return {
    get pasting() {
      return paste !== null;
    },
    decode(input, key, raw) {
      // Ink strips the ESC, so without the raw bytes the markers are recognised by what is left.
      const isStart = raw === null ? input === '[200~' : raw === PASTE_START;
      const isEnd = raw === null ? input === '[201~' : raw === PASTE_END;
      if (paste === null) {
        if (isStart) {
          paste = [];
          return [];
        }
        // A stray end marker (the start was lost) is not a key either.
        if (isEnd) return [];
        return decodeKey(input, key, raw);
      }
      if (isEnd) {
        const text = pastedText(paste);
        paste = null;
        return text === '' ? [] : [[text, { ...NO_KEY, paste: true }]];
      }
      if (isStart) return [];
      // A lone Escape is a key pressed during a paste whose end marker never came: deliver
      // what was pasted and stop, so the app is not stuck swallowing keys.
      if (raw === ESC || (raw === null && key.escape && input === '')) {
        const text = pastedText(paste);
        paste = null;
        return text === '' ? [ESCAPE_EVENT] : [[text, { ...NO_KEY, paste: true }], ESCAPE_EVENT];
      }
      // Inside a paste every byte is text. Escape sequences (a pasted arrow key, colour codes)
      // are dropped; a lone Enter or Tab that arrived as its own event is kept as text.
      const text = raw ?? (key.return ? '\r' : key.tab ? '\t' : input);
      if (!text.startsWith(ESC)) paste.push(text);
      return [];
    },
  };
}
