// GitHub blob/ addresses (`https://github.com/OWNER/REPO/blob/REF/PATH`, or the same on a GitHub
// Enterprise server): the file they show, read as raw, and the page of the same file at a
// commit, so that citations link the text that was read. Pure; the commit is asked of the API by
// store/sources/blob-commit.ts.

export interface BlobRef {
  /** The web server: `https://github.com`, or a GitHub Enterprise server's `https://HOST`. */
  web: string;
  owner: string;
  repo: string;
  /** The first segment after blob/: a branch, tag or commit (a ref with a slash reads as ref + path, as GitHub's own short links do). */
  ref: string;
  /** The file's path in the repository, as written in the address (still URL-encoded). */
  path: string;
}

const FULL_COMMIT = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/i;

export function isCommitId(ref: string): boolean {
  return FULL_COMMIT.test(ref);
}

/**
 * The blob an address shows, or null. `enterpriseWeb` is the web server of the GitHub Enterprise
 * API in use (webBaseOfApi), whose blob/ addresses are read the same way.
 */
export function parseBlobUrl(url: string, enterpriseWeb: string | null = null): BlobRef | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  const host = parsed.host.toLowerCase();
  const isGitHub = host === 'github.com' || host === 'www.github.com';
  const enterprise = enterpriseWeb ? new URL(enterpriseWeb) : null;
  const isEnterprise = enterprise !== null && parsed.origin === enterprise.origin;
  if (!isGitHub && !isEnterprise) return null;
  const match = /^\/([^/]+)\/([^/]+)\/blob\/([^/]+)\/(.+)$/.exec(parsed.pathname);
  if (!match) return null;
  return { web: isGitHub ? 'https://github.com' : enterprise!.origin, owner: match[1]!, repo: match[2]!, ref: decodeURIComponent(match[3]!), path: match[4]! };
}

/** Where the file's bytes are: raw.githubusercontent.com for github.com, HOST/OWNER/REPO/raw/REF/PATH on Enterprise. */
export function rawUrlOfBlob(blob: BlobRef, ref: string): string {
  const at = encodeURIComponent(ref);
  return blob.web === 'https://github.com'
    ? `https://raw.githubusercontent.com/${blob.owner}/${blob.repo}/${at}/${blob.path}`
    : `${blob.web}/${blob.owner}/${blob.repo}/raw/${at}/${blob.path}`;
}

/** The file's page at `ref` (a commit, when known): the address citations link to. */
export function blobPageUrl(blob: BlobRef, ref: string): string {
  return `${blob.web}/${blob.owner}/${blob.repo}/blob/${encodeURIComponent(ref)}/${blob.path}`;
}

/**
 * The web server of a GitHub Enterprise API (`https://HOST/api/v3` -> `https://HOST`), or null for
 * the public API, whose web server is github.com.
 */
export function webBaseOfApi(api: string): string | null {
  let url: URL;
  try {
    url = new URL(api);
  } catch {
    return null;
  }
  if (url.host === 'api.github.com') return null;
  return url.origin;
}
