// Kept copies of fetched issues and URL documents in the workspace (core/sources/kept-copy.ts says where and what):
// read back with a file's refusals and checked against the sha256 recorded when it was fetched;
// written atomically, the copy first and its record last, so a record always has its copy.
import { mkdir, readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { UserError } from '../../core/errors.js';
import { sanitizeLine } from '../../core/sanitize.js';
import { recordedOrigin, type DocumentOrigin } from '../../core/sources/document-origin.js';
import type { GitHubIssueRef } from '../../core/sources/github-ref.js';
import { keptCopyPaths, keptRecordText, keptUrlCopyPaths, KEPT_SCHEMA, parseKeptRecord, recordPathOf, type KeptRecord } from '../../core/sources/kept-copy.js';
import { writeFileAtomic } from '../atomic-write.js';
import { readDocumentFile, type DocumentFile } from '../document-file.js';

export interface KeptCopy {
  record: KeptRecord;
  file: DocumentFile;
  /** Absolute path of the copy. */
  path: string;
}

/** Which kept copy: an issue (with or without its comments) or a URL document. */
export type KeptKey = { ref: GitHubIssueRef; comments: boolean } | { url: string };

function absolutePaths(workspace: string, key: KeptKey) {
  const { document, record } = 'url' in key ? keptUrlCopyPaths(key.url) : keptCopyPaths(key.ref, key.comments);
  return { document: join(resolve(workspace), ...document.split('/')), record: join(resolve(workspace), ...record.split('/')) };
}

/**
 * The kept copy (of an issue, with or without comments, or of a URL document), or null when there
 * is none. A copy edited since it was fetched is refused unless `replacing` (--refresh is about
 * to overwrite it).
 */
export function readKeptCopy(workspace: string, key: KeptKey, options: { replacing?: boolean } = {}): Promise<KeptCopy | null> {
  return readCopyAt(absolutePaths(workspace, key), options);
}

async function readCopyAt(paths: { document: string; record: string }, options: { replacing?: boolean } = {}): Promise<KeptCopy | null> {
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

/**
 * Keep a fetched document in the workspace; returns the copy's absolute path. `raw` is the
 * bytes as fetched (an AsciiDoc document's text is its markdown translation; the copy keeps the
 * original, and is read back through the same translation by its name).
 */
export async function writeKeptCopy(workspace: string, key: KeptKey, fetched: { text: string; raw?: Uint8Array; sha256: string; origin: DocumentOrigin }): Promise<string> {
  const paths = absolutePaths(workspace, key);
  await mkdir(dirname(paths.document), { recursive: true });
  await writeFileAtomic(paths.document, fetched.raw ? Buffer.from(fetched.raw) : fetched.text);
  await writeFileAtomic(paths.record, keptRecordText({ schema: KEPT_SCHEMA, origin: recordedOrigin(fetched.origin), sha256: fetched.sha256 }));
  return paths.document;
}

/**
 * The web address a document is the kept copy of (its `.origin.json` beside it, the copy
 * unchanged since), or null: an issue's page; for a GitHub blob/ address the file's page at the
 * commit fetched (where cited lines can be linked); for any other address, the address. Only a
 * plain printable http(s) address is taken from the record.
 */
export async function keptWebUrlOf(documentPath: string): Promise<string | null> {
  if (!/\.(?:md|markdown|adoc)$/i.test(documentPath)) return null;
  // Not a kept copy, or one edited since: no address (whatever the reason, nothing to link).
  const copy = await readCopyAt({ document: documentPath, record: recordPathOf(documentPath) }).catch(() => null);
  if (!copy) return null;
  const { origin } = copy.record;
  const url = origin.kind === 'url' ? (origin.blobUrl ?? origin.url) : origin.url;
  return /^https?:\/\/[\x21-\x7e]{1,2000}$/.test(url) ? url : null;
}
