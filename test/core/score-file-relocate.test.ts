import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { relocateCitation, relocateCitations } from '../../src/core/scores/citation-relocate.js';
import { toggleCitation } from '../../src/core/scores/score-file.js';
import { sampleFile, T1 } from '../helpers/score-fixtures.js';

const doc = ['# Title', '', 'We have 28 commits per month', 'within 18 merged PRs.', '', '## Releases', 'v1.0.0 shipped in May.'];

describe('relocateCitation', () => {
  it('leaves a citation whose text is still at its lines unchanged', () => {
    const c = { startLine: 3, endLine: 4, quote: 'We have 28 commits per month\nwithin 18 merged PRs.' };
    expect(relocateCitation(c, doc)).toEqual({ citation: c, status: 'unchanged' });
  });

  it('finds moved text, whitespace-insensitively, following re-wrapped lines', () => {
    const moved = ['Intro', '', '', 'We  have 28 commits per month within', '18 merged PRs.', 'tail'];
    const c = { startLine: 3, endLine: 4, quote: 'We have 28 commits per month\nwithin 18 merged PRs.' };
    expect(relocateCitation(c, moved)).toEqual({ citation: { ...c, startLine: 4, endLine: 5 }, status: 'moved' });
  });

  it('keeps the original length for a truncated quote', () => {
    const c = { startLine: 6, endLine: 7, quote: '## Releases…' };
    expect(relocateCitation(c, ['x', ...doc])).toEqual({ citation: { ...c, startLine: 7, endLine: 8 }, status: 'moved' });
  });

  it('picks the occurrence nearest the old position', () => {
    const lines = ['v1.0.0 shipped in May.', 'a', 'b', 'c', 'd', 'e', 'f', 'v1.0.0 shipped in May.', 'g'];
    const c = { startLine: 7, endLine: 7, quote: 'v1.0.0 shipped in May.' };
    expect(relocateCitation(c, lines).citation.startLine).toBe(8);
  });

  it('reports lost and unverifiable citations and keeps them as they were', () => {
    const gone = { startLine: 2, endLine: 2, quote: 'deleted sentence' };
    expect(relocateCitation(gone, doc)).toEqual({ citation: gone, status: 'lost' });
    const noQuote = { startLine: 2, endLine: 2, quote: '' };
    expect(relocateCitation(noQuote, doc)).toEqual({ citation: noQuote, status: 'unverified' });
  });

  it('relocateCitations updates the file, never dropping a citation', () => {
    let file = toggleCitation(sampleFile(), 'commit-flow', { startLine: 1, endLine: 1, quote: 'We have 28 commits per month' }, T1);
    file = toggleCitation(file, 'commit-flow', { startLine: 2, endLine: 2, quote: 'gone' }, T1);
    const { file: next, relocations } = relocateCitations(file, doc, T1);
    expect(relocations.map((r) => r.status)).toEqual(['moved', 'lost']);
    expect(next.items[2]!.cited.map((c) => c.startLine)).toEqual([2, 3]);
  });

  it('property: lines inserted or removed elsewhere move a citation by exactly that many lines', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 5, max: 60 }),
        fc.nat(),
        fc.nat(4),
        fc.integer({ min: -3, max: 12 }),
        (count, at, span, shift) => {
          const lines = Array.from({ length: count }, (_, i) => (i % 7 === 3 ? '' : `unique line ${i}: text`));
          const start = at % (count - span);
          fc.pre(lines[start] !== '' && start + shift >= 0);
          const citation = { startLine: start + 1, endLine: start + span + 1, quote: lines.slice(start, start + span + 1).join('\n').trim() };
          // Insert (or remove) lines before the cited range only.
          const edited = shift >= 0 ? [...Array.from({ length: shift }, (_, i) => `new ${i}`), ...lines] : lines.slice(-shift);
          fc.pre(shift >= 0 || start + shift >= 0);
          const { citation: after, status } = relocateCitation(citation, edited);
          expect(status).toBe(shift === 0 ? 'unchanged' : 'moved');
          expect(edited.slice(after.startLine - 1, after.endLine).join('\n').trim()).toBe(citation.quote);
          expect(after.startLine).toBe(citation.startLine + shift);
        },
      ),
      { numRuns: 300 },
    );
  });
});
