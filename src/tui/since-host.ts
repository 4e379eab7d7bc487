// The host's part for comparing with a predecessor: the choices kept in the workspace state file
// (store/workspace-state.ts), and what changed since a review's predecessor, found by the same
// rule the workspace list shows (core/compare/predecessor.ts) and computed once per pair of
// document versions and criteria set (core/compare/document-diff.ts, as `toc-review diff`).
import { resolvePredecessors, type PredecessorChoices } from '../core/compare/predecessor.js';
import { diffDocuments, diffSideOf } from '../core/compare/document-diff.js';
import type { DocumentDiff } from '../core/compare/diff-types.js';
import { parseDocument } from '../core/document/document.js';
import { sanitizeLine } from '../core/sanitize.js';
import type { TriageRow } from '../core/triage/triage-row.js';
import { readDocumentFile } from '../store/document-file.js';
import { readWorkspaceState, setPredecessorChoice } from '../store/workspace-state.js';
import type { OpenedReview, ReviewHost, SinceResult, WorkspaceEntry } from './types.js';
import { candidateOfEntry } from './workspace/predecessor-candidates.js';

/** Kept diffs: a handful of pairs is all one session looks at. */
const MAX_KEPT = 8;

export function sinceHost(workspace: string, host: Pick<ReviewHost, 'listDocuments' | 'triageDocument'>): Required<Pick<ReviewHost, 'predecessorChoices' | 'setPredecessor' | 'since'>> {
  const kept = new Map<string, DocumentDiff>();

  async function predecessorOf(review: OpenedReview): Promise<{ entry: WorkspaceEntry; how: 'chosen' | 'matched' } | string> {
    const entries = await host.listDocuments();
    const self = entries.find((e) => e.path === review.sourcePath);
    if (!self) return 'this document is not in the workspace list, so it has no predecessor there';
    // The list has triaged these already (from its cache); asked together, not one by one.
    const triaged = await Promise.all(entries.map((entry) => host.triageDocument?.(entry.path).catch(() => undefined)));
    const rows = new Map<string, TriageRow>();
    entries.forEach((entry, i) => triaged[i] && rows.set(entry.path, triaged[i]));
    const { predecessors } = await readWorkspaceState(workspace);
    const found = resolvePredecessors(entries.map((e) => candidateOfEntry(e, rows.get(e.path))), predecessors).get(self.name);
    if (!found) {
      const chosenNone = Object.hasOwn(predecessors, self.name) && predecessors[self.name] === null;
      const project = sanitizeLine(candidateOfEntry(self, rows.get(self.path)).project);
      return chosenNone ? 'no predecessor: set to none in the workspace list (p there chooses one)' : `no earlier document of ${project} in the workspace (p in the workspace list chooses one)`;
    }
    return { entry: entries.find((e) => e.name === found.name)!, how: found.how };
  }

  return {
    async predecessorChoices(): Promise<PredecessorChoices> {
      return (await readWorkspaceState(workspace)).predecessors;
    },

    async setPredecessor(name, chosen) {
      return (await setPredecessorChoice(workspace, name, chosen)).predecessors;
    },

    async since(review): Promise<SinceResult> {
      const found = await predecessorOf(review);
      if (typeof found === 'string') return { kind: 'none', reason: found };
      const file = await readDocumentFile(found.entry.path);
      const current = review.lines.join('\n');
      const key = JSON.stringify([file.sha256, review.extract?.document.sha256 ?? current, review.criteria.source.sha256]);
      let diff = kept.get(key);
      if (!diff) {
        const before = diffSideOf(file.text, review.criteria, { path: found.entry.name, sha256: file.sha256 });
        const after = review.extract ? { doc: parseDocument(current), result: review.extract } : diffSideOf(current, review.criteria, { path: review.displayPath, sha256: '' });
        diff = diffDocuments(before, after, review.criteria);
        if (kept.size >= MAX_KEPT) kept.delete(kept.keys().next().value!);
        kept.set(key, diff);
      }
      return { kind: 'diff', predecessor: { name: found.entry.name, how: found.how }, diff };
    },
  };
}
