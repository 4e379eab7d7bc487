// What the review screen shows on top of its panes, as a pure reducer: the mode (review, a notes
// editor, the document viewer, the summary), the help overlay and its scroll, the summary's
// selected row and whether the viewer is taking a search. Effects (key slots, drafts) stay in
// the screen; this only says what state follows what.
import type { View } from '../keys.js';

/** 'nareason' is the editor asking why an item is N/A. */
export type Mode = 'review' | 'notes' | 'nareason' | 'document' | 'summary' | 'recnotes';

export interface ReviewScreenState {
  mode: Mode;
  help: boolean;
  helpScroll: number;
  summarySelected: number;
  searching: boolean;
  /** The criteria list shows Required items only. */
  requiredOnly: boolean;
}

export type ReviewScreenAction =
  | { type: 'mode'; mode: Mode }
  | { type: 'help'; open: boolean }
  | { type: 'helpScroll'; delta: number; max: number }
  | { type: 'summaryMove'; delta: number; count: number }
  | { type: 'summaryAt'; index: number }
  | { type: 'searching'; on: boolean }
  | { type: 'requiredOnly'; on: boolean };

export const initialReviewScreen: ReviewScreenState = { mode: 'review', help: false, helpScroll: 0, summarySelected: 0, searching: false, requiredOnly: false };

export function reviewScreenReducer(state: ReviewScreenState, action: ReviewScreenAction): ReviewScreenState {
  switch (action.type) {
    case 'mode':
      return state.mode === action.mode ? state : { ...state, mode: action.mode };
    case 'help':
      // Help always opens at its top.
      return { ...state, help: action.open, helpScroll: 0 };
    case 'helpScroll': {
      const helpScroll = Math.max(0, Math.min(action.max, state.helpScroll + action.delta));
      return helpScroll === state.helpScroll ? state : { ...state, helpScroll };
    }
    case 'summaryMove': {
      const summarySelected = Math.max(0, Math.min(action.count - 1, state.summarySelected + action.delta));
      return summarySelected === state.summarySelected ? state : { ...state, summarySelected };
    }
    case 'summaryAt':
      return { ...state, summarySelected: Math.max(0, action.index) };
    case 'searching':
      return state.searching === action.on ? state : { ...state, searching: action.on };
    case 'requiredOnly':
      return state.requiredOnly === action.on ? state : { ...state, requiredOnly: action.on };
  }
}

/** The view whose keys the status bar shows. */
export function hintView(state: ReviewScreenState): View {
  if (state.help) return 'help';
  if (state.mode === 'document') return state.searching ? 'search' : 'document';
  return editorModes.has(state.mode) ? 'notes' : (state.mode as View);
}

const editorModes = new Set<Mode>(['notes', 'nareason', 'recnotes']);

/** The view whose keys the help overlay lists (what is under it). */
export function helpView(state: ReviewScreenState): View {
  return editorModes.has(state.mode) ? 'notes' : (state.mode as View);
}
