import { describe, expect, it } from 'vitest';
import { hasControlCharacters, sanitizeLine, sanitizeText } from '../../src/core/sanitize.js';

const ESC = '\u001b';

describe('sanitizeText', () => {
  it('drops OSC 52 clipboard writes and OSC 8 hyperlinks whole', () => {
    expect(sanitizeText(`a${ESC}]52;c;ZXZpbA==\u0007b`)).toBe('ab');
    expect(sanitizeText(`${ESC}]8;;https://evil.example${ESC}\\click${ESC}]8;;${ESC}\\`)).toBe('click');
  });

  it('drops CSI repaint sequences and 8-bit C1 forms', () => {
    expect(sanitizeText(`x${ESC}[2J${ESC}[1;1Hfake`)).toBe('xfake');
    expect(sanitizeText('x\u009b31my')).toBe('xy');
    expect(sanitizeText('x\u009d0;title\u0007y')).toBe('xy');
  });

  it('drops DCS, APC, PM and SOS strings, even unterminated', () => {
    expect(sanitizeText(`a${ESC}Pq#0;2;0;0;0${ESC}\\b`)).toBe('ab');
    expect(sanitizeText(`a${ESC}_payload${ESC}\\b${ESC}^pm\u0007c${ESC}Xsos`)).toBe('abc');
  });

  it('shows lone controls and bidi overrides as visible escapes, keeps tabs and newlines', () => {
    expect(sanitizeText('bell\u0007 rlo\u202Eevil\u2066')).toBe('bell\\x07 rlo\\u202eevil\\u2066');
    expect(sanitizeText('a\tb\nc\r\nd')).toBe('a\tb\nc\nd');
    expect(sanitizeText('a\rb')).toBe('a\\x0db');
  });

  it('one-line form folds newlines and tabs', () => {
    expect(sanitizeLine('one\ntwo\tthree')).toBe('one two three');
  });

  it('leaves ordinary text, including non-Latin scripts and emoji, alone', () => {
    const text = 'Kube-OVN 维护者 — café ✓ 🚀 | `code` **bold**';
    expect(sanitizeText(text)).toBe(text);
    expect(hasControlCharacters(text)).toBe(false);
  });

  it('output never contains a control character', () => {
    const nasty = `${ESC}${ESC}[${ESC}]\u0000\u0001\u007f\u0085\u009b\u009c${ESC}\\\u202a\u2069`;
    expect(hasControlCharacters(sanitizeText(nasty))).toBe(false);
  });
});
