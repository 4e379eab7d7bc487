// Which command a key means on the review screen, its summary and its help overlay, as pure
// functions: the screen only carries the commands out. Keeping the table apart from the
// effects lets it be tested key by key, and keeps the order of the checks (which key wins when
// two would match) in one place.
import type { Key } from 'ink';
import { neighbour } from './criteria-rows.js';
import type { Focus, ReviewViewAction } from './review-view.js';

export type ReviewCommand =
  | { kind: 'back' }
  | { kind: 'help' }
  | { kind: 'view'; action: ReviewViewAction }
  | { kind: 'openDocument'; search: boolean }
  | { kind: 'score'; value: number | null }
  | { kind: 'offScale'; value: number }
  | { kind: 'accept' }
  | { kind: 'note' }
  | { kind: 'cite' }
  | { kind: 'summary' }
  | { kind: 'nextUnscored'; required: boolean }
  | { kind: 'requiredOnly' }
  | { kind: 'notApplicable' }
  | { kind: 'since' };

export interface ReviewKeyContext {
  focus: Focus;
  itemCount: number;
  /** Rows of the evidence layout and the pane's height, for scrolling. */
  totalRows: number;
  evidenceHeight: number;
  passageStarts: number[];
  /** The values of the set's scale: other digits are refused. */
  scale: readonly number[];
  /** The items the list shows when it is filtered (Required only): j/k step among them. */
  visible?: readonly number[];
  selected?: number;
}

/** The command a key means in the review view, or null when it means nothing there. */
export function reviewKeyCommand(ch: string, key: Key, ctx: ReviewKeyContext): ReviewCommand | null {
  const scroll = { total: ctx.totalRows, height: ctx.evidenceHeight };
  const view = (action: ReviewViewAction): ReviewCommand => ({ kind: 'view', action });
  const inEvidence = ctx.focus === 'evidence';
  if (key.escape || ch === 'q') return { kind: 'back' };
  if (ch === '?') return { kind: 'help' };
  if (key.tab) return view({ type: 'toggleFocus' });
  const move = (delta: number): ReviewViewAction =>
    ctx.visible && ctx.selected !== undefined ? { type: 'select', index: neighbour(ctx.visible, ctx.selected, delta), count: ctx.itemCount } : { type: 'move', delta, count: ctx.itemCount };
  if (key.downArrow || ch === 'j') return view(inEvidence ? { type: 'scroll', delta: 1, ...scroll } : move(1));
  if (key.upArrow || ch === 'k') return view(inEvidence ? { type: 'scroll', delta: -1, ...scroll } : move(-1));
  if (key.rightArrow) return view({ type: 'focus', focus: 'evidence' });
  if (key.leftArrow) return view({ type: 'focus', focus: 'criteria' });
  if (key.pageDown || ch === ' ' || (key.ctrl && ch === 'd')) return view({ type: 'scroll', delta: ctx.evidenceHeight - 1, ...scroll });
  if (key.pageUp || ch === 'b' || (key.ctrl && ch === 'u')) return view({ type: 'scroll', delta: -(ctx.evidenceHeight - 1), ...scroll });
  if (key.home || ch === 'g') return view({ type: 'scrollTo', row: 0, ...scroll });
  if (key.end || ch === 'G') return view({ type: 'scrollTo', row: ctx.totalRows, ...scroll });
  if (ch === ']' || ch === 'J') return view({ type: 'passage', direction: 1, starts: ctx.passageStarts, ...scroll });
  if (ch === '[' || ch === 'K') return view({ type: 'passage', direction: -1, starts: ctx.passageStarts, ...scroll });
  if (key.return) return inEvidence ? { kind: 'openDocument', search: false } : view({ type: 'focus', focus: 'evidence' });
  if (key.backspace || key.delete || ch === 'x') return { kind: 'score', value: null };
  if (/^[0-9]$/.test(ch)) {
    const value = Number(ch);
    return ctx.scale.includes(value) ? { kind: 'score', value } : { kind: 'offScale', value };
  }
  if (ch === 'a') return { kind: 'accept' };
  if (ch === 'n') return { kind: 'note' };
  if (ch === 'c') return { kind: 'cite' };
  if (ch === 'o') return { kind: 'openDocument', search: false };
  if (ch === '/') return { kind: 'openDocument', search: true };
  if (ch === 's') return { kind: 'summary' };
  if (ch === 'u' || ch === 'U') return { kind: 'nextUnscored', required: ch === 'U' };
  if (ch === 'f') return { kind: 'requiredOnly' };
  if (ch === 'N') return { kind: 'notApplicable' };
  if (ch === 'd') return { kind: 'since' };
  return null;
}

export type SummaryCommand =
  | { kind: 'back' }
  | { kind: 'help' }
  | { kind: 'move'; delta: number }
  | { kind: 'go' }
  | { kind: 'verdict'; value: 'ready' | 'not-ready' | 'needs-more-info' | null }
  | { kind: 'recommendationNotes' }
  | { kind: 'export' };

/** The command a key means on the summary, or null. */
export function summaryKeyCommand(ch: string, key: Key): SummaryCommand | null {
  if (key.escape || ch === 'q') return { kind: 'back' };
  if (ch === '?') return { kind: 'help' };
  if (key.downArrow || ch === 'j') return { kind: 'move', delta: 1 };
  if (key.upArrow || ch === 'k') return { kind: 'move', delta: -1 };
  if (key.return) return { kind: 'go' };
  if (ch === 'r') return { kind: 'verdict', value: 'ready' };
  if (ch === 'n') return { kind: 'verdict', value: 'not-ready' };
  if (ch === 'i') return { kind: 'verdict', value: 'needs-more-info' };
  if (ch === 'x') return { kind: 'verdict', value: null };
  if (ch === 'e') return { kind: 'recommendationNotes' };
  if (ch === 'w') return { kind: 'export' };
  return null;
}

/** On the help overlay: 'close', rows to scroll by, or 0 for a key that does nothing. */
export function helpKeyCommand(ch: string, key: Key): 'close' | number {
  if (key.escape || ch === 'q' || ch === '?') return 'close';
  if (key.downArrow || ch === 'j') return 1;
  if (key.upArrow || ch === 'k') return -1;
  if (key.pageDown || ch === ' ') return 5;
  if (key.pageUp || ch === 'b') return -5;
  return 0;
}
