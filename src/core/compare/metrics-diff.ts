// Activity figures of two extractions paired by kind and period. A figure is only set beside one
// of the same kind counted over the same period: "28 commits a month" and "400 commits in the
// year" are reported as not comparable, never subtracted. Figures of kind "other" carry no unit
// the extractor knows, so they are left out.
import type { Metric, MetricKind, MetricPeriod } from '../evidence/extract-types.js';
import type { Figure, MetricNotComparable, MetricOneSide, MetricPair, MetricsDiff } from './diff-types.js';

/**
 * One figure per line of a kind and period: a table row across years ("Stars | ~100 | ~450")
 * yields a figure per column, and its last column is the latest.
 */
interface LineFigure extends Figure {
  kind: MetricKind;
  period: MetricPeriod;
  label: string;
}

/** What a figure counts, without its numbers: pairs the same row of two tables first. */
function labelOf(quote: string): string {
  return quote.toLowerCase().replace(/[^a-z]+/g, ' ').trim();
}

function lineFigures(metrics: readonly Metric[]): LineFigure[] {
  const byKey = new Map<string, LineFigure>();
  for (const m of metrics) {
    if (m.kind === 'other') continue;
    const key = `${m.kind}|${m.period}|${m.line}`;
    const label = labelOf(m.quote.split('|')[0] ?? m.quote);
    // Later figures of the same line replace earlier ones (the table's latest column).
    byKey.set(key, { kind: m.kind, period: m.period, value: m.value, line: m.line, quote: m.quote, label });
  }
  return [...byKey.values()];
}

function figure(f: LineFigure): Figure {
  return { value: f.value, line: f.line, quote: f.quote };
}

/** How a period is said after a figure (also by diff-report.ts). */
export const PERIOD_WORDS: Record<string, string> = { week: 'per week', month: 'per month', year: 'per year', total: 'in total', null: 'with no period given' };

function periodWords(period: MetricPeriod): string {
  return PERIOD_WORDS[String(period)]!;
}

function pair(a: LineFigure, b: LineFigure): MetricPair {
  const change = b.value - a.value;
  return {
    kind: a.kind,
    period: a.period,
    old: figure(a),
    new: figure(b),
    change,
    changePercent: a.value === 0 ? null : Math.round((change / a.value) * 1000) / 10,
    lines: { old: [a.line], new: [b.line] },
  };
}

export function diffMetrics(before: readonly Metric[], after: readonly Metric[]): MetricsDiff {
  const old = lineFigures(before);
  const now = lineFigures(after);
  const paired: MetricPair[] = [];
  const usedOld = new Set<LineFigure>();
  const usedNew = new Set<LineFigure>();
  // A period of null is not a period: such figures pair with nothing.
  const comparable = (a: LineFigure, b: LineFigure) => a.kind === b.kind && a.period === b.period && a.period !== null;
  // Same kind, period and label first, then same kind and period in document order.
  for (const sameLabel of [true, false]) {
    for (const b of now) {
      if (usedNew.has(b)) continue;
      const a = old.find((candidate) => !usedOld.has(candidate) && comparable(candidate, b) && (!sameLabel || candidate.label === b.label));
      if (!a) continue;
      usedOld.add(a);
      usedNew.add(b);
      paired.push(pair(a, b));
    }
  }
  const restOld = old.filter((f) => !usedOld.has(f));
  const restNew = now.filter((f) => !usedNew.has(f));
  const notComparable: MetricNotComparable[] = [];
  const onlyOld: MetricOneSide[] = [];
  const onlyNew: MetricOneSide[] = [];
  const kinds = [...new Set([...restOld, ...restNew].map((f) => f.kind))];
  for (const kind of kinds) {
    const a = restOld.filter((f) => f.kind === kind);
    const b = restNew.filter((f) => f.kind === kind);
    if (a.length > 0 && b.length > 0) {
      const periods = (list: LineFigure[]) => [...new Set(list.map((f) => periodWords(f.period)))].join(', ');
      notComparable.push({
        kind,
        old: a.map((f) => ({ ...figure(f), period: f.period })),
        new: b.map((f) => ({ ...figure(f), period: f.period })),
        reason: `counted ${periods(a)} in the old document and ${periods(b)} in the new one`,
        lines: { old: a.map((f) => f.line), new: b.map((f) => f.line) },
      });
      continue;
    }
    for (const f of a) onlyOld.push({ kind, period: f.period, figure: figure(f), lines: { old: [f.line], new: [] } });
    for (const f of b) onlyNew.push({ kind, period: f.period, figure: figure(f), lines: { old: [], new: [f.line] } });
  }
  return { paired, notComparable, onlyOld, onlyNew };
}
