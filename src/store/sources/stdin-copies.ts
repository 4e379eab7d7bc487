// A document piped in on standard input, kept in the workspace so it can be scored, exported and
// reopened like a file: `fetched/stdin/stdin-<sha256 prefix>.md`. The name comes from the bytes
// read, so the same document piped again finds the same copy (that is how `export -` and a
// second `score -` find it) and two different ones never share a name.
import { access, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../atomic-write.js';
import type { DocumentFile } from '../document-file.js';

export const STDIN_COPIES_DIR = join('fetched', 'stdin');

export function stdinCopyPath(workspace: string, file: Pick<DocumentFile, 'sha256'>): string {
  return join(workspace, STDIN_COPIES_DIR, `stdin-${file.sha256.slice(0, 16)}.md`);
}

/** The copy of a piped document, written once (an existing copy of the same bytes is kept). */
export async function keepStdinCopy(workspace: string, file: DocumentFile): Promise<{ path: string; created: boolean }> {
  const path = stdinCopyPath(workspace, file);
  if (await exists(path)) return { path, created: false };
  await mkdir(join(workspace, STDIN_COPIES_DIR), { recursive: true });
  await writeFileAtomic(path, file.text);
  return { path, created: true };
}

/** The copy of these bytes if one was kept, else null. */
export async function findStdinCopy(workspace: string, file: Pick<DocumentFile, 'sha256'>): Promise<string | null> {
  const path = stdinCopyPath(workspace, file);
  return (await exists(path)) ? path : null;
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}
