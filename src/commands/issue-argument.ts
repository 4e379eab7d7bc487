// `score`, `export` and the review UI given a GitHub issue or pull request (OWNER/REPO#N or its
// address): they work on the issue's copy kept in the workspace (store/sources/kept-copies.ts),
// an ordinary document there, so scores, citations and exports need no network. Extract keeps
// copies with and without comments; these commands take the one without comments when both
// exist (give the -comments file itself for the other).
import { UserError } from '../core/errors.js';
import { sanitizeLine } from '../core/sanitize.js';
import { parseGitHubIssueRef, type GitHubIssueRef } from '../core/sources/github-ref.js';
import { isHttpUrl } from '../core/sources/url-source.js';
import type { CommandContext } from './context.js';

/** The reference an argument names, unless a file of that name exists (a file wins, as in extract). */
export async function issueRefOf(arg: string, cwd: string): Promise<GitHubIssueRef | null> {
  const ref = parseGitHubIssueRef(arg);
  if (!ref || isHttpUrl(arg)) return ref;
  const [{ stat }, { resolve }] = await Promise.all([import('node:fs/promises'), import('node:path')]);
  return stat(resolve(cwd, arg)).then(
    () => null,
    () => ref,
  );
}

/**
 * The absolute path of the kept copy an issue argument stands for, or null when the argument is
 * not an issue. With `fetch`, an issue with no copy yet is fetched and kept (default timeout);
 * without, that is an error saying how to fetch it.
 */
export async function keptCopyArgument(arg: string, workspaceOf: string | (() => string), context: CommandContext, options: { fetch: boolean; command: string }): Promise<string | null> {
  const ref = await issueRefOf(arg, context.cwd);
  if (!ref) return null;
  const workspace = typeof workspaceOf === 'string' ? workspaceOf : workspaceOf();
  const kept = await import('../store/sources/kept-copies.js');
  for (const comments of [false, true]) {
    const copy = await kept.readKeptCopy(workspace, ref, comments);
    if (copy) return copy.path;
  }
  if (!options.fetch) {
    throw new UserError(`${options.command}: ${sanitizeLine(arg)}: no copy kept in ${sanitizeLine(workspace)} yet; fetch it first with: toc-review extract ${sanitizeLine(arg)} --workspace ${sanitizeLine(workspace)}`);
  }
  const [{ readGitHubIssueDocument }, { maxDocumentBytesFromEnv }] = await Promise.all([import('../store/sources/github-issue.js'), import('../store/document-file.js')]);
  const fetched = await readGitHubIssueDocument(arg, ref, { env: context.env, maxBytes: maxDocumentBytesFromEnv(context.env) });
  return kept.writeKeptCopy(workspace, ref, false, fetched);
}
