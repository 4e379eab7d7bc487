// Where a document lives on the web, for a score file's origin and an export's links: the kept
// copy of a GitHub issue is its issue page (which has no line anchors, so cited lines stay
// unlinked while the summary links the issue); any other document is asked of git.
import { gitOriginOf, type GitOrigin } from './git-origin.js';
import { keptIssueUrlOf } from './sources/kept-copies.js';

export async function documentWebOrigin(documentPath: string): Promise<GitOrigin> {
  const issue = await keptIssueUrlOf(documentPath);
  if (issue) return { url: issue, reason: null, actionable: false, note: null };
  return gitOriginOf(documentPath);
}
