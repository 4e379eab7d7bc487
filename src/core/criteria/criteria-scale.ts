// Reading a criteria set's scale. Apart from criteria.ts so that screens and summaries that
// only label scores do not load the YAML parser and schema that criteria.ts needs to parse sets.
import type { CriteriaSet } from './criteria.js';

/** A score as score files hold it: a scale value, 'na' (not applicable), or null (unscored). */
export type ScoreValue = number | 'na' | null;

export const NA_LABEL = 'N/A';

/**
 * Scales a set can name instead of spelling out (`scale: checklist`). The checklist is the TOC
 * templates' own: an item is ticked or it is not.
 */
export const NAMED_SCALES = {
  checklist: [
    { value: 0, label: 'Not met', meets: false, description: 'Not shown by the document, or not done.' },
    { value: 1, label: 'Met', meets: true, description: 'Shown by the document and checked.' },
  ],
} as const;

export function scaleLabel(set: CriteriaSet, value: number | 'na' | null | undefined): string {
  if (value === null || value === undefined) return 'unscored';
  if (value === 'na') return NA_LABEL;
  return set.scale.find((entry) => entry.value === value)?.label ?? String(value);
}

/** True or false for a scale value; null when unscored or N/A (neither met nor unmet). */
export function scoreMeets(set: CriteriaSet, value: number | 'na' | null | undefined): boolean | null {
  if (value === null || value === undefined || value === 'na') return null;
  return set.scale.find((entry) => entry.value === value)?.meets ?? null;
}

/** "2 Met", "N/A" or "unscored": a score as the terminal shows it. */
export function scoreWithLabel(set: CriteriaSet, value: number | 'na' | null | undefined): string {
  if (value === null || value === undefined || value === 'na') return scaleLabel(set, value);
  return `${value} ${scaleLabel(set, value)}`;
}
