// Scores an extraction (Contract 1 JSON) against a hand-checked gold file of the reference
// corpus (test/fixtures/corpus/README.md describes the gold conventions). Pure: used by the
// gold test and, bundled on the fly, by scripts/eval-corpus.mjs, which scores the built CLI.

export interface GoldMetric {
  line: number;
  kind: string;
  value: number;
  period: string | null;
  quote: string;
}

export interface Gold {
  source: string;
  adopters: string[];
  adopters_claimed_count: number | null;
  maintainers: Array<{ name: string; handle: string | null; affiliation: string | null }>;
  maintainer_orgs: string[];
  flow_metrics: Array<Omit<GoldMetric, 'quote'> & { quote?: string }>;
  /** Absent in the pool gold (test/fixtures/pool-gold), which does not annotate versioning. */
  versioning?: Array<{ line: number; quote: string }>;
  sections: Record<string, [number, number] | null>;
}

/** The parts of `extract --json` output the scorer reads. */
export interface Extraction {
  facts: {
    adopters: Array<{ name: string; line: number }>;
    maintainers: Array<{ name: string; affiliation: string | null }>;
    metrics: Array<{ kind: string; value: number; period: string | null; line: number; quote: string }>;
    versioning: Array<{ line: number; quote: string }>;
  };
  criteria: Array<{ id: string; evidence: Array<{ startLine: number; endLine: number }> }>;
}

export interface Counts {
  /** Items found that are in gold. */
  tp: number;
  /** Items found. */
  found: number;
  /** Items in gold. */
  gold: number;
}

export interface DocumentScore {
  source: string;
  adopters: Counts;
  /** Whether the document lists maintainers by name (gold non-empty). */
  listsMaintainers: boolean;
  maintainerCountExact: boolean;
  maintainerOrgsExact: boolean;
  metrics: Counts;
  /** Of the metrics matched by (line, value), how many also have gold's kind and period. */
  metricKindMatches: number;
  metricPeriodMatches: number;
  /** Null when the gold does not annotate versioning. */
  versioning: Counts | null;
  /** Criteria whose gold section is non-null, and how many of them the first evidence range overlaps. */
  sections: { checked: number; overlapping: number; misses: string[] };
  /** Quotes that are not exact substrings of their line (must be 0). */
  badQuotes: number;
}

/** Criterion ids of the default set, mapped to the gold's `sections` keys. */
export const SECTION_KEYS: Record<string, string> = {
  'production-users': 'production_users',
  'committer-health': 'committer_health',
  'commit-flow': 'commit_flow',
  versioning: 'versioning',
};

/** Adopter and organisation names compared case- and punctuation-insensitively. */
export function normaliseName(name: string): string {
  return name.toLowerCase().normalize('NFKC').replace(/[\p{P}\p{S}\s]+/gu, '');
}

/** Multiset intersection size of two key lists. */
function matchCount(found: string[], gold: string[]): number {
  const left = new Map<string, number>();
  for (const key of gold) left.set(key, (left.get(key) ?? 0) + 1);
  let tp = 0;
  for (const key of found) {
    const n = left.get(key) ?? 0;
    if (n > 0) {
      tp++;
      left.set(key, n - 1);
    }
  }
  return tp;
}

function counts(found: string[], gold: string[]): Counts {
  return { tp: matchCount(found, gold), found: found.length, gold: gold.length };
}

function sameSet(a: string[], b: string[]): boolean {
  const left = new Set(a);
  const right = new Set(b);
  return left.size === right.size && [...left].every((x) => right.has(x));
}

export function scoreDocument(result: Extraction, gold: Gold, lines: string[]): DocumentScore {
  const adopters = counts([...new Set(result.facts.adopters.map((a) => normaliseName(a.name)))], [...new Set(gold.adopters.map(normaliseName))]);

  const orgs = result.facts.maintainers.map((m) => m.affiliation).filter((a): a is string => a !== null && a !== '');
  const key = (m: { line: number; value: number }): string => `${m.line}:${m.value}`;
  const metrics = counts(result.facts.metrics.map(key), gold.flow_metrics.map(key));
  let metricKindMatches = 0;
  let metricPeriodMatches = 0;
  const unmatchedGold = [...gold.flow_metrics];
  for (const metric of result.facts.metrics) {
    const index = unmatchedGold.findIndex((g) => key(g) === key(metric));
    if (index < 0) continue;
    const [g] = unmatchedGold.splice(index, 1);
    if (g!.kind === metric.kind) metricKindMatches++;
    if (g!.period === metric.period) metricPeriodMatches++;
  }

  const versioning = gold.versioning
    ? counts([...new Set(result.facts.versioning.map((v) => String(v.line)))], [...new Set(gold.versioning.map((v) => String(v.line)))])
    : null;

  const sections = { checked: 0, overlapping: 0, misses: [] as string[] };
  for (const criterion of result.criteria) {
    const goldRange = gold.sections[SECTION_KEYS[criterion.id] ?? criterion.id];
    if (!goldRange) continue;
    sections.checked++;
    const first = criterion.evidence[0];
    if (first && first.startLine <= goldRange[1] && first.endLine >= goldRange[0]) sections.overlapping++;
    else sections.misses.push(criterion.id);
  }

  const quoted = [...result.facts.metrics, ...result.facts.versioning];
  const badQuotes = quoted.filter((f) => !(lines[f.line - 1] ?? '').includes(f.quote) || f.quote === '').length;

  return {
    source: gold.source,
    adopters,
    listsMaintainers: gold.maintainers.length > 0,
    maintainerCountExact: result.facts.maintainers.length === gold.maintainers.length,
    maintainerOrgsExact: sameSet(orgs.map(normaliseName), gold.maintainer_orgs.map(normaliseName)),
    metrics,
    metricKindMatches,
    metricPeriodMatches,
    versioning,
    sections,
    badQuotes,
  };
}

export function precision(c: Counts): number {
  return c.found === 0 ? (c.gold === 0 ? 1 : 0) : c.tp / c.found;
}

export function recall(c: Counts): number {
  return c.gold === 0 ? 1 : c.tp / c.gold;
}

export function f1(c: Counts): number {
  const p = precision(c);
  const r = recall(c);
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}

function sum(list: Counts[]): Counts {
  return list.reduce((a, c) => ({ tp: a.tp + c.tp, found: a.found + c.found, gold: a.gold + c.gold }), { tp: 0, found: 0, gold: 0 });
}

export interface OverallScore {
  adopters: Counts;
  metrics: Counts;
  versioning: Counts;
  metricKindMatches: number;
  metricPeriodMatches: number;
  /** Documents that list maintainers, and how many of them have count and organisations exact. */
  maintainerDocs: number;
  maintainerCountExact: number;
  maintainerOrgsExact: number;
  /** Documents that list no maintainers, and how many of them got none invented. */
  noMaintainerDocs: number;
  noMaintainerInvented: number;
  sections: { checked: number; overlapping: number };
  badQuotes: number;
}

/** Micro-averaged totals over documents (counts summed, then ratios). */
export function overall(scores: DocumentScore[]): OverallScore {
  const listing = scores.filter((s) => s.listsMaintainers);
  return {
    adopters: sum(scores.map((s) => s.adopters)),
    metrics: sum(scores.map((s) => s.metrics)),
    versioning: sum(scores.flatMap((s) => (s.versioning ? [s.versioning] : []))),
    metricKindMatches: scores.reduce((a, s) => a + s.metricKindMatches, 0),
    metricPeriodMatches: scores.reduce((a, s) => a + s.metricPeriodMatches, 0),
    maintainerDocs: listing.length,
    maintainerCountExact: listing.filter((s) => s.maintainerCountExact).length,
    maintainerOrgsExact: listing.filter((s) => s.maintainerOrgsExact).length,
    noMaintainerDocs: scores.length - listing.length,
    noMaintainerInvented: scores.filter((s) => !s.listsMaintainers && s.maintainerCountExact).length,
    sections: {
      checked: scores.reduce((a, s) => a + s.sections.checked, 0),
      overlapping: scores.reduce((a, s) => a + s.sections.overlapping, 0),
    },
    badQuotes: scores.reduce((a, s) => a + s.badQuotes, 0),
  };
}

/** The targets on the corpus. */
export const TARGETS = {
  adopterF1: 0.9,
  metricRecall: 0.9,
  metricPrecision: 0.8,
  sectionOverlap: 0.9,
} as const;

/** Names of the targets the overall score misses (empty when all are met). */
export function missedTargets(total: OverallScore): string[] {
  const missed: string[] = [];
  if (f1(total.adopters) < TARGETS.adopterF1) missed.push(`adopters F1 ${f1(total.adopters).toFixed(2)} < ${TARGETS.adopterF1}`);
  if (total.maintainerCountExact < total.maintainerDocs) missed.push('maintainer count not exact on every document that lists them');
  if (total.maintainerOrgsExact < total.maintainerDocs) missed.push('maintainer organisations not exact on every document that lists them');
  if (recall(total.metrics) < TARGETS.metricRecall) missed.push(`metric recall ${recall(total.metrics).toFixed(2)} < ${TARGETS.metricRecall}`);
  if (precision(total.metrics) < TARGETS.metricPrecision) missed.push(`metric precision ${precision(total.metrics).toFixed(2)} < ${TARGETS.metricPrecision}`);
  const overlap = total.sections.checked === 0 ? 1 : total.sections.overlapping / total.sections.checked;
  if (overlap < TARGETS.sectionOverlap) missed.push(`first-evidence overlap ${(overlap * 100).toFixed(0)}% < ${TARGETS.sectionOverlap * 100}%`);
  if (total.badQuotes > 0) missed.push(`${total.badQuotes} quotes are not substrings of their line`);
  return missed;
}

const pct = (x: number): string => x.toFixed(2);
const frac = (a: number, b: number): string => `${a}/${b}`;

/** The per-document and overall table, as GitHub-flavoured markdown. */
export function formatTable(scores: DocumentScore[]): string {
  const header =
    '| Document | Adopters P | Adopters R | Adopters F1 | Maint. count | Maint. orgs | Metrics P | Metrics R | Kind ok | Period ok | Versioning P | Versioning R | First evidence overlap |';
  const rule = '|---|---:|---:|---:|:---:|:---:|---:|---:|---:|---:|---:|---:|---:|';
  const yesNo = (listed: boolean, ok: boolean): string => (listed ? (ok ? 'exact' : 'WRONG') : ok ? 'n/a (0=0)' : 'n/a (WRONG)');
  const rows = scores.map((s) =>
    [
      s.source.replace(/\.md$/, ''),
      pct(precision(s.adopters)),
      pct(recall(s.adopters)),
      pct(f1(s.adopters)),
      yesNo(s.listsMaintainers, s.maintainerCountExact),
      yesNo(s.listsMaintainers, s.maintainerOrgsExact),
      pct(precision(s.metrics)),
      pct(recall(s.metrics)),
      frac(s.metricKindMatches, s.metrics.tp),
      frac(s.metricPeriodMatches, s.metrics.tp),
      s.versioning ? pct(precision(s.versioning)) : '–',
      s.versioning ? pct(recall(s.versioning)) : '–',
      frac(s.sections.overlapping, s.sections.checked) + (s.sections.misses.length > 0 ? ` (miss: ${s.sections.misses.join(', ')})` : ''),
    ].join(' | '),
  );
  const t = overall(scores);
  const total = [
    '**overall**',
    pct(precision(t.adopters)),
    pct(recall(t.adopters)),
    pct(f1(t.adopters)),
    frac(t.maintainerCountExact, t.maintainerDocs),
    frac(t.maintainerOrgsExact, t.maintainerDocs),
    pct(precision(t.metrics)),
    pct(recall(t.metrics)),
    frac(t.metricKindMatches, t.metrics.tp),
    frac(t.metricPeriodMatches, t.metrics.tp),
    scores.some((s) => s.versioning) ? pct(precision(t.versioning)) : '–',
    scores.some((s) => s.versioning) ? pct(recall(t.versioning)) : '–',
    `${frac(t.sections.overlapping, t.sections.checked)} (${((t.sections.overlapping / Math.max(1, t.sections.checked)) * 100).toFixed(0)}%)`,
  ].join(' | ');
  return [header, rule, ...rows.map((r) => `| ${r} |`), `| ${total} |`].join('\n');
}

/** The figures (issue 14), one row per figure; targets apply to every document set. */
export const FIGURE_TARGETS = {
  adopterF1: 0.85,
  maintainerCount: 0.8,
  maintainerOrgs: 0.75,
  noInvented: 0.9,
  metricRecall: 0.85,
  metricPrecision: 0.8,
  firstPassage: 0.9,
} as const;

export interface Figures {
  adopterF1: number;
  maintainerCount: number;
  maintainerOrgs: number;
  noInvented: number;
  metricRecall: number;
  metricPrecision: number;
  firstPassage: number;
}

const ratio = (a: number, b: number): number => (b === 0 ? 1 : a / b);

export function figures(total: OverallScore): Figures {
  return {
    adopterF1: f1(total.adopters),
    maintainerCount: ratio(total.maintainerCountExact, total.maintainerDocs),
    maintainerOrgs: ratio(total.maintainerOrgsExact, total.maintainerDocs),
    noInvented: ratio(total.noMaintainerInvented, total.noMaintainerDocs),
    metricRecall: recall(total.metrics),
    metricPrecision: precision(total.metrics),
    firstPassage: ratio(total.sections.overlapping, total.sections.checked),
  };
}

const FIGURE_ROWS: Array<[keyof Figures, string, (t: OverallScore) => string]> = [
  ['adopterF1', 'adopters F1', (t) => `P ${pct(precision(t.adopters))} R ${pct(recall(t.adopters))}`],
  ['maintainerCount', 'maintainer count exact (documents that list maintainers)', (t) => frac(t.maintainerCountExact, t.maintainerDocs)],
  ['maintainerOrgs', 'maintainer organisation set exact', (t) => frac(t.maintainerOrgsExact, t.maintainerDocs)],
  ['noInvented', 'no maintainers invented where the document lists none', (t) => frac(t.noMaintainerInvented, t.noMaintainerDocs)],
  ['metricRecall', 'metrics recall', (t) => frac(t.metrics.tp, t.metrics.gold)],
  ['metricPrecision', 'metrics precision', (t) => frac(t.metrics.tp, t.metrics.found)],
  ['firstPassage', 'first evidence passage in the right section', (t) => frac(t.sections.overlapping, t.sections.checked)],
];

/** The figures table: one column per document set, with the counts behind each figure and the target. */
export function formatFigures(sets: Array<{ name: string; total: OverallScore }>): string {
  const header = `| figure | ${sets.map((s) => s.name).join(' | ')} | target |`;
  const rule = `|---|${sets.map(() => '---|').join('')}---|`;
  const rows = FIGURE_ROWS.map(([key, label, detail]) => {
    const cells = sets.map((s) => {
      const value = figures(s.total)[key];
      return `${pct(value)}${value < FIGURE_TARGETS[key] ? ' (miss)' : ''} (${detail(s.total)})`;
    });
    return `| ${label} | ${cells.join(' | ')} | >= ${FIGURE_TARGETS[key]} |`;
  });
  return [header, rule, ...rows].join('\n');
}
