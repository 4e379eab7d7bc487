// A document read from an http(s) address, with one-line errors that say what to do. Redirects
// are followed by hand so that only http(s) targets and at most 5 hops are accepted; the body is
// read up to the document limit and no further.
import { UserError } from '../../core/errors.js';
import { sha256 } from '../../core/hash.js';
import { sanitizeLine } from '../../core/sanitize.js';
import { publicUrl, withoutCredentials } from '../../core/sources/url-source.js';
import { decodeDocument, documentTextFor, maxDocumentBytesFromEnv, type DocumentFile, type ReadDocumentOptions } from '../document-file.js';

import { MAX_REDIRECTS, redirectTarget, type RedirectErrors } from './redirect-hop.js';
import { overDocumentLimit, readCappedBody } from './capped-body.js';
export const DEFAULT_URL_TIMEOUT_MS = 20_000;

export interface ReadUrlOptions extends ReadDocumentOptions {
  timeoutMs?: number;
  /** Read the bytes from here instead (a GitHub blob's raw file at a commit); errors still name the address given. */
  readFrom?: string;
}

/** A URL document with what its kept copy records: the bytes as fetched and the answer's headers. */
export interface UrlDocumentFile extends DocumentFile {
  raw: Buffer;
  /** The address read after redirects. */
  finalUrl: string;
  etag: string | null;
  lastModified: string | null;
}

async function fetchFollowing(url: string, shown: string, signal: AbortSignal): Promise<{ response: Response; finalUrl: string }> {
  const errors: RedirectErrors = {
    tooMany: () => new UserError(`${shown}: more than ${MAX_REDIRECTS} redirects; give the final address`),
    refused: (protocol) => new UserError(`${shown}: redirected to a ${protocol} address, refused (only http and https are followed)`),
  };
  let current = url;
  for (let hop = 0; ; hop++) {
    const response = await fetch(current, { redirect: 'manual', signal, headers: { accept: 'text/markdown, text/plain, */*' } });
    const next = await redirectTarget(response, current, hop, errors);
    if (next === null) return { response, finalUrl: current };
    current = next.href;
  }
}

function statusError(shown: string, response: Response): UserError {
  const retry = response.headers.get('retry-after');
  if (response.status === 404 || response.status === 410) return new UserError(`${shown}: not found (HTTP ${response.status}); check the address`);
  if (response.status === 429 || (response.status === 403 && retry)) {
    return new UserError(`${shown}: rate limited (HTTP ${response.status})${retry ? `; try again in ${sanitizeLine(retry)} s` : '; try again later'}`);
  }
  if (response.status === 401 || response.status === 403) return new UserError(`${shown}: access refused (HTTP ${response.status}); the document may be private`);
  return new UserError(`${shown}: the server answered HTTP ${response.status}`);
}

export async function readUrlDocument(url: string, options: ReadUrlOptions = {}): Promise<UrlDocumentFile> {
  // Messages show the address without credentials or secret-looking parameters.
  const shown = sanitizeLine(publicUrl(url));
  const timeoutMs = options.timeoutMs ?? DEFAULT_URL_TIMEOUT_MS;
  const signal = AbortSignal.timeout(timeoutMs);
  let bytes: Buffer;
  let answer: { response: Response; finalUrl: string };
  try {
    answer = await fetchFollowing(withoutCredentials(options.readFrom ?? url), shown, signal);
    const { response } = answer;
    if (!response.ok) {
      await response.body?.cancel();
      throw statusError(shown, response);
    }
    const maxBytes = options.maxBytes ?? maxDocumentBytesFromEnv();
    bytes = await readCappedBody(response, { left: maxBytes }, () => new UserError(overDocumentLimit(shown, maxBytes)));
  } catch (error) {
    if (error instanceof UserError) throw error;
    if (signal.aborted) throw new UserError(`${shown}: no answer within ${timeoutMs / 1000} s (--timeout SEC to wait longer)`);
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    throw new UserError(`${shown}: cannot connect${cause ? ` (${sanitizeLine(cause)})` : ''}; check the address or that you are online`);
  }
  const decoded = decodeDocument(shown, bytes);
  if (!options.allowEmpty && decoded.trim() === '') throw new UserError(`${shown}: empty document, nothing to review`);
  const header = (name: string) => answer.response.headers.get(name);
  return { path: url, text: documentTextFor(url, decoded), sha256: sha256(bytes), bytes: bytes.length, raw: bytes, finalUrl: answer.finalUrl, etag: header('etag'), lastModified: header('last-modified') };
}
