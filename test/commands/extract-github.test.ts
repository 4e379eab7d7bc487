// `extract OWNER/REPO#N` and issue/pull request addresses against a local GitHub API stand-in
// (GITHUB_API_URL): the same criteria as the file and stdin, comments over two pages, one-line
// errors that say what to do, the token sent only when there is one and never shown or written.
import { execFile } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';
import Ajv2020 from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listDocuments } from '../../src/store/workspace.js';
import { runCli } from '../helpers/cli.js';
import { runEnvironments } from '../helpers/run-env.js';
import { startGitHubApi, type FakeIssue, type GitHubApiServer } from '../helpers/github-api-server.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DOC = 'test/fixtures/corpus/seeds/karmada-2022-annual.md';
const SENTINEL = 'ghp_SENTINEL0token0must0never0show';
const RESET = 1_800_000_000;
let server: GitHubApiServer;
let issueMap: Record<string, FakeIssue>;
const issues = () => issueMap;
let dir: string;
let emptyPath: string;
let karmada: string;
/** An address where nothing listens: a port just closed (fetch refuses low "bad ports" such as 9 before connecting). */
let closedBase: string;

const { envFor } = runEnvironments(() => dir, () => ({ GITHUB_API_URL: server.base, PATH: emptyPath }));

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'toc-extract-github-'));
  emptyPath = join(dir, 'empty-bin');
  mkdirSync(emptyPath);
  karmada = readFileSync(join(ROOT, DOC), 'utf8');
  const closed = await startGitHubApi({ issues: {} });
  closedBase = closed.base;
  await closed.close();
  const [heading, blank, ...rest] = karmada.split('\n');
  expect(heading).toBe('# Karmada 2022 Annual Review');
  expect(blank).toBe('');
  issueMap = {
    // The seed document as an issue: its first line is the title, the rest the body.
    'karmada-io/karmada#1': { title: heading!.slice(2), body: rest.join('\n') },
    'karmada-io/karmada#2': { title: heading!.slice(2), body: rest.join('\n'), pull_request: true },
    'acme/widget#7': {
      title: 'Incubation: Widget',
      body: 'Body text.\n',
      updated_at: '2026-02-03T04:05:06Z',
      comments: [
        { login: 'ada', created_at: '2026-03-04T10:00:00Z', body: 'Thanks.' },
        { login: null, created_at: '2026-03-05T10:00:00Z', body: 'Looked at it.' },
        { login: 'bo', created_at: '2026-03-06T10:00:00Z', body: 'In 2025 the project merged 41 PRs per month.' },
      ],
    },
    'acme/renamed#3': { title: 'Moved', body: 'Still here.' },
    'acme/binary#1': { title: 'Bad', body: 'a\u0000b' },
  };
  // A blob/ address on the API's own server (read as GitHub Enterprise's): its ref resolved through the API.
  server = await startGitHubApi({ pageSize: 2, rateReset: RESET, issues: issueMap, commits: { 'acme/widget@main': 'f'.repeat(40) }, raw: { [`acme/widget/${'f'.repeat(40)}/docs/x.md`]: '# Widget\n\nWe merged 30 PRs per month.\n' } });
});
afterAll(() => server.close());

const run = (args: string[], extra: NodeJS.ProcessEnv = {}, env = envFor(extra)) => runCli(args, { cwd: ROOT, env });
const oneLine = (stderr: string) => expect(stderr.trim().split('\n')).toHaveLength(1);
const sha = (text: string) => createHash('sha256').update(text).digest('hex');

describe('toc-review extract OWNER/REPO#N', () => {
  it('reads the same document from a file, stdin and an issue body', async () => {
    const fromFile = JSON.parse((await run(['extract', DOC, '--json'])).stdout);
    const fromStdin = JSON.parse((await runCli(['extract', '-', '--json'], { cwd: ROOT, env: envFor(), stdin: Readable.from([Buffer.from(karmada)]) })).stdout);
    const { code, stdout, stderr } = await run(['extract', 'karmada-io/karmada#1', '--json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const fromIssue = JSON.parse(stdout);
    const { origin, ...document } = fromIssue.document;
    expect(document).toEqual({ ...fromFile.document, path: 'karmada-io/karmada#1' });
    expect(fromIssue.criteria).toEqual(fromFile.criteria);
    expect(fromIssue.criteria).toEqual(fromStdin.criteria);
    expect(fromIssue.facts).toEqual(fromFile.facts);
    expect(origin).toMatchObject({ kind: 'github-issue', url: 'https://github.com/karmada-io/karmada/issues/1', repository: 'karmada-io/karmada', number: 1, updatedAt: '2026-01-02T03:04:05Z', comments: null });
    expect(Date.now() - Date.parse(origin.fetchedAt)).toBeGreaterThanOrEqual(0);
    expect(Date.now() - Date.parse(origin.fetchedAt)).toBeLessThan(60_000);
  });

  it('takes issue and pull request addresses, keeping the argument as document.path', async () => {
    const pull = 'https://github.com/karmada-io/karmada/pull/2/files';
    const { code, stdout } = await run(['extract', pull, '--json']);
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.document.path).toBe(pull);
    expect(result.document.origin).toMatchObject({ kind: 'github-pull', number: 2, url: 'https://github.com/karmada-io/karmada/pull/2' });
    expect(server.hits.at(-1)?.path).toBe('/repos/karmada-io/karmada/issues/2');
    const issue = await run(['extract', 'https://github.com/karmada-io/karmada/issues/1', '--json']);
    expect(JSON.parse(issue.stdout).document.title).toBe('Karmada 2022 Annual Review');
  });

  it('--comments appends every comment (two pages) under its author and date', async () => {
    const before = server.hits.length;
    const { code, stdout, stderr } = await run(['extract', 'acme/widget#7', '--comments', '--json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    const expected = [
      '# Incubation: Widget', '', 'Body text.', '',
      '## Comment by @ada on 2026-03-04', '', 'Thanks.', '',
      '## Comment by @ghost on 2026-03-05', '', 'Looked at it.', '',
      '## Comment by @bo on 2026-03-06', '', 'In 2025 the project merged 41 PRs per month.', '',
    ].join('\n');
    expect(result.document.sha256).toBe(sha(expected));
    expect(result.document.lineCount).toBe(15);
    expect(result.document.origin).toMatchObject({ comments: 3, updatedAt: '2026-02-03T04:05:06Z' });
    // The figure in the last comment (second page) is found on its line.
    expect(result.facts.metrics).toContainEqual(expect.objectContaining({ kind: 'merged_prs', value: 41, line: 15 }));
    const paths = server.hits.slice(before).map((h) => h.path);
    expect(paths).toEqual(['/repos/acme/widget/issues/7', '/repos/acme/widget/issues/7/comments?per_page=100', '/repos/acme/widget/issues/7/comments?per_page=100&page=2']);
  });

  it('without --comments reads the body alone', async () => {
    const result = JSON.parse((await run(['extract', 'acme/widget#7', '--json'])).stdout);
    expect(result.document.sha256).toBe(sha('# Incubation: Widget\n\nBody text.\n'));
    expect(result.document.origin.comments).toBeNull();
  });

  it('shows where the document came from in the readable report', async () => {
    const { code, stdout } = await run(['extract', 'acme/widget#7', '--comments']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/from: https:\/\/github\.com\/acme\/widget\/issues\/7 \(updated 2026-02-03T04:05:06Z, fetched .*, 3 comments appended\)/);
  });

  it('follows a renamed repository\'s redirect', async () => {
    const { code, stdout } = await run(['extract', 'acme/renamed#3', '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).document.title).toBe('Moved');
  });

  it('refuses --comments for anything but an issue (usage error)', async () => {
    const { code, stderr } = await run(['extract', DOC, '--comments']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/--comments is for GitHub issues and pull requests/);
  });

  it('reads a file whose name looks like a reference as the file', async () => {
    const cwd = join(dir, 'lookalike');
    mkdirSync(join(cwd, 'acme'), { recursive: true });
    writeFileSync(join(cwd, 'acme', 'widget#7'), '# A local file\n');
    const before = server.hits.length;
    const { code, stdout } = await runCli(['extract', 'acme/widget#7', '--json'], { cwd, env: envFor() });
    expect(code).toBe(0);
    expect(JSON.parse(stdout).document.title).toBe('A local file');
    expect(server.hits.length).toBe(before);
  });
});

describe('toc-review extract OWNER/REPO#N: errors', () => {
  it.each([
    ['no such issue, no token', 'acme/widget#404', {}, /acme\/widget#404: not found \(HTTP 404\); check the owner, repository and number, or if acme\/widget is private set GITHUB_TOKEN \(or run gh auth login\)/],
    ['no such issue, with a token', 'acme/widget#404', { GITHUB_TOKEN: SENTINEL }, /not found \(HTTP 404\); .* and that the token from GITHUB_TOKEN can read acme\/widget/],
    ['rate limited (429, Retry-After)', 'acme/too-many#1', {}, /rate limited by the GitHub API \(HTTP 429\); try again in 42 s, or set GITHUB_TOKEN/],
    ['an answer that is not API JSON', 'acme/html#1', {}, /acme\/html#1: the answer from 127\.0\.0\.1:\d+ is not GitHub API JSON; check GITHUB_API_URL/],
    ['a NUL in the body', 'acme/binary#1', {}, /acme\/binary#1: binary file \(NUL byte found\)/],
    ['over the size limit', 'karmada-io/karmada#1', { TOC_REVIEW_MAX_DOC_MB: '0.01' }, /karmada-io\/karmada#1: over the 0\.0 MB document limit \(set TOC_REVIEW_MAX_DOC_MB to raise it\)/],
    ['a refused token (401)', 'acme/bad-token#1', { GITHUB_TOKEN: SENTINEL }, /acme\/bad-token#1: the GitHub API refused the token from GITHUB_TOKEN \(HTTP 401\); renew it or unset it to read public issues/],
    ['a redirect loop', 'acme/loop#1', {}, /acme\/loop#1: more than 5 redirects from the GitHub API; check GITHUB_API_URL/],
    ['a redirect to file:', 'acme/to-file#1', {}, /acme\/to-file#1: the GitHub API redirected to a file: address, refused/],
  ])('%s is a one-line error', async (_name, ref, extra, message) => {
    const { code, stdout, stderr } = await run(['extract', ref, '--json'], extra);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    oneLine(stderr);
    expect(stderr).toMatch(message);
  });

  it('gives the rate limit reset time in local time and UTC', async () => {
    const { code, stderr } = await run(['extract', 'acme/rate-limited#1']);
    expect(code).toBe(1);
    oneLine(stderr);
    const at = new Date(RESET * 1000);
    const hhmm = (h: number, m: number) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
    const local = hhmm(at.getHours(), at.getMinutes());
    const utc = hhmm(at.getUTCHours(), at.getUTCMinutes());
    expect(stderr).toContain(`acme/rate-limited#1: rate limited by the GitHub API (HTTP 403); the limit resets at ${local} (${utc} UTC), or set GITHUB_TOKEN`);
  });

  it('with a token, a rate limit does not suggest setting one', async () => {
    const { stderr } = await run(['extract', 'acme/rate-limited#1'], { GITHUB_TOKEN: SENTINEL });
    expect(stderr).toMatch(/the limit resets at \d\d:\d\d \(\d\d:\d\d UTC\)\n$/);
  });

  it('gives up after --timeout', async () => {
    const { code, stderr } = await run(['extract', 'acme/slow#1', '--timeout', '0.3']);
    expect(code).toBe(1);
    oneLine(stderr);
    expect(stderr).toMatch(/acme\/slow#1: no answer from the GitHub API within 0\.3 s \(--timeout SEC to wait longer\)/);
  });

  it('says it cannot connect when nothing listens', async () => {
    const { code, stderr } = await run(['extract', 'acme/widget#7'], { GITHUB_API_URL: closedBase });
    expect(code).toBe(1);
    oneLine(stderr);
    expect(stderr).toContain(`acme/widget#7: cannot connect to ${new URL(closedBase).host} (ECONNREFUSED); check that you are online and GITHUB_API_URL`);
  });

  it('refuses a GITHUB_API_URL that is not http(s)', async () => {
    const { code, stderr } = await run(['extract', 'acme/widget#7'], { GITHUB_API_URL: 'file:///etc' });
    expect(code).toBe(1);
    expect(stderr).toMatch(/GITHUB_API_URL: "file:\/\/\/etc" is not an http\(s\) address/);
  });
});

describe('toc-review extract OWNER/REPO#N: the token', () => {
  it('sends GITHUB_TOKEN when it is set', async () => {
    const before = server.hits.length;
    expect((await run(['extract', 'acme/widget#7', '--comments', '--json'], { GITHUB_TOKEN: SENTINEL })).code).toBe(0);
    const sent = server.hits.slice(before).map((h) => h.authorization);
    expect(sent).toEqual([`token ${SENTINEL}`, `token ${SENTINEL}`, `token ${SENTINEL}`]);
  });

  it('drops the token when the API redirects to another host', async () => {
    const other = await startGitHubApi({ issues: { 'acme/elsewhere#1': { title: 'Elsewhere', body: 'x' } } });
    const first = await startGitHubApi({ issues: {}, elsewhere: other.base });
    try {
      const { code, stdout } = await run(['extract', 'acme/elsewhere#1', '--json'], { GITHUB_TOKEN: SENTINEL, GITHUB_API_URL: first.base });
      expect(code).toBe(0);
      expect(JSON.parse(stdout).document.title).toBe('Elsewhere');
      expect(first.hits.map((h) => h.authorization)).toEqual([`token ${SENTINEL}`]);
      expect(other.hits.map((h) => h.authorization)).toEqual([undefined]);
    } finally {
      await Promise.all([first.close(), other.close()]);
    }
  });

  it('sends no authorization without GITHUB_TOKEN or gh', async () => {
    const before = server.hits.length;
    expect((await run(['extract', 'acme/widget#7', '--comments', '--json'])).code).toBe(0);
    expect(server.hits.slice(before).map((h) => h.authorization)).toEqual([undefined, undefined, undefined]);
  });

  it('asks gh for the API host\'s token when GITHUB_TOKEN is unset, and ignores gh failing', async () => {
    const bin = join(dir, 'gh-bin');
    mkdirSync(bin, { recursive: true });
    const host = new URL(server.base).host;
    // A stand-in gh: a token for this host only, a failure for anything else.
    writeFileSync(join(bin, 'gh'), `#!/bin/sh\n[ "$*" = "auth token --hostname ${host}" ] && { echo from-gh-token; exit 0; }\necho "not logged in" >&2\nexit 1\n`);
    chmodSync(join(bin, 'gh'), 0o755);
    const before = server.hits.length;
    expect((await run(['extract', 'acme/widget#7', '--json'], { PATH: bin })).code).toBe(0);
    expect(server.hits.slice(before).map((h) => h.authorization)).toEqual(['token from-gh-token']);
    // gh failing (here: logged in to another host) means no token, not an error.
    const other = await startGitHubApi({ issues: { 'acme/widget#7': { title: 'W', body: 'x' } } });
    try {
      const { code, stderr } = await run(['extract', 'acme/widget#7', '--json'], { PATH: bin, GITHUB_API_URL: other.base });
      expect(stderr).toBe('');
      expect(code).toBe(0);
      expect(other.hits.map((h) => h.authorization)).toEqual([undefined]);
    } finally {
      await other.close();
    }
  });

  it('never appears in output, errors or any file written', async () => {
    const env = (extra: NodeJS.ProcessEnv = {}) => envFor({ GITHUB_TOKEN: SENTINEL, ...extra });
    const outputs: string[] = [];
    const configDirs: string[] = [];
    // The blob runs share one workspace: score keeps the copy export reads.
    const blobEnv = env();
    configDirs.push(blobEnv.TOC_REVIEW_CONFIG_DIR!);
    for (const [args, extra] of [
      [['extract', 'acme/widget#7', '--comments', '--json'], {}],
      [['extract', 'acme/widget#7', '--comments'], {}],
      [['extract', 'karmada-io/karmada#1', '--json'], {}],
      [['score', 'acme/widget#7', '--reviewer', 'Ada', '--set', 'commit-flow=1', '--note', 'commit-flow=seen'], {}],
      [['extract', 'acme/widget#7', '--refresh'], {}],
      // Batches, blob/ addresses read at their commit, and a blob scored from its kept copy.
      [['extract', 'acme/widget#7', 'karmada-io/karmada#1', 'acme/widget#404', '--json', '--debug'], {}],
      [['triage', 'acme/widget#7', 'acme/rate-limited#1', '--format', 'json'], {}],
      [['extract', 'BLOB', '--json'], {}],
      [['score', 'BLOB', '--reviewer', 'Ada', '--set', 'commit-flow=2', '--cite', 'commit-flow=3'], {}],
      [['export', 'BLOB', '--reviewer', 'Ada', '-o', '-'], {}],
      [['extract', 'acme/widget#404', '--debug'], {}],
      [['extract', 'acme/rate-limited#1', '--debug'], {}],
      [['extract', 'acme/slow#1', '--timeout', '0.2', '--debug'], {}],
      [['extract', 'acme/widget#7', '--debug'], { GITHUB_API_URL: closedBase }],
    ] as Array<[string[], NodeJS.ProcessEnv]>) {
      const e = env(extra);
      configDirs.push(e.TOC_REVIEW_CONFIG_DIR!);
      const blob = `${server.base}/acme/widget/blob/main/docs/x.md`;
      const { stdout, stderr } = await runCli(args.map((a) => (a === 'BLOB' ? blob : a)), { cwd: ROOT, env: args.includes('BLOB') ? blobEnv : e });
      outputs.push(stdout, stderr);
    }
    // The built binary too, as a real process (its own streams, its own error printing).
    const e = env();
    configDirs.push(e.TOC_REVIEW_CONFIG_DIR!);
    const child = await new Promise<{ stdout: string; stderr: string }>((resolve) => {
      execFile(process.execPath, [join(ROOT, 'bin/toc-review.js'), 'extract', 'acme/widget#7', '--comments', '--json'], { cwd: ROOT, env: e }, (_error, stdout, stderr) => resolve({ stdout, stderr }));
    });
    expect(JSON.parse(child.stdout).document.origin.comments).toBe(3);
    outputs.push(child.stdout, child.stderr);
    for (const text of outputs) expect(text).not.toContain(SENTINEL);
    // Every file any of these runs wrote (settings, extraction cache).
    const files: string[] = [];
    const walk = (path: string) => {
      if (statSync(path, { throwIfNoEntry: false })?.isDirectory()) for (const name of readdirSync(path)) walk(join(path, name));
      else if (statSync(path, { throwIfNoEntry: false })) files.push(path);
    };
    for (const d of configDirs) walk(d);
    // Settings, kept copies with their records, and a score file were among them.
    expect(files.some((f) => f.endsWith('.score.json'))).toBe(true);
    expect(files.some((f) => f.endsWith('widget-7-comments.origin.json'))).toBe(true);
    expect(files.some((f) => f.endsWith('/docs/x.origin.json'))).toBe(true);
    expect(server.hits.some((h) => h.path === '/repos/acme/widget/commits/main' && h.authorization === `token ${SENTINEL}`)).toBe(true);
    for (const file of files) expect(readFileSync(file, 'utf8')).not.toContain(SENTINEL);
  });
});

describe('toc-review extract OWNER/REPO#N: Contract 1', () => {
  it('document.origin passes schemas/extract.schema.json, and a wrong one does not', async () => {
    const schema = JSON.parse(readFileSync(join(ROOT, 'schemas/extract.schema.json'), 'utf8'));
    const validate = new Ajv2020.default({ allErrors: true, strict: true, allowUnionTypes: true }).compile(schema);
    const data = JSON.parse((await run(['extract', 'acme/widget#7', '--comments', '--json'])).stdout);
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
    const broken = structuredClone(data);
    broken.document.origin.kind = 'gitlab-issue';
    expect(validate(broken)).toBe(false);
  });
});

describe('toc-review extract OWNER/REPO#N: copies kept in the workspace', () => {
  const ref = 'acme/kept#5';
  const issue = { title: 'Incubation: Kept', body: 'We merged 30 PRs per month.\n', updated_at: '2026-04-01T00:00:00Z' };
  const copyIn = (env: NodeJS.ProcessEnv) => join(env.TOC_REVIEW_CONFIG_DIR!, 'ws', 'fetched', 'acme', 'kept');
  let env: NodeJS.ProcessEnv;
  let first: { document: { origin: Record<string, unknown>; sha256: string }; criteria: unknown; facts: unknown };

  beforeAll(async () => {
    // The stand-in serves its issues map as it is at each request: the test changes it.
    env = envFor();
    issues()[ref] = { ...issue };
    const { code, stdout, stderr } = await run(['extract', ref, '--json'], {}, env);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    first = JSON.parse(stdout);
  });

  it('keeps the fetched document and its origin under fetched/OWNER/REPO', () => {
    const copy = join(copyIn(env), 'kept-5.md');
    expect(readFileSync(copy, 'utf8')).toBe('# Incubation: Kept\n\nWe merged 30 PRs per month.\n');
    const record = JSON.parse(readFileSync(join(copyIn(env), 'kept-5.origin.json'), 'utf8'));
    const { copy: _copy, ...origin } = first.document.origin;
    expect(record).toEqual({ schema: 'toc-review/fetched@1', sha256: first.document.sha256, origin });
    expect(origin).toMatchObject({ number: 5, updatedAt: '2026-04-01T00:00:00Z' });
    expect(first.document.origin.copy).toBe(copy);
  });

  it('reads the kept copy without the network on the next run', async () => {
    const { code, stdout, stderr } = await run(['extract', ref, '--json'], {}, { ...env, GITHUB_API_URL: closedBase });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const again = JSON.parse(stdout);
    expect(again.document).toEqual(first.document);
    expect(again.criteria).toEqual(first.criteria);
    expect(again.facts).toEqual(first.facts);
  });

  it('--refresh fetches again and says it is unchanged, then what changed', async () => {
    const same = await run(['extract', ref, '--refresh', '--json'], {}, env);
    expect(same.code).toBe(0);
    expect(same.stderr).toMatch(/^toc-review: acme\/kept#5: unchanged since the copy fetched \d{4}-\d\d-\d\dT[\d:.]+Z\n$/);
    issues()[ref] = { ...issue, body: 'We merged 45 PRs per month.\nAnd 3 releases.\n', updated_at: '2026-05-01T00:00:00Z' };
    const changed = await run(['extract', ref, '--refresh', '--json'], {}, env);
    expect(changed.code).toBe(0);
    expect(changed.stderr).toMatch(/acme\/kept#5: changed since the copy fetched .*: 2 lines added, 1 removed; updated_at 2026-04-01T00:00:00Z -> 2026-05-01T00:00:00Z\n$/);
    const result = JSON.parse(changed.stdout);
    expect(result.facts.metrics).toContainEqual(expect.objectContaining({ kind: 'merged_prs', value: 45, line: 3 }));
    expect(readFileSync(join(copyIn(env), 'kept-5.md'), 'utf8')).toContain('45 PRs');
  });

  it('a failed --refresh leaves the kept copy as it was', async () => {
    const before = readFileSync(join(copyIn(env), 'kept-5.md'));
    const { code, stderr } = await run(['extract', ref, '--refresh'], {}, { ...env, GITHUB_API_URL: closedBase });
    expect(code).toBe(1);
    oneLine(stderr);
    expect(stderr).toMatch(/cannot connect/);
    expect(readFileSync(join(copyIn(env), 'kept-5.md'))).toEqual(before);
  });

  it('refuses a copy edited since it was fetched, and --refresh replaces it', async () => {
    const e = envFor();
    expect((await run(['extract', ref], {}, e)).code).toBe(0);
    const copy = join(copyIn(e), 'kept-5.md');
    writeFileSync(copy, '# Edited by hand\n');
    const { code, stderr } = await run(['extract', ref, '--json'], {}, e);
    expect(code).toBe(1);
    oneLine(stderr);
    expect(stderr).toContain(`${copy}: edited since it was fetched`);
    expect(stderr).toMatch(/fetch again with --refresh \(replaces it\)/);
    const refreshed = await run(['extract', ref, '--refresh', '--json'], {}, e);
    expect(refreshed.code).toBe(0);
    expect(refreshed.stderr).toMatch(/changed since the copy fetched/);
    expect(readFileSync(copy, 'utf8')).toMatch(/^# Incubation: Kept\n/);
  });

  it('refuses a broken record in one line naming it', async () => {
    const e = envFor();
    expect((await run(['extract', ref], {}, e)).code).toBe(0);
    const record = join(copyIn(e), 'kept-5.origin.json');
    writeFileSync(record, '{"schema": "toc-review/fetched@1"');
    const { code, stderr } = await run(['extract', ref], {}, e);
    expect(code).toBe(1);
    oneLine(stderr);
    expect(stderr).toContain(`${record}: not valid JSON; delete the file or fetch again with --refresh`);
    const refreshed = await run(['extract', ref, '--refresh'], {}, e);
    expect(refreshed.code).toBe(0);
    expect(refreshed.stdout).toMatch(/kept: .*kept-5\.md \(read offline next time; --refresh to fetch again\)/);
    expect(JSON.parse(readFileSync(record, 'utf8')).schema).toBe('toc-review/fetched@1');
  });

  it('keeps the copy with comments apart from the one without', async () => {
    const e = envFor();
    expect((await run(['extract', 'acme/widget#7'], {}, e)).code).toBe(0);
    expect((await run(['extract', 'acme/widget#7', '--comments'], {}, e)).code).toBe(0);
    const dirOf = join(e.TOC_REVIEW_CONFIG_DIR!, 'ws', 'fetched', 'acme', 'widget');
    expect(readdirSync(dirOf).sort()).toEqual(['widget-7-comments.md', 'widget-7-comments.origin.json', 'widget-7.md', 'widget-7.origin.json']);
  });

  it('keeps nothing when no workspace folder exists', async () => {
    const cwd = join(dir, 'no-workspace');
    mkdirSync(cwd, { recursive: true });
    const e = { ...envFor() };
    writeFileSync(join(e.TOC_REVIEW_CONFIG_DIR!, 'config.json'), '{}');
    const { code, stdout } = await runCli(['extract', ref, '--json'], { cwd, env: e });
    expect(code).toBe(0);
    expect(JSON.parse(stdout).document.origin.copy).toBeUndefined();
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('--workspace DIR keeps it there (created), and the copy is a workspace document score can use offline', async () => {
    const ws = join(dir, 'given-ws');
    const e = envFor();
    const { code, stdout } = await run(['extract', ref, '--workspace', ws, '--json'], {}, e);
    expect(code).toBe(0);
    const copy = JSON.parse(stdout).document.origin.copy;
    expect(copy).toBe(join(ws, 'fetched', 'acme', 'kept', 'kept-5.md'));
    const scored = await run(['score', copy, '--workspace', ws, '--reviewer', 'Ada', '--set', 'commit-flow=2'], { GITHUB_API_URL: closedBase }, { ...e, GITHUB_API_URL: closedBase });
    expect(scored.stderr).toBe('');
    expect(scored.code).toBe(0);
    const scoreFile = JSON.parse(readFileSync(join(ws, 'scores', 'kept-5', 'ada.score.json'), 'utf8'));
    expect(scoreFile.document.path).toBe('fetched/acme/kept/kept-5.md');
    // The review UI's workspace list shows it like any other document.
    expect(await listDocuments(ws)).toContain(copy);
  });

  it('--refresh is for issues only', async () => {
    const { code, stderr } = await run(['extract', DOC, '--refresh']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/--refresh is for fetched documents/);
  });
});

describe('score, export and the review UI given OWNER/REPO#N', () => {
  it('score fetches and keeps the issue, then export and the review UI work on the copy offline', async () => {
    const ws = join(dir, 'scored-ws');
    const e = envFor({ TOC_REVIEW_REVIEWER: 'Ada Lovelace', TOC_REVIEW_EXIT_AFTER_FIRST_FRAME: '1' });
    const scored = await run(['score', 'acme/widget#7', '--workspace', ws, '--set', 'commit-flow=2', '--cite', 'commit-flow=3'], {}, e);
    expect(scored.stderr).toBe('');
    expect(scored.code).toBe(0);
    const copy = join(ws, 'fetched', 'acme', 'widget', 'widget-7.md');
    expect(readFileSync(copy, 'utf8')).toBe('# Incubation: Widget\n\nBody text.\n');
    const scoreFile = JSON.parse(readFileSync(join(ws, 'scores', 'widget-7', 'ada-lovelace.score.json'), 'utf8'));
    expect(scoreFile.document.path).toBe('fetched/acme/widget/widget-7.md');
    // The score file records where the copy came from: the issue's page.
    expect(scoreFile.document.origin).toBe('https://github.com/acme/widget/issues/7');
    const item = scoreFile.items.find((i: { id: string }) => i.id === 'commit-flow');
    expect(item.score).toBe(2);
    expect(item.cited).toEqual([{ startLine: 3, endLine: 3, quote: 'Body text.' }]);

    const offline = { ...e, GITHUB_API_URL: closedBase };
    const exported = await run(['export', 'acme/widget#7', '--workspace', ws, '-o', '-'], {}, offline);
    expect(exported.stderr).toBe('');
    expect(exported.code).toBe(0);
    expect(exported.stdout).toContain('Incubation: Widget');
    expect(exported.stdout).toContain('Body text.');
    // The issue is linked as the source; its page has no line anchors, so cited lines are not.
    expect(exported.stdout).toContain('(https://github.com/acme/widget/issues/7)');
    expect(exported.stdout).not.toMatch(/issues\/7[^)\s]*#L/);

    // The review UI, in the built binary (Ink wants a real stream), drawing its first frame.
    const review = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = execFile(process.execPath, [join(ROOT, 'bin/toc-review.js'), 'acme/widget#7', '--workspace', ws], { cwd: ROOT, env: { ...offline, COLUMNS: '100', LINES: '30' } }, (_error, stdout, stderr) =>
        resolve({ code: child.exitCode, stdout, stderr }),
      );
    });
    expect(review.stderr).toBe('');
    expect(review.code).toBe(0);
    expect(review.stdout).toContain('Incubation: Widget');
  });

  it('export of an issue with no kept copy says how to fetch it', async () => {
    const ws = join(dir, 'empty-ws');
    mkdirSync(ws, { recursive: true });
    const { code, stderr } = await run(['export', 'acme/widget#7', '--workspace', ws, '--reviewer', 'Ada'], {});
    expect(code).toBe(1);
    oneLine(stderr);
    expect(stderr).toContain(`export: acme/widget#7: no copy kept in ${ws} yet; fetch it first with: toc-review extract acme/widget#7 --workspace ${ws}`);
  });

  it('score says what went wrong fetching, in one line', async () => {
    const { code, stderr } = await run(['score', 'acme/widget#404', '--workspace', join(dir, 'ws-404'), '--reviewer', 'Ada', '--set', 'commit-flow=1']);
    expect(code).toBe(1);
    oneLine(stderr);
    expect(stderr).toMatch(/acme\/widget#404: not found \(HTTP 404\)/);
  });
});
