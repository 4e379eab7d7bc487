// The review screen's "since <predecessor>" toggle: the host is asked for the comparison once,
// the first time it is turned on, and the result is kept for the screen's life; the rows for a
// criterion are laid out only when it is shown (per criterion and width, not per keypress).
import { useEffect, useMemo, useRef } from 'react';
import type { CriteriaItem } from '../../core/criteria/criteria.js';
import { sanitizeLine } from '../../core/sanitize.js';
import type { EvidenceLayout } from '../evidence-lines.js';
import { initialSinceView, needsLoad, sinceViewReducer, type SinceAction } from '../state/since-view.js';
import type { Status } from '../status-bar.js';
import type { SinceResult } from '../types.js';
import { useRefState } from '../use-ref-state.js';
import { sinceLayout } from './since-rows.js';

export interface SinceToggle {
  /** The pane's rows and title while "since" is on, else null (the evidence is shown). */
  shown: (EvidenceLayout & { title: string }) | null;
  toggle(): void;
}

export function useSince(load: (() => Promise<SinceResult>) | undefined, item: CriteriaItem, width: number, setStatus: (status: Status) => void): SinceToggle {
  const [view, setView, viewRef] = useRefState(initialSinceView);
  const live = useRef(true);
  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
    };
  }, []);
  const apply = (action: SinceAction) => live.current && setView((s) => sinceViewReducer(s, action));

  const shown = useMemo(() => {
    if (!view.on) return null;
    const name = view.result?.kind === 'diff' ? sanitizeLine(view.result.predecessor.name) : 'the predecessor';
    return { ...sinceLayout(view, item, width), title: `Since ${name} · ${sanitizeLine(item.title)}` };
  }, [view, item, width]);

  return {
    shown,
    toggle() {
      if (!load) return setStatus({ text: 'no comparison here: open the document from the workspace list', tone: 'warn' });
      const before = viewRef.current;
      const after = setView((s) => sinceViewReducer(s, { type: 'toggle' }));
      if (!needsLoad(before, after)) return;
      load().then(
        (result) => apply({ type: 'loaded', result }),
        (error: unknown) => apply({ type: 'failed', error: error instanceof Error ? error.message : String(error) }),
      );
    },
  };
}
