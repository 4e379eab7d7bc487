// A document diff as readable sections, shared by the terminal text and the markdown renderers:
// each section a title and one line per entry, every line ending with the lines it cites in
// each document. `esc` makes a piece of document text safe for the output (sanitised for the
// terminal, escaped for markdown); everything else here is our own wording.
import { lineSetLabel } from '../document/doc-query.js';
import type { MetricPeriod } from '../evidence/extract-types.js';
import type { DocumentDiff, Lines, MaintainerEntry } from './diff-types.js';
import { PERIOD_WORDS } from './metrics-diff.js';

export interface ReportSection {
  title: string;
  lines: string[];
}

export type Escape = (text: string) => string;

/** "old line 13, new lines 19-20", or one side alone. */
export function citeLabel(lines: Lines): string {
  const parts: string[] = [];
  if (lines.old.length > 0) parts.push(`old ${lineSetLabel(lines.old)}`);
  if (lines.new.length > 0) parts.push(`new ${lineSetLabel(lines.new)}`);
  return parts.join(', ');
}

export const cite = (lines: Lines) => ` (${citeLabel(lines)})`;

/** How an entry's lines are cited: ` (old line 13, new lines 19-20)`, or the same with links (diff-markdown). */
export type Cite = (lines: Lines) => string;

function person(m: Pick<MaintainerEntry, 'name' | 'handle' | 'affiliation'>, esc: Escape): string {
  const about = [m.handle === null ? null : `@${m.handle}`, m.affiliation].filter((x): x is string => x !== null);
  return `${esc(m.name)}${about.length > 0 ? ` (${esc(about.join(', '))})` : ''}`;
}

const periodWords = (period: MetricPeriod) => (period === null ? '' : ` ${PERIOD_WORDS[period]!}`);
const KIND: Record<string, string> = { merged_prs: 'merged PRs', prs: 'PRs', contributing_orgs: 'contributing organisations' };
const kindWords = (kind: string) => KIND[kind] ?? kind;

function signed(n: number): string {
  return n > 0 ? `+${n}` : String(n);
}

export function score(value: number | null | undefined): string {
  return value === null || value === undefined ? 'none' : String(value);
}

/** Adopters added, removed and renamed, one line each with its lines (unchanged ones left out). */
export function adopterChanges(diff: DocumentDiff, esc: Escape, c: Cite = cite): string[] {
  const a = diff.adopters;
  return [
    ...a.added.map((x) => `added: ${esc(x.name)}${c(x.lines)}`),
    ...a.removed.map((x) => `removed: ${esc(x.name)}${c(x.lines)}`),
    ...a.renamed.map((x) => `renamed: ${esc(x.oldName)} -> ${esc(x.name)}${c(x.lines)}`),
  ];
}

/** The section titles both reports (`diff` and the UI's since pane) use. */
export const adoptersTitle = (diff: DocumentDiff) => `Adopters: ${diff.adopters.count.old} named before, ${diff.adopters.count.new} now`;
export const maintainersTitle = (diff: DocumentDiff) => `Maintainers: ${diff.maintainers.count.old} listed before, ${diff.maintainers.count.new} now`;
export const ORGANISATIONS_TITLE = 'Organisations (share of the listed maintainers)';

/** A criterion's rationale before and after. */
export function rationaleLines(entry: DocumentDiff['criteria'][number] | undefined, esc: Escape, indent = ''): string[] {
  return [`${indent}before: ${esc(entry?.before?.rationale ?? 'not in this criteria set')}`, `${indent}after: ${esc(entry?.after?.rationale ?? 'not in this criteria set')}`];
}

function adopters(diff: DocumentDiff, esc: Escape, c: Cite = cite): ReportSection {
  const lines = adopterChanges(diff, esc, c);
  if (diff.adopters.kept.length > 0) lines.push(`unchanged: ${diff.adopters.kept.length}`);
  return { title: adoptersTitle(diff), lines };
}

/** Maintainers joined, left and changed, one line each with its lines (unchanged ones left out). */
export function maintainerChanges(diff: DocumentDiff, esc: Escape, c: Cite = cite): string[] {
  const m = diff.maintainers;
  return [
    ...m.joined.map((x) => `joined: ${person(x, esc)}${c(x.lines)}`),
    ...m.left.map((x) => `left: ${person(x, esc)}${c(x.lines)}`),
    ...m.changed.map(
      (x) => `changed: ${esc(x.name)}: ${x.changes.map((c) => `${c.field} ${esc(c.old ?? 'none')} -> ${esc(c.new ?? 'none')}`).join('; ')}${c(x.lines)}`,
    ),
  ];
}

/** Each organisation's count and share before and after, with its lines. */
export function organisationShares(diff: DocumentDiff, esc: Escape, c: Cite = cite): string[] {
  return diff.maintainers.organisations.map((o) => `${esc(o.name)}: ${o.old.count} (${o.old.share}%) -> ${o.new.count} (${o.new.share}%)${c(o.lines)}`);
}

function maintainers(diff: DocumentDiff, esc: Escape, c: Cite = cite): ReportSection[] {
  const m = diff.maintainers;
  const lines = maintainerChanges(diff, esc, c);
  if (m.stayed.length > 0) lines.push(`unchanged: ${m.stayed.length}`);
  const sections = [{ title: maintainersTitle(diff), lines }];
  if (m.organisations.length > 0) sections.push({ title: ORGANISATIONS_TITLE, lines: organisationShares(diff, esc, c) });
  return sections;
}

/** Activity figures paired by kind and period, or why not, each with its lines. */
export function metricsSection(diff: DocumentDiff, esc: Escape, c: Cite = cite): ReportSection {
  const m = diff.metrics;
  const lines = [
    ...m.paired.map(
      (p) =>
        `${kindWords(p.kind)}${periodWords(p.period)}: ${p.old.value} -> ${p.new.value} (${signed(p.change)}${p.changePercent === null ? '' : `, ${signed(p.changePercent)}%`})${c(p.lines)}`,
    ),
    ...m.notComparable.map(
      (n) => `${kindWords(n.kind)}: not comparable, ${n.reason}: "${esc(n.old.map((f) => f.quote).join('", "'))}" vs "${esc(n.new.map((f) => f.quote).join('", "'))}"${c(n.lines)}`,
    ),
    ...m.onlyOld.map((o) => `${kindWords(o.kind)}${periodWords(o.period)}: ${o.figure.value} before, no such figure now${c(o.lines)}`),
    ...m.onlyNew.map((o) => `${kindWords(o.kind)}${periodWords(o.period)}: ${o.figure.value} now, no such figure before${c(o.lines)}`),
  ];
  return { title: 'Activity figures', lines };
}

function criteria(diff: DocumentDiff, esc: Escape, c: Cite = cite): ReportSection {
  const lines: string[] = [];
  for (const entry of diff.criteria) {
    const head = `${entry.id}: ${score(entry.before?.score)} -> ${score(entry.after?.score)}${entry.changed ? ' (changed)' : ''}`;
    lines.push(`${head}${entry.lines.old.length + entry.lines.new.length > 0 ? c(entry.lines) : ''}`);
    if (entry.changed) lines.push(...rationaleLines(entry, esc, '  '));
  }
  return { title: `Suggested scores (${diff.criteriaSet.id})`, lines };
}

const STATUS: Record<string, string> = { reported: 'reported on', 'planned-again': 'planned again', 'not-mentioned': 'not mentioned' };

function plans(diff: DocumentDiff, esc: Escape, c: Cite = cite): ReportSection {
  const lines: string[] = [];
  for (const p of diff.plans) {
    lines.push(`${STATUS[p.status]}: "${esc(p.statement)}"${c(p.lines)}`);
    for (const m of p.mentions) lines.push(`  new line ${m.line}: "${esc(m.text)}"`);
  }
  return { title: 'Plans stated in the old document', lines };
}

export function diffReport(diff: DocumentDiff, esc: Escape, c: Cite = cite): ReportSection[] {
  return [adopters(diff, esc, c), ...maintainers(diff, esc, c), metricsSection(diff, esc, c), criteria(diff, esc, c), plans(diff, esc, c)];
}
