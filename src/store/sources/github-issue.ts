// A GitHub issue or pull request read as a document through the REST API (@octokit/rest): the
// body under its title, and with `comments` every comment after it (all pages). The token comes
// from GITHUB_TOKEN, else `gh auth token` for the API's host, else none; the API base from
// GITHUB_API_URL. Every response passes through one fetch that follows redirects by hand (http(s)
// only, at most 5, the token dropped on a change of host) and stops reading at a byte budget.
import { execFile } from 'node:child_process';
import { Octokit } from '@octokit/rest';
import { UserError } from '../../core/errors.js';
import { sha256 } from '../../core/hash.js';
import { sanitizeLine } from '../../core/sanitize.js';
import { webBaseOfApi } from '../../core/sources/blob-url.js';
import type { GitHubIssueOrigin } from '../../core/sources/document-origin.js';
import { issueDocumentText, type IssueComment } from '../../core/sources/github-issue-text.js';
import type { GitHubIssueRef } from '../../core/sources/github-ref.js';
import { decodeDocument, maxDocumentBytesFromEnv, type DocumentFile, type ReadDocumentOptions } from '../document-file.js';
import { overDocumentLimit, readCappedBody } from './capped-body.js';
import { apiBase, DEFAULT_GITHUB_API_URL } from './github-api-base.js';
import { githubStatusError, type TokenSource } from './github-errors.js';
import { MAX_REDIRECTS, redirectTarget, type RedirectErrors } from './redirect-hop.js';
import { DEFAULT_URL_TIMEOUT_MS } from './url-document.js';

/** Waiting longer than this for `gh auth token` is not worth it: it only reads its config. */
const GH_TIMEOUT_MS = 5_000;

export interface ReadIssueOptions extends ReadDocumentOptions {
  timeoutMs?: number;
  comments?: boolean;
  env?: NodeJS.ProcessEnv;
}

export interface IssueDocumentFile extends DocumentFile {
  origin: GitHubIssueOrigin;
}

/** The host gh keeps a token for: github.com for the public API, the server itself otherwise (Enterprise). */
function ghHostFor(api: URL): string {
  return api.host === 'api.github.com' ? 'github.com' : api.host;
}

/** `gh auth token` when gh is installed and logged in to that host; any failure means no token. */
function ghToken(env: NodeJS.ProcessEnv, host: string): Promise<string | null> {
  return new Promise((resolve) => {
    try {
      execFile('gh', ['auth', 'token', '--hostname', host], { env, timeout: GH_TIMEOUT_MS, windowsHide: true }, (error, stdout) => {
        const token = String(stdout ?? '').trim();
        resolve(error || !/^\S+$/.test(token) ? null : token);
      });
    } catch {
      resolve(null);
    }
  });
}

export async function githubToken(env: NodeJS.ProcessEnv, api: URL): Promise<{ token: string | null; source: TokenSource }> {
  const fromEnv = env.GITHUB_TOKEN?.trim();
  if (fromEnv) return { token: fromEnv, source: 'GITHUB_TOKEN' };
  const fromGh = await ghToken(env, ghHostFor(api));
  return fromGh ? { token: fromGh, source: 'gh auth token' } : { token: null, source: null };
}

/** Thrown inside fetch, so that octokit's own wrapping can be seen through. */
class SourceError extends UserError {}

/**
 * fetch for octokit: redirects by hand with the url-document rules, and every body read into
 * memory against one budget shared by all requests (an endless or huge answer stops there).
 */
function guardedFetch(shown: string, budget: { left: number }, tooLarge: () => UserError): typeof fetch {
  return async (input, init) => {
    let url = new URL(input instanceof Request ? input.url : String(input));
    const headers = new Headers(init?.headers);
    const errors: RedirectErrors = {
      tooMany: () => new SourceError(`${shown}: more than ${MAX_REDIRECTS} redirects from the GitHub API; check GITHUB_API_URL`),
      refused: (protocol) => new SourceError(`${shown}: the GitHub API redirected to a ${protocol} address, refused (only http and https are followed)`),
    };
    for (let hop = 0; ; hop++) {
      const response = await fetch(url, { ...init, headers, redirect: 'manual' });
      const next = await redirectTarget(response, url, hop, errors);
      if (next !== null) {
        // The token is for the API's host only.
        if (next.host !== url.host) headers.delete('authorization');
        url = next;
        continue;
      }
      const body = await readCappedBody(response, budget, tooLarge);
      return new Response(body.length === 0 ? null : body, { status: response.status, statusText: response.statusText, headers: response.headers });
    }
  };
}

/**
 * The API client every GitHub request goes through: GITHUB_API_URL, the token (to the API's host
 * only), redirects by hand and one byte budget for all its answers.
 */
export async function githubClient(shown: string, env: NodeJS.ProcessEnv, budgetBytes: number, tooLarge: () => UserError): Promise<{ octokit: Octokit; api: URL; source: TokenSource }> {
  const api = apiBase(env);
  const { token, source } = await githubToken(env, api);
  const octokit = new Octokit({
    ...(token ? { auth: token } : {}),
    baseUrl: api.href.replace(/\/+$/, ''),
    userAgent: 'toc-review',
    // Quiet: warnings (deprecations) would go to stderr in the middle of the output.
    log: { debug() {}, info() {}, warn() {}, error() {} },
    request: { fetch: guardedFetch(shown, { left: budgetBytes }, tooLarge) },
  });
  return { octokit, api, source };
}

interface ApiIssue {
  title?: unknown;
  body?: unknown;
  html_url?: unknown;
  updated_at?: unknown;
  pull_request?: unknown;
}

interface ApiComment {
  user?: { login?: unknown } | null;
  created_at?: unknown;
  body?: unknown;
}

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

function notApiJson(shown: string, api: URL): UserError {
  return new UserError(`${shown}: the answer from ${sanitizeLine(api.host)} is not GitHub API JSON; check GITHUB_API_URL`);
}

function requestFailure(error: unknown, shown: string, ref: GitHubIssueRef, api: URL, source: TokenSource, signal: AbortSignal, timeoutMs: number): UserError {
  if (error instanceof UserError) return error;
  const cause = (error as { cause?: unknown }).cause;
  if (cause instanceof UserError) return cause;
  if (signal.aborted) return new UserError(`${shown}: no answer from the GitHub API within ${timeoutMs / 1000} s (--timeout SEC to wait longer)`);
  const response = (error as { response?: { status?: number; headers?: Record<string, string> } }).response;
  const status = (error as { status?: unknown }).status;
  if (response && typeof status === 'number') return githubStatusError(shown, ref, { status, headers: response.headers ?? {} }, source);
  // No answer at all: the network (the code sits on fetch's cause, under octokit's).
  const code = (cause as { cause?: { code?: unknown } } | undefined)?.cause?.code ?? (cause as { code?: unknown } | undefined)?.code;
  const why = typeof code === 'string' ? ` (${sanitizeLine(code)})` : '';
  return new UserError(`${shown}: cannot connect to ${sanitizeLine(api.host)}${why}; check that you are online${api.href.startsWith(DEFAULT_GITHUB_API_URL) ? '' : ' and GITHUB_API_URL'}`);
}

export async function readGitHubIssueDocument(arg: string, ref: GitHubIssueRef, options: ReadIssueOptions = {}): Promise<IssueDocumentFile> {
  const env = options.env ?? process.env;
  const shown = sanitizeLine(arg);
  const api = apiBase(env);
  const maxBytes = options.maxBytes ?? maxDocumentBytesFromEnv(env);
  const tooLarge = () => new SourceError(overDocumentLimit(shown, maxBytes));
  const timeoutMs = options.timeoutMs ?? DEFAULT_URL_TIMEOUT_MS;
  // JSON escapes make an answer larger than the text it carries: room for twice the limit.
  const { octokit, source } = await githubClient(shown, env, 2 * maxBytes + 1024 * 1024, tooLarge);
  // One deadline for the issue and all its comment pages.
  const signal = AbortSignal.timeout(timeoutMs);
  const params = { owner: ref.owner, repo: ref.repo, issue_number: ref.number, request: { signal } };
  let issue: ApiIssue;
  let comments: IssueComment[] | undefined;
  try {
    const { data } = await octokit.rest.issues.get(params);
    if (typeof data !== 'object' || data === null || text((data as ApiIssue).title) === null) throw notApiJson(shown, api);
    issue = data as ApiIssue;
    if (options.comments) {
      const all = (await octokit.paginate(octokit.rest.issues.listComments, { ...params, per_page: 100 })) as unknown;
      if (!Array.isArray(all)) throw notApiJson(shown, api);
      comments = (all as ApiComment[]).map((c) => ({ author: text(c.user?.login), createdAt: text(c.created_at) ?? '', body: text(c.body) }));
    }
  } catch (error) {
    throw requestFailure(error, shown, ref, api, source, signal, timeoutMs);
  }
  const documentText = issueDocumentText({ title: text(issue.title)!, body: text(issue.body), ...(comments ? { comments } : {}) });
  const bytes = Buffer.from(documentText, 'utf8');
  if (bytes.length > maxBytes) throw tooLarge();
  // The same refusals as a file's: a NUL byte means it is not text.
  const decoded = decodeDocument(shown, bytes);
  const origin: GitHubIssueOrigin = {
    kind: issue.pull_request ? 'github-pull' : 'github-issue',
    // The page as the API names it (on Enterprise, its own server); built only when it says none.
    url: text(issue.html_url) ?? `${webBaseOfApi(api.href) ?? 'https://github.com'}/${ref.owner}/${ref.repo}/issues/${ref.number}`,
    repository: `${ref.owner}/${ref.repo}`,
    number: ref.number,
    updatedAt: text(issue.updated_at),
    fetchedAt: new Date().toISOString(),
    comments: comments ? comments.length : null,
  };
  return { path: arg, text: decoded, sha256: sha256(bytes), bytes: bytes.length, origin };
}
