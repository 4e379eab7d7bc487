// Workspaces: the folder holding review documents and, under scores/, their score files.
// `<workspace>/scores/<document-file-stem>/<reviewer-handle>.score.json`.
import { readdir } from 'node:fs/promises';
import { basename, dirname, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';

export const DEFAULT_WORKSPACE = 'reviews';
export const SCORES_DIR = 'scores';
export const SCORE_FILE_SUFFIX = '.score.json';

const MARKDOWN = /\.(md|markdown|mdown|mkd)$/i;
const MAX_DEPTH = 3;

/**
 * The workspace folder to use: --workspace, else the settings value, else ./reviews, resolved
 * against cwd.
 */
export function resolveWorkspace(options: { flag?: string | undefined; setting?: string | undefined; cwd: string }): string {
  return resolve(options.cwd, options.flag ?? options.setting ?? DEFAULT_WORKSPACE);
}

/** True when `path` is `dir` itself or inside it. */
export function isInside(dir: string, path: string): boolean {
  const rel = relative(resolve(dir), resolve(path));
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** A document opened from outside the workspace uses its own folder as the workspace. */
export function workspaceForDocument(workspace: string, documentPath: string): string {
  return isInside(workspace, documentPath) ? resolve(workspace) : dirname(resolve(documentPath));
}

/** The document's path as stored in score files: POSIX, relative to the workspace. */
export function documentRelativePath(workspace: string, documentPath: string): string {
  const rel = relative(resolve(workspace), resolve(documentPath));
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) {
    throw new Error(`document ${documentPath} is not inside workspace ${workspace}`);
  }
  return rel.split(sep).join('/');
}

/** File name without its extension, with characters that are awkward in folder names replaced. */
export function documentStem(documentPath: string): string {
  const name = basename(documentPath);
  const stem = name.slice(0, name.length - extname(name).length) || name;
  // Control characters (C1 and bidi overrides too) never reach a folder name.
  const safe = stem.replace(/[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069/\\:*?"<>|]/g, '-').replace(/^\.+/, '');
  return safe || 'document';
}

export function scoresDirFor(workspace: string, documentPath: string): string {
  return join(resolve(workspace), SCORES_DIR, documentStem(documentPath));
}

export function scoreFilePath(workspace: string, documentPath: string, reviewerHandle: string): string {
  return join(scoresDirFor(workspace, documentPath), `${reviewerHandle}${SCORE_FILE_SUFFIX}`);
}

/** Paths of every reviewer's score file for one document, sorted. Missing folder -> []. */
export async function scoreFilePathsFor(workspace: string, documentPath: string): Promise<string[]> {
  const dir = scoresDirFor(workspace, documentPath);
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR') return [];
    throw error;
  }
  return names
    .filter((name) => name.endsWith(SCORE_FILE_SUFFIX) && !name.startsWith('.'))
    .sort()
    .map((name) => join(dir, name));
}

/**
 * Markdown documents in a workspace (its top level and sub-folders up to a few levels), sorted,
 * skipping scores/, hidden folders and node_modules.
 */
export async function listDocuments(workspace: string): Promise<string[]> {
  const root = resolve(workspace);
  const found: string[] = [];
  async function walk(dir: string, depth: number): Promise<void> {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      if (depth === 0) throw error;
      return;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (depth === 0 && entry.name === SCORES_DIR) continue;
        if (entry.name === 'node_modules' || depth + 1 > MAX_DEPTH) continue;
        await walk(path, depth + 1);
      } else if (entry.isFile() && MARKDOWN.test(entry.name)) {
        found.push(path);
      }
    }
  }
  await walk(root, 0);
  return found.sort();
}

/**
 * The workspace a score file belongs to, from its place at
 * `<workspace>/scores/<document-stem>/<handle>.score.json`; null when it is elsewhere (a copy
 * mailed around, say).
 */
export function workspaceOfScoreFile(path: string): string | null {
  const scoresDir = dirname(dirname(resolve(path)));
  return basename(scoresDir) === SCORES_DIR ? dirname(scoresDir) : null;
}

/** The document a score file was made from: its workspace joined with document.path (a safe relative path). */
export function documentPathOf(path: string, file: { document: { path: string } }): string | null {
  const workspace = workspaceOfScoreFile(path);
  return workspace === null ? null : join(workspace, ...file.document.path.split('/'));
}
