// Reading a review document from disk with every refusal a user can act on: missing path,
// directory, unreadable, too large, binary, invalid UTF-8. The text returned has its BOM removed;
// the sha256 is of the bytes as they are on disk.
import { asciidocToMarkdown, isAsciidocName } from '../core/document/asciidoc.js';
import { UserError } from '../core/errors.js';
import { sha256 } from '../core/hash.js';
import { sanitizeLine } from '../core/sanitize.js';
import { decodeUtf8Text, readRegularFile } from './read-file.js';

export const DEFAULT_MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

export interface DocumentFile {
  path: string;
  /** Markdown text; an AsciiDoc file's is its line-for-line markdown translation (core/document/asciidoc.ts). */
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

/** Decode bytes as a document: refuse binary and invalid UTF-8, drop a BOM. */
export function decodeDocument(path: string, bytes: Uint8Array): string {
  return decodeUtf8Text(path, bytes, 'markdown document');
}

/**
 * The markdown a document is read as: AsciiDoc (by its name: .adoc, .asciidoc, .asc) through a
 * translation that keeps every line on its line, so line numbers still point into the file as
 * given; anything else as it is. For every reader of documents (files, stdin, URLs).
 */
export function documentTextFor(name: string, decoded: string): string {
  return isAsciidocName(name.replace(/[?#].*$/, '')) ? asciidocToMarkdown(decoded) : decoded;
}

export async function readDocumentFile(path: string, options: ReadDocumentOptions = {}): Promise<DocumentFile> {
  const maxBytes = options.maxBytes ?? maxDocumentBytesFromEnv();
  const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
  const bytes = await readRegularFile(path, {
    kind: 'markdown file',
    maxBytes,
    tooLarge: (size, max) => `${mb(size)} MB is over the ${mb(max)} MB document limit (set TOC_REVIEW_MAX_DOC_MB to raise it)`,
  });
  const decoded = decodeDocument(path, bytes);
  if (!options.allowEmpty && decoded.trim() === '') throw new UserError(`${sanitizeLine(path)}: empty file, nothing to review`);
  return { path, text: documentTextFor(path, decoded), sha256: sha256(bytes), bytes: bytes.length };
}
