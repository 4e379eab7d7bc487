// GitHub Enterprise (issue 15): with GITHUB_API_URL=https://HOST/api/v3, issue and pull request
// pages on HOST are issue references, read through that API, and the page recorded and linked is
// the API's html_url. A local stand-in plays the server (API under /api/v3); its html_url names
// another host, so a page built by hand from the argument would show.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { runEnvironments } from '../helpers/run-env.js';
import { startGitHubApi, type GitHubApiServer } from '../helpers/github-api-server.js';

const SENTINEL = 'ghp_SENTINEL0enterprise0token0never0shown';
const HTML = 'https://ghe.example.com';
let ghe: GitHubApiServer;
let other: GitHubApiServer;
let dir: string;

const { envFor } = runEnvironments(() => dir, () => ({ TOC_REVIEW_NO_CACHE: '1', GITHUB_API_URL: `${ghe.base}/api/v3`, PATH: join(dir, 'empty-bin') }));

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'toc-ghe-'));
  mkdirSync(join(dir, 'empty-bin'));
  writeFileSync(join(dir, 'local.md'), '# Local review\n\nNothing here.\n');
  const issues = {
    'platform/apps#12': { title: 'Incubation: Apps', body: 'Apps is used in production by:\n\n- Initech\n- Hooli\n- Globex\n' },
    'platform/apps#13': { title: 'Proposal: Apps', body: 'A proposal.\n', pull_request: true },
  };
  ghe = await startGitHubApi({ issues, htmlBase: HTML });
  other = await startGitHubApi({ issues: {} });
});
afterAll(() => Promise.all([ghe.close(), other.close()]));

const run = (args: string[], env: NodeJS.ProcessEnv) => runCli(args, { cwd: dir, env });

describe('GitHub Enterprise issue addresses', () => {
  it('are read through GITHUB_API_URL, the page recorded being the API\'s html_url', async () => {
    const env = envFor({ GITHUB_TOKEN: SENTINEL });
    const before = ghe.hits.length;
    const page = `${ghe.base}/platform/apps/issues/12`;
    const { code, stdout, stderr } = await run(['extract', page, '--json'], env);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.document.path).toBe(page);
    expect(result.document.origin).toMatchObject({ kind: 'github-issue', url: `${HTML}/platform/apps/issues/12`, repository: 'platform/apps', number: 12 });
    expect(result.facts.adopters.map((a: { name: string }) => a.name)).toEqual(['Initech', 'Hooli', 'Globex']);
    expect(ghe.hits.slice(before).map((h) => [h.path, h.authorization])).toEqual([['/api/v3/repos/platform/apps/issues/12', `token ${SENTINEL}`]]);
  });

  it('take pull request pages, in a batch with files too', async () => {
    const env = envFor();
    const { code, stdout, stderr } = await run(['extract', 'local.md', `${ghe.base}/platform/apps/pull/13/files`, '--json'], env);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const [local, pull] = stdout.trimEnd().split('\n').map((line) => JSON.parse(line));
    expect(local.document.origin).toBeUndefined();
    expect(pull.document.origin).toMatchObject({ kind: 'github-pull', url: `${HTML}/platform/apps/pull/13`, number: 13 });
  });

  it('score records the html_url as the origin, and export links it', async () => {
    const env = envFor({ TOC_REVIEW_REVIEWER: 'Ada Lovelace', GITHUB_TOKEN: SENTINEL });
    const page = `${ghe.base}/platform/apps/issues/12`;
    const scored = await run(['score', page, '--set', 'production-users=2'], env);
    expect(scored.stderr).toBe('');
    expect(scored.code).toBe(0);
    const scoreFile = JSON.parse(readFileSync(join(env.TOC_REVIEW_CONFIG_DIR!, 'ws', 'scores', 'apps-12', 'ada-lovelace.score.json'), 'utf8'));
    expect(scoreFile.document.origin).toBe(`${HTML}/platform/apps/issues/12`);
    const exported = await run(['export', page, '-o', '-'], env);
    expect(exported.code).toBe(0);
    expect(exported.stdout).toContain(`(${HTML}/platform/apps/issues/12)`);
    for (const text of [scored.stdout, scored.stderr, exported.stdout, exported.stderr]) expect(text).not.toContain(SENTINEL);
    const written: string[] = [];
    const walk = (path: string) => (statSync(path).isDirectory() ? readdirSync(path).forEach((name) => walk(join(path, name))) : written.push(path));
    walk(env.TOC_REVIEW_CONFIG_DIR!);
    expect(written.some((f) => f.endsWith('apps-12.origin.json'))).toBe(true);
    for (const file of written) expect(readFileSync(file, 'utf8')).not.toContain(SENTINEL);
  });

  it('are plain addresses when GITHUB_API_URL names another server', async () => {
    const env = envFor({ GITHUB_API_URL: `${other.base}/api/v3` });
    const page = `${ghe.base}/platform/apps/issues/12`;
    const { code, stderr } = await run(['extract', page], env);
    expect(code).toBe(1);
    expect(stderr).toBe(`toc-review: ${page}: not found (HTTP 404); check the address\n`);
    expect(other.hits).toEqual([]);
  });
});
