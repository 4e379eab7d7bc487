// Kept copies of fetched issues in the workspace (core/sources/kept-copy.ts says where and what):
// read back with a file's refusals and checked against the sha256 recorded when it was fetched;
// written atomically, the copy first and its record last, so a record always has its copy.
import { mkdir, readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { UserError } from '../../core/errors.js';
import { sha256 } from '../../core/hash.js';
import { sanitizeLine } from '../../core/sanitize.js';
import type { GitHubIssueOrigin } from '../../core/sources/document-origin.js';
import type { GitHubIssueRef } from '../../core/sources/github-ref.js';
import { keptCopyPaths, keptRecordText, KEPT_SCHEMA, parseKeptRecord, type KeptRecord } from '../../core/sources/kept-copy.js';
import { writeFileAtomic } from '../atomic-write.js';
import { readDocumentFile, type DocumentFile } from '../document-file.js';

export interface KeptCopy {
  record: KeptRecord;
  file: DocumentFile;
  /** Absolute path of the copy. */
  path: string;
}

function absolutePaths(workspace: string, ref: GitHubIssueRef, comments: boolean) {
  const { document, record } = keptCopyPaths(ref, comments);
  return { document: join(resolve(workspace), ...document.split('/')), record: join(resolve(workspace), ...record.split('/')) };
}

/**
 * The kept copy of this issue (with or without comments), or null when there is none. A copy
 * edited since it was fetched is refused unless `replacing` (--refresh is about to overwrite it).
 */
export async function readKeptCopy(workspace: string, ref: GitHubIssueRef, comments: boolean, options: { replacing?: boolean } = {}): Promise<KeptCopy | null> {
  const paths = absolutePaths(workspace, ref, comments);
  let recordText: string;
  try {
    recordText = await readFile(paths.record, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new UserError(`${sanitizeLine(paths.record)}: cannot read (${sanitizeLine((error as NodeJS.ErrnoException).code ?? 'error')})`);
  }
  const record = parseKeptRecord(recordText, paths.record);
  const file = await readDocumentFile(paths.document, { allowEmpty: true }).catch((error: unknown) => {
    // A record without its copy: as if nothing was kept (the next fetch writes both).
    if (error instanceof UserError && /not found|no such file/i.test(error.message)) return null;
    throw error;
  });
  if (!file) return null;
  if (file.sha256 !== record.sha256 && !options.replacing) {
    throw new UserError(`${sanitizeLine(paths.document)}: edited since it was fetched (its sha256 is not the one in ${sanitizeLine(paths.record)}); fetch again with --refresh (replaces it), or extract the file itself`);
  }
  return { record, file, path: paths.document };
}

/** Keep a fetched issue in the workspace; returns the copy's absolute path. */
export async function writeKeptCopy(workspace: string, ref: GitHubIssueRef, comments: boolean, fetched: { text: string; sha256: string; origin: GitHubIssueOrigin }): Promise<string> {
  const paths = absolutePaths(workspace, ref, comments);
  await mkdir(dirname(paths.document), { recursive: true });
  await writeFileAtomic(paths.document, fetched.text);
  const { copy: _copy, ...origin } = fetched.origin;
  await writeFileAtomic(paths.record, keptRecordText({ schema: KEPT_SCHEMA, origin, sha256: fetched.sha256 }));
  return paths.document;
}

/**
 * The issue page a document is the kept copy of (its `.origin.json` beside it, the copy unchanged
 * since), or null. Only a plain printable http(s) address is taken from the record.
 */
export async function keptIssueUrlOf(documentPath: string): Promise<string | null> {
  if (!/\.md$/i.test(documentPath)) return null;
  const recordPath = documentPath.replace(/\.md$/i, '.origin.json');
  try {
    const record = parseKeptRecord(await readFile(recordPath, 'utf8'), recordPath);
    if (sha256(await readFile(documentPath)) !== record.sha256) return null;
    return /^https?:\/\/[\x21-\x7e]{1,2000}$/.test(record.origin.url) ? record.origin.url : null;
  } catch {
    return null;
  }
}
