// Where the GitHub API is (GITHUB_API_URL, default the public API) and the Enterprise web server
// it implies. Kept apart from the API client (github-issue.ts) so that telling whether an address
// is a GitHub one does not load @octokit/rest.
import { UserError } from '../../core/errors.js';
import { sanitizeLine } from '../../core/sanitize.js';
import { webBaseOfApi } from '../../core/sources/blob-url.js';

export const DEFAULT_GITHUB_API_URL = 'https://api.github.com';

export function apiBase(env: NodeJS.ProcessEnv): URL {
  const given = env.GITHUB_API_URL?.trim() || DEFAULT_GITHUB_API_URL;
  let url: URL;
  try {
    url = new URL(given);
  } catch {
    throw new UserError(`GITHUB_API_URL: "${sanitizeLine(given)}" is not an address (e.g. ${DEFAULT_GITHUB_API_URL})`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UserError(`GITHUB_API_URL: "${sanitizeLine(given)}" is not an http(s) address`);
  return url;
}

/**
 * The GitHub Enterprise web server named by GITHUB_API_URL (`https://HOST/api/v3` -> `https://HOST`),
 * whose issue and blob/ addresses are read like github.com's; null for the public API or a bad
 * value (reported when the API is asked, not here).
 */
export function enterpriseWebOf(env: NodeJS.ProcessEnv): string | null {
  try {
    return webBaseOfApi(apiBase(env).href);
  } catch {
    return null;
  }
}
