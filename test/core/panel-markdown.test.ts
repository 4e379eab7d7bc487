import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { CriteriaSet } from '../../src/core/criteria/criteria.js';
import { escapeParagraphs } from '../../src/core/summary/markdown-escape.js';
import { buildPanelSummary } from '../../src/core/summary/panel-summary.js';
import { formatNumber, renderPanelMarkdown } from '../../src/core/summary/panel-markdown.js';
import { newScoreFile, setItemNotes, setItemScore, setRecommendation, toggleCitation, type ScoreFile } from '../../src/core/scores/score-file.js';
import { loadCriteria } from '../../src/store/criteria-files.js';
import { htmlTables, renderHtml, tableShapes, tagCounts } from '../helpers/markdown-check.js';

const NOW = '2026-11-20T10:00:00.000Z';
let criteria: CriteriaSet;
beforeAll(async () => {
  criteria = await loadCriteria('cncf-incubation');
});

function reviewer(handle: string, name: string, scores: (number | null)[], sha = 'a'.repeat(64)): ScoreFile {
  let file = newScoreFile({
    document: { path: 'p.md', sha256: sha, title: 'Project P', origin: null },
    criteria,
    reviewer: { name, handle },
    now: NOW,
  });
  criteria.items.forEach((item, i) => {
    file = setItemScore(file, item.id, scores[i] ?? null, NOW);
  });
  return file;
}

describe('renderPanelMarkdown', () => {
  it('has one column per reviewer plus the aggregates, one row per criterion, and flags disagreement', () => {
    const files = [reviewer('ada', 'Ada', [2, 2, 3, null]), reviewer('grace', 'Grace', [0, 2, 2, null]), reviewer('linus', 'Linus', [1, 1, 3, 2])];
    const md = renderPanelMarkdown(files, criteria, null, { date: '2026-11-21' });
    expect(tableShapes(md)).toEqual([{ header: 8, rows: [8, 8, 8, 8] }]);
    expect(htmlTables(renderHtml(md))).toEqual([[8, 8, 8, 8, 8]]);
    expect(md).toContain('| Criterion | Ada | Grace | Linus | Mean | Median | Range | Agreement |');
    expect(md).toContain('| Production users | 2 (Met) | 0 (Not met) | 1 (Partially met) | 1 | 1 | 0–2 | ⚠️ disagree |');
    // Met by two, not by one: flagged even though the spread is one point.
    expect(md).toContain('| Committer health | 2 (Met) | 2 (Met) | 1 (Partially met) | 1.7 | 2 | 1–2 | ⚠️ disagree |');
    expect(md).toContain('| Commit flow | 3 (Exceeded) | 2 (Met) | 3 (Exceeded) | 2.7 | 3 | 2–3 | agree |');
    expect(md).toContain('| Versioning | unscored | unscored | 2 (Met) | 2 | 2 | 2 | — |');
    expect(md).toContain('2 of 4 criteria flagged for disagreement');
  });

  it('gives each reviewer\'s notes, citations and recommendation per criterion', () => {
    let ada = reviewer('ada', 'Ada', [2, 2, 2, 2]);
    ada = setItemNotes(ada, 'versioning', 'Semver, *quarterly*.', NOW);
    ada = toggleCitation(ada, 'versioning', { startLine: 5, endLine: 9, quote: 'x' }, NOW);
    ada = setRecommendation(ada, 'ready', 'Go.', NOW);
    const grace = reviewer('grace', 'Grace', [2, 2, 2, 2], 'b'.repeat(64));
    const md = renderPanelMarkdown([ada, grace], criteria, null, { date: 'd', origin: 'https://github.com/o/r/blob/main/p.md' });
    expect(md).toContain('**Ada** (`ada`): 2 (Met)\n\nSemver, \\*quarterly\\*.\n\nCited: [Lines 5–9](https://github.com/o/r/blob/main/p.md?plain=1#L5-L9).');
    expect(md).toContain('**Grace** (`grace`): 2 (Met)\n\n_No notes._');
    expect(md).toContain('- **Ada** (`ada`): **Ready**\n- **Grace** (`grace`): _none yet_');
    expect(md).toContain('**Ada** (`ada`):\n\nGo.');
    expect(md).toContain('the reviewers scored different versions of the document (sha256 `aaaaaaaaaaaa`, `bbbbbbbbbbbb`)');
  });

  it('computes the summary data the JSON export prints', () => {
    const summary = buildPanelSummary([reviewer('ada', 'Ada', [3, 0, null, null]), reviewer('grace', 'Grace', [2, 3, null, 1])], criteria, null, { date: 'd' });
    expect(summary.items.map((i) => [i.id, i.mean, i.median, i.min, i.max, i.disagreement, i.scored])).toEqual([
      ['production-users', 2.5, 2.5, 2, 3, false, 2],
      ['committer-health', 1.5, 1.5, 0, 3, true, 2],
      ['commit-flow', null, null, null, null, false, 0],
      ['versioning', 1, 1, 1, 1, false, 1],
    ]);
    expect(summary.disagreements).toBe(1);
    expect(formatNumber(2.25)).toBe('2.3');
  });

  it('property: arbitrary reviewer names and notes never change the table shape or add markup', () => {
    const text = fc.string({ unit: fc.constantFrom(...'|\\`*_[]<>#!-+=.~&$@:/ \nab1'.split(''), 'http://', '<img src=x>', '```', '    '), maxLength: 40 });
    const build = (names: string[], notes: string[]) =>
      names.map((name, i) => setItemNotes(reviewer(`r${i}`, name, [i % 4, 2, null, 1]), 'commit-flow', notes[i] ?? '', NOW));
    const plain = (value: string) => (escapeParagraphs(value) === '' ? '' : 'x');
    // Paragraph breaks may differ; code spans only ever quote @mentions and #refs from the text.
    const structure = (html: string) => {
      const { p: _p, br: _br, code: _code, ...rest } = tagCounts(html);
      return rest;
    };
    const codeSpans = (html: string) => Array.from(html.matchAll(/<code>([^<]*)<\/code>/g), (m) => m[1]!);
    fc.assert(
      fc.property(fc.array(fc.tuple(text.filter((s) => s.trim() !== ''), text), { minLength: 1, maxLength: 4 }), (people) => {
        const names = people.map(([name]) => name);
        const notes = people.map(([, note]) => note);
        const md = renderPanelMarkdown(build(names, notes), criteria, null, { date: 'd' });
        const html = renderHtml(md);
        const columns = names.length + 5;
        expect(htmlTables(html)).toEqual([Array(5).fill(columns)]);
        const baseline = renderHtml(renderPanelMarkdown(build(names.map(() => 'x'), notes.map(plain)), criteria, null, { date: 'd' }));
        expect(structure(html), md).toEqual(structure(baseline));
        const known = new Set(codeSpans(baseline));
        for (const span of codeSpans(html)) if (!known.has(span)) expect(span).toMatch(/^(@[A-Za-z0-9/-]+|#\d+)$/);
      }),
      { numRuns: 200 },
    );
  });
});
