// The hostile corpus is generated (it holds raw control bytes); keep the committed copy in
// step with the generator, and make sure it really is hostile.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { brokenDocuments, hostileDocuments, staleFixtures } from '../../scripts/make-hostile-fixtures.mjs';
import { CONTROL, HOSTILE } from './helpers.js';

describe('hostile fixture corpus', () => {
  it('matches its generator byte for byte (run node scripts/make-hostile-fixtures.mjs)', () => {
    expect(staleFixtures()).toEqual([]);
  });

  it('every hostile document carries control characters, most an ESC sequence', () => {
    const docs = Object.entries(hostileDocuments());
    for (const [name, text] of docs) expect(CONTROL.test(text), name).toBe(true);
    const withoutEsc = docs.filter(([, text]) => !text.includes('\x1b')).map(([name]) => name);
    expect(withoutEsc.sort()).toEqual(['bidi-overrides.md', 'c1-controls.md', 'lone-controls.md']);
  });

  it('every broken document is what it claims: not decodable as UTF-8 text, or empty', () => {
    for (const name of Object.keys(brokenDocuments())) {
      const bytes = readFileSync(join(HOSTILE, 'broken', name));
      const decodable = (() => {
        try {
          new TextDecoder('utf-8', { fatal: true }).decode(bytes);
          return !bytes.includes(0);
        } catch {
          return false;
        }
      })();
      if (name === 'empty.md' || name === 'whitespace-only.md') expect(bytes.toString().trim(), name).toBe('');
      else expect(decodable, name).toBe(false);
    }
  });
});
