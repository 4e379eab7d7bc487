import { describe, expect, it } from 'vitest';
import { computePanel, groupScoreFiles, mean, median } from '../../src/core/summary/panel.js';
import { setItemScore, type ScoreFile } from '../../src/core/scores/score-file.js';
import { incubation, sampleFile, T1 } from '../helpers/score-fixtures.js';

function reviewer(handle: string, scores: Record<string, number | null>, sha?: string): ScoreFile {
  let file = sampleFile({ handle, name: handle.toUpperCase(), sha });
  for (const [id, score] of Object.entries(scores)) file = setItemScore(file, id, score, T1);
  return file;
}

describe('computePanel on three reviewers', () => {
  const criteria = incubation();
  const files = [
    reviewer('ada', { 'production-users': 3, 'committer-health': 1, 'commit-flow': 2, versioning: 0 }),
    reviewer('bob', { 'production-users': 2, 'committer-health': 2, 'commit-flow': 2, versioning: 2 }),
    reviewer('cy', { 'production-users': 2, 'committer-health': 1, 'commit-flow': null, versioning: 1 }),
  ];
  const rows = computePanel(files, criteria);
  const row = (id: string) => rows.find((r) => r.id === id)!;

  it('has one row per criterion in order and one score per reviewer in file order', () => {
    expect(rows.map((r) => r.id)).toEqual(['production-users', 'committer-health', 'commit-flow', 'versioning']);
    expect(row('versioning').scores.map((s) => [s.handle, s.score, s.meets])).toEqual([
      ['ada', 0, false],
      ['bob', 2, true],
      ['cy', 1, false],
    ]);
  });

  it('computes mean, median, min, max over scored reviewers only', () => {
    expect(row('production-users')).toMatchObject({ scored: 3, mean: 7 / 3, median: 2, min: 2, max: 3, spread: 1 });
    expect(row('commit-flow')).toMatchObject({ scored: 2, mean: 2, median: 2, min: 2, max: 2, spread: 0 });
    expect(row('versioning')).toMatchObject({ mean: 1, median: 1, min: 0, max: 2, spread: 2 });
  });

  it('flags a spread of two points, and met vs not met, but not agreement', () => {
    expect(row('versioning')).toMatchObject({ disagreement: true, reasons: ['spread of 2 points', 'met vs not met'] });
    // 1 (partially met) vs 2 (met): one point apart but on opposite sides of the bar.
    expect(row('committer-health')).toMatchObject({ disagreement: true, reasons: ['met vs not met'] });
    // 2 and 3 are both "met", one point apart.
    expect(row('production-users')).toMatchObject({ disagreement: false, reasons: [] });
    expect(row('commit-flow').disagreement).toBe(false);
  });

  it('handles a criterion nobody scored', () => {
    const empty = computePanel([reviewer('ada', {}), reviewer('bob', {})], criteria)[0]!;
    expect(empty).toMatchObject({ scored: 0, mean: null, median: null, min: null, max: null, spread: null, disagreement: false });
  });

  it('a spread of two within "not met" is still a disagreement (0 vs 2 crosses; 0 vs 1 does not)', () => {
    const r = computePanel([reviewer('a', { versioning: 0 }), reviewer('b', { versioning: 1 })], criteria)[3]!;
    expect(r.disagreement).toBe(false);
    const wide = computePanel([reviewer('a', { versioning: 1 }), reviewer('b', { versioning: 3 })], criteria)[3]!;
    expect(wide.reasons).toEqual(['spread of 2 points', 'met vs not met']);
  });
});

describe('panel helpers', () => {
  it('median of even and odd counts', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([0, 3, 1, 2])).toBe(1.5);
    expect(median([])).toBeNull();
    expect(mean([1, 2])).toBe(1.5);
  });

  it('groups files by document content and criteria set, never mixing them', () => {
    const a = { file: reviewer('ada', {}), path: 'a' };
    const b = { file: reviewer('bob', {}), path: 'b' };
    const changed = { file: reviewer('cy', {}, 'f'.repeat(64)), path: 'c' };
    const groups = groupScoreFiles([a, changed, b]);
    expect(groups.map((g) => g.entries.map((e) => e.path))).toEqual([['a', 'b'], ['c']]);
    expect(groups[1]!.document.sha256).toBe('f'.repeat(64));
  });
});
