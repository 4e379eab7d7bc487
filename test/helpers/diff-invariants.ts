// The invariants of issue 16 for a document diff, checked against the two extractions it was
// built from: added names are names found in the new document, removed ones names found in the
// old, no name found in both is added or removed, and every entry cites lines that exist.
import { expect } from 'vitest';
import type { DocumentDiff, Lines } from '../../src/core/compare/diff-types.js';
import type { ExtractResult } from '../../src/core/evidence/extract-types.js';

/** Every entry of a diff with its kind, for checks over all of them. */
export function diffEntries(diff: DocumentDiff): Array<{ kind: string; lines: Lines }> {
  const groups: Record<string, Array<{ lines: Lines }>> = {
    'adopters.added': diff.adopters.added,
    'adopters.removed': diff.adopters.removed,
    'adopters.renamed': diff.adopters.renamed,
    'adopters.kept': diff.adopters.kept,
    'maintainers.joined': diff.maintainers.joined,
    'maintainers.left': diff.maintainers.left,
    'maintainers.changed': diff.maintainers.changed,
    'maintainers.stayed': diff.maintainers.stayed,
    'maintainers.organisations': diff.maintainers.organisations,
    'metrics.paired': diff.metrics.paired,
    'metrics.notComparable': diff.metrics.notComparable,
    'metrics.onlyOld': diff.metrics.onlyOld,
    'metrics.onlyNew': diff.metrics.onlyNew,
    plans: diff.plans,
  };
  return Object.entries(groups).flatMap(([kind, entries]) => entries.map((entry) => ({ kind, lines: entry.lines })));
}

/** Each name of `entries` is found on the side it came from and not on the other. */
function onOneSideOnly(entries: Array<{ name: string }>, what: string, from: { side: string; names: Set<string> }, other: { side: string; names: Set<string> }, label: string): void {
  for (const { name } of entries) {
    expect(from.names.has(name), `${label} ${what} ${name} is not in the ${from.side} extraction`).toBe(true);
    expect(other.names.has(name), `${label} ${what} ${name} is in the ${other.side} extraction too`).toBe(false);
  }
}

export function checkDiffInvariants(diff: DocumentDiff, old: ExtractResult, now: ExtractResult, label = ''): void {
  const names = (list: Array<{ name: string }>) => new Set(list.map((x) => x.name));
  const adopters = { old: { side: 'old', names: names(old.facts.adopters) }, new: { side: 'new', names: names(now.facts.adopters) } };
  const people = { old: { side: 'old', names: names(old.facts.maintainers) }, new: { side: 'new', names: names(now.facts.maintainers) } };
  onOneSideOnly(diff.adopters.added, 'added adopter', adopters.new, adopters.old, label);
  onOneSideOnly(diff.adopters.removed, 'removed adopter', adopters.old, adopters.new, label);
  onOneSideOnly(diff.maintainers.joined, 'joined', people.new, people.old, label);
  onOneSideOnly(diff.maintainers.left, 'left', people.old, people.new, label);
  const inFile = (line: number, count: number) => Number.isInteger(line) && line >= 1 && line <= count;
  for (const entry of diffEntries(diff)) {
    expect(entry.lines.old.length + entry.lines.new.length, `${label} ${entry.kind} without lines`).toBeGreaterThan(0);
    for (const line of entry.lines.old) expect(inFile(line, old.document.lineCount), `${label} ${entry.kind} old line ${line}`).toBe(true);
    for (const line of entry.lines.new) expect(inFile(line, now.document.lineCount), `${label} ${entry.kind} new line ${line}`).toBe(true);
  }
  for (const c of diff.criteria) {
    const o = old.criteria.find((x) => x.id === c.id);
    const n = now.criteria.find((x) => x.id === c.id);
    expect(c.before?.score ?? null, `${label} ${c.id} before`).toBe(o?.suggestion.score ?? null);
    expect(c.after?.score ?? null, `${label} ${c.id} after`).toBe(n?.suggestion.score ?? null);
    // A criterion with evidence on a side cites lines on that side.
    if (o && o.evidence.length > 0) expect(c.lines.old.length, `${label} ${c.id} old lines`).toBeGreaterThan(0);
    if (n && n.evidence.length > 0) expect(c.lines.new.length, `${label} ${c.id} new lines`).toBeGreaterThan(0);
  }
}
