// The period of a metric (week, month, year, total or null): attached rates, averages, totals,
// levels versus changes, and windows from the sentence, the list's introduction, a table's
// other axis or the section heading. Part of extractMetrics (metrics.ts); the order of the
// rules is documented in docs/evidence-quality.md.
import type { MetricKind, MetricPeriod } from '../evidence/extract-types.js';
import type { Group } from './metric-numbers.js';
import type { TextUnit } from './text-units.js';

export interface Head {
  kind: MetricKind;
  stock: boolean;
  /** A count of new things or of changes ("37 new committers", "3 contributors became maintainers"). */
  change: boolean;
  /** A subset counted per day ("of which 30 are online on a daily basis"): period null. */
  subsetDaily?: boolean;
  /** The label built from a list's intro ("merged PRs" under "Total number of PRs …:"). */
  fromIntro?: string;
  end: number;
  labelStart: number | null;
}

const RATE_AFTER = /^\s*(?:(?:per|a|an|each|every|\/)\s*(week|month|year|day|quarter|meeting|time|release|hour|sprint)s?|(?<![-\w])(weekly|monthly|yearly|annually|daily|quarterly))\b/i;

export function ratePeriod(word: string): MetricPeriod {
  const w = word.toLowerCase();
  if (w.startsWith('week')) return 'week';
  if (w.startsWith('month')) return 'month';
  if (w.startsWith('year') || w.startsWith('annual')) return 'year';
  return null;
}

/** An attached rate right after `pos` ("per month", "each time"), with where it ends. */
export function rateAt(text: string, pos: number, limit: number): { period: MetricPeriod; end: number } | null {
  const match = RATE_AFTER.exec(text.slice(pos, Math.min(limit, pos + 24)));
  if (!match) return null;
  return { period: ratePeriod(match[1] ?? match[2] ?? ''), end: pos + match[0].length };
}

const TOTAL_MARKER = /\bcurrent(?:ly)?\b|\bas of\b|\bto date\b|\bso far\b|\bin total\b|\btotal of\b|\ball[- ]time\b|\bcumulative(?:ly)?\b/i;
const AVERAGE = /\bav(?:era)?g(?:e|ed|es|ing)?\b|\bon average\b/i;
const ANY_RATE = /(?:\bper|\ba|\beach|\/)\s*(week|month|year)\b/i;
const WINDOW = /\b(?:(?:past|last|previous|recent|prior)\s+(?:(year|12 months|twelve months|365 days)|(month|30 days|4 weeks|four weeks)|(week|7 days|seven days))|this (year)|this (month)|this (week))\b/i;
const SINCE = /\bsince\b/i;
const TRAILING_WINDOW = /^[\s\])]*(?:over|in|during|within)\s+the\s+(?:past|last|previous)\s+(?:year|12 months|twelve months|month|30 days|week)\b/i;
const CALENDAR_YEAR = /\b(?:in|during|throughout)\s+(?:19|20)\d\d\b(?![-/.]\d)/i;

export const CONTRIBUTED_FROM = /\b(?:contributions?|commits|pull requests|PRs)\s+from\s*:?\s*$|\bcontributed\s+(?:by|to\s+\S+)\s*:?\s*$/i;

function windowPeriod(text: string): MetricPeriod | 'since' | undefined {
  const window = WINDOW.exec(text);
  const since = SINCE.exec(text);
  if (window && (!since || window.index < since.index)) {
    if (window[1] || window[4]) return 'year';
    if (window[2] || window[5]) return 'month';
    return 'week';
  }
  return since ? 'since' : undefined;
}

export function periodFor(unit: TextUnit, sentence: string, head: Head, text: string, group: Group, contextLabel = ''): MetricPeriod {
  if (head.subsetDaily) return null;
  const attached = rateAt(text, head.end, text.length) ?? rateAt(text, group.end, text.length);
  if (attached) return attached.period;
  // "weekly community meetings (total 74 as of May 2022)": the count is marked as a total, and
  // "weekly" is how often the meetings happen.
  const markedTotal = /\btotal\s*(?:of\s*)?[:=]?\s*[~≈]?\s*$/i.test(text.slice(Math.max(0, group.start - 12), group.start)) || /^[\s)\]]*(?:,\s*)?as of\b/i.test(text.slice(group.end, group.end + 12));
  // "45 monthly active contributors", "Monthly active contributors: 45"
  const between = head.labelStart !== null ? text.slice(head.labelStart, group.start) : text.slice(group.end, head.end);
  // ("331% annual growth from 524 -> 1735" describes the change, not the figures' period.)
  const inner = markedTotal ? null : /(?<![-\w])(weekly|monthly|yearly|annual|annually)\b(?!\s+(?:growth|increase|change|rate))/i.exec(between);
  if (inner) return ratePeriod(inner[1]!);
  const modifierRate = markedTotal ? null : /\b(weekly|monthly|yearly|annual)\s+(?:\w+\s+)?$/i.exec(text.slice(Math.max(0, group.start - 30), group.start));
  if (modifierRate) return ratePeriod(modifierRate[1]!);
  const labelRate = ANY_RATE.exec(contextLabel) ?? /\b(weekly|monthly|yearly|annual)\b/i.exec(contextLabel);
  if (labelRate) return ratePeriod(labelRate[1]!);
  // "Avg: 7 Max: 25", "from a max of 7": a statistic over some window is not a point-in-time total.
  if (/\b(?:avg|average|mean|median|max|maximum|min|minimum|peak)\b\s*(?:of\s*)?[:=]?\s*$/i.test(text.slice(Math.max(0, group.start - 16), group.start))) return null;
  // "The average number of meeting attendees is ~30" (no rate anywhere in the sentence).
  const labelled = text.slice(Math.max(0, group.start - 90), group.start);
  if (/\b(?:average|mean|median)\s+(?:number|count|amount|size)\s+of\b[^.;\d]{0,60}$/i.test(labelled) && !ANY_RATE.test(sentence)) return null;
  // "| Slack DAU | 34 | … | Daily Active Users |": a per-day figure has no period of its own.
  if (/\bdaily\b|\bper day\b/i.test(contextLabel)) return null;
  // "On average, there are 28 commits per month from 60 contributors"; a list introduced by
  // "with (monthly average):" gives its items that rate.
  for (const context of [sentence, unit.intro?.text ?? '']) {
    if (!AVERAGE.test(context)) continue;
    const rate = ANY_RATE.exec(context) ?? /(?<![-\w])(weekly|monthly|yearly|annual)\b/i.exec(context);
    if (rate) return ratePeriod(rate[1]!);
  }
  // "in the last year we released a total of 2 versions": the window beats "total of" for flows;
  // so does a calendar year ("had 8 releases in 2023", "84 meetings in 2023").
  const sentenceWindow = windowPeriod(sentence) ?? (CALENDAR_YEAR.test(sentence) ? 'year' : undefined);
  if (!head.stock && sentenceWindow !== undefined && sentenceWindow !== 'since' && !/\bas of\b|\bcurrent(?:ly)?\b/i.test(sentence)) return sentenceWindow;
  if (TOTAL_MARKER.test(sentence) || (!head.change && TOTAL_MARKER.test(contextLabel))) return 'total';
  // "come from 23 organizations over the past year": a level counted over the window right after
  // it (a before -> after pair "from 658 to 808 over the past year" still gives two levels).
  const trailing = head.stock && group.values.length === 1 ? TRAILING_WINDOW.exec(text.slice(head.end, head.end + 40)) : null;
  if (trailing) return windowPeriod(trailing[0]) as MetricPeriod;
  // "In the last year Proj has had contributions from:" over "- 30 contributors", "- 9 organizations":
  // the people and organisations who contributed over that window.
  if (head.stock && !head.change && (head.kind === 'contributors' || head.kind === 'contributing_orgs') && unit.intro && CONTRIBUTED_FROM.test(unit.intro.text)) {
    const window = windowPeriod(unit.intro.text);
    if (window !== undefined && window !== 'since') return window;
  }
  if (head.stock && !head.change) return 'total';
  for (const context of [sentence, contextLabel, ...introTexts(unit), unit.heading]) {
    const window = windowPeriod(context);
    if (window === 'since') return null;
    if (window !== undefined) return window;
  }
  return null;
}

function introTexts(unit: TextUnit): string[] {
  const texts: string[] = [];
  for (let intro = unit.intro; intro !== null && texts.length < 4; intro = intro.intro) texts.push(intro.text);
  return texts;
}
