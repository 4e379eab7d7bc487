// Writing an export: atomically, refusing to replace an existing file unless asked, never over
// its own inputs, a symlink or a non-regular file, and (for the UI's export action) next to the
// score file it came from.
import type { Stats } from 'node:fs';
import { lstat, mkdir, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { UserError } from '../core/errors.js';
import { sanitizeLine } from '../core/sanitize.js';
import { writeFileAtomic } from './atomic-write.js';
import { SCORE_FILE_SUFFIX } from './workspace.js';

export type ExportFormat = 'md' | 'json';

/** `<dir>/<handle>.score.json` -> `<dir>/<handle>.summary.md` (or `.summary.json`). */
export function exportPathFor(scoreFilePath: string, format: ExportFormat = 'md'): string {
  const name = basename(scoreFilePath);
  const stem = name.endsWith(SCORE_FILE_SUFFIX) ? name.slice(0, -SCORE_FILE_SUFFIX.length) : name.replace(/\.json$/i, '');
  return join(dirname(scoreFilePath), `${stem}.summary.${format}`);
}

/** The panel export of a document's score files sits in the same folder: `panel.summary.md`. */
export function panelExportPathFor(scoreFilePath: string, format: ExportFormat = 'md'): string {
  return join(dirname(scoreFilePath), `panel.summary.${format}`);
}

/** The target's own entry (a symlink is not followed), or null when there is none. */
async function entryOf(path: string): Promise<Stats | null> {
  try {
    return await lstat(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // ENOTDIR: a parent is a file; the write below reports that as one line.
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    throw new UserError(`${sanitizeLine(path)}: cannot check whether it exists (${code ?? String(error)})`);
  }
}

/** The same file (device and inode), however it was named: symlinks, hard links, `..`. */
async function sameFile(target: Stats, paths: readonly string[]): Promise<string | null> {
  for (const path of paths) {
    const info = await stat(path).catch(() => null);
    if (info && info.dev === target.dev && info.ino === target.ino) return path;
  }
  return null;
}

export interface WriteExportOptions {
  /** Replace an existing regular file (`--force`). */
  overwrite?: boolean;
  /** Files the export was made from (score files, documents, a criteria file): never replaced. */
  inputs?: readonly string[];
}

/**
 * Write an export atomically. Refused, with one line and nothing written: a target that is a
 * symlink (a shared repository can carry one pointing anywhere, so it is neither followed nor
 * replaced), a device, FIFO or folder, one of the export's own inputs (even with `overwrite`),
 * a `*.score.json` name, and an existing file without `overwrite`. Creates the parent folder when
 * missing.
 */
export async function writeExportFile(path: string, text: string, options: WriteExportOptions = {}): Promise<void> {
  const shown = sanitizeLine(path);
  const entry = await entryOf(path);
  if (entry?.isSymbolicLink()) {
    throw new UserError(`${shown}: is a symbolic link; not writing through it or replacing it (give the real file's path, or - for stdout)`);
  }
  if (entry?.isDirectory()) throw new UserError(`${shown}: is a directory; give a file name`);
  if (entry && !entry.isFile()) throw new UserError(`${shown}: not a regular file (a device, FIFO or socket); not writing to it (use - for stdout)`);
  if (entry) {
    const input = await sameFile(entry, options.inputs ?? []);
    if (input !== null) {
      throw new UserError(`${shown}: is one of this export's inputs${input === path ? '' : ` (${sanitizeLine(input)})`}; not overwriting it, choose another output file`);
    }
  }
  // Markdown or summary JSON over anyone's score file, input or not, is never what was meant.
  if (path.endsWith(SCORE_FILE_SUFFIX)) throw new UserError(`${shown}: is a score file name (${SCORE_FILE_SUFFIX}); not writing an export there, choose another output file`);
  if (entry && !options.overwrite) throw new UserError(`${shown}: already exists (use --force to replace it)`);
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFileAtomic(path, text);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError(`${shown}: cannot write (${code ?? String(error)})`);
  }
}

/**
 * The UI's export action: write the markdown next to the score file (replacing an earlier
 * export of the same file) and return the path written, for the status line.
 */
export async function writeExportNextTo(scoreFilePath: string, markdown: string): Promise<string> {
  const path = exportPathFor(scoreFilePath, 'md');
  await writeExportFile(path, markdown, { overwrite: true, inputs: [scoreFilePath] });
  return path;
}
