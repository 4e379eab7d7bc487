// Documents fetched from http(s) addresses kept in the workspace (issue 15): the copy under
// fetched/urls/HOST/PATH with its origin record, read back offline by extract, score, export and
// the review UI, --refresh saying what changed; GitHub blob/ addresses (here on a GitHub
// Enterprise stand-in, GITHUB_API_URL=.../api/v3) read at the commit their ref names, with
// citations linked to that commit. Local servers only; the token never shows.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { runEnvironments } from '../helpers/run-env.js';
import { startGitHubApi, type GitHubApiServer } from '../helpers/github-api-server.js';
import { startLinkServer, type LinkServer } from '../helpers/link-server.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SENTINEL = 'ghp_SENTINEL0url0token0never0shown';
const COMMIT = 'c0ffee'.padEnd(40, '1');
const GIZMO = '# Gizmo annual review\n\n## Releases\n\nThe latest release is v2.1.0.\nWe ship every quarter.\n';
let web: LinkServer;
let files: Record<string, string>;
let ghe: GitHubApiServer;
let dir: string;
let closedBase: string;

const { envFor, wsOf } = runEnvironments(() => dir, () => ({ TOC_REVIEW_NO_CACHE: '1', GITHUB_API_URL: `${ghe.base}/api/v3`, PATH: join(dir, 'empty-bin') }));

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'toc-url-copies-'));
  mkdirSync(join(dir, 'empty-bin'));
  files = { '/reviews/gizmo.md': GIZMO };
  web = await startLinkServer({ files, redirects: { '/old/gizmo.md': '/reviews/gizmo.md' }, etags: { '/reviews/gizmo.md': '"v1"' } });
  ghe = await startGitHubApi({
    issues: {},
    commits: { 'acme/widget@main': COMMIT },
    raw: {
      [`acme/widget/${COMMIT}/docs/review.md`]: '# Widget review\n\n## Adopters\n\n- Initech\n- Hooli\n',
      'acme/widget/unknown-branch/docs/review.md': '# Widget review, moving\n\nText.\n',
      [`acme/widget/${COMMIT}/docs/review-2027.md`]: '# Widget review\n\n## Adopters\n\n- Initech\n- Hooli\n- Globex\n',
    },
  });
  const closed = await startLinkServer();
  closedBase = closed.base;
  await closed.close();
});
afterAll(() => Promise.all([web.close(), ghe.close()]));

const run = (args: string[], env: NodeJS.ProcessEnv) => runCli(args, { cwd: ROOT, env });
const port = () => new URL(web.base).port;

describe('http(s) documents kept in the workspace', () => {
  it('keeps the copy and its origin under fetched/urls/HOST/PATH, and reads it back without the network', async () => {
    const env = envFor();
    const url = `${web.base}/old/gizmo.md`;
    const { code, stdout, stderr } = await run(['extract', url, '--json'], env);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const first = JSON.parse(stdout);
    const copy = join(wsOf(env), 'fetched', 'urls', `127.0.0.1_${port()}`, 'old', 'gizmo.md');
    expect(first.document.origin).toMatchObject({ kind: 'url', url, finalUrl: `${web.base}/reviews/gizmo.md`, commit: null, blobUrl: null, etag: '"v1"', lastModified: null, copy });
    expect(readFileSync(copy, 'utf8')).toBe(GIZMO);
    const record = JSON.parse(readFileSync(copy.replace(/\.md$/, '.origin.json'), 'utf8'));
    const { copy: _copy, ...origin } = first.document.origin;
    expect(record).toEqual({ schema: 'toc-review/fetched@1', origin, sha256: first.document.sha256 });
    const hits = web.hits.length;
    const again = await run(['extract', url, '--json'], env);
    expect(again.code).toBe(0);
    expect(web.hits.length).toBe(hits);
    expect(JSON.parse(again.stdout)).toEqual(first);
    expect((await run(['extract', url], env)).stdout).toMatch(/from: .*\/old\/gizmo\.md \(fetched .*, read from .*\/reviews\/gizmo\.md\)\n {2}kept: /);
  });

  it('passes the extract schema, and a wrong url origin does not', async () => {
    const schema = JSON.parse(readFileSync(join(ROOT, 'schemas/extract.schema.json'), 'utf8'));
    const validate = new Ajv2020.default({ allErrors: true, strict: true, allowUnionTypes: true }).compile(schema);
    const data = JSON.parse((await run(['extract', `${web.base}/reviews/gizmo.md`, '--json'], envFor())).stdout);
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
    const broken = structuredClone(data);
    broken.document.origin.commit = 'main';
    expect(validate(broken)).toBe(false);
  });

  it('--refresh fetches again and says what changed', async () => {
    const env = envFor();
    const url = `${web.base}/reviews/gizmo.md`;
    expect((await run(['extract', url], env)).code).toBe(0);
    const same = await run(['extract', url, '--refresh', '--json'], env);
    expect(same.stderr).toMatch(/^toc-review: http:\/\/127\.0\.0\.1:\d+\/reviews\/gizmo\.md: unchanged since the copy fetched \S+\n$/);
    files['/reviews/gizmo.md'] = GIZMO.replace('v2.1.0', 'v2.2.0').replace('every quarter', 'every month') + 'Two new adopters.\n';
    try {
      const changed = await run(['extract', url, '--refresh', '--json'], env);
      expect(changed.code).toBe(0);
      expect(changed.stderr).toMatch(/gizmo\.md: changed since the copy fetched \S+: 3 lines added, 2 removed\n$/);
      expect(readFileSync(join(wsOf(env), 'fetched', 'urls', `127.0.0.1_${port()}`, 'reviews', 'gizmo.md'), 'utf8')).toContain('v2.2.0');
    } finally {
      files['/reviews/gizmo.md'] = GIZMO;
    }
  });

  it('score fetches and keeps it, recording the address; export and the review UI then work offline', async () => {
    const env = envFor({ TOC_REVIEW_REVIEWER: 'Ada Lovelace', TOC_REVIEW_EXIT_AFTER_FIRST_FRAME: '1' });
    const url = `${web.base}/reviews/gizmo.md`;
    const scored = await run(['score', url, '--set', 'versioning=2', '--cite', 'versioning=5'], env);
    expect(scored.stderr).toBe('');
    expect(scored.code).toBe(0);
    const scoreFile = JSON.parse(readFileSync(join(wsOf(env), 'scores', 'gizmo', 'ada-lovelace.score.json'), 'utf8'));
    expect(scoreFile.document.path).toBe(`fetched/urls/127.0.0.1_${port()}/reviews/gizmo.md`);
    expect(scoreFile.document.origin).toBe(url);
    const offline = { ...env, GITHUB_API_URL: closedBase };
    const hits = web.hits.length;
    const exported = await run(['export', url, '-o', '-'], offline);
    expect(exported.stderr).toBe('');
    expect(exported.code).toBe(0);
    expect(exported.stdout).toContain(`(${url})`);
    expect(exported.stdout).toContain('The latest release is v2.1.0.');
    const review = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = execFile(process.execPath, [join(ROOT, 'bin/toc-review.js'), url], { cwd: ROOT, env: { ...offline, COLUMNS: '100', LINES: '30' } }, (_error, stdout, stderr) =>
        resolve({ code: child.exitCode, stdout, stderr }),
      );
    });
    expect(review.stderr).toBe('');
    expect(review.code).toBe(0);
    expect(review.stdout).toContain('Gizmo annual review');
    expect(web.hits.length).toBe(hits);
  });

  it('diff reads kept copies too, without the network', async () => {
    const env = envFor();
    files['/reviews/gizmo-2027.md'] = `${GIZMO}\n## Adopters\n\nUsed in production by:\n\n- Initech\n- Hooli\n`;
    const old = `${web.base}/reviews/gizmo.md`;
    const next = `${web.base}/reviews/gizmo-2027.md`;
    expect((await run(['extract', old, next], env)).code).toBe(0);
    const hits = web.hits.length;
    const { code, stdout, stderr } = await run(['diff', old, next, '--json'], env);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(JSON.stringify(JSON.parse(stdout))).toContain('Initech');
    expect(web.hits.length).toBe(hits);
  });

  it('export of an address with no kept copy says how to fetch it', async () => {
    const env = envFor({ TOC_REVIEW_REVIEWER: 'Ada' });
    const url = `${web.base}/reviews/never.md`;
    const { code, stderr } = await run(['export', url], env);
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain(`export: ${url}: no copy kept in ${wsOf(env)} yet; fetch it first with: toc-review extract ${url} --workspace ${wsOf(env)}`);
  });

  it('names the copy without credentials or secret parameters, and records none', async () => {
    const env = envFor();
    const url = `http://someone:${SENTINEL}@127.0.0.1:${port()}/reviews/gizmo.md?token=${SENTINEL}&v=1`;
    // The server needs the secret parameter (a raw.githubusercontent.com ?token= does): it is sent, never kept.
    files[`/reviews/gizmo.md?token=${SENTINEL}&v=1`] = GIZMO;
    const { code, stdout, stderr } = await run(['extract', url, '--json'], env);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const origin = JSON.parse(stdout).document.origin;
    // document.path is the argument as given; an error names the address without its secrets.
    const failed = await run(['extract', url.replace('gizmo.md', 'missing.md')], env);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain(`http://127.0.0.1:${port()}/reviews/missing.md?v=1: not found`);
    expect(failed.stderr).not.toContain(SENTINEL);
    expect(origin.url).toBe(`http://127.0.0.1:${port()}/reviews/gizmo.md?v=1`);
    expect(origin.copy).toMatch(/\/reviews\/gizmo-q[0-9a-f]{10}\.md$/);
    expect(readFileSync(origin.copy.replace(/\.md$/, '.origin.json'), 'utf8')).not.toContain(SENTINEL);
  });
});

describe('GitHub blob/ addresses', () => {
  const blob = () => `${ghe.base}/acme/widget/blob/main/docs/review.md`;

  it('are read at the commit their ref names, recorded with it, and cited lines link that commit', async () => {
    const env = envFor({ TOC_REVIEW_REVIEWER: 'Ada Lovelace', GITHUB_TOKEN: SENTINEL });
    const { code, stdout, stderr } = await run(['extract', blob(), '--json'], env);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    const pinned = `${ghe.base}/acme/widget/blob/${COMMIT}/docs/review.md`;
    expect(result.document.origin).toMatchObject({ kind: 'url', url: blob(), commit: COMMIT, blobUrl: pinned, finalUrl: `${ghe.base}/acme/widget/raw/${COMMIT}/docs/review.md`, etag: '"raw-etag"' });
    expect(result.facts.adopters.map((a: { name: string }) => a.name)).toEqual(['Initech', 'Hooli']);
    // The commit was asked of the API with the token; the raw file was read without it.
    const asked = ghe.hits.filter((h) => h.path.startsWith('/api/v3/repos/acme/widget/commits/'));
    expect(asked.map((h) => [h.path, h.authorization])).toEqual([['/api/v3/repos/acme/widget/commits/main', `token ${SENTINEL}`]]);
    expect(ghe.hits.filter((h) => h.path.includes('/raw/')).every((h) => h.authorization === undefined)).toBe(true);

    const scored = await run(['score', blob(), '--set', 'production-users=2', '--cite', 'production-users=5-6'], env);
    expect(scored.code).toBe(0);
    const scoreFile = JSON.parse(readFileSync(join(wsOf(env), 'scores', 'review', 'ada-lovelace.score.json'), 'utf8'));
    expect(scoreFile.document.origin).toBe(pinned);
    const exported = await run(['export', blob(), '-o', '-'], { ...env, GITHUB_API_URL: `${closedBase}/api/v3` });
    expect(exported.code).toBe(0);
    expect(exported.stdout).toContain(`(${pinned}?plain=1#L5-L6)`);
    const outputs = [stdout, stderr, scored.stdout, scored.stderr, exported.stdout, exported.stderr];
    for (const text of outputs) expect(text).not.toContain(SENTINEL);
    const written: string[] = [];
    const walk = (path: string) => (statSync(path).isDirectory() ? readdirSync(path).forEach((name) => walk(join(path, name))) : written.push(path));
    walk(env.TOC_REVIEW_CONFIG_DIR!);
    expect(written.some((f) => f.endsWith('review.origin.json'))).toBe(true);
    for (const file of written) expect(readFileSync(file, 'utf8')).not.toContain(SENTINEL);
  });

  it('diff --format md links the lines it cites to each document\'s commit', async () => {
    const env = envFor();
    const next = `${ghe.base}/acme/widget/blob/main/docs/review-2027.md`;
    const { code, stdout, stderr } = await run(['diff', blob(), next, '--format', 'md'], env);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain(`added: Globex ([new line 7](${ghe.base}/acme/widget/blob/${COMMIT}/docs/review-2027.md?plain=1#L7))`);
    // The text form is for a terminal: no links.
    expect((await run(['diff', blob(), next], env)).stdout).toMatch(/added: Globex \(new line 7\)/);
  });

  it('a ref the API cannot resolve is read and linked as given, said once on stderr', async () => {
    const env = envFor();
    const url = `${ghe.base}/acme/widget/blob/unknown-branch/docs/review.md`;
    const { code, stdout, stderr } = await run(['extract', url, '--json'], env);
    expect(code).toBe(0);
    expect(stderr).toBe(`toc-review: ${url}: could not find the commit of "unknown-branch" (the GitHub API answered HTTP 422); citations link to unknown-branch, which may have moved on\n`);
    expect(JSON.parse(stdout).document.origin).toMatchObject({ commit: null, blobUrl: url });
    // Read back from the copy: nothing asked, nothing said.
    const again = await run(['extract', url, '--json'], env);
    expect(again.stderr).toBe('');
  });
});
