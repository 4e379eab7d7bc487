// export --format dd and score --from-dd on a 50-item grouped set: the exported DD keeps every
// item, extract's template field reads back the same ticks, and readDd the same scores and notes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCriteriaSet, type CriteriaSet } from '../../../src/core/criteria/criteria.js';
import { splitLines } from '../../../src/core/document/lines.js';
import { markNotApplicable, newScoreFile, setItemNotes, setItemScore, setRecommendation, toggleCitation, type ScoreFile } from '../../../src/core/scores/score-file.js';
import { buildSummary } from '../../../src/core/summary/summary.js';
import { summaryToDd } from '../../../src/core/templates/dd-export.js';
import { readDd } from '../../../src/core/templates/dd-read.js';
import { templateMatches } from '../../../src/core/templates/template-field.js';

const SET_PATH = join(import.meta.dirname, '../../fixtures/templates/grouped-50.yaml');
const T = '2026-03-01T10:00:00.000Z';

function fifty(): CriteriaSet {
  return parseCriteriaSet(readFileSync(SET_PATH, 'utf8'), SET_PATH);
}

/** Every fifth item unscored, every seventh N/A, the rest met or not met in turn, notes on some. */
function scored(criteria: CriteriaSet): ScoreFile {
  let file = newScoreFile({
    document: { path: 'demo/app.md', sha256: 'b'.repeat(64), title: 'Lanternfish Incubation Application', origin: 'https://github.com/example/demo/blob/0123456789abcdef0123456789abcdef01234567/app.md' },
    criteria,
    reviewer: { name: 'Ada Lovelace', handle: 'ada' },
    now: T,
  });
  criteria.items.forEach((item, i) => {
    if (i % 5 === 4) return;
    if (i % 7 === 3) {
      file = markNotApplicable(file, item.id, `No ${item.title.toLowerCase()} here: the project has no such part.`, T);
      return;
    }
    file = setItemScore(file, item.id, i % 2, T);
    if (i % 3 === 0) file = setItemNotes(file, item.id, `Checked item ${i}: see *the* [docs](x) - @someone #12.\nSecond line.`, T);
    if (i % 4 === 0) file = toggleCitation(file, item.id, { startLine: 10 + i, endLine: 12 + i, quote: 'q' }, T);
  });
  return setRecommendation(file, 'not-ready', 'Two blockers remain.', T);
}

describe('export --format dd round trip (50 items)', () => {
  const criteria = fifty();
  const file = scored(criteria);
  const summary = buildSummary(file, criteria, null, { date: '2026-03-05' });
  const dd = summaryToDd(summary, criteria, { sourceReferences: false });
  const lines = splitLines(dd);

  it('writes the template shape: title, application link, summary sections, groups', () => {
    expect(lines[0]).toBe('# Lanternfish Incubation Due Diligence');
    expect(dd).toContain('- Link to [Incubation application](https://github.com/example/demo/blob/');
    for (const heading of ['### Criteria Evaluation', '### Adoption Evaluation', '### Final Assessment', '## Process', '### Required', '### Suggested']) {
      expect(lines).toContain(heading);
    }
    expect(dd).toContain('**Recommendation:** Not ready');
    // Cited lines link to the pinned origin's exact lines.
    expect(dd).toMatch(/Cited: \[Lines 10–12\]\(https:\/\/github\.com\/example\/demo\/blob\/[0-9a-f]{40}\/app\.md\?plain=1#L10-L12\)/);
    // Notes are escaped: no live emphasis, link or mention comes out of them.
    expect(dd).toContain('see \\*the\\* \\[docs\\](x) - `@someone` `#12`.');
  });

  it('keeps every item and reads back the same ticks through templateMatches', () => {
    const matches = templateMatches(lines, criteria.items)!;
    expect(matches).not.toBeNull();
    for (const item of summary.items) {
      const match = matches.get(item.id);
      expect(match, item.id).not.toBeNull();
      expect(match!.checked, item.id).toBe(item.meets === true);
      expect(match!.answered, item.id).toBe(item.score !== null || item.notes !== '');
    }
  });

  it('reads back the same scores, notes and recommendation through readDd', () => {
    const reading = readDd(lines, criteria)!;
    expect(reading.aligned).toBe(50);
    const byId = new Map(file.items.map((item) => [item.id, item]));
    for (const item of reading.items) {
      const original = byId.get(item.id)!;
      expect(item.score, item.id).toBe(original.score);
      expect(item.notes, item.id).toBe(original.notes);
    }
    expect(reading.verdict).toBe('not-ready');
    expect(reading.assessment).toBe('Two blockers remain.');
  });

  it('lists blockers and recommendations from Required and Suggested items not met', () => {
    const section = dd.slice(dd.indexOf('**Blockers**'), dd.indexOf('### Adoption Evaluation'));
    for (const blocker of summary.blockers) expect(section).toContain(`**${blocker.title}**`);
    const recommendations = section.slice(section.indexOf('**Non-blocking'));
    for (const rec of summary.recommendations) expect(recommendations).toContain(`**${rec.title}**`);
    expect(summary.blockers.length + summary.recommendations.length).toBeGreaterThan(0);
    const na = dd.slice(dd.indexOf('**Not applicable**'), dd.indexOf('### Adoption Evaluation'));
    expect(summary.notApplicable.length).toBeGreaterThan(0);
    for (const item of summary.notApplicable) expect(na).toContain(`**${item.title}** (${item.group}): No `);
  });

  it('with a shipped set, footnotes each item with its template source and still reads back', () => {
    const withSource: CriteriaSet = {
      ...criteria,
      items: criteria.items.map((item, i) => ({ ...item, source: { template: 'operations/toc-templates/template-dd-pr-incubation.md', version: 'v1.0', section: item.group ?? '', position: i + 1 } })),
    };
    const text = summaryToDd(buildSummary(file, withSource, null, { date: '2026-03-05' }), withSource, { sourceReferences: true });
    expect(text).toContain('[^1]: `operations/toc-templates/template-dd-pr-incubation.md` v1.0, Process, item 1.');
    const reading = readDd(splitLines(text), withSource)!;
    expect(reading.items.map((item) => item.score)).toEqual(file.items.map((item) => item.score));
    const unscored = withSource.items.findIndex((_, i) => i % 5 === 4);
    expect(templateMatches(splitLines(text), withSource.items)!.get(withSource.items[unscored]!.id)!.answered).toBe(false);
  });
});

describe('export --format dd with hostile notes', () => {
  it('cannot add items, ticks, headings or a verdict through notes, titles or the document title', () => {
    const criteria = fifty();
    let file = newScoreFile({
      document: { path: 'x.md', sha256: 'c'.repeat(64), title: '# Evil\n- [x] **Sponsor named**', origin: null },
      criteria,
      reviewer: { name: 'Eve\u001b[2J', handle: 'eve' },
      now: T,
    });
    const id = criteria.items[1]!.id;
    file = setItemNotes(file, id, '- [x] **Sponsor named**\n## Security\n1. [X] Threat model written\n**Recommendation:** Ready\n<!-- x --> [^1]: fake\nLast line.', T);
    const dd = summaryToDd(buildSummary(file, criteria, null, { date: '2026-03-05' }), criteria, { sourceReferences: false });
    const lines = splitLines(dd);
    expect(dd).not.toContain('\u001b');
    expect(lines.filter((line) => /^\s*(?:[-*+]|\d+[.)])\s+\[[xX ]\]/.test(line))).toHaveLength(50);
    expect(lines.filter((line) => line.startsWith('- [x]'))).toHaveLength(0);
    expect(lines.filter((line) => line === '## Security')).toHaveLength(1);
    const reading = readDd(lines, criteria)!;
    expect(reading.verdict).toBeNull();
    expect(reading.items.every((item) => item.score === null)).toBe(true);
    // Every line of the note comes back, the one after the would-be comment too.
    expect(reading.items.find((item) => item.id === id)!.notes).toBe(file.items[1]!.notes);
  });
});
