// The criteria list of a long grouped set (a 45-50 item TOC template) as pure functions: which
// items are shown (all, or Required only), the group headings with their met/total, the window of
// rows around the selection, and where "next unscored" goes. A set without groups and with every
// item required (the default four-item set) gets exactly the plain list it always had.
import type { CriteriaSet } from '../../core/criteria/criteria.js';
import { scoreMeets } from '../../core/criteria/criteria-scale.js';
import type { ScoreFile } from '../../core/scores/score-file.js';

export type ListRow = { kind: 'group'; title: string; met: number; total: number } | { kind: 'item'; index: number };

/** Whether the set is template-shaped enough to show group headings and Required/Suggested marks. */
export function isGroupedSet(criteria: CriteriaSet): boolean {
  return criteria.items.some((item) => item.group !== undefined || !item.required);
}

/** Indices of the items shown, in set order. */
export function visibleItems(criteria: CriteriaSet, requiredOnly: boolean): number[] {
  const out: number[] = [];
  criteria.items.forEach((item, index) => {
    if (!requiredOnly || item.required) out.push(index);
  });
  return out;
}

/**
 * Met and total per group over the whole set (the filter hides items, not the group's standing);
 * N/A items are left out of the total, as in the summaries.
 */
export function groupTallies(criteria: CriteriaSet, file: ScoreFile): Map<string, { met: number; total: number }> {
  const scores = new Map(file.items.map((item) => [item.id, item.score]));
  const out = new Map<string, { met: number; total: number }>();
  for (const item of criteria.items) {
    if (item.group === undefined) continue;
    const tally = out.get(item.group) ?? { met: 0, total: 0 };
    const score = scores.get(item.id) ?? null;
    if (score !== 'na') tally.total++;
    if (scoreMeets(criteria, score) === true) tally.met++;
    out.set(item.group, tally);
  }
  return out;
}

/** The list's rows: a heading where the group changes among the shown items, then each item. */
export function listRows(criteria: CriteriaSet, file: ScoreFile, visible: readonly number[]): ListRow[] {
  const tallies = groupTallies(criteria, file);
  const rows: ListRow[] = [];
  let group: string | undefined;
  for (const index of visible) {
    const item = criteria.items[index]!;
    if (item.group !== undefined && item.group !== group) {
      const tally = tallies.get(item.group)!;
      rows.push({ kind: 'group', title: item.group, met: tally.met, total: tally.total });
    }
    group = item.group;
    rows.push({ kind: 'item', index });
  }
  return rows;
}

/**
 * The rows that fit `lines` screen lines (a heading takes one, an item `itemLines`), placed so
 * the selected item is whole and as near the middle as it goes; a heading is kept above the
 * first item shown so the reader always sees which group it is in.
 */
export function windowRows(rows: readonly ListRow[], selected: number, lines: number, itemLines = 2): ListRow[] {
  const height = (row: ListRow) => (row.kind === 'group' ? 1 : itemLines);
  const total = rows.reduce((sum, row) => sum + height(row), 0);
  if (total <= lines) return [...rows];
  let at = rows.findIndex((row) => row.kind === 'item' && row.index === selected);
  if (at < 0) at = rows.findIndex((row) => row.kind === 'item');
  if (at < 0) return [];
  // Up to half the spare room above the selection, then fill below, then above again.
  // As many lines above as half the items that fit would take (the plain list's old centring).
  const budget = itemLines * Math.floor(Math.floor(lines / itemLines) / 2);
  let start = at;
  let end = at + 1;
  let above = 0;
  while (start > 0 && above + height(rows[start - 1]!) <= budget) above += height(rows[--start]!);
  let used = height(rows[at]!) + above;
  while (end < rows.length && used + height(rows[end]!) <= lines) used += height(rows[end++]!);
  while (start > 0 && used + height(rows[start - 1]!) <= lines) used += height(rows[--start]!);
  const shown = rows.slice(start, end);
  // The group of the first item shown, when its heading scrolled off: it takes that item's
  // place (unless that is the selection), so the reader always sees which group this is.
  const first = shown[0];
  if (first?.kind === 'item' && first.index !== selected) {
    const heading = rows.slice(0, start).findLast((row) => row.kind === 'group');
    if (heading) shown[0] = heading;
  }
  return shown;
}

/** The shown item `delta` steps from the selection (or the nearest shown one when it is hidden). */
export function neighbour(visible: readonly number[], selected: number, delta: number): number {
  if (visible.length === 0) return selected;
  const at = visible.indexOf(selected);
  if (at < 0) {
    const after = visible.findIndex((index) => index > selected);
    const base = after < 0 ? visible.length - 1 : delta > 0 ? after - 1 : after;
    return visible[Math.max(0, Math.min(visible.length - 1, base + delta))]!;
  }
  return visible[Math.max(0, Math.min(visible.length - 1, at + delta))]!;
}

/**
 * The next shown item after the selection, wrapping round, that is unscored (N/A counts as
 * scored), and Required when `requiredOnly`; null when there is none.
 */
export function nextUnscored(criteria: CriteriaSet, file: ScoreFile, visible: readonly number[], selected: number, requiredOnly: boolean): number | null {
  const scores = new Map(file.items.map((item) => [item.id, item.score]));
  const order = [...visible.filter((index) => index > selected), ...visible.filter((index) => index <= selected)];
  for (const index of order) {
    const item = criteria.items[index]!;
    if (requiredOnly && !item.required) continue;
    if ((scores.get(item.id) ?? null) === null) return index;
  }
  return null;
}
