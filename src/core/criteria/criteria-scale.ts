// Reading a criteria set's scale. Apart from criteria.ts so that screens and summaries that
// only label scores do not load the YAML parser and schema that criteria.ts needs to parse sets.
import type { CriteriaSet } from './criteria.js';

export function scaleLabel(set: CriteriaSet, value: number | null | undefined): string {
  if (value === null || value === undefined) return 'unscored';
  return set.scale.find((entry) => entry.value === value)?.label ?? String(value);
}

export function scoreMeets(set: CriteriaSet, value: number | null | undefined): boolean | null {
  if (value === null || value === undefined) return null;
  return set.scale.find((entry) => entry.value === value)?.meets ?? null;
}
