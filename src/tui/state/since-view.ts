// Whether the review's evidence pane shows "since <predecessor>" instead of the evidence, and
// what is known of the comparison: not asked for yet, being computed, the result (a diff, or why
// there is none) or why it failed. Pure; the hook (review/use-since.ts) asks the host once.
import type { SinceResult } from '../types.js';

export interface SinceView {
  on: boolean;
  load: 'idle' | 'loading' | 'done' | 'failed';
  result: SinceResult | null;
  error: string | null;
}

export type SinceAction = { type: 'toggle' } | { type: 'loaded'; result: SinceResult } | { type: 'failed'; error: string };

export const initialSinceView: SinceView = { on: false, load: 'idle', result: null, error: null };

export function sinceViewReducer(state: SinceView, action: SinceAction): SinceView {
  switch (action.type) {
    case 'toggle':
      // The first time on starts the comparison; later toggles reuse what it found.
      return { ...state, on: !state.on, load: !state.on && state.load === 'idle' ? 'loading' : state.load };
    case 'loaded':
      return { ...state, load: 'done', result: action.result, error: null };
    case 'failed':
      return { ...state, load: 'failed', error: action.error };
  }
}

/** Whether this toggle needs the host asked (the comparison was never started). */
export function needsLoad(before: SinceView, after: SinceView): boolean {
  return before.load === 'idle' && after.load === 'loading';
}
