// `score <filled-dd.md> --from-dd`: the DD's ticks and evaluations (core/templates/dd-read.ts)
// as the same item changes `--set`/`--note`/`--cite` make, and the check that they would not
// silently replace what the reviewer's score file already holds.
import { UserError } from '../core/errors.js';
import { quoted, sanitizeLine } from '../core/sanitize.js';
import type { CriteriaSet } from '../core/criteria/criteria.js';
import type { ScoreFile, Verdict } from '../core/scores/score-file.js';
import { DD_MARKER } from '../core/templates/dd-export.js';
import { readDd } from '../core/templates/dd-read.js';

export interface ItemChange {
  kind: 'score' | 'note' | 'cite';
  id: string;
  score?: number | 'na' | null;
  text?: string;
  lines?: { start: number; end: number };
  /** A citation that is added when missing and never toggled off (re-reading a DD). */
  keep?: boolean;
}

export interface DdChanges {
  changes: ItemChange[];
  verdict: Verdict | undefined;
  recommendationNote: string | undefined;
  aligned: number;
}

/** The shipped set an exported DD names in its marker comment, if any. */
export function ddCriteriaId(text: string): string | null {
  const match = new RegExp(`<!--\\s*${DD_MARKER}: criteria ([a-z0-9][a-z0-9-]*)\\s*-->`).exec(text.slice(0, 4000));
  return match ? match[1]! : null;
}

/** The changes a DD makes; a document whose items do not align with the set fails in one line. */
export function ddChanges(lines: readonly string[], criteria: CriteriaSet, shown: string): DdChanges {
  const reading = readDd(lines, criteria);
  if (reading === null) {
    throw new UserError(`score: ${shown}: not a filled DD of ${quoted(criteria.id)}: too few of its ${criteria.items.length} items match a checkbox item; give the set it was written from with --criteria SET`);
  }
  const changes: ItemChange[] = [];
  for (const item of reading.items) {
    if (item.match === null) continue;
    if (item.score !== null) changes.push({ kind: 'score', id: item.id, score: item.score });
    if (item.notes !== '') changes.push({ kind: 'note', id: item.id, text: item.notes });
    if (item.score !== null || item.notes !== '') changes.push({ kind: 'cite', id: item.id, lines: { start: item.match.line, end: item.match.endLine }, keep: true });
  }
  return { changes, verdict: reading.verdict ?? undefined, recommendationNote: reading.assessment === '' ? undefined : reading.assessment, aligned: reading.aligned };
}

/**
 * What the DD would replace in the score file: items whose score or notes are set and differ,
 * and a different recommendation. Empty when the file is new or already agrees.
 */
export function ddConflicts(file: ScoreFile, dd: DdChanges): string[] {
  const byId = new Map(file.items.map((item) => [item.id, item]));
  const ids = new Set<string>();
  for (const change of dd.changes) {
    const item = byId.get(change.id);
    if (!item) continue;
    if (change.kind === 'score' && item.score !== null && item.score !== change.score) ids.add(change.id);
    if (change.kind === 'note' && item.notes !== '' && item.notes !== change.text) ids.add(change.id);
  }
  const out = [...ids];
  const { verdict, notes } = file.recommendation;
  if ((dd.verdict !== undefined && verdict !== null && verdict !== dd.verdict) || (dd.recommendationNote !== undefined && notes !== '' && notes !== dd.recommendationNote)) {
    out.push('recommendation');
  }
  return out;
}

export function refuseConflicts(path: string, conflicts: readonly string[]): void {
  if (conflicts.length === 0) return;
  const shown = conflicts.slice(0, 8).join(', ') + (conflicts.length > 8 ? `, … (${conflicts.length} in all)` : '');
  throw new UserError(`${sanitizeLine(path)}: already holds scores or notes the DD would replace (${sanitizeLine(shown)}); nothing changed; add --force to take the DD's (each replaced value is then reported)`);
}
