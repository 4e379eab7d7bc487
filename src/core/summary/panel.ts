// Panel maths: several reviewers' scores of one document against one criteria set, per
// criterion, with the spread and a disagreement flag. Pure. Files of different documents or
// criteria sets are grouped apart (groupScoreFiles), never averaged together.
import type { CriteriaSet } from '../criteria/criteria.js';
import { scoreMeets } from '../criteria/criteria-scale.js';
import type { ScoreValue } from '../criteria/criteria-scale.js';
import type { ScoreFile } from '../scores/score-file.js';

/** A spread (max - min) of this many points or more is a disagreement. */
export const DISAGREEMENT_SPREAD = 2;

export interface PanelScore {
  handle: string;
  name: string;
  score: ScoreValue;
  /** Whether the score counts as met on the set's scale; null when unscored or N/A. */
  meets: boolean | null;
}

export interface PanelRow {
  id: string;
  title: string;
  /** One per file, in the files' order (unscored ones included, with score null). */
  scores: PanelScore[];
  /** How many reviewers gave it a scale value; the aggregates below are over those only. */
  scored: number;
  /** How many marked it N/A (left out of the aggregates and of met vs not met). */
  na: number;
  mean: number | null;
  median: number | null;
  min: number | null;
  max: number | null;
  /** max - min, or null when nobody scored it. */
  spread: number | null;
  disagreement: boolean;
  /** Why it is flagged, e.g. "spread of 2 points", "met vs not met". Empty when not flagged. */
  reasons: string[];
}

export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** One row per criterion of the set, in the set's order. */
export function computePanel(files: readonly ScoreFile[], criteria: CriteriaSet): PanelRow[] {
  return criteria.items.map((criterion) => {
    const scores: PanelScore[] = files.map((file) => {
      const score = file.items.find((item) => item.id === criterion.id)?.score ?? null;
      return { handle: file.reviewer.handle, name: file.reviewer.name, score, meets: scoreMeets(criteria, score) };
    });
    const values = scores.flatMap((s) => (typeof s.score === 'number' ? [s.score] : []));
    const min = values.length ? Math.min(...values) : null;
    const max = values.length ? Math.max(...values) : null;
    const spread = min === null || max === null ? null : max - min;
    const reasons: string[] = [];
    if (spread !== null && spread >= DISAGREEMENT_SPREAD) reasons.push(`spread of ${spread} points`);
    const verdicts = new Set(scores.flatMap((s) => (s.meets === null ? [] : [s.meets])));
    if (verdicts.size > 1) reasons.push('met vs not met');
    return {
      id: criterion.id,
      title: criterion.title,
      scores,
      scored: values.length,
      na: scores.filter((s) => s.score === 'na').length,
      mean: mean(values),
      median: median(values),
      min,
      max,
      spread,
      disagreement: reasons.length > 0,
      reasons,
    };
  });
}

export interface PanelGroup<T> {
  document: { path: string; sha256: string; title: string };
  criteria: { id: string; sha256: string };
  entries: T[];
}

/**
 * Group score files that can be combined: same document content (sha256) and same criteria set
 * (id and sha256). Groups keep the order in which their first file appears.
 */
export function groupScoreFiles<T extends { file: ScoreFile }>(entries: readonly T[]): PanelGroup<T>[] {
  const groups = new Map<string, PanelGroup<T>>();
  for (const entry of entries) {
    const { document, criteria } = entry.file;
    const key = `${document.sha256}\0${criteria.id}\0${criteria.sha256}`;
    let group = groups.get(key);
    if (!group) {
      group = { document: { path: document.path, sha256: document.sha256, title: document.title }, criteria: { id: criteria.id, sha256: criteria.sha256 }, entries: [] };
      groups.set(key, group);
    }
    group.entries.push(entry);
  }
  return [...groups.values()];
}

/**
 * The first two entries of a group by the same reviewer (one reviewer's scores must not count
 * twice), or null.
 */
export function repeatedReviewer<T extends { file: ScoreFile }>(entries: readonly T[]): [T, T] | null {
  const seen = new Map<string, T>();
  for (const entry of entries) {
    const other = seen.get(entry.file.reviewer.handle);
    if (other) return [other, entry];
    seen.set(entry.file.reviewer.handle, entry);
  }
  return null;
}
