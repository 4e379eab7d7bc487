// `score`, `export` and the review UI given a GitHub issue or pull request (OWNER/REPO#N or its
// address), an http(s) document or `-` (standard input): they work on its copy kept in the workspace (store/sources/kept-copies.ts),
// an ordinary document there, so scores, citations and exports need no network. Extract keeps
// copies with and without comments; these commands take the one without comments when both
// exist (give the -comments file itself for the other).
import { UserError } from '../core/errors.js';
import { sanitizeLine } from '../core/sanitize.js';
import { parseGitHubIssueRef, type GitHubIssueRef } from '../core/sources/github-ref.js';
import { isHttpUrl, publicUrl } from '../core/sources/url-source.js';
import type { KeptKey } from '../store/sources/kept-copies.js';
import { readStdinDocument, STDIN_ARG } from '../store/sources/stdin-document.js';
import type { CommandContext } from './context.js';

/**
 * The reference an argument names, unless a file of that name exists (a file wins, as in
 * extract). Issue addresses on the GitHub Enterprise server of GITHUB_API_URL count too.
 */
export async function issueRefOf(arg: string, context: Pick<CommandContext, 'cwd' | 'env'>): Promise<GitHubIssueRef | null> {
  const cwd = context.cwd;
  const ref = parseGitHubIssueRef(arg, isHttpUrl(arg) ? (await import('../store/sources/github-api-base.js')).enterpriseWebOf(context.env) : null);
  if (!ref || isHttpUrl(arg)) return ref;
  const [{ stat }, { resolve }] = await Promise.all([import('node:fs/promises'), import('node:path')]);
  return stat(resolve(cwd, arg)).then(
    () => null,
    () => ref,
  );
}

/**
 * `-`: the copy of the document piped in, kept in the workspace (store/sources/stdin-copies.ts).
 * With `fetch` (score, the review UI) it is kept if new, and stderr names it for next time;
 * without (export), the piped document must be one kept before, found by its bytes.
 */
async function stdinCopyArgument(workspace: string, context: CommandContext, options: { fetch: boolean; command: string }): Promise<string> {
  const [copies, { displayPath }] = await Promise.all([import('../store/sources/stdin-copies.js'), import('../store/score-file-args.js')]);
  const file = await readStdinDocument(context.stdin ?? process.stdin);
  if (!options.fetch) {
    const found = await copies.findStdinCopy(workspace, file);
    if (found) return found;
    throw new UserError(`${options.command}: -: the document on standard input was never scored in ${sanitizeLine(workspace)}; score it first (toc-review score - ...)`);
  }
  const { path, created } = await copies.keepStdinCopy(workspace, file);
  context.stderr.write(`toc-review: -: standard input ${created ? 'kept' : 'is the copy kept'} as ${sanitizeLine(displayPath(context.cwd, path))} (give that path next time)\n`);
  return path;
}

/**
 * The absolute path of the kept copy an issue or http(s) argument stands for, or null when the
 * argument is neither. With `fetch`, one with no copy yet is fetched and kept as extract keeps it
 * (default timeout; an issue without its comments); without, that is an error saying how to.
 */
export async function keptCopyArgument(arg: string, workspaceOf: string | (() => string), context: CommandContext, options: { fetch: boolean; command: string }): Promise<string | null> {
  if (arg === STDIN_ARG) return stdinCopyArgument(typeof workspaceOf === 'string' ? workspaceOf : workspaceOf(), context, options);
  const ref = await issueRefOf(arg, context);
  if (!ref && !isHttpUrl(arg)) return null;
  const workspace = typeof workspaceOf === 'string' ? workspaceOf : workspaceOf();
  const kept = await import('../store/sources/kept-copies.js');
  const keys: KeptKey[] = ref ? [{ ref, comments: false }, { ref, comments: true }] : [{ url: publicUrl(arg) }];
  for (const key of keys) {
    const copy = await kept.readKeptCopy(workspace, key);
    if (copy) return copy.path;
  }
  if (!options.fetch) {
    throw new UserError(`${options.command}: ${sanitizeLine(arg)}: no copy kept in ${sanitizeLine(workspace)} yet; fetch it first with: toc-review extract ${sanitizeLine(arg)} --workspace ${sanitizeLine(workspace)}`);
  }
  const [{ readDocumentArg }, { resolve }] = await Promise.all([import('./document-input.js'), import('node:path')]);
  const { origin } = await readDocumentArg(arg, ref, { workspace }, context, options.command);
  return resolve(context.cwd, origin!.copy!);
}
