// Which document arguments name a GitHub issue or pull request: `OWNER/REPO#N`, or its page
// `https://github.com/OWNER/REPO/issues/N` or `.../pull/N` (anything after the number, such as
// `/files` or `#issuecomment-1`, is ignored), or the same page on the GitHub Enterprise server
// whose API is in use. Pure: the fetching is store/sources/github-issue.ts.

export interface GitHubIssueRef {
  owner: string;
  repo: string;
  number: number;
  /** What the argument called it; the API reads both through the issues endpoint. */
  kind: 'issue' | 'pull' | 'either';
}

// GitHub's own limits: a login is 1-39 letters, digits or inner hyphens; a repository name is
// letters, digits, '.', '_' and '-', never just '.' or '..'.
const OWNER = '([A-Za-z0-9](?:[A-Za-z0-9-]{0,37}[A-Za-z0-9])?)';
const REPO = '([A-Za-z0-9._-]{1,100})';
const NUMBER = '([1-9][0-9]{0,9})';
const SHORT = new RegExp(`^${OWNER}/${REPO}#${NUMBER}$`);
const PAGE = new RegExp(`^https?://(?:www\\.)?github\\.com/${OWNER}/${REPO}/(issues|pull)/${NUMBER}(?:[/?#].*)?$`, 'i');

function refOf(owner: string, repo: string, number: string, kind: GitHubIssueRef['kind']): GitHubIssueRef | null {
  if (repo === '.' || repo === '..') return null;
  const n = Number(number);
  return Number.isSafeInteger(n) ? { owner, repo, number: n, kind } : null;
}

const ENTERPRISE_PATH = new RegExp(`^/${OWNER}/${REPO}/(issues|pull)/${NUMBER}(?:/.*)?$`, 'i');

/** An issue or pull request page on a GitHub Enterprise server (`enterpriseWeb`, e.g. `https://ghe.example.com`). */
function enterprisePage(arg: string, enterpriseWeb: string): GitHubIssueRef | null {
  let url: URL;
  let web: URL;
  try {
    url = new URL(arg);
    web = new URL(enterpriseWeb);
  } catch {
    return null;
  }
  if (url.origin !== web.origin) return null;
  const page = ENTERPRISE_PATH.exec(url.pathname);
  return page ? refOf(page[1]!, page[2]!, page[4]!, page[3]!.toLowerCase() === 'pull' ? 'pull' : 'issue') : null;
}

/**
 * The issue or pull request an argument names, or null when it names something else. With
 * `enterpriseWeb` (the web server of the GitHub Enterprise API in use), its pages count too.
 */
export function parseGitHubIssueRef(arg: string, enterpriseWeb: string | null = null): GitHubIssueRef | null {
  const short = SHORT.exec(arg);
  if (short) return refOf(short[1]!, short[2]!, short[3]!, 'either');
  const page = PAGE.exec(arg);
  if (page) return refOf(page[1]!, page[2]!, page[4]!, page[3]!.toLowerCase() === 'pull' ? 'pull' : 'issue');
  return enterpriseWeb ? enterprisePage(arg, enterpriseWeb) : null;
}
