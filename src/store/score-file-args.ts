// Turning command-line arguments into score file paths: files as given, folders searched for
// *.score.json (validate, panel), review documents expanded to every reviewer's file (panel).
import { readdir, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { UserError } from '../core/errors.js';
import { sanitizeLine } from '../core/sanitize.js';
import { SCORE_FILE_SUFFIX } from './workspace.js';

const MAX_DEPTH = 4;

/** Every *.score.json under a folder (a few levels deep), sorted; hidden folders skipped. */
export async function findScoreFiles(dir: string): Promise<string[]> {
  const found: string[] = [];
  async function walk(current: string, depth: number): Promise<void> {
    let entries;
    try {
      entries = await readdir(current, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const path = join(current, entry.name);
      if (entry.isDirectory() && depth < MAX_DEPTH) await walk(path, depth + 1);
      else if (entry.isFile() && entry.name.endsWith(SCORE_FILE_SUFFIX)) found.push(path);
    }
  }
  await walk(dir, 0);
  return found.sort();
}

export async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

/** A path as shown to the user: relative to cwd when inside it, else as it is. */
export function displayPath(cwd: string, path: string): string {
  if (!isAbsolute(path)) return path;
  const rel = relative(cwd, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

/**
 * Score file paths named by command-line arguments, as shown to the user: a folder becomes the
 * score files under it (refused when it has none), another argument is offered to `expandOther`
 * first (panel turns a document into its reviewers' files), and anything else is a file as given.
 * Duplicates are dropped.
 */
export async function expandScoreFileArgs(
  args: readonly string[],
  cwd: string,
  expandOther?: (arg: string, full: string) => Promise<string[] | null>,
): Promise<string[]> {
  const paths: string[] = [];
  const seen = new Set<string>();
  const add = (shown: string, full: string) => {
    if (seen.has(full)) return;
    seen.add(full);
    paths.push(shown);
  };
  for (const arg of args) {
    const full = resolve(cwd, arg);
    if (await isDirectory(full)) {
      const found = await findScoreFiles(full);
      if (found.length === 0) throw new UserError(`${sanitizeLine(arg)}: no *.score.json files in this folder`);
      for (const path of found) add(displayPath(cwd, path), path);
      continue;
    }
    const expanded = expandOther ? await expandOther(arg, full) : null;
    if (expanded) for (const path of expanded) add(displayPath(cwd, path), resolve(cwd, path));
    else add(arg, full);
  }
  return paths;
}

/**
 * The one summary line after per-file errors, shared by `panel` and `validate`: only when more
 * than one file is bad (one bad file's own line says it all). Null otherwise.
 */
export function invalidFilesSummary(command: string, invalid: number, total: number): string | null {
  return invalid > 1 ? `${command}: ${invalid} of ${total} score files are invalid; fix them or leave them out` : null;
}
