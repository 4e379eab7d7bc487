// Where a fetched document came from, recorded beside it (extract --json's document.origin) so
// that a later run can find it again, cache it or say what changed since.

export interface GitHubIssueOrigin {
  kind: 'github-issue' | 'github-pull';
  /** The issue's page as the API gives it (html_url). */
  url: string;
  repository: string;
  number: number;
  /** The issue's updated_at: changes with its title, body or comments. */
  updatedAt: string | null;
  /** When this copy was fetched (ISO time). */
  fetchedAt: string;
  /** Comments appended (--comments), or null when they were not asked for. */
  comments: number | null;
  /** The kept copy in the workspace this run read or wrote (in extract's output, not in the record). */
  copy?: string;
}

/** A document fetched from an http(s) address. */
export interface UrlOrigin {
  kind: 'url';
  /** The address as given (credentials and secret-looking query parameters left out). */
  url: string;
  /** The address the text was read from, after redirects (left out the same way). */
  finalUrl: string;
  /** For a GitHub blob/ address: the commit its ref named when fetched, or null when unknown. */
  commit: string | null;
  /**
   * For a GitHub blob/ address: the file's page at that commit (at the ref as given when it could
   * not be resolved), where cited lines are linked. Null for any other address.
   */
  blobUrl: string | null;
  /** The server's ETag and Last-Modified headers, when it sent them. */
  etag: string | null;
  lastModified: string | null;
  /** When this copy was fetched (ISO time). */
  fetchedAt: string;
  /** The kept copy in the workspace this run read or wrote (in extract's output, not in the record). */
  copy?: string;
}

export type DocumentOrigin = GitHubIssueOrigin | UrlOrigin;

/** The origin without the run's `copy` (what a record keeps). */
export function recordedOrigin(origin: DocumentOrigin): DocumentOrigin {
  const { copy: _copy, ...rest } = origin;
  return rest;
}
