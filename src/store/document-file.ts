// Reading a review document from disk with every refusal a user can act on: missing path,
// directory, unreadable, too large, binary, invalid UTF-8. The text returned has its BOM removed;
// the sha256 is of the bytes as they are on disk.
import { readFile, stat } from 'node:fs/promises';
import { UserError } from '../core/errors.js';
import { sha256 } from '../core/hash.js';
import { sanitizeLine } from '../core/sanitize.js';

export const DEFAULT_MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

export interface DocumentFile {
  path: string;
  text: string;
  sha256: string;
  bytes: number;
}

export interface ReadDocumentOptions {
  maxBytes?: number;
  /** Accept an empty or blank document (`extract` reports every criterion as lacking evidence). */
  allowEmpty?: boolean;
}

/** Max size from TOC_REVIEW_MAX_DOC_MB when set to a positive number, else the default. */
export function maxDocumentBytesFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const mb = Number(env.TOC_REVIEW_MAX_DOC_MB);
  return Number.isFinite(mb) && mb > 0 ? Math.floor(mb * 1024 * 1024) : DEFAULT_MAX_DOCUMENT_BYTES;
}

function describeFsError(path: string, error: unknown): UserError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const shown = sanitizeLine(path);
  if (code === 'ENOENT') return new UserError(`${shown}: no such file`);
  if (code === 'EACCES' || code === 'EPERM') return new UserError(`${shown}: permission denied`);
  if (code === 'EISDIR') return new UserError(`${shown}: is a directory, not a markdown file`);
  return new UserError(`${shown}: cannot read (${code ?? String(error)})`);
}

/** Decode bytes as a document: refuse binary and invalid UTF-8, drop a BOM. */
export function decodeDocument(path: string, bytes: Uint8Array): string {
  if (bytes.includes(0)) throw new UserError(`${sanitizeLine(path)}: binary file (NUL byte found), not a markdown document`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UserError(`${sanitizeLine(path)}: not valid UTF-8 text`);
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export async function readDocumentFile(path: string, options: ReadDocumentOptions = {}): Promise<DocumentFile> {
  const maxBytes = options.maxBytes ?? maxDocumentBytesFromEnv();
  let size: number;
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw Object.assign(new Error('directory'), { code: 'EISDIR' });
    // A FIFO or device (/dev/zero) would block or read forever.
    if (!info.isFile()) throw new UserError(`${sanitizeLine(path)}: not a regular file`);
    size = info.size;
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw describeFsError(path, error);
  }
  if (size > maxBytes) {
    const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
    throw new UserError(
      `${sanitizeLine(path)}: ${mb(size)} MB is over the ${mb(maxBytes)} MB document limit (set TOC_REVIEW_MAX_DOC_MB to raise it)`,
    );
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw describeFsError(path, error);
  }
  const text = decodeDocument(path, bytes);
  if (!options.allowEmpty && text.trim() === '') throw new UserError(`${sanitizeLine(path)}: empty file, nothing to review`);
  return { path, text, sha256: sha256(bytes), bytes: bytes.length };
}
