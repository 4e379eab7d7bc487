// One-line errors for a GitHub API request that failed, each saying what to do. The token is
// never part of a message: only where it came from (GITHUB_TOKEN or gh) is named.
import { UserError } from '../../core/errors.js';
import { sanitizeLine } from '../../core/sanitize.js';
import type { GitHubIssueRef } from '../../core/sources/github-ref.js';

export type TokenSource = 'GITHUB_TOKEN' | 'gh auth token' | null;

export interface FailedRequest {
  status: number;
  headers: Record<string, string | number | undefined>;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "14:05 (13:05 UTC)": the reset time in the user's time zone and in UTC. */
export function resetTimeText(resetEpochSeconds: number): string {
  const at = new Date(resetEpochSeconds * 1000);
  return `${pad(at.getHours())}:${pad(at.getMinutes())} (${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())} UTC)`;
}

function header(request: FailedRequest, name: string): string | undefined {
  const value = request.headers[name];
  return value === undefined ? undefined : String(value);
}

const SET_TOKEN = 'set GITHUB_TOKEN (or run gh auth login)';

/** A 403 or 429 that says the rate limit ran out (no requests left, or wait this long). */
export function isRateLimited(status: number, remaining: string | undefined, retryAfter: string | undefined): boolean {
  return (status === 403 || status === 429) && (remaining === '0' || retryAfter !== undefined);
}

export function githubStatusError(shown: string, ref: GitHubIssueRef, request: FailedRequest, token: TokenSource): UserError {
  const { status } = request;
  const repo = sanitizeLine(`${ref.owner}/${ref.repo}`);
  const remaining = header(request, 'x-ratelimit-remaining');
  const retryAfter = header(request, 'retry-after');
  if (isRateLimited(status, remaining, retryAfter)) {
    const reset = Number(header(request, 'x-ratelimit-reset'));
    const when = retryAfter !== undefined && /^\d+$/.test(retryAfter)
      ? `try again in ${retryAfter} s`
      : Number.isFinite(reset) && reset > 0 ? `the limit resets at ${resetTimeText(reset)}` : 'try again later';
    return new UserError(`${shown}: rate limited by the GitHub API (HTTP ${status}); ${when}${token ? '' : `, or ${SET_TOKEN} for a higher limit`}`);
  }
  if (status === 404 || status === 403) {
    if (!token) return new UserError(`${shown}: not found (HTTP ${status}); check the owner, repository and number, or if ${repo} is private ${SET_TOKEN}`);
    return new UserError(`${shown}: not found (HTTP ${status}); check the owner, repository and number, and that the token from ${token} can read ${repo}`);
  }
  if (status === 401) return new UserError(`${shown}: the GitHub API refused the token from ${token ?? 'the environment'} (HTTP 401); renew it or unset it to read public issues`);
  if (status === 410) return new UserError(`${shown}: gone (HTTP 410); the issue was deleted or ${repo} has issues turned off`);
  return new UserError(`${shown}: the GitHub API answered HTTP ${status}; try again later`);
}
