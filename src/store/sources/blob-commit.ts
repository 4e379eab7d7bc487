// The commit a GitHub blob/ address's ref names (GET /repos/OWNER/REPO/commits/REF through the
// API client used for issues: GITHUB_API_URL, the token, the redirect rules), so that the file is
// read at that commit and citations link the text read. A failure is not an error: the caller
// reads the ref as given and says once why its links may move.
import { UserError } from '../../core/errors.js';
import { sanitizeLine } from '../../core/sanitize.js';
import { isCommitId, type BlobRef } from '../../core/sources/blob-url.js';
import { isRateLimited } from './github-errors.js';
import { githubClient } from './github-issue.js';

/** An answer to "which commit" is a few KB; anything much larger is not one. */
const ANSWER_BUDGET = 4 * 1024 * 1024;

export type BlobCommit = { commit: string } | { commit: null; reason: string };

function reasonOf(error: unknown, signal: AbortSignal): string {
  if (signal.aborted) return 'no answer from the GitHub API in time';
  const status = (error as { status?: unknown }).status;
  const headers = (error as { response?: { headers?: Record<string, string> } }).response?.headers ?? {};
  if (typeof status === 'number') {
    if (isRateLimited(status, headers['x-ratelimit-remaining'], headers['retry-after'])) return `rate limited by the GitHub API (HTTP ${status})`;
    return `the GitHub API answered HTTP ${status}`;
  }
  if (error instanceof UserError) return sanitizeLine(error.message.replace(/^[^:]*: /, ''));
  return 'cannot connect to the GitHub API';
}

export async function resolveBlobCommit(shown: string, blob: BlobRef, options: { env: NodeJS.ProcessEnv; timeoutMs: number }): Promise<BlobCommit> {
  if (isCommitId(blob.ref)) return { commit: blob.ref.toLowerCase() };
  const signal = AbortSignal.timeout(options.timeoutMs);
  try {
    const tooLarge = () => new UserError(`${shown}: the GitHub API's answer is too large`);
    const { octokit } = await githubClient(shown, options.env, ANSWER_BUDGET, tooLarge);
    const { data } = await octokit.request('GET /repos/{owner}/{repo}/commits/{ref}', {
      owner: blob.owner,
      repo: blob.repo,
      ref: blob.ref,
      headers: { accept: 'application/vnd.github.sha' },
      request: { signal },
    });
    // With the sha media type the answer is the bare id; a JSON commit carries it in `sha`.
    const answer = data as unknown;
    const text =
      typeof answer === 'string' ? answer.trim()
        : answer instanceof ArrayBuffer ? Buffer.from(answer).toString('utf8').trim()
          : typeof (answer as { sha?: unknown } | null)?.sha === 'string' ? (answer as { sha: string }).sha : '';
    return isCommitId(text) ? { commit: text.toLowerCase() } : { commit: null, reason: 'the GitHub API did not answer with a commit id' };
  } catch (error) {
    return { commit: null, reason: reasonOf(error, signal) };
  }
}
