// How each fact kind reads as text: the `extract` report's lines and the review pane's rows.
// Pure strings, so both the command and the Ink pane take them from the registry and no kind
// can be shown in one place and silently missing from the other.
import type { Facts } from '../evidence/extract-types.js';
import { sanitizeLine } from '../sanitize.js';

/** A row of the review pane: a `label` heads a kind; other rows wrap and are sanitised by the pane. */
export interface PaneLine {
  text: string;
  tone: 'label' | 'dim' | 'plain';
}

function capped<T>(list: readonly T[], max: number): { shown: readonly T[]; more: number } {
  return list.length > max ? { shown: list.slice(0, max), more: list.length - max } : { shown: list, more: 0 };
}

function moreLine(more: number): PaneLine[] {
  return more > 0 ? [{ text: `… and ${more} more (toc-review extract lists them all)`, tone: 'dim' }] : [];
}

/** "A (1), B (2), …" broken into indented lines of about 80 columns. */
function wrapList(parts: string[]): string[] {
  const lines: string[] = [];
  let current = '';
  for (const part of parts) {
    const next = current === '' ? part : `${current}, ${part}`;
    if (next.length > 76 && current !== '') {
      lines.push(`  ${current},`);
      current = part;
    } else current = next;
  }
  if (current !== '') lines.push(`  ${current}`);
  return lines;
}

// ---- the extract report ----

export function adoptersReport(facts: Facts): string[] {
  const claimed = facts.adoptersClaimedCount != null ? `; ${facts.adoptersClaimedCount} claimed in the text` : '';
  return [`adopters: ${facts.adopters.length} named${claimed}`, ...wrapList(facts.adopters.map((a) => `${a.name} (${a.line})`))];
}

export function maintainersReport(facts: Facts): string[] {
  return [
    `maintainers: ${facts.maintainers.length} listed`,
    ...facts.maintainers.map((m) => `  line ${m.line}: ${m.name}${m.handle ? ` @${m.handle}` : ''}${m.affiliation ? `, ${m.affiliation}` : ''}`),
  ];
}

export function metricsReport(facts: Facts): string[] {
  return [
    `activity figures: ${facts.metrics.length}`,
    ...facts.metrics.map((m) => `  line ${m.line}: ${m.kind} ${m.value}${m.period ? ` (${m.period})` : ''}  "${m.quote}"`),
  ];
}

export function versioningReport(facts: Facts): string[] {
  return [`release statements: ${facts.versioning.length}`, ...facts.versioning.map((v) => `  line ${v.line}: "${v.quote}"`)];
}

// ---- the review pane (at most `max` facts per kind) ----

export function adoptersPane(facts: Facts, max: number): PaneLine[] {
  const claimed = facts.adoptersClaimedCount;
  const out: PaneLine[] = [{ text: `Adopters named: ${facts.adopters.length}${claimed ? ` (document claims ${claimed})` : ''}`, tone: 'label' }];
  const { shown, more } = capped(facts.adopters, max);
  if (shown.length > 0) out.push({ text: shown.map((a) => `${a.name} (l.${a.line})`).join(', '), tone: 'plain' });
  return out.concat(moreLine(more));
}

export function maintainersPane(facts: Facts, max: number): PaneLine[] {
  const orgs = new Map<string, number>();
  for (const m of facts.maintainers) if (m.affiliation) orgs.set(m.affiliation, (orgs.get(m.affiliation) ?? 0) + 1);
  const orgText = [...orgs.entries()].sort((a, b) => b[1] - a[1]).map(([org, n]) => `${org} ${n}`).join(', ');
  const out: PaneLine[] = [
    { text: `Maintainers named: ${facts.maintainers.length}${orgs.size ? ` from ${orgs.size} organisation${orgs.size === 1 ? '' : 's'}` : ''}`, tone: 'label' },
  ];
  if (orgText) out.push({ text: orgText, tone: 'dim' });
  const { shown, more } = capped(facts.maintainers, max);
  if (shown.length > 0) out.push({ text: shown.map((m) => `${m.name}${m.affiliation ? ` (${m.affiliation})` : ''} l.${m.line}`).join(', '), tone: 'plain' });
  return out.concat(moreLine(more));
}

export function metricsPane(facts: Facts, max: number): PaneLine[] {
  const out: PaneLine[] = [{ text: `Figures found: ${facts.metrics.length}`, tone: 'label' }];
  const { shown, more } = capped(facts.metrics, max);
  for (const m of shown) {
    const period = m.period && m.period !== 'total' ? ` per ${m.period}` : m.period === 'total' ? ' in total' : '';
    out.push({ text: `l.${m.line}  ${m.value} ${m.kind.replace('_', ' ')}${period}: "${sanitizeLine(m.quote)}"`, tone: 'plain' });
  }
  return out.concat(moreLine(more));
}

export function versioningPane(facts: Facts, max: number): PaneLine[] {
  const out: PaneLine[] = [{ text: `Versioning statements: ${facts.versioning.length}`, tone: 'label' }];
  const { shown, more } = capped(facts.versioning, max);
  for (const v of shown) out.push({ text: `l.${v.line}  ${sanitizeLine(v.quote)}`, tone: 'plain' });
  return out.concat(moreLine(more));
}
