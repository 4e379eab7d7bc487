// One document named on the command line, read the way every document command reads it: a
// GitHub issue or pull request (its kept copy in the workspace, else fetched and kept), `-` for
// standard input, an http(s) address, or a file (relative to the working directory). extract,
// diff, export --since and every batch (extract, triage) read through here, so they take the
// same inputs. Errors name the document as the user gave it, not the resolved path.
import { UsageError, UserError } from '../core/errors.js';
import { sanitizeLine } from '../core/sanitize.js';
import type { DocumentOrigin } from '../core/sources/document-origin.js';
import type { GitHubIssueRef } from '../core/sources/github-ref.js';
import { isHttpUrl } from '../core/sources/url-source.js';
import { maxDocumentBytesFromEnv, readDocumentFile, type DocumentFile } from '../store/document-file.js';
import { readStdinDocument, STDIN_ARG } from '../store/sources/stdin-document.js';
import type { KeptKey } from '../store/sources/kept-copies.js';
import { displayPath, isDirectory } from '../store/score-file-args.js';
import type { CommandContext } from './context.js';

/** The options of a document command that change how a document argument is read. */
export interface ReadValues {
  timeout?: string | undefined;
  comments?: boolean | undefined;
  refresh?: boolean | undefined;
  workspace?: string | undefined;
}

export interface ReadDocument {
  file: DocumentFile;
  origin: DocumentOrigin | undefined;
}

/** --timeout SEC: seconds to wait for a document given as a URL or issue (default 20). */
export function timeoutSeconds(command: string, value: string | undefined): number {
  if (value === undefined) return 20;
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds <= 0) throw new UsageError(`${command}: --timeout wants a positive number of seconds, not "${sanitizeLine(value)}"`);
  return seconds;
}

/**
 * The workspace fetched documents are kept in: --workspace (created when missing), else the
 * "workspace" setting or ./reviews when that folder exists; null keeps nothing (an extract run
 * in some other folder must not create a reviews/ there).
 */
export async function keptWorkspace(flag: string | undefined, context: CommandContext): Promise<string | null> {
  const { resolveWorkspace } = await import('../store/workspace.js');
  if (flag !== undefined) return resolveWorkspace({ flag, cwd: context.cwd });
  let setting: string | undefined;
  try {
    setting = await (await import('../store/settings-read.js')).readSetting(context.env, 'workspace');
  } catch {
    setting = undefined;
  }
  const dir = resolveWorkspace({ setting, cwd: context.cwd });
  return (await isDirectory(dir)) ? dir : null;
}

/** A fetched document as kept: its text (as read), the bytes as fetched when they differ, its origin. */
interface Fetched {
  file: DocumentFile;
  raw?: Uint8Array;
  origin: DocumentOrigin;
}

/**
 * A fetched document (an issue or pull request, or an http(s) address): the workspace's kept copy
 * when there is one (no network), else fetched and kept; --refresh fetches again and says on
 * stderr what changed. A copy edited by hand or a broken record is refused, unless --refresh is
 * about to replace it.
 */
async function keptOrFetched(arg: string, key: KeptKey, values: ReadValues, context: CommandContext, fetch: () => Promise<Fetched>): Promise<ReadDocument> {
  const kept = await import('../store/sources/kept-copies.js');
  const workspace = await keptWorkspace(values.workspace, context);
  const before = workspace
    ? await kept.readKeptCopy(workspace, key, { replacing: values.refresh === true }).catch((error: unknown) => {
        if (values.refresh && error instanceof UserError) return null;
        throw error;
      })
    : null;
  if (before && !values.refresh) {
    return { file: { ...before.file, path: arg }, origin: { ...before.record.origin, copy: displayPath(context.cwd, before.path) } };
  }
  const fetched = await fetch();
  const record = { text: fetched.file.text, ...(fetched.raw ? { raw: fetched.raw } : {}), sha256: fetched.file.sha256, origin: fetched.origin };
  const origin: DocumentOrigin = { ...fetched.origin };
  if (workspace) origin.copy = displayPath(context.cwd, await kept.writeKeptCopy(workspace, key, record));
  if (values.refresh) {
    const { refreshReport } = await import('../core/sources/kept-copy.js');
    const report = refreshReport(arg, before ? { record: before.record, text: before.file.text } : null, record);
    context.stderr.write(`toc-review: ${report}${workspace ? '' : ' (no workspace folder, so no copy kept)'}\n`);
  }
  return { file: fetched.file, origin };
}

/** An issue or pull request, with its comments under --comments. */
async function readIssue(arg: string, ref: GitHubIssueRef, values: ReadValues, context: CommandContext, limits: { maxBytes: number; timeoutMs: number }): Promise<ReadDocument> {
  const comments = values.comments === true;
  return keptOrFetched(arg, { ref, comments }, values, context, async () => {
    const { readGitHubIssueDocument } = await import('../store/sources/github-issue.js');
    const { origin, ...file } = await readGitHubIssueDocument(arg, ref, { ...limits, comments, env: context.env });
    return { file, origin };
  });
}

/** An http(s) document (a GitHub blob read at its commit); its copy is named by the address without credentials. */
async function readUrl(arg: string, values: ReadValues, context: CommandContext, limits: { maxBytes: number; timeoutMs: number }): Promise<ReadDocument> {
  const { publicUrl } = await import('../core/sources/url-source.js');
  return keptOrFetched(arg, { url: publicUrl(arg) }, values, context, async () => {
    const { readUrlWithOrigin } = await import('../store/sources/url-origin-document.js');
    const fetched = await readUrlWithOrigin(arg, { ...limits, env: context.env, warn: (text) => void context.stderr.write(`toc-review: ${text}\n`) });
    const { raw, finalUrl: _final, etag: _etag, lastModified: _modified, ...file } = fetched.file;
    return { file, raw, origin: fetched.origin };
  });
}

/**
 * One document argument: a GitHub issue or pull request (`issueRef`, from issueRefOf), `-` for
 * standard input, an http(s) address, or a file. Errors name the argument as given.
 */
export async function readDocumentArg(path: string, issueRef: GitHubIssueRef | null, values: ReadValues, context: CommandContext, command = 'extract'): Promise<ReadDocument> {
  const { resolve } = await import('node:path');
  const maxBytes = maxDocumentBytesFromEnv(context.env);
  const timeoutMs = () => timeoutSeconds(command, values.timeout) * 1000;
  const reading: Promise<ReadDocument> = issueRef
    ? readIssue(path, issueRef, values, context, { maxBytes, timeoutMs: timeoutMs() })
    : path === STDIN_ARG
      ? readStdinDocument(context.stdin ?? process.stdin, { allowEmpty: true, maxBytes }).then((file) => ({ file, origin: undefined }))
      : isHttpUrl(path)
        ? readUrl(path, values, context, { maxBytes, timeoutMs: timeoutMs() })
        : readDocumentFile(resolve(context.cwd, path), { allowEmpty: true }).then((file) => ({ file, origin: undefined }));
  return reading.catch((error: unknown) => {
    // Errors name the file as the user gave it, not the resolved path.
    if (error instanceof Error) error.message = error.message.replace(sanitizeLine(resolve(context.cwd, path)), sanitizeLine(path));
    throw error;
  });
}
