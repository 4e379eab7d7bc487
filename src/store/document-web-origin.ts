// Where a document lives on the web, for a score file's origin and an export's links: the kept
// copy of a GitHub issue is its issue page (which has no line anchors, so cited lines stay
// unlinked while the summary links the issue), a kept URL document its address (a GitHub blob's
// page at the commit fetched, which links cited lines); any other document is asked of git.
import { gitOriginOf, type GitOrigin } from './git-origin.js';
import { keptWebUrlOf } from './sources/kept-copies.js';

export async function documentWebOrigin(documentPath: string): Promise<GitOrigin> {
  const kept = await keptWebUrlOf(documentPath);
  if (kept) return { url: kept, reason: null, actionable: false, note: null };
  return gitOriginOf(documentPath);
}
