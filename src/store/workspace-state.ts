// What a workspace remembers beyond score files: the predecessor a reviewer chose by hand for a
// document (or "none"), in `<workspace>/.toc-review-workspace.json`, beside the documents so
// that it travels with them in git like the score files do. Read strictly (a bad file is a
// one-line error naming it and the field, and is never written over); written atomically with
// sorted keys so that merges stay clean.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { PredecessorChoices } from '../core/compare/predecessor.js';
import { UserError } from '../core/errors.js';
import { quoted, sanitizeLine } from '../core/sanitize.js';
import { checkJsonText } from '../core/scores/json-check.js';
import { writeFileAtomic } from './atomic-write.js';

export const WORKSPACE_STATE_FILE = '.toc-review-workspace.json';
export const WORKSPACE_STATE_SCHEMA = 'toc-review/workspace@1';

export interface WorkspaceState {
  predecessors: PredecessorChoices;
}

export function workspaceStatePath(workspace: string): string {
  return join(workspace, WORKSPACE_STATE_FILE);
}

/** A workspace-relative POSIX path to a file inside it: no `..`, not absolute, no controls. */
function isDocumentName(value: string): boolean {
  if (value === '' || value.length > 1000 || value.startsWith('/') || value.includes('\\') || /[\x00-\x1f\x7f-\x9f]/.test(value)) return false;
  return value.split('/').every((part) => part !== '' && part !== '.' && part !== '..');
}

/** The state as written in the file, checked field by field; `where` names the file in errors. */
export function parseWorkspaceState(text: string, where: string): WorkspaceState {
  const shown = sanitizeLine(where);
  const problem = checkJsonText(text);
  if (problem) {
    const what = problem.kind === 'syntax' ? problem.message : `duplicate key ${quoted(problem.key)}`;
    throw new UserError(`${shown}: line ${problem.line}: ${what}`);
  }
  const value = JSON.parse(text) as unknown;
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new UserError(`${shown}: must be a JSON object`);
  const record = value as Record<string, unknown>;
  if (record.schema !== WORKSPACE_STATE_SCHEMA) throw new UserError(`${shown}: schema: must be "${WORKSPACE_STATE_SCHEMA}"`);
  const raw = record.predecessors ?? {};
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new UserError(`${shown}: predecessors: must be an object`);
  const predecessors: Record<string, string | null> = {};
  for (const [name, chosen] of Object.entries(raw as Record<string, unknown>)) {
    const field = `predecessors.${quoted(name, 80)}`;
    if (!isDocumentName(name)) throw new UserError(`${shown}: ${field}: must be a document path inside the workspace`);
    if (chosen !== null && (typeof chosen !== 'string' || !isDocumentName(chosen))) {
      throw new UserError(`${shown}: ${field}: must be a document path inside the workspace, or null for none`);
    }
    predecessors[name] = chosen;
  }
  return { predecessors };
}

/** The workspace's state; an empty one when it has no state file. */
export async function readWorkspaceState(workspace: string): Promise<WorkspaceState> {
  const path = workspaceStatePath(workspace);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { predecessors: {} };
    throw new UserError(`${sanitizeLine(path)}: cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  return parseWorkspaceState(text, path);
}

export function serializeWorkspaceState(state: WorkspaceState): string {
  const predecessors = Object.fromEntries(Object.keys(state.predecessors).sort().map((name) => [name, state.predecessors[name]!]));
  return `${JSON.stringify({ schema: WORKSPACE_STATE_SCHEMA, predecessors }, null, 2)}\n`;
}

/**
 * Record a choice for one document: a predecessor's name, null for "none", or undefined to go
 * back to the match. The file is read again first, so a bad one is reported and left alone.
 */
export async function setPredecessorChoice(workspace: string, name: string, chosen: string | null | undefined): Promise<WorkspaceState> {
  const state = await readWorkspaceState(workspace);
  const predecessors: Record<string, string | null> = { ...state.predecessors };
  if (chosen === undefined) delete predecessors[name];
  else predecessors[name] = chosen;
  const next = { predecessors };
  // A value this module would refuse to read back is never written.
  parseWorkspaceState(serializeWorkspaceState(next), workspaceStatePath(workspace));
  await writeFileAtomic(workspaceStatePath(workspace), serializeWorkspaceState(next));
  return next;
}
