// A document piped in on standard input (`-` in place of a path): read to the end with the same
// size, binary and UTF-8 refusals as a file. A terminal on stdin is refused rather than waited on,
// since a user who typed `-` by mistake would otherwise see the command hang.
import { UserError } from '../../core/errors.js';
import { sha256 } from '../../core/hash.js';
import { decodeDocument, documentTextFor, maxDocumentBytesFromEnv, type DocumentFile, type ReadDocumentOptions } from '../document-file.js';

/** The argument that names standard input. */
export const STDIN_ARG = '-';

export type StdinStream = AsyncIterable<Buffer | string> & { isTTY?: boolean };

export async function readStdinDocument(stream: StdinStream, options: ReadDocumentOptions = {}): Promise<DocumentFile> {
  if (stream.isTTY) throw new UserError('-: standard input is a terminal; pipe a document in (e.g. `cat doc.md | toc-review extract -`)');
  const maxBytes = options.maxBytes ?? maxDocumentBytesFromEnv();
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    total += bytes.length;
    // Stop reading at the limit: an endless pipe must not fill memory.
    if (total > maxBytes) {
      throw new UserError(`-: standard input is over the ${(maxBytes / 1024 / 1024).toFixed(1)} MB document limit (set TOC_REVIEW_MAX_DOC_MB to raise it)`);
    }
    chunks.push(bytes);
  }
  const bytes = Buffer.concat(chunks);
  const decoded = decodeDocument(STDIN_ARG, bytes);
  if (!options.allowEmpty && decoded.trim() === '') throw new UserError('-: standard input is empty, nothing to review');
  return { path: STDIN_ARG, text: documentTextFor(STDIN_ARG, decoded), sha256: sha256(bytes), bytes: bytes.length };
}
