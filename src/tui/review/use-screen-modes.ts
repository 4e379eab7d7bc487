// What is on top of the review (state/review-screen.ts) and who gets the keys: the review and
// summary keys are the screen's; an editor or viewer on top owns its keys through a key slot.
// Keys that arrive before the new one has rendered wait here and are replayed to it after that
// render, so nothing typed ahead is lost or run in the wrong place.
import { useEffect, useMemo, useRef } from 'react';
import type { InputKey } from '../input-decoder.js';
import { keySlot, type KeySlot } from '../key-slot.js';
import type { DraftSlot } from '../notes-editor.js';
import { initialReviewScreen, reviewScreenReducer, type Mode, type ReviewScreenAction, type ReviewScreenState } from '../state/review-screen.js';
import { useRefState } from '../use-ref-state.js';

export interface ScreenModes {
  screen: ReviewScreenState;
  screenRef: { readonly current: ReviewScreenState };
  screenDo(action: ReviewScreenAction): void;
  setMode(mode: Mode): void;
  setHelp(open: boolean): void;
  /** The slot the editor or viewer on top fills with its key handler. */
  childKeys: KeySlot;
  /** The text in the open notes editor, to save it when the app is ended mid-note (Ctrl-C). */
  draft: DraftSlot;
  /** A key for the editor or viewer on top: handed over now, or once it has rendered. */
  toChild(ch: string, key: InputKey): void;
}

export function useScreenModes(routeKeyRef: { current: (ch: string, key: InputKey) => void }): ScreenModes {
  const [screen, setScreen, screenRef] = useRefState(initialReviewScreen);
  const screenDo = (action: ReviewScreenAction) => setScreen((s) => reviewScreenReducer(s, action));
  const childKeys = useMemo(keySlot, []);
  const draft = useMemo<DraftSlot>(() => ({ current: null }), []);
  const pendingKeys = useRef<[string, InputKey][]>([]);
  useEffect(() => {
    if (pendingKeys.current.length === 0 || !childKeys.current) return;
    const keys = pendingKeys.current;
    pendingKeys.current = [];
    for (const [ch, key] of keys) routeKeyRef.current(ch, key);
  });
  return {
    screen,
    screenRef,
    screenDo,
    setMode(next) {
      childKeys.current = null;
      draft.current = null;
      if (next === 'review' || next === 'summary') pendingKeys.current = [];
      screenDo({ type: 'mode', mode: next });
    },
    setHelp(open) {
      childKeys.current = null;
      screenDo({ type: 'help', open });
    },
    childKeys,
    draft,
    toChild(ch, key) {
      if (childKeys.current) childKeys.current(ch, key);
      else pendingKeys.current.push([ch, key]);
    },
  };
}
