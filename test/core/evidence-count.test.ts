// countWholeWord stands in for a Unicode whole-word regex in evidence ranking; it must count
// exactly what that regex counts on any text without characters that case-fold to ASCII.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countWholeWord } from '../../src/core/evidence/evidence.js';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const byRegex = (text: string, keyword: string) =>
  text.match(new RegExp(`(?<![\\p{L}\\p{N}])${escape(keyword)}(?![\\p{L}\\p{N}])`, 'giu'))?.length ?? 0;

describe('countWholeWord', () => {
  it('counts whole words only', () => {
    expect(countWholeWord('commit commits recommit commit.', 'commit')).toBe(2);
    expect(countWholeWord('pull requests, pull-requests', 'pull requests')).toBe(1);
    expect(countWholeWord('café commit', 'caf')).toBe(0);
  });

  it('agrees with the Unicode regex on arbitrary text', () => {
    const pieces = ['ab', 'a', 'b', ' ', '-', 'é', '1', '\u0301', '😀', '\ud83d', '\ude00', '中', 'ab ab', '_', '.', 'ǅ'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 20 }), fc.constantFrom('ab', 'a', 'ab ab', 'a-b', 'b1', '1'), (parts, keyword) => {
        const text = parts.join('').toLowerCase();
        expect(countWholeWord(text, keyword)).toBe(byRegex(text, keyword));
      }),
      { numRuns: 2000 },
    );
  });
});
