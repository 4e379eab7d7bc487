// A document fetched from an http(s) address together with the origin its kept copy records: the
// address as given and as finally read, the server's ETag and Last-Modified, and for a GitHub
// blob/ address (github.com, or the GitHub Enterprise server of GITHUB_API_URL) the commit its ref
// names, asked of the API first so that the bytes read are that commit's and citations can link
// them. When the commit cannot be known, the ref as given is read and linked, and `warn` says so.
import { sanitizeLine } from '../../core/sanitize.js';
import { blobPageUrl, parseBlobUrl, rawUrlOfBlob } from '../../core/sources/blob-url.js';
import type { UrlOrigin } from '../../core/sources/document-origin.js';
import { publicUrl } from '../../core/sources/url-source.js';
import { enterpriseWebOf } from './github-api-base.js';
import { readUrlDocument, type UrlDocumentFile } from './url-document.js';

export interface UrlReadOptions {
  env: NodeJS.ProcessEnv;
  maxBytes: number;
  timeoutMs: number;
  /** One line for stderr (without "toc-review: "), when links will not be pinned to a commit. */
  warn(text: string): void;
}


export async function readUrlWithOrigin(url: string, options: UrlReadOptions): Promise<{ file: UrlDocumentFile; origin: UrlOrigin }> {
  const shown = sanitizeLine(publicUrl(url));
  const blob = parseBlobUrl(url, enterpriseWebOf(options.env));
  let commit: string | null = null;
  if (blob) {
    // The API client (and @octokit/rest) is loaded only for a GitHub blob/ address.
    const { resolveBlobCommit } = await import('./blob-commit.js');
    const resolved = await resolveBlobCommit(shown, blob, { env: options.env, timeoutMs: options.timeoutMs });
    commit = resolved.commit;
    if (resolved.commit === null) options.warn(`${shown}: could not find the commit of "${sanitizeLine(blob.ref)}" (${resolved.reason}); citations link to ${sanitizeLine(blob.ref)}, which may have moved on`);
  }
  const file = await readUrlDocument(url, {
    allowEmpty: true,
    maxBytes: options.maxBytes,
    timeoutMs: options.timeoutMs,
    ...(blob ? { readFrom: rawUrlOfBlob(blob, commit ?? blob.ref) } : {}),
  });
  const origin: UrlOrigin = {
    kind: 'url',
    url: publicUrl(url),
    finalUrl: publicUrl(file.finalUrl),
    commit,
    blobUrl: blob ? publicUrl(blobPageUrl(blob, commit ?? blob.ref)) : null,
    etag: file.etag,
    lastModified: file.lastModified,
    fetchedAt: new Date().toISOString(),
  };
  return { file, origin };
}
