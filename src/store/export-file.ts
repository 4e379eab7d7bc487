// Writing an export: atomically, refusing to replace an existing file unless asked, and (for the
// UI's export action) next to the score file it came from.
import { mkdir, stat } from 'node:fs/promises';
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

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // ENOTDIR: a parent is a file; the write below reports that as one line.
    if (code === 'ENOENT' || code === 'ENOTDIR') return false;
    throw new UserError(`${sanitizeLine(path)}: cannot check whether it exists (${code ?? String(error)})`);
  }
}

/**
 * Write an export atomically. Without `overwrite`, an existing file is left alone and a
 * UserError says so. Creates the parent folder when missing.
 */
export async function writeExportFile(path: string, text: string, options: { overwrite?: boolean } = {}): Promise<void> {
  const shown = sanitizeLine(path);
  if (!options.overwrite && (await exists(path))) throw new UserError(`${shown}: already exists (use --force to replace it)`);
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
  await writeExportFile(path, markdown, { overwrite: true });
  return path;
}
