// The workspace's documents as predecessor candidates (core/compare/predecessor.ts): the project
// as triage names it once the figures are in, else as the name and title alone give it, so the
// list and the review screen match documents by the same rule.
import { parseDocument } from '../../core/document/document.js';
import type { PredecessorCandidate } from '../../core/compare/predecessor.js';
import { documentKind, projectName } from '../../core/triage/document-kind.js';
import type { TriageRow } from '../../core/triage/triage-row.js';
import type { WorkspaceEntry } from '../types.js';

export function candidateOfEntry(entry: WorkspaceEntry, row: TriageRow | undefined): PredecessorCandidate {
  const title = row?.title ?? entry.title;
  const titleOnly = row ? null : parseDocument(`# ${title}\n`);
  return {
    name: entry.name,
    title,
    project: row?.project ?? projectName(titleOnly!, entry.name),
    kind: row?.kind ?? documentKind(titleOnly!, entry.name),
    dated: entry.dated ?? null,
    modifiedMs: entry.modifiedMs ?? null,
  };
}
