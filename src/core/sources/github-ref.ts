// Which document arguments name a GitHub issue or pull request: `OWNER/REPO#N`, or its page
// `https://github.com/OWNER/REPO/issues/N` or `.../pull/N` (anything after the number, such as
// `/files` or `#issuecomment-1`, is ignored). Pure: the fetching is store/sources/github-issue.ts.

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

/** The issue or pull request an argument names, or null when it names something else. */
export function parseGitHubIssueRef(arg: string): GitHubIssueRef | null {
  const short = SHORT.exec(arg);
  if (short) return refOf(short[1]!, short[2]!, short[3]!, 'either');
  const page = PAGE.exec(arg);
  if (page) return refOf(page[1]!, page[2]!, page[4]!, page[3]!.toLowerCase() === 'pull' ? 'pull' : 'issue');
  return null;
}

/** The short form, for messages: `cncf/toc#1234`. */
export function formatGitHubIssueRef(ref: GitHubIssueRef): string {
  return `${ref.owner}/${ref.repo}#${ref.number}`;
}
