// Every key binding, per view, in one table: the status bar shows the short forms that fit and
// the help overlay shows them all, so the two can never disagree.
import { displayWidth } from './text.js';

export type View = 'workspace' | 'predecessor' | 'review' | 'document' | 'search' | 'summary' | 'notes' | 'prompt' | 'help';

export interface Binding {
  keys: string;
  action: string;
  /** Shown in the status bar when there is room; bindings without it appear only in help. */
  short?: string;
  /** Changes the score file: not offered in the status bar of a read-only session. */
  edits?: boolean;
  /**
   * Which hints stay when they do not all fit: lower stays longer; 0 (help and the way out) is
   * always shown; unranked ones are dropped first.
   */
  rank?: number;
  /** Its short form is offered only on grouped (template) sets, where it matters most; help lists it always. */
  grouped?: boolean;
}

export const BINDINGS: Record<View, Binding[]> = {
  workspace: [
    { keys: '↑/↓ j/k', action: 'move between documents', short: 'j/k move', rank: 1 },
    { keys: 'Enter/Space', action: 'open the document for review', short: 'Enter open', rank: 2 },
    { keys: 'r', action: 'reload the list', short: 'r reload', rank: 3 },
    { keys: 'p', action: 'choose or clear the predecessor (« marks one): the earlier document the review compares with', short: 'p predecessor', rank: 4 },
    { keys: '?', action: 'help', short: '? help', rank: 0 },
    { keys: 'q/Esc', action: 'quit', short: 'q quit', rank: 0 },
  ],
  predecessor: [
    { keys: '↑/↓ j/k', action: 'move between the choices', short: 'j/k move', rank: 1 },
    { keys: 'Enter', action: 'keep this choice (automatic: the earlier document of the same project; none: no comparison)', short: 'Enter choose', rank: 0 },
    { keys: 'q/Esc', action: 'cancel (the choice stays as it was)', short: 'Esc cancel', rank: 0 },
  ],
  review: [
    { keys: '↑/↓ j/k', action: 'criteria pane: move between criteria; evidence pane: scroll', short: 'j/k move', rank: 1 },
    { keys: '0-9', action: 'score the criterion with that scale value', short: '0-9 score', edits: true, rank: 2 },
    { keys: 'a', action: 'accept the suggested score', short: 'a accept', edits: true, rank: 7 },
    { keys: 'x/Del', action: 'clear the score (unscored)', short: 'x clear', edits: true, rank: 11 },
    { keys: 'n', action: 'write or edit the note for this criterion', short: 'n note', edits: true, rank: 3 },
    { keys: 'c', action: 'cite the passage on screen as evidence (again to uncite)', short: 'c cite', edits: true, rank: 6 },
    { keys: 'Tab', action: 'switch between criteria and evidence panes', short: 'Tab pane', rank: 5 },
    { keys: ']/[', action: 'next/previous evidence passage', short: '] [ passage', rank: 9 },
    { keys: 'PgDn/PgUp Space', action: 'scroll the evidence a page' },
    { keys: 'g/G Home/End', action: 'top/bottom of the evidence' },
    { keys: 'Enter', action: 'criteria pane: read its evidence; evidence pane: open the document there' },
    { keys: 'o', action: 'open the whole document at the current passage', short: 'o open', rank: 10 },
    { keys: '/', action: 'search the document', short: '/ search', rank: 8 },
    { keys: 's', action: 'summary and recommendation', short: 's summary', rank: 4 },
    { keys: 'd', action: 'evidence pane: what changed for this criterion since the predecessor (the earlier document of the project); again: its evidence', short: 'd since', rank: 8.5 },
    { keys: 'u/U', action: 'next unscored item / next unscored Required item (wrapping around)', short: 'u/U unscored', rank: 4.5, grouped: true },
    { keys: 'f', action: 'show Required items only (again: all items)', short: 'f required', rank: 5.5, grouped: true },
    { keys: 'N', action: 'mark N/A and write the reason (x clears it)', short: 'N n/a', edits: true, rank: 6.5, grouped: true },
    { keys: '?', action: 'help', short: '? help', rank: 0 },
    { keys: 'q/Esc', action: 'back (to the workspace list, or quit)', short: 'q back', rank: 0 },
    { keys: 'Ctrl-C', action: 'quit at once (a note being typed is saved too)' },
  ],
  document: [
    { keys: '↑/↓ j/k', action: 'scroll a row (long lines wrap)', short: 'j/k scroll', rank: 1 },
    { keys: 'PgDn/PgUp Space', action: 'scroll a page', short: 'PgDn page', rank: 3 },
    { keys: 'g/G Home/End', action: 'start/end of the document', short: 'g/G ends', rank: 5 },
    { keys: '/', action: 'search (case-insensitive)', short: '/ search', rank: 2 },
    { keys: 'n/N', action: 'next/previous match (wrapping around)', short: 'n/N match', rank: 4 },
    { keys: '?', action: 'help', short: '? help', rank: 0 },
    { keys: 'q/Esc', action: 'back to the review', short: 'q back', rank: 0 },
  ],
  search: [
    { keys: 'Enter', action: 'find the next match', short: 'Enter find', rank: 0 },
    { keys: 'Esc', action: 'cancel the search', short: 'Esc cancel', rank: 0 },
  ],
  summary: [
    { keys: '↑/↓ j/k', action: 'move between criteria', short: 'j/k move', rank: 1 },
    { keys: 'Enter', action: 'go to the criterion in the review', short: 'Enter go', rank: 6 },
    { keys: 'r', action: 'recommend: ready', short: 'r ready', edits: true, rank: 2 },
    { keys: 'n', action: 'recommend: not ready', short: 'n not ready', edits: true, rank: 3 },
    { keys: 'i', action: 'recommend: needs more information', short: 'i more info', edits: true, rank: 4 },
    { keys: 'x', action: 'clear the recommendation', short: 'x clear', edits: true, rank: 8 },
    { keys: 'e', action: 'edit the recommendation notes', short: 'e notes', edits: true, rank: 5 },
    { keys: 'w', action: 'export the summary as markdown', short: 'w export', rank: 7 },
    { keys: '?', action: 'help', short: '? help', rank: 0 },
    { keys: 'q/Esc', action: 'back to the review', short: 'q back', rank: 0 },
  ],
  notes: [
    { keys: 'Enter', action: 'save the note', short: 'Enter save', rank: 0 },
    { keys: 'Alt-Enter/Ctrl-J', action: 'new line (pasted text keeps its lines too)', short: 'Alt-Enter new line', rank: 1 },
    { keys: 'Esc', action: 'cancel (keep the saved note)', short: 'Esc cancel', rank: 0 },
    { keys: '←/→ ↑/↓', action: 'move the cursor' },
    { keys: 'Home/End', action: 'start/end of the line (Ctrl-A/Ctrl-E too)' },
    { keys: 'Ctrl-W/Ctrl-U', action: 'delete a word / clear the note', short: 'Ctrl-U clear', rank: 2 },
  ],
  prompt: [
    { keys: 'Enter', action: 'save your name', short: 'Enter save', rank: 0 },
    { keys: 'Esc', action: 'quit', short: 'Esc quit', rank: 0 },
  ],
  help: [
    { keys: '↑/↓ j/k', action: 'scroll the help', short: 'j/k scroll', rank: 1 },
    { keys: '?/q/Esc', action: 'close help', short: 'q close', rank: 0 },
  ],
};

/** The digits a scale takes, as typed: "0-3" when they run on, else "1/2/5". */
export function scaleKeys(values: readonly number[]): string {
  const sorted = [...new Set(values)].sort((a, b) => a - b);
  if (sorted.length === 0) return '0-9';
  const consecutive = sorted.every((v, i) => i === 0 || v === sorted[i - 1]! + 1);
  if (sorted.length === 1) return String(sorted[0]);
  return consecutive ? `${sorted[0]}-${sorted[sorted.length - 1]}` : sorted.join('/');
}

export interface HintOptions {
  /** The scale's digits (scaleKeys), in place of "0-9". */
  scaleHint?: string;
  /** Read-only session: keys that would change the score file are left out. */
  readOnly?: boolean;
  /** Review screen with the evidence pane focused: j/k scroll. */
  evidenceFocus?: boolean;
  /** A grouped (template) set: its hints (jump to unscored, Required only, N/A) are offered too. */
  grouped?: boolean;
  /** Most rows the hints may take. */
  maxRows?: number;
}

function packRows(parts: string[], width: number): string[] {
  const rows: string[] = [];
  for (const part of parts) {
    const last = rows[rows.length - 1];
    if (last !== undefined && displayWidth(last) + 2 + displayWidth(part) <= width) rows[rows.length - 1] = `${last}  ${part}`;
    else rows.push(part);
  }
  return rows;
}

/**
 * Status-bar rows for a view: the short hints in table order, on one row when they fit, else
 * two. When two rows cannot hold them all, the least important go first (help lists them) and
 * "? help" becomes "? more"; help and the way out (rank 0) always stay.
 */
export function keyHints(view: View, width: number, options: HintOptions = {}): string[] {
  const maxRows = options.maxRows ?? 2;
  let parts = BINDINGS[view]
    .filter((b) => b.short && !(options.readOnly && b.edits) && (!b.grouped || options.grouped))
    .map((b) => {
      let text = b.short!;
      if (b.keys === '0-9' && options.scaleHint) text = `${options.scaleHint} score`;
      if (b.keys === '↑/↓ j/k' && view === 'review' && options.evidenceFocus) text = 'j/k scroll';
      return { text, rank: b.rank ?? 99 };
    });
  let dropped = false;
  for (;;) {
    const texts = parts.map((p) => (dropped && p.text === '? help' ? '? more' : p.text));
    const rows = packRows(texts, width);
    if (rows.length <= maxRows) return rows;
    const droppable = parts.filter((p) => p.rank !== 0);
    if (droppable.length === 0) return rows.slice(0, maxRows);
    const worst = droppable.reduce((a, b) => (b.rank > a.rank ? b : a));
    parts = parts.filter((p) => p !== worst);
    dropped = true;
  }
}
