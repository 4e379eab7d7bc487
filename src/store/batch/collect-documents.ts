// The documents several arguments name: each path as given, a folder as every review document
// under it (recursively: .md, .markdown, .adoc), in a stable order (arguments in the order
// given, a folder's files sorted by their path), each document once. Anything that is not a
// local path (stdin, a URL, an issue) is passed through for the document reader to resolve.
import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { SCORES_DIR } from '../workspace.js';

export const BATCH_DOCUMENT = /\.(?:md|markdown|adoc)$/i;

export interface BatchInput {
  /** The name shown in output and errors: the argument as given, or argument/relative/path. */
  shown: string;
  /** The argument for the document reader (a local path relative to cwd, or a source spec). */
  spec: string;
  /** Not a path to read here: `-`, a URL or OWNER/REPO#N, for the one-document reader. */
  source?: boolean;
}

export interface CollectResult {
  inputs: BatchInput[];
  /** Arguments that could not be listed (a folder that cannot be read), one line each. */
  problems: Array<{ shown: string; message: string }>;
}

/** An argument the reader resolves itself rather than the file system: `-`, a URL, OWNER/REPO#N. */
function isNonPath(arg: string): boolean {
  return arg === '-' || /^[a-z][a-z0-9+.-]*:\/\//i.test(arg) || /^[\w.-]+\/[\w.-]+#\d+$/.test(arg);
}

/** Files under a folder that are review documents, as paths relative to it (POSIX), sorted. */
async function walk(root: string): Promise<string[]> {
  const found: string[] = [];
  const visit = async (dir: string, rel: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true });
    for (const entry of entries) {
      // Hidden folders, installed packages and a workspace's score files are never documents.
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const childRel = rel === '' ? entry.name : `${rel}/${entry.name}`;
      if (entry.isDirectory()) {
        if (rel === '' && entry.name === SCORES_DIR) continue;
        await visit(join(dir, entry.name), childRel);
      } else if (entry.isFile() && BATCH_DOCUMENT.test(entry.name)) found.push(childRel);
    }
  };
  await visit(root, '');
  // Code-unit order, not locale order: the same on every machine.
  return found.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

export async function collectDocuments(args: readonly string[], cwd: string): Promise<CollectResult> {
  const inputs: BatchInput[] = [];
  const problems: CollectResult['problems'] = [];
  const seen = new Set<string>();
  const add = (shown: string, spec: string, key: string, source = false) => {
    if (seen.has(key)) return;
    seen.add(key);
    inputs.push(source ? { shown, spec, source } : { shown, spec });
  };
  for (const arg of args) {
    if (isNonPath(arg)) {
      add(arg, arg, arg, true);
      continue;
    }
    const absolute = resolve(cwd, arg);
    let isDirectory = false;
    try {
      isDirectory = (await stat(absolute)).isDirectory();
    } catch {
      // A missing file is the reader's to report, in its place in the order.
    }
    if (!isDirectory) {
      add(arg, arg, absolute);
      continue;
    }
    try {
      const base = arg.replace(/\/+$/, '') || '/';
      for (const rel of await walk(absolute)) {
        const shown = base === '.' ? rel : `${base === '/' ? '' : base}/${rel}`;
        add(shown, shown, join(absolute, rel));
      }
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? String(error);
      problems.push({ shown: arg, message: `cannot list the folder (${code})` });
    }
  }
  return { inputs, problems };
}
