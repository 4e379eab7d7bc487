// Criteria sets with groups, Required/Suggested, the named checklist scale, text versions and
// item sources; and N/A, which every set has: in score files, updaters, summaries and the panel.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCriteriaSet, scaleLabel, scoreMeets } from '../../src/core/criteria/criteria.js';
import { scoreWithLabel } from '../../src/core/criteria/criteria-scale.js';
import {
  checkAgainstCriteria,
  markNotApplicable,
  newScoreFile,
  parseScoreFile,
  serializeScoreFile,
  setItemNotes,
  setItemScore,
  type ScoreFile,
} from '../../src/core/scores/score-file.js';
import { buildSummary } from '../../src/core/summary/summary.js';
import { summaryToMarkdown } from '../../src/core/summary/summary-markdown.js';
import { computePanel } from '../../src/core/summary/panel.js';
import { errorOf } from '../helpers/error-of.js';
import { incubation } from '../helpers/score-fixtures.js';

const SET_PATH = new URL('../fixtures/templates/grouped-set.yaml', import.meta.url);
const grouped = () => parseCriteriaSet(readFileSync(SET_PATH, 'utf8'), 'grouped-set.yaml');
const NOW = '2026-12-01T10:00:00.000Z';

function fileFor(set = grouped(), handle = 'ada'): ScoreFile {
  return newScoreFile({ document: { path: 'doc.md', sha256: 'b'.repeat(64), title: 'Doc' }, criteria: set, reviewer: { name: handle, handle }, now: NOW });
}

describe('criteria sets: groups, checklist scale, versions, sources', () => {
  it('reads the named checklist scale, groups, required flags, a text version and sources', () => {
    const set = grouped();
    expect(set.version).toBe('v2.1');
    expect(set.scale).toEqual([
      expect.objectContaining({ value: 0, label: 'Not met', meets: false }),
      expect.objectContaining({ value: 1, label: 'Met', meets: true }),
    ]);
    expect(set.items.map((i) => [i.id, i.group, i.required])).toEqual([
      ['design-presented', 'Process Basics', false],
      ['technical-review', 'Process Basics', true],
      ['maintainer-list', 'People and Governance', true],
      ['roadmap', 'Engineering', false],
    ]);
    expect(set.items[0]!.source).toEqual({ template: 'test/fixtures/templates/checklist-v1.md', version: 'v2.1', section: 'Process Basics', position: 3 });
    expect(set.items[1]!.source).toBeUndefined();
  });

  it('keeps the shipped four-item set as it was: no groups, all required, the 0-3 scale', () => {
    const set = incubation();
    expect(set.items.every((i) => i.group === undefined && i.required)).toBe(true);
    expect(set.scale.map((s) => s.value)).toEqual([0, 1, 2, 3]);
    expect(set.version).toBe(1);
  });

  it('refuses an unknown named scale and a bad source, naming line and field', () => {
    const text = readFileSync(SET_PATH, 'utf8');
    expect(errorOf(() => parseCriteriaSet(text.replace('scale: checklist', 'scale: ticks'), 's.yaml'))).toMatch(/^s\.yaml:6: scale: /);
    expect(errorOf(() => parseCriteriaSet(text.replace('position: 3', 'position: 0'), 's.yaml'))).toMatch(/^s\.yaml:\d+: items\[0\]\.source\.position: /);
  });

  it('labels N/A on every scale and counts it as neither met nor unmet', () => {
    for (const set of [grouped(), incubation()]) {
      expect(scaleLabel(set, 'na')).toBe('N/A');
      expect(scoreMeets(set, 'na')).toBeNull();
      expect(scoreWithLabel(set, 'na')).toBe('N/A');
    }
    expect(scoreWithLabel(grouped(), 1)).toBe('1 Met');
  });
});

describe('N/A in score files', () => {
  it('needs a reason: markNotApplicable records it as the notes; a blank one is refused', () => {
    const file = fileFor();
    expect(errorOf(() => markNotApplicable(file, 'roadmap', '  '))).toBe('"roadmap": an N/A item needs a note giving the reason');
    expect(errorOf(() => setItemScore(file, 'roadmap', 'na'))).toMatch(/needs a note giving the reason/);
    const na = markNotApplicable(file, 'roadmap', 'The project is a library; no roadmap expected.', NOW);
    expect(na.items[3]).toMatchObject({ score: 'na', notes: 'The project is a library; no roadmap expected.' });
    // With notes already there, setting 'na' keeps them as the reason.
    const noted = setItemScore(setItemNotes(file, 'roadmap', 'Out of scope.', NOW), 'roadmap', 'na', NOW);
    expect(noted.items[3]).toMatchObject({ score: 'na', notes: 'Out of scope.' });
    expect(errorOf(() => setItemNotes(na, 'roadmap', ''))).toMatch(/N\/A item needs a note/);
  });

  it('round-trips through the file format and is accepted against any set', () => {
    const na = markNotApplicable(fileFor(incubation()), 'versioning', 'Not released yet by design.', NOW);
    const text = serializeScoreFile(na);
    expect(text).toContain('"score": "na"');
    const back = parseScoreFile(text, 'x.score.json');
    expect(back.items[3]!.score).toBe('na');
    expect(() => checkAgainstCriteria(back, incubation(), 'x.score.json')).not.toThrow();
  });

  it('refuses an N/A without a reason when loading, naming the field', () => {
    const text = serializeScoreFile(markNotApplicable(fileFor(), 'roadmap', 'why', NOW)).replace('"notes": "why"', '"notes": " "');
    expect(errorOf(() => parseScoreFile(text, 'bob.score.json'))).toBe('bob.score.json: items[3].notes: an N/A item needs a note giving the reason');
    const other = serializeScoreFile(fileFor()).replace('"score": null', '"score": "n/a"');
    expect(errorOf(() => parseScoreFile(other, 'bob.score.json'))).toMatch(/^bob\.score\.json: items\[0\]\.score: /);
  });
});

describe('summaries: groups, blockers, recommendations, N/A', () => {
  function scored(): ScoreFile {
    let file = fileFor();
    file = setItemScore(file, 'design-presented', 0, NOW);
    file = setItemNotes(file, 'design-presented', 'No presentation yet.', NOW);
    file = setItemScore(file, 'technical-review', 1, NOW);
    file = setItemScore(file, 'maintainer-list', 0, NOW);
    file = setItemNotes(file, 'maintainer-list', 'Employers missing.', NOW);
    return markNotApplicable(file, 'roadmap', 'A finished spec; no roadmap.', NOW);
  }

  it('counts met per group, leaves N/A out of totals, lists blockers and recommendations', () => {
    const summary = buildSummary(scored(), grouped(), null, { date: '2026-12-01' });
    expect(summary.counts).toEqual({ total: 3, scored: 3, met: 1, na: 1 });
    expect(summary.groups).toEqual([
      { title: 'Process Basics', total: 2, scored: 2, met: 1, na: 0 },
      { title: 'People and Governance', total: 1, scored: 1, met: 0, na: 0 },
      { title: 'Engineering', total: 0, scored: 0, met: 0, na: 1 },
    ]);
    expect(summary.blockers.map((b) => b.id)).toEqual(['maintainer-list']);
    expect(summary.recommendations.map((b) => b.id)).toEqual(['design-presented']);
    expect(summary.notApplicable).toEqual([{ id: 'roadmap', title: 'Publish a roadmap', group: 'Engineering', notes: 'A finished spec; no roadmap.' }]);
  });

  it('writes them into the markdown export', () => {
    const md = summaryToMarkdown(buildSummary(scored(), grouped(), null, { date: '2026-12-01' }));
    expect(md).toContain('| Group | Criterion | Score | Met |');
    expect(md).toContain('| Engineering | Publish a roadmap | N/A | — N/A |');
    expect(md).toContain('3 of 3 criteria scored, 1 met (1 N/A, not counted).');
    expect(md).toContain('- Process Basics: 1 of 2 met\n- People and Governance: 0 of 1 met\n- Engineering: 0 of 0 met, 1 N/A');
    expect(md).toMatch(/\*\*Blockers\*\* \(Required items not met\):\n\n- \*\*List every maintainer\*\* \(People and Governance\): Employers missing\./);
    expect(md).toMatch(/\*\*Recommendations\*\*[^\n]*\n\n- \*\*Present the design to a technical group\*\* \(Process Basics\): No presentation yet\./);
    expect(md).toMatch(/\*\*Not applicable:\*\*\n\n- \*\*Publish a roadmap\*\* \(Engineering\): A finished spec; no roadmap\./);
  });

  it('keeps the panel maths to scale values: N/A is counted apart, never averaged', () => {
    const set = grouped();
    const a = setItemScore(fileFor(set, 'ada'), 'roadmap', 1, NOW);
    const b = markNotApplicable(fileFor(set, 'bob'), 'roadmap', 'No roadmap needed.', NOW);
    const row = computePanel([a, b], set).find((r) => r.id === 'roadmap')!;
    expect(row).toMatchObject({ scored: 1, na: 1, mean: 1, disagreement: false });
    expect(row.scores.map((s) => [s.score, s.meets])).toEqual([[1, true], ['na', null]]);
  });
});
