// The scored summary of one reviewer's score file as data: what the markdown export renders
// and what `export --format json` prints. Pure: the score file, the criteria set and (when the
// document could be read) a fresh extraction go in; nothing is read from disk here.
import type { CriteriaSet } from '../criteria/criteria.js';
import { scaleLabel, scoreMeets, type ScoreValue } from '../criteria/criteria-scale.js';
import { lineRuns } from '../document/doc-query.js';
import { UsageError } from '../errors.js';
import type { ExtractResult } from '../evidence/extract-types.js';
import { lineRangeUrl, safeLinkUrl } from './markdown-escape.js';
import { isPinnedOrigin } from '../scores/origin.js';
import { quoted } from '../sanitize.js';
import type { ScoreFile, Verdict } from '../scores/score-file.js';

export const SUMMARY_SCHEMA = 'toc-review/summary@1' as const;

export const VERDICT_LABELS: Record<Verdict, string> = {
  ready: 'Ready',
  'not-ready': 'Not ready',
  'needs-more-info': 'Needs more information',
};

export interface SummaryOptions {
  /** Export date shown in the header (YYYY-MM-DD); injected so golden files are stable. */
  date: string;
  /** Overrides the score file's document.origin for links (e.g. `--origin URL`). */
  origin?: string | null;
  /**
   * Why the document could not be re-read (missing, unreadable), when `extract` is null. Shown
   * in the export instead of failing it.
   */
  documentProblem?: string | null;
}

export interface SummaryCitation {
  startLine: number;
  endLine: number;
  quote: string;
  /** Link to the exact lines at the document's origin, when it is a GitHub/GitLab blob URL. */
  url: string | null;
  /** Why the citation cannot be right (past the end of the document), else null; never linked then. */
  problem: string | null;
}

/** How cited lines are linked: a URL per citation, and why links were left out (null when not). */
export interface CitationLinker {
  cite(citation: { startLine: number; endLine: number; quote: string }): SummaryCitation;
  omitted: string | null;
}

/**
 * Links must never point at other text than the version scored. A commit-pinned origin shows
 * that version; a branch origin only while the document on disk is still the version scored.
 * With the scored version on disk (`lineCount` known), a citation past its end is marked, not linked.
 */
export function citationLinker(origin: string | null, status: DocumentStatus, lineCount: number | null): CitationLinker {
  const keep = origin !== null && (isPinnedOrigin(origin) || status !== 'changed');
  const omitted =
    origin !== null && !keep && lineRangeUrl(origin, 1, 1) !== null
      ? 'the document has changed since it was scored and its origin is not pinned to a commit, so line links would show other text'
      : null;
  return {
    omitted,
    cite: (c) => {
      const past = lineCount !== null && c.endLine > lineCount;
      return {
        startLine: c.startLine,
        endLine: c.endLine,
        quote: c.quote,
        url: keep && !past ? lineRangeUrl(origin, c.startLine, c.endLine) : null,
        problem: past ? `past the end of the document (${lineCount} line${lineCount === 1 ? '' : 's'})` : null,
      };
    },
  };
}

export interface SummaryItem {
  id: string;
  title: string;
  question: string;
  required: boolean;
  /** The set's group (template section) the item is under; null when the set has none. */
  group: string | null;
  score: ScoreValue;
  scoreLabel: string;
  /** Whether the score counts as met on the set's scale; null when unscored or N/A. */
  meets: boolean | null;
  suggested: number | null;
  suggestedLabel: string | null;
  notes: string;
  cited: SummaryCitation[];
  /** Gaps and questions from re-running extraction; empty when none or when not computed. */
  gaps: string[];
  /**
   * What the tool suggested and why, from re-running extraction on the scored document: the
   * rationale and the lines its figures were read from (linked like citations). Null when the
   * document is not the one scored, or the criterion has no suggestion rule.
   */
  suggestion: SummarySuggestion | null;
}

export interface SummarySuggestion {
  /** The suggested score as extraction gives it now, and its label; null when it suggests none. */
  score: number | null;
  label: string | null;
  rationale: string;
  lines: SummaryCitation[];
}

export type DocumentStatus = 'current' | 'changed' | 'unavailable';

export interface Summary {
  schema: typeof SUMMARY_SCHEMA;
  exportedOn: string;
  document: {
    path: string;
    sha256: string;
    title: string;
    origin: string | null;
    /** current: the document on disk is the one scored; changed: its sha256 differs; unavailable: not read. */
    status: DocumentStatus;
    currentSha256: string | null;
    problem: string | null;
    /** Why cited lines are not linked although the origin is known; null when they are (or no origin). */
    linksOmitted: string | null;
  };
  criteria: SummaryCriteria;
  reviewer: { name: string; handle: string };
  scoredAt: string;
  recommendation: { verdict: Verdict | null; label: string | null; notes: string };
  items: SummaryItem[];
  /** False when extraction did not run (document unavailable): the gaps list is then unknown. */
  gapsComputed: boolean;
  /** total leaves N/A items out; scored and met count scale values only; na counts N/A. */
  counts: SummaryCounts;
  /** Met items per group in the set's order (one entry, title null, for a set without groups). */
  groups: SummaryGroup[];
  /** Required items scored not met: what blocks the level. */
  blockers: SummaryRef[];
  /** Suggested items scored not met: non-blocking recommendations. */
  recommendations: SummaryRef[];
  /** N/A items with their reason (the notes). */
  notApplicable: SummaryRef[];
}

export interface SummaryCounts {
  total: number;
  scored: number;
  met: number;
  na: number;
}

export interface SummaryGroup extends SummaryCounts {
  title: string | null;
}

/** An item named in a summary list: id, title and the reviewer's notes. */
export interface SummaryRef {
  id: string;
  title: string;
  group: string | null;
  notes: string;
}

export interface SummaryCriteria {
  id: string;
  title: string;
  version: number | string;
  /** The criteria set's sha256 as recorded in the score file(s). */
  sha256: string;
  /** False when the set loaded now differs from the one the scores were given against. */
  sameAsScored: boolean;
  scale: { value: number; label: string; meets: boolean }[];
}

/** The criteria header of a summary: the set as loaded now, against the sha256 it was scored with. */
export function summaryCriteria(criteria: CriteriaSet, scoredSha256s: readonly string[]): SummaryCriteria {
  return {
    id: criteria.id,
    title: criteria.title,
    version: criteria.version,
    sha256: scoredSha256s[0] ?? criteria.source.sha256,
    sameAsScored: scoredSha256s.every((sha) => sha === criteria.source.sha256),
    scale: criteria.scale.map((s) => ({ value: s.value, label: s.label, meets: s.meets })),
  };
}

/** Gaps for one criterion from an extraction: its explicit gaps, or a question when it found no evidence at all. */
export function gapsFor(extract: ExtractResult | null, id: string, question: string): string[] {
  const entry = extract?.criteria.find((c) => c.id === id);
  if (!entry) return [];
  if (entry.gaps.length > 0) return entry.gaps;
  if (entry.evidence.length === 0) return [`No evidence found in the document. ${question}`];
  return [];
}

/** The rationale of a criterion's suggestion and the lines it rests on (each signal's lines, merged into ranges). */
export function suggestionFor(extract: ExtractResult, criteria: CriteriaSet, id: string, linker: CitationLinker): SummarySuggestion | null {
  const entry = extract.criteria.find((c) => c.id === id);
  if (!entry || entry.suggestion.rationale === '' || entry.signals === undefined) return null;
  const ranges = lineRuns(entry.signals.flatMap((signal) => signal.lines));
  const score = entry.suggestion.score;
  return { score, label: score === null ? null : scaleLabel(criteria, score), rationale: entry.suggestion.rationale, lines: ranges.map((range) => linker.cite({ ...range, quote: '' })) };
}

export function documentStatus(file: ScoreFile, extract: ExtractResult | null): DocumentStatus {
  if (!extract) return 'unavailable';
  return extract.document.sha256 === file.document.sha256 ? 'current' : 'changed';
}

export function buildSummary(file: ScoreFile, criteria: CriteriaSet, extract: ExtractResult | null, options: SummaryOptions): Summary {
  const origin = safeLinkUrl(options.origin ?? file.document.origin);
  const status = documentStatus(file, extract);
  const linker = citationLinker(origin, status, status === 'current' ? extract!.document.lineCount : null);
  const byId = new Map(file.items.map((item) => [item.id, item]));
  // Criteria order rules; an item the file lacks is shown unscored rather than dropped.
  const items: SummaryItem[] = criteria.items.map((criterion) => {
    const item = byId.get(criterion.id);
    const score = item?.score ?? null;
    const suggested = item?.suggested ?? null;
    return {
      id: criterion.id,
      title: criterion.title,
      question: criterion.question,
      required: criterion.required,
      group: criterion.group ?? null,
      score,
      scoreLabel: scaleLabel(criteria, score),
      meets: scoreMeets(criteria, score),
      suggested,
      suggestedLabel: suggested === null ? null : scaleLabel(criteria, suggested),
      notes: item?.notes ?? '',
      cited: (item?.cited ?? []).map(linker.cite),
      gaps: gapsFor(extract, criterion.id, criterion.question),
      suggestion: status === 'current' ? suggestionFor(extract!, criteria, criterion.id, linker) : null,
    };
  });
  const verdict = file.recommendation.verdict;
  return {
    schema: SUMMARY_SCHEMA,
    exportedOn: options.date,
    document: {
      path: file.document.path,
      sha256: file.document.sha256,
      title: file.document.title,
      origin,
      status,
      currentSha256: extract?.document.sha256 ?? null,
      problem: extract ? null : (options.documentProblem ?? 'the document was not read'),
      linksOmitted: linker.omitted,
    },
    criteria: summaryCriteria(criteria, [file.criteria.sha256]),
    reviewer: { name: file.reviewer.name, handle: file.reviewer.handle },
    scoredAt: file.updatedAt,
    recommendation: { verdict, label: verdict ? VERDICT_LABELS[verdict] : null, notes: file.recommendation.notes },
    items,
    gapsComputed: extract !== null,
    ...tallyItems(items),
  };
}

function countsOf(items: readonly SummaryItem[]): SummaryCounts {
  const na = items.filter((item) => item.score === 'na').length;
  return {
    total: items.length - na,
    scored: items.filter((item) => typeof item.score === 'number').length,
    met: items.filter((item) => item.meets === true).length,
    na,
  };
}

function ref(item: SummaryItem): SummaryRef {
  return { id: item.id, title: item.title, group: item.group, notes: item.notes };
}

/**
 * Totals, per-group counts and the blocker / recommendation / N/A lists of scored items. N/A is
 * neither met nor unmet: out of every total, listed apart with its reason. Unscored items are in
 * no list (they are not yet judged).
 */
export function tallyItems(items: readonly SummaryItem[]): Pick<Summary, 'counts' | 'groups' | 'blockers' | 'recommendations' | 'notApplicable'> {
  const byGroup = new Map<string | null, SummaryItem[]>();
  for (const item of items) byGroup.set(item.group, [...(byGroup.get(item.group) ?? []), item]);
  const unmet = items.filter((item) => item.meets === false);
  return {
    counts: countsOf(items),
    groups: [...byGroup].map(([title, members]) => ({ title, ...countsOf(members) })),
    blockers: unmet.filter((item) => item.required).map(ref),
    recommendations: unmet.filter((item) => !item.required).map(ref),
    notApplicable: items.filter((item) => item.score === 'na').map(ref),
  };
}

/**
 * The export date: --date, else TOC_REVIEW_NOW (an ISO date or timestamp), else today (UTC).
 * Shared by the command and the UI so golden files and tests can pin it.
 */
export function exportDate(flag: string | undefined, env: Readonly<Record<string, string | undefined>>, now: () => Date = () => new Date()): string {
  if (flag !== undefined) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(flag) || Number.isNaN(Date.parse(flag))) throw new UsageError(`export: --date must be YYYY-MM-DD (got ${quoted(flag)})`);
    return flag;
  }
  const fromEnv = env.TOC_REVIEW_NOW;
  if (fromEnv !== undefined && fromEnv !== '') {
    const time = Date.parse(fromEnv);
    if (Number.isNaN(time)) throw new UsageError(`export: TOC_REVIEW_NOW must be an ISO date or timestamp (got ${quoted(fromEnv)})`);
    return new Date(time).toISOString().slice(0, 10);
  }
  return now().toISOString().slice(0, 10);
}
