// What an export reads from disk: the score files named on the command line (or found for a
// document), the reviewed document they point at, and a fresh extraction of it for the gaps
// list. A missing or unreadable document is reported back, not thrown: the export says so.
import { resolve } from 'node:path';
import type { CriteriaSet } from '../core/criteria/criteria.js';
import { parseDocument } from '../core/document/document.js';
import type { DocumentModel } from '../core/document/document-types.js';
import { UserError } from '../core/errors.js';
import { extractEvidence } from '../core/evidence/extract.js';
import type { ExtractResult } from '../core/evidence/extract-types.js';
import { sanitizeLine } from '../core/sanitize.js';
import type { Reviewer, ScoreFile } from '../core/scores/score-file.js';
import { readDocumentFile } from './document-file.js';
import { findScoreFiles, isDirectory } from './score-file-args.js';
import { listScoreFiles, loadScoreFile, scoreFilePath } from './score-store.js';
import { documentPathOf, scoreFilePathsFor, workspaceForDocument } from './workspace.js';

export interface ExportSource {
  /** The score file's path. */
  path: string;
  file: ScoreFile;
  /** Where the reviewed document should be, or null when the score file is outside a workspace. */
  documentPath: string | null;
}

// Kept importable from here; workspace.ts holds them so validate loads no extraction code.
export { documentPathOf, workspaceOfScoreFile } from './workspace.js';

async function scoreFileSource(path: string): Promise<ExportSource> {
  const { file } = await loadScoreFile(path);
  return { path, file, documentPath: documentPathOf(path, file) };
}

function isScoreFileArg(arg: string): boolean {
  return /\.json$/i.test(arg);
}

export interface FindOptions {
  cwd: string;
  /** With a document: every reviewer's file for it rather than the current reviewer's. */
  panel: boolean;
  /** The workspace for document arguments (flag, settings or ./reviews), resolved lazily. */
  workspace: () => string;
  /** The current reviewer, resolved lazily (only a document argument without --panel needs it). */
  reviewer: (documentPath: string) => Reviewer;
}

async function sourcesForDocument(documentPath: string, options: FindOptions): Promise<ExportSource[]> {
  const workspace = options.workspace();
  if (options.panel) {
    const loaded = await listScoreFiles(workspace, documentPath);
    if (loaded.length === 0) throw new UserError(`export: no score files for ${sanitizeLine(documentPath)} yet`);
    return loaded.map((entry) => {
      if (!entry.ok) throw new UserError(entry.error);
      return { path: entry.path, file: entry.file, documentPath };
    });
  }
  const reviewer = options.reviewer(documentPath);
  const path = scoreFilePath(workspace, documentPath, reviewer.handle);
  try {
    const { file } = await loadScoreFile(path);
    return [{ path, file, documentPath }];
  } catch (error) {
    if (error instanceof UserError && error.message.endsWith(': no such file')) {
      const others = (await scoreFilePathsFor(workspaceForDocument(workspace, documentPath), documentPath)).length;
      const hint = others > 0 ? `; ${others} other reviewer${others === 1 ? "'s file exists" : "s' files exist"} (use --panel)` : '';
      throw new UserError(
        `export: ${sanitizeLine(reviewer.name)} (${reviewer.handle}) has no score file for ${sanitizeLine(documentPath)} (looked for ${sanitizeLine(path)})${hint}`,
      );
    }
    throw error;
  }
}

/** Resolve command-line arguments (score files and documents) to loaded score files, in order. */
export async function findScoreFilesForExport(args: readonly string[], options: FindOptions): Promise<ExportSource[]> {
  const sources: ExportSource[] = [];
  for (const arg of args) {
    const path = resolve(options.cwd, arg);
    if (isScoreFileArg(arg)) {
      sources.push(await scoreFileSource(path));
    } else if (await isDirectory(path)) {
      // A folder (say <workspace>/scores/<document>/): every score file in it, as `panel` does.
      const paths = await findScoreFiles(path);
      if (paths.length === 0) throw new UserError(`export: no score files in ${sanitizeLine(path)}`);
      for (const found of paths) sources.push(await scoreFileSource(found));
    } else {
      sources.push(...(await sourcesForDocument(path, options)));
    }
  }
  return sources;
}

export interface DocumentExtraction {
  extract: ExtractResult | null;
  /** The document's model when it was read (for export --since, which compares it). */
  model?: DocumentModel;
  /** Why there is no extraction (one line, sanitised), else null. */
  problem: string | null;
}

/** Read and extract the document for the gaps list; a problem reading it is returned, not thrown. */
export async function extractDocumentFor(documentPath: string | null, criteria: CriteriaSet, recordedPath: string): Promise<DocumentExtraction> {
  if (documentPath === null) {
    return { extract: null, problem: `${sanitizeLine(recordedPath)} not found: the score file is not in a workspace's scores folder (give --document)` };
  }
  let document;
  try {
    document = await readDocumentFile(documentPath);
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    // Name the document as the score file does, not by an absolute path of this machine.
    return { extract: null, problem: sanitizeLine(error.message.replace(documentPath, recordedPath)) };
  }
  const model = parseDocument(document.text);
  return { extract: extractEvidence(model, criteria, { path: recordedPath, sha256: document.sha256 }), model, problem: null };
}
