// Property tests for the one sanitiser: whatever the input, nothing a terminal would act on
// survives, ordinary text passes through untouched, and well-formed sequences are removed
// without eating the text around them.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasControlCharacters, sanitizeLine, sanitizeText, toTerminalJson } from '../../src/core/sanitize.js';
import { PAYLOADS } from '../../scripts/make-hostile-fixtures.mjs';
import { CONTROL } from '../hostile/helpers.js';

const SEED = 20261121;
const RUNS = { seed: SEED, numRuns: 400 };

const ESC = '\x1b';
const controlChar = fc.oneof(
  fc.integer({ min: 0x00, max: 0x1f }),
  fc.integer({ min: 0x7f, max: 0x9f }),
  fc.integer({ min: 0x202a, max: 0x202e }),
  fc.integer({ min: 0x2066, max: 0x2069 }),
).map((code) => String.fromCodePoint(code));
const sequenceBit = fc.constantFrom(ESC, '[', ']', 'P', '_', '^', 'X', '\\', '\x07', '\x9c', ';', '52', 'm', '?', '#', ' ', '1');
const payload = fc.constantFrom(...Object.values(PAYLOADS));

/** Strings dense with escape introducers, terminators and controls: the sanitiser's hard cases. */
const hostileString = fc.string({
  unit: fc.oneof(
    { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 3 }) },
    { weight: 3, arbitrary: sequenceBit },
    { weight: 2, arbitrary: controlChar },
    { weight: 1, arbitrary: payload },
  ),
  maxLength: 60,
});

/** Printable text with no control characters (tabs, newlines, CRLF and any script allowed). */
const safeChar = fc
  .string({ unit: 'binary', minLength: 1, maxLength: 1 })
  .filter((char) => !CONTROL.test(char) || char === '\n' || char === '\t');
const safeText = fc.string({ unit: fc.oneof(safeChar, fc.constant('\r\n')), maxLength: 40 });

/** Sequences that a terminal would parse to their end; removing them must leave neighbours be. */
const wellFormedSequence = fc.oneof(
  fc.constantFrom(
    PAYLOADS.osc52!,
    PAYLOADS.osc52St!,
    PAYLOADS.osc8Open!,
    PAYLOADS.osc8Close!,
    PAYLOADS.oscTitle!,
    PAYLOADS.clearScreen!,
    PAYLOADS.sgrRed!,
    PAYLOADS.dcs!,
    PAYLOADS.apcKitty!,
    PAYLOADS.pm!,
    PAYLOADS.sos!,
    PAYLOADS.c1Csi!,
    PAYLOADS.c1Osc!,
    PAYLOADS.fullReset!,
    PAYLOADS.decaln!,
  ),
  fc
    .tuple(fc.array(fc.integer({ min: 0, max: 999 }), { maxLength: 4 }), fc.constantFrom('m', 'H', 'J', 'K', 'A', 'h', 'l'))
    .map(([params, final]) => `${ESC}[${params.join(';')}${final}`),
  fc.string({ unit: safeChar.filter((c) => c !== '\n' && c !== '\t'), maxLength: 20 }).map((body) => `${ESC}]52;c;${body}\x07`),
);

describe('sanitizeText (property)', () => {
  it('never lets a control character, escape or bidi override through', () => {
    fc.assert(
      fc.property(hostileString, fc.boolean(), (text, multiline) => {
        const out = sanitizeText(text, { multiline });
        expect(out).not.toMatch(CONTROL);
        expect(hasControlCharacters(out)).toBe(false);
        if (!multiline) expect(out).not.toMatch(/[\n\t]/);
      }),
      RUNS,
    );
  });

  it('holds on arbitrary Unicode too', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        expect(sanitizeText(text)).not.toMatch(CONTROL);
        expect(sanitizeLine(text)).not.toMatch(/[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/);
      }),
      RUNS,
    );
  });

  it('is idempotent: sanitised text is already safe', () => {
    fc.assert(
      fc.property(hostileString, (text) => {
        const once = sanitizeText(text);
        expect(sanitizeText(once)).toBe(once);
        const line = sanitizeLine(text);
        expect(sanitizeLine(line)).toBe(line);
      }),
      RUNS,
    );
  });

  it('leaves text without controls unchanged (CRLF becomes LF)', () => {
    fc.assert(
      fc.property(safeText, (text) => {
        expect(hasControlCharacters(text)).toBe(false);
        expect(sanitizeText(text)).toBe(text.replace(/\r\n/g, '\n'));
      }),
      RUNS,
    );
  });

  it('removes well-formed sequences whole and keeps the text between them', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(safeText, wellFormedSequence), { maxLength: 6 }), safeText, (pairs, tail) => {
        const input = pairs.map(([text, sequence]) => text + sequence).join('') + tail;
        const expected = pairs.map(([text]) => text).join('') + tail;
        expect(sanitizeText(input)).toBe(expected.replace(/\r\n/g, '\n'));
      }),
      RUNS,
    );
  });

  it('shows lone controls as visible escapes rather than dropping them silently', () => {
    fc.assert(
      fc.property(safeText, controlChar.filter((c) => c !== ESC && c !== '\n' && c !== '\t' && !/[\x90\x98\x9b\x9d-\x9f]/.test(c)), safeText, (a, control, b) => {
        const out = sanitizeText(`${a.replace(/\r\n/g, '\n')}${control}${b.replace(/\r\n/g, '\n')}`);
        const code = control.codePointAt(0)!;
        const visible = code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
        // "\r" right before "\n" is a CRLF line end, not a lone control.
        if (control === '\r' && b.startsWith('\n')) return;
        expect(out).toContain(visible);
      }),
      RUNS,
    );
  });
});

describe('toTerminalJson (property)', () => {
  it('prints any JSON value with no raw control or bidi character, and parses back to it', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 3 }), fc.dictionary(hostileString, hostileString, { maxKeys: 4 }), (value, hostile) => {
        for (const input of [value, hostile]) {
          const text = toTerminalJson(input);
          expect(text).not.toMatch(CONTROL);
          expect(text).not.toMatch(/[\u2028\u2029]/);
          expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(input)));
        }
      }),
      RUNS,
    );
  });
});
