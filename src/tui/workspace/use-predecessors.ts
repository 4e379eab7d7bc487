// The workspace list's predecessors: the choices kept in the workspace (read once per listing)
// and each document's predecessor by the shared rule, recomputed as triage figures name the
// projects. Choosing writes the workspace state file through the host.
import { useEffect, useMemo, useState } from 'react';
import { matchPredecessor, resolvePredecessors, type Predecessor, type PredecessorChoices } from '../../core/compare/predecessor.js';
import type { ReviewHost, WorkspaceEntry } from '../types.js';
import { candidateOfEntry } from './predecessor-candidates.js';
import type { TriageState } from './triage-text.js';

export interface Predecessors {
  /** Document name -> its predecessor; documents without one are absent. */
  resolved: ReadonlyMap<string, Predecessor>;
  /** The automatic match alone (choices left out) for one document, for the picker's "automatic" line. */
  matchedFor(name: string): string | null;
  choices: PredecessorChoices;
  /** Whether this host can keep choices at all. */
  canChoose: boolean;
  /** Why the choices could not be read (a bad state file), or null. */
  problem: string | null;
  choose(name: string, chosen: string | null | undefined): Promise<void>;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function usePredecessors(host: ReviewHost, entries: readonly WorkspaceEntry[] | null, triage: ReadonlyMap<string, TriageState>): Predecessors {
  const [choices, setChoices] = useState<PredecessorChoices>({});
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    if (!host.predecessorChoices || !entries) return;
    let live = true;
    host.predecessorChoices().then(
      (read) => {
        if (!live) return;
        setChoices(read);
        setProblem(null);
      },
      (error: unknown) => live && setProblem(message(error)),
    );
    return () => {
      live = false;
    };
  }, [host, entries]);

  const candidates = useMemo(
    () => (entries ?? []).map((entry) => {
      const state = triage.get(entry.path);
      return candidateOfEntry(entry, state?.status === 'done' ? state.row : undefined);
    }),
    [entries, triage],
  );
  const resolved = useMemo(() => resolvePredecessors(candidates, choices), [candidates, choices]);

  return {
    resolved,
    // Asked only when the picker opens: not a second resolution of every document per triage update.
    matchedFor(name) {
      const target = candidates.find((c) => c.name === name);
      return target ? (matchPredecessor(target, candidates)?.name ?? null) : null;
    },
    choices,
    canChoose: !!host.setPredecessor,
    problem,
    async choose(name, chosen) {
      if (!host.setPredecessor) return;
      setChoices(await host.setPredecessor(name, chosen));
      setProblem(null);
    },
  };
}
