// A panel summary as data: several reviewers' score files of one document against one criteria
// set, with the per-criterion aggregate and disagreement flags. What the panel markdown renders
// and what `export --format json` prints for a panel. Pure.
import type { CriteriaSet } from '../criteria/criteria.js';
import { scaleLabel, scoreMeets, type ScoreValue } from '../criteria/criteria-scale.js';
import type { ExtractResult } from '../evidence/extract-types.js';
import { safeLinkUrl } from './markdown-escape.js';
import type { ScoreFile, Verdict } from '../scores/score-file.js';
import { citationLinker, gapsFor, summaryCriteria, VERDICT_LABELS, type DocumentStatus, type SummaryCriteria, type SummaryCitation, type SummaryOptions } from './summary.js';
import { computePanel } from './panel.js';

export const PANEL_SUMMARY_SCHEMA = 'toc-review/panel-summary@1' as const;

export interface PanelReviewerEntry {
  handle: string;
  score: ScoreValue;
  scoreLabel: string;
  meets: boolean | null;
  notes: string;
  cited: SummaryCitation[];
}

export interface PanelCriterion {
  id: string;
  title: string;
  question: string;
  /** One entry per reviewer, in the panel's reviewer order. */
  reviewers: PanelReviewerEntry[];
  /** Aggregates over the reviewers who scored it; null when nobody did. */
  mean: number | null;
  median: number | null;
  min: number | null;
  max: number | null;
  scored: number;
  /** Reviewers who marked it N/A (their notes give the reason). */
  na: number;
  disagreement: boolean;
  /** Why it is flagged ("spread of 2 points", "met vs not met"); empty when not. */
  reasons: string[];
  gaps: string[];
}

export interface PanelSummary {
  schema: typeof PANEL_SUMMARY_SCHEMA;
  exportedOn: string;
  document: {
    path: string;
    title: string;
    origin: string | null;
    /** sha256 the first reviewer scored; `shas` lists every distinct one when they differ. */
    sha256: string;
    shas: string[];
    status: DocumentStatus;
    currentSha256: string | null;
    problem: string | null;
    /** Why cited lines are not linked although the origin is known; null when they are. */
    linksOmitted: string | null;
  };
  criteria: SummaryCriteria;
  reviewers: { name: string; handle: string; scoredAt: string; verdict: Verdict | null; verdictLabel: string | null; recommendationNotes: string }[];
  items: PanelCriterion[];
  gapsComputed: boolean;
  disagreements: number;
}

/**
 * Build the panel summary. `files` are checked by the caller to share one document and criteria
 * set; their order is the column order.
 */
export function buildPanelSummary(files: readonly ScoreFile[], criteria: CriteriaSet, extract: ExtractResult | null, options: SummaryOptions): PanelSummary {
  const first = files[0];
  if (!first) throw new Error('buildPanelSummary needs at least one score file');
  const origin = safeLinkUrl(options.origin ?? files.find((f) => f.document.origin)?.document.origin ?? null);
  const shas = [...new Set(files.map((f) => f.document.sha256))];
  // Current only when every reviewer scored the version on disk now.
  const status: DocumentStatus = extract === null ? 'unavailable' : shas.every((sha) => sha === extract.document.sha256) ? 'current' : 'changed';
  const linker = citationLinker(origin, status, status === 'current' ? extract!.document.lineCount : null);
  const panel = computePanel([...files], criteria);
  const items: PanelCriterion[] = criteria.items.map((criterion) => {
    const row = panel.find((entry) => entry.id === criterion.id);
    const reviewers = files.map((file): PanelReviewerEntry => {
      const item = file.items.find((i) => i.id === criterion.id);
      const score = item?.score ?? null;
      return {
        handle: file.reviewer.handle,
        score,
        scoreLabel: scaleLabel(criteria, score),
        meets: scoreMeets(criteria, score),
        notes: item?.notes ?? '',
        cited: (item?.cited ?? []).map(linker.cite),
      };
    });
    return {
      id: criterion.id,
      title: criterion.title,
      question: criterion.question,
      reviewers,
      mean: row?.mean ?? null,
      median: row?.median ?? null,
      min: row?.min ?? null,
      max: row?.max ?? null,
      scored: reviewers.filter((r) => typeof r.score === 'number').length,
      na: reviewers.filter((r) => r.score === 'na').length,
      disagreement: row?.disagreement ?? false,
      reasons: row?.reasons ?? [],
      gaps: gapsFor(extract, criterion.id, criterion.question),
    };
  });
  return {
    schema: PANEL_SUMMARY_SCHEMA,
    exportedOn: options.date,
    document: {
      path: first.document.path,
      title: first.document.title,
      origin,
      sha256: first.document.sha256,
      shas,
      status,
      currentSha256: extract?.document.sha256 ?? null,
      problem: extract ? null : (options.documentProblem ?? 'the document was not read'),
      linksOmitted: linker.omitted,
    },
    criteria: summaryCriteria(criteria, files.map((f) => f.criteria.sha256)),
    reviewers: files.map((f) => ({
      name: f.reviewer.name,
      handle: f.reviewer.handle,
      scoredAt: f.updatedAt,
      verdict: f.recommendation.verdict,
      verdictLabel: f.recommendation.verdict ? VERDICT_LABELS[f.recommendation.verdict] : null,
      recommendationNotes: f.recommendation.notes,
    })),
    items,
    gapsComputed: extract !== null,
    disagreements: items.filter((item) => item.disagreement).length,
  };
}
