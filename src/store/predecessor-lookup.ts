// A document's predecessor in its workspace, found from disk by the rule the review UI shows
// (core/compare/predecessor.ts): every workspace document read and named as triage names it,
// with the choices kept in the workspace state file. For `export --since-predecessor`.
import { stat } from 'node:fs/promises';
import { candidateOf, resolvePredecessors, type Predecessor, type PredecessorCandidate } from '../core/compare/predecessor.js';
import { parseDocument } from '../core/document/document.js';
import { readDocumentFile } from './document-file.js';
import { documentRelativePath, isInside, listDocuments } from './workspace.js';
import { readWorkspaceState } from './workspace-state.js';

export interface FoundPredecessor extends Predecessor {
  /** The predecessor's path on disk. */
  path: string;
}

/** The predecessor of `documentPath` in `workspace`, or null (none found, none chosen, or outside it). */
export async function findPredecessor(workspace: string, documentPath: string): Promise<FoundPredecessor | null> {
  if (!isInside(workspace, documentPath)) return null;
  const paths = await listDocuments(workspace);
  const candidates: PredecessorCandidate[] = [];
  const pathOf = new Map<string, string>();
  for (const path of paths) {
    const name = documentRelativePath(workspace, path);
    try {
      const file = await readDocumentFile(path);
      candidates.push(candidateOf(parseDocument(file.text), name, (await stat(path)).mtimeMs));
      pathOf.set(name, path);
    } catch {
      // An unreadable document is nobody's predecessor; the reviewed one is reported by export.
    }
  }
  const { predecessors } = await readWorkspaceState(workspace);
  const found = resolvePredecessors(candidates, predecessors).get(documentRelativePath(workspace, documentPath));
  return found ? { ...found, path: pathOf.get(found.name)! } : null;
}
