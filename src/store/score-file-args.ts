// Turning command-line arguments into score file paths: files as given, folders searched for
// *.score.json (validate, panel), review documents expanded to every reviewer's file (panel).
import { readdir, stat } from 'node:fs/promises';
import { isAbsolute, join, relative } from 'node:path';
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
