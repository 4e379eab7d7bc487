// View state of the review screen as a pure reducer: which criterion is selected, which pane
// has focus, how far the evidence pane is scrolled. Scoring is not here: it changes the score
// file, which the store saves.

export type Focus = 'criteria' | 'evidence';

export interface ReviewViewState {
  selected: number;
  focus: Focus;
  /** Evidence pane: index of the first visible row. */
  scroll: number;
  /**
   * Passage chosen with ]/[ (it stays current even when the pane cannot scroll its header to
   * the top); null when it follows the scroll position.
   */
  passage: number | null;
}

export type ReviewViewAction =
  | { type: 'move'; delta: number; count: number }
  | { type: 'select'; index: number; count: number }
  | { type: 'toggleFocus' }
  | { type: 'focus'; focus: Focus }
  | { type: 'scroll'; delta: number; total: number; height: number }
  | { type: 'scrollTo'; row: number; total: number; height: number }
  | { type: 'passage'; direction: 1 | -1; starts: number[]; total: number; height: number };

function clampScroll(row: number, total: number, height: number): number {
  return Math.max(0, Math.min(row, Math.max(0, total - height)));
}

export function initialReviewView(selected = 0): ReviewViewState {
  return { selected: Math.max(0, selected), focus: 'criteria', scroll: 0, passage: null };
}

export function reviewViewReducer(state: ReviewViewState, action: ReviewViewAction): ReviewViewState {
  switch (action.type) {
    case 'move':
    case 'select': {
      if (action.count <= 0) return state;
      const target = action.type === 'move' ? state.selected + action.delta : action.index;
      const selected = Math.max(0, Math.min(action.count - 1, target));
      // A new criterion starts at the top of its evidence.
      return selected === state.selected ? state : { ...state, selected, scroll: 0, passage: null };
    }
    case 'toggleFocus':
      return { ...state, focus: state.focus === 'criteria' ? 'evidence' : 'criteria' };
    case 'focus':
      return state.focus === action.focus ? state : { ...state, focus: action.focus };
    case 'scroll':
      return { ...state, scroll: clampScroll(state.scroll + action.delta, action.total, action.height), passage: null };
    case 'scrollTo':
      return { ...state, scroll: clampScroll(action.row, action.total, action.height), passage: null };
    case 'passage': {
      const { starts } = action;
      if (starts.length === 0) return state;
      const current = state.passage ?? currentPassage(starts, state.scroll, action.height);
      let target: number | null;
      if (current === null) {
        const row = passageJump(starts, state.scroll, action.direction);
        target = row === null ? null : starts.indexOf(row);
      } else {
        target = Math.max(0, Math.min(starts.length - 1, current + action.direction));
      }
      if (target === null || target === current) return state;
      return { ...state, passage: target, scroll: clampScroll(starts[target]!, action.total, action.height) };
    }
  }
}

/** Row of the next (1) or previous (-1) passage header relative to the top row, or null. */
export function passageJump(starts: number[], top: number, direction: 1 | -1): number | null {
  if (direction === 1) return starts.find((row) => row > top) ?? null;
  for (let i = starts.length - 1; i >= 0; i--) if (starts[i]! < top) return starts[i]!;
  return null;
}

/** The passage being read: the one chosen with ]/[, else the one the scroll position shows. */
export function activePassage(state: ReviewViewState, starts: number[], height: number): number | null {
  if (state.passage !== null && state.passage < starts.length) return state.passage;
  return currentPassage(starts, state.scroll, height);
}

/**
 * The passage the scroll position shows: the last one whose header is at or above the top row; when the window
 * is above every passage, the first one if its header is visible; otherwise none.
 */
export function currentPassage(starts: number[], top: number, height: number): number | null {
  let current: number | null = null;
  starts.forEach((row, index) => {
    if (row <= top) current = index;
  });
  if (current !== null) return current;
  if (starts.length > 0 && starts[0]! < top + height) return 0;
  return null;
}
