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

type Resolved = { byName: Map<string, Predecessor>; pathOf: Map<string, string> };

/** Every document of a workspace read once (together), and every predecessor resolved. */
async function resolveWorkspace(workspace: string): Promise<Resolved> {
  const paths = await listDocuments(workspace);
  const read = await Promise.all(
    paths.map(async (path) => {
      try {
        const [file, info] = await Promise.all([readDocumentFile(path), stat(path)]);
        return { path, candidate: candidateOf(parseDocument(file.text), documentRelativePath(workspace, path), info.mtimeMs) };
      } catch {
        // An unreadable document is nobody's predecessor; the reviewed one is reported by export.
        return null;
      }
    }),
  );
  const found = read.filter((r): r is { path: string; candidate: PredecessorCandidate } => r !== null);
  const { predecessors } = await readWorkspaceState(workspace);
  return { byName: resolvePredecessors(found.map((r) => r.candidate), predecessors), pathOf: new Map(found.map((r) => [r.candidate.name, r.path])) };
}

/**
 * A finder of predecessors that reads each workspace once however many documents it is asked
 * about (an export of several groups). Returns null: none found, none chosen, or outside it.
 */
export function predecessorFinder(): (workspace: string, documentPath: string) => Promise<FoundPredecessor | null> {
  const resolved = new Map<string, Promise<Resolved>>();
  return async (workspace, documentPath) => {
    if (!isInside(workspace, documentPath)) return null;
    if (!resolved.has(workspace)) resolved.set(workspace, resolveWorkspace(workspace));
    const { byName, pathOf } = await resolved.get(workspace)!;
    const found = byName.get(documentRelativePath(workspace, documentPath));
    return found ? { ...found, path: pathOf.get(found.name)! } : null;
  };
}
