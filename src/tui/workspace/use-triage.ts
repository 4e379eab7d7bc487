// The listed documents' triage figures, computed after the list is drawn: one document at a
// time with a macrotask between them, so keys are answered while a workspace is read, and
// the figures are shown in batches rather than one frame per document.
import { useEffect, useState } from 'react';
import type { ReviewHost, WorkspaceEntry } from '../types.js';
import type { TriageState } from './triage-text.js';

/** Figures found since the last frame are shown together after at most this long. */
const FLUSH_MS = 50;

const nextTick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export function useTriage(host: ReviewHost, entries: readonly WorkspaceEntry[] | null): ReadonlyMap<string, TriageState> {
  const [states, setStates] = useState<ReadonlyMap<string, TriageState>>(new Map());
  useEffect(() => {
    const triage = host.triageDocument?.bind(host);
    if (!triage || !entries || entries.length === 0) {
      setStates(new Map());
      return;
    }
    let live = true;
    const found = new Map<string, TriageState>(entries.map((e) => [e.path, { status: 'pending' }]));
    setStates(new Map(found));
    void (async () => {
      let shown = Date.now();
      for (const entry of entries) {
        await nextTick();
        if (!live) return;
        try {
          found.set(entry.path, { status: 'done', row: await triage(entry.path) });
        } catch (error) {
          found.set(entry.path, { status: 'failed', reason: error instanceof Error ? error.message : String(error) });
        }
        if (!live) return;
        if (Date.now() - shown >= FLUSH_MS) {
          shown = Date.now();
          setStates(new Map(found));
        }
      }
      if (live) setStates(new Map(found));
    })();
    return () => {
      live = false;
    };
  }, [host, entries]);
  return states;
}
