// The invariants of issue 16 for a document diff, checked against the two extractions it was
// built from: added names are names found in the new document, removed ones names found in the
// old, no name found in both is added or removed, and every entry cites lines that exist.
import { expect } from 'vitest';
import type { DocumentDiff, Lines } from '../../src/core/compare/diff-types.js';
import type { ExtractResult } from '../../src/core/evidence/extract-types.js';

/** Every entry of a diff with its kind, for checks over all of them. */
export function diffEntries(diff: DocumentDiff): Array<{ kind: string; lines: Lines }> {
  const out: Array<{ kind: string; lines: Lines }> = [];
  const add = (kind: string, entries: Array<{ lines: Lines }>) => entries.forEach((e) => out.push({ kind, lines: e.lines }));
  add('adopters.added', diff.adopters.added);
  add('adopters.removed', diff.adopters.removed);
  add('adopters.renamed', diff.adopters.renamed);
  add('adopters.kept', diff.adopters.kept);
  add('maintainers.joined', diff.maintainers.joined);
  add('maintainers.left', diff.maintainers.left);
  add('maintainers.changed', diff.maintainers.changed);
  add('maintainers.stayed', diff.maintainers.stayed);
  add('maintainers.organisations', diff.maintainers.organisations);
  add('metrics.paired', diff.metrics.paired);
  add('metrics.notComparable', diff.metrics.notComparable);
  add('metrics.onlyOld', diff.metrics.onlyOld);
  add('metrics.onlyNew', diff.metrics.onlyNew);
  add('plans', diff.plans);
  return out;
}

export function checkDiffInvariants(diff: DocumentDiff, old: ExtractResult, now: ExtractResult, label = ''): void {
  const names = (list: Array<{ name: string }>) => new Set(list.map((x) => x.name));
  const oldAdopters = names(old.facts.adopters);
  const newAdopters = names(now.facts.adopters);
  for (const a of diff.adopters.added) {
    expect(newAdopters.has(a.name), `${label} added adopter ${a.name} is not in the new extraction`).toBe(true);
    expect(oldAdopters.has(a.name), `${label} added adopter ${a.name} is in the old extraction too`).toBe(false);
  }
  for (const a of diff.adopters.removed) {
    expect(oldAdopters.has(a.name), `${label} removed adopter ${a.name} is not in the old extraction`).toBe(true);
    expect(newAdopters.has(a.name), `${label} removed adopter ${a.name} is in the new extraction too`).toBe(false);
  }
  const oldPeople = names(old.facts.maintainers);
  const newPeople = names(now.facts.maintainers);
  for (const m of diff.maintainers.joined) {
    expect(newPeople.has(m.name), `${label} joined ${m.name} is not in the new extraction`).toBe(true);
    expect(oldPeople.has(m.name), `${label} joined ${m.name} is in the old extraction too`).toBe(false);
  }
  for (const m of diff.maintainers.left) {
    expect(oldPeople.has(m.name), `${label} left ${m.name} is not in the old extraction`).toBe(true);
    expect(newPeople.has(m.name), `${label} left ${m.name} is in the new extraction too`).toBe(false);
  }
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
