// The grouped criteria list's pure parts: shown items, group headings with met/total, the window
// around the selection, neighbours under the filter and the next unscored item.
import { describe, expect, it } from 'vitest';
import { markNotApplicable, newScoreFile, setItemScore } from '../../src/core/scores/score-file.js';
import { loadCriteria } from '../../src/store/criteria-files.js';
import { groupTallies, isGroupedSet, listRows, neighbour, nextUnscored, visibleItems, windowRows, type ListRow } from '../../src/tui/state/criteria-rows.js';
import { ADA, GROUPED_50 } from './helpers.js';

const criteria = await loadCriteria(GROUPED_50);
const plain = await loadCriteria('cncf-incubation');
const blank = newScoreFile({ document: { path: 'd.md', sha256: '0'.repeat(64), title: 'D' }, criteria, reviewer: ADA, now: '2026-01-01T00:00:00.000Z' });
const lines = (rows: ListRow[]) => rows.reduce((sum, row) => sum + (row.kind === 'group' ? 1 : 2), 0);

describe('criteria rows', () => {
  it('tells grouped sets from the plain default set', () => {
    expect(isGroupedSet(criteria)).toBe(true);
    expect(isGroupedSet(plain)).toBe(false);
  });

  it('puts a heading before each group and counts met over the group, N/A left out', () => {
    let file = setItemScore(blank, criteria.items[0]!.id, 1);
    file = markNotApplicable(file, criteria.items[1]!.id, 'not for this level');
    const rows = listRows(criteria, file, visibleItems(criteria, false));
    expect(rows.filter((r) => r.kind === 'group').length).toBe(6);
    expect(rows.filter((r) => r.kind === 'item').length).toBe(50);
    expect(rows[0]).toEqual({ kind: 'group', title: 'Process', met: 1, total: 4 });
    expect(groupTallies(criteria, file).get('Governance')).toEqual({ met: 0, total: 9 });
  });

  it('the Required filter keeps Required items and the headings of their groups', () => {
    const visible = visibleItems(criteria, true);
    expect(visible.length).toBe(36);
    expect(visible.every((i) => criteria.items[i]!.required)).toBe(true);
    expect(listRows(criteria, blank, visible).filter((r) => r.kind === 'group').length).toBe(6);
  });

  it('windows the rows to the room with the selection whole and its group heading on top', () => {
    const rows = listRows(criteria, blank, visibleItems(criteria, false));
    for (const selected of [0, 7, 25, 49]) {
      const shown = windowRows(rows, selected, 16);
      expect(lines(shown)).toBeLessThanOrEqual(16);
      expect(shown.some((r) => r.kind === 'item' && r.index === selected)).toBe(true);
      expect(shown[0]!.kind).toBe('group');
    }
    // A list that fits is shown whole; the plain set keeps its old centring (4 items, 10 lines).
    expect(windowRows(rows.slice(0, 5), 2, 40)).toEqual(rows.slice(0, 5));
    const plainRows = listRows(plain, newScoreFile({ document: { path: 'd.md', sha256: '0'.repeat(64), title: 'D' }, criteria: plain, reviewer: ADA }), [0, 1, 2, 3]);
    expect(windowRows(plainRows, 3, 4).map((r) => (r.kind === 'item' ? r.index : -1))).toEqual([2, 3]);
  });

  it('steps among shown items and finds the next unscored one, wrapping round', () => {
    const visible = visibleItems(criteria, true);
    expect(criteria.items[2]!.required).toBe(false);
    expect(neighbour(visible, 1, 1)).toBe(3);
    expect(neighbour(visible, 2, 1)).toBe(3);
    expect(neighbour(visible, 2, -1)).toBe(1);
    expect(neighbour(visible, visible[visible.length - 1]!, 1)).toBe(visible[visible.length - 1]);
    let file = setItemScore(blank, criteria.items[1]!.id, 0);
    const all = visibleItems(criteria, false);
    expect(nextUnscored(criteria, file, all, 0, false)).toBe(2);
    expect(nextUnscored(criteria, file, all, 0, true)).toBe(3);
    expect(nextUnscored(criteria, file, all, 49, false)).toBe(0);
    for (const item of criteria.items) file = setItemScore(file, item.id, 1);
    expect(nextUnscored(criteria, file, all, 10, false)).toBeNull();
  });
});
