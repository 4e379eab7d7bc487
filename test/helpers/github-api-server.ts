// A local stand-in for the GitHub REST API (pointed at by GITHUB_API_URL): issues and their
// comments served from memory, comments in pages linked by `Link: rel="next"` as GitHub does,
// and a few repositories that fail on purpose. Every request is recorded with the
// authorization header it carried. No test touches the network.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeIssue {
  title: string;
  body: string | null;
  updated_at?: string;
  pull_request?: boolean;
  comments?: Array<{ login: string | null; created_at: string; body: string }>;
}

export interface ApiHit {
  path: string;
  authorization: string | undefined;
}

export interface GitHubApiServer {
  base: string;
  hits: ApiHit[];
  close(): Promise<void>;
}

export interface GitHubApiOptions {
  /** "owner/repo#N" -> issue. */
  issues: Record<string, FakeIssue>;
  /** Comments per page, whatever per_page asks (to make pagination happen with few comments). */
  pageSize?: number;
  /** Epoch seconds sent as x-ratelimit-reset by the rate-limited repository. */
  rateReset?: number;
  /** Where the repository "elsewhere" redirects to: another server (another host for the token). */
  elsewhere?: string;
  /** "owner/repo@ref" -> the commit id GET /repos/owner/repo/commits/ref answers. */
  commits?: Record<string, string>;
  /** "owner/repo/ref/path" -> a file served as raw at /owner/repo/raw/ref/path (GitHub Enterprise's raw address). */
  raw?: Record<string, string>;
  /** The web server issue pages are on (html_url); default https://github.com. */
  htmlBase?: string;
}

export async function startGitHubApi(options: GitHubApiOptions): Promise<GitHubApiServer> {
  const hits: ApiHit[] = [];
  const pageSize = options.pageSize ?? 100;
  let base = '';
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', base);
    hits.push({ path: `${url.pathname}${url.search}`, authorization: req.headers.authorization });
    const json = (status: number, value: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
      res.end(JSON.stringify(value));
    };
    // GitHub Enterprise serves its API under /api/v3, beside its web pages.
    const path = url.pathname.replace(/^\/api\/v3(?=\/)/, '');
    const raw = /^\/([^/]+)\/([^/]+)\/raw\/([^/]+)\/(.+)$/.exec(path);
    if (raw && path === url.pathname) {
      const file = options.raw?.[`${raw[1]}/${raw[2]}/${decodeURIComponent(raw[3]!)}/${raw[4]}`];
      if (file === undefined) return json(404, { message: 'Not Found' });
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', etag: '"raw-etag"' });
      return void res.end(file);
    }
    const commit = /^\/repos\/([^/]+)\/([^/]+)\/commits\/([^/]+)$/.exec(path);
    if (commit) {
      if (commit[2] === 'rate-limited') return json(403, { message: 'API rate limit exceeded' }, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(options.rateReset ?? 0) });
      const sha = options.commits?.[`${commit[1]}/${commit[2]}@${decodeURIComponent(commit[3]!)}`];
      if (!sha) return json(422, { message: 'No commit found for SHA' });
      // The sha media type answers the bare id, as GitHub does.
      if (/vnd\.github\.sha/.test(String(req.headers.accept))) {
        res.writeHead(200, { 'content-type': 'application/vnd.github.sha; charset=utf-8' });
        return void res.end(sha);
      }
      return json(200, { sha });
    }
    const match = /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)(\/comments)?$/.exec(path);
    if (!match) return json(404, { message: 'Not Found' });
    const [, owner, repo, number, comments] = match;
    if (repo === 'rate-limited') {
      return json(403, { message: 'API rate limit exceeded' }, { 'x-ratelimit-remaining': '0', 'x-ratelimit-limit': '60', 'x-ratelimit-reset': String(options.rateReset ?? 0) });
    }
    if (repo === 'too-many') return json(429, { message: 'slow down' }, { 'retry-after': '42' });
    if (repo === 'bad-token') return json(401, { message: 'Bad credentials' });
    if (repo === 'loop') {
      res.writeHead(302, { location: url.pathname });
      return void res.end();
    }
    if (repo === 'to-file') {
      res.writeHead(302, { location: 'file:///etc/passwd' });
      return void res.end();
    }
    if (repo === 'elsewhere' && options.elsewhere) {
      res.writeHead(301, { location: `${options.elsewhere}${url.pathname}` });
      return void res.end();
    }
    if (repo === 'slow') return void setTimeout(() => json(404, { message: 'Not Found' }), 3000);
    if (repo === 'html') {
      res.writeHead(200, { 'content-type': 'text/html' });
      return void res.end('<html><body>a login page</body></html>');
    }
    // A renamed repository: GitHub answers 301 to the new name.
    if (repo === 'renamed') {
      res.writeHead(301, { location: `${base}${url.pathname.slice(0, url.pathname.length - path.length)}/repos/${owner}/${'moved'}/issues/${number}${comments ?? ''}` });
      return void res.end();
    }
    const issue = options.issues[`${owner}/${repo === 'moved' ? 'renamed' : repo}#${number}`];
    if (!issue) return json(404, { message: 'Not Found' });
    const html = `${options.htmlBase ?? 'https://github.com'}/${owner}/${repo}/${issue.pull_request ? 'pull' : 'issues'}/${number}`;
    if (!comments) {
      return json(200, {
        number: Number(number),
        title: issue.title,
        body: issue.body,
        html_url: html,
        updated_at: issue.updated_at ?? '2026-01-02T03:04:05Z',
        comments: issue.comments?.length ?? 0,
        ...(issue.pull_request ? { pull_request: { url: `${base}/repos/${owner}/${repo}/pulls/${number}` } } : {}),
      });
    }
    const all = issue.comments ?? [];
    const page = Number(url.searchParams.get('page') ?? '1');
    const slice = all.slice((page - 1) * pageSize, page * pageSize);
    const headers: Record<string, string> = {};
    if (page * pageSize < all.length) {
      const next = new URL(url.href);
      next.searchParams.set('page', String(page + 1));
      headers.link = `<${next.href}>; rel="next"`;
    }
    return json(200, slice.map((c, k) => ({ id: page * 1000 + k, user: c.login === null ? null : { login: c.login }, created_at: c.created_at, body: c.body })), headers);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  base = `http://127.0.0.1:${port}`;
  return {
    base,
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
