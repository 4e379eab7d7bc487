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

export type DocumentOrigin = GitHubIssueOrigin;
