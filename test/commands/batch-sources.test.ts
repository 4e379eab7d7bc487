// Batches that mix files, http(s) addresses and GitHub issues (issue 15): `extract` and `triage`
// read each reference as they read it alone (fetched and kept, or from the kept copy), one
// result per document in the order given, a failing reference reported on its own line while
// the rest go on (exit 1), and the progress bar counting every kind of document.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as extract from '../../src/commands/extract.js';
import { runCli } from '../helpers/cli.js';
import { runEnvironments } from '../helpers/run-env.js';
import { startGitHubApi, type GitHubApiServer } from '../helpers/github-api-server.js';
import { startLinkServer, type LinkServer } from '../helpers/link-server.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SEED = join(ROOT, 'test/fixtures/corpus/seeds/karmada-2022-annual.md');
const SENTINEL = 'ghp_SENTINEL0batch0token0never0shown';
let api: GitHubApiServer;
let web: LinkServer;
let dir: string;
let closedBase: string;

/** Its own settings and workspace per run, so what a run keeps can be looked at alone. */
const { envFor } = runEnvironments(() => dir, () => ({ TOC_REVIEW_NO_CACHE: '1', GITHUB_API_URL: api.base, PATH: join(dir, 'empty-bin') }));

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'toc-batch-sources-'));
  mkdirSync(join(dir, 'empty-bin'));
  mkdirSync(join(dir, 'docs'));
  writeFileSync(join(dir, 'docs', 'a.md'), readFileSync(SEED));
  api = await startGitHubApi({
    issues: {
      'acme/widget#7': { title: 'Incubation: Widget', body: 'Widget is used in production by:\n\n- Initech\n- Hooli\n', comments: [{ login: 'ada', created_at: '2026-03-04T10:00:00Z', body: 'We merged 41 PRs per month.' }] },
      'acme/gadget#9': { title: 'Graduation: Gadget', body: 'Gadget has 12 maintainers.\n', pull_request: true },
    },
  });
  web = await startLinkServer({ files: { '/reviews/gizmo.md': '# Gizmo annual review\n\n## Releases\n\nThe latest release is v2.1.0.\n' } });
  const closed = await startGitHubApi({ issues: {} });
  closedBase = closed.base;
  await closed.close();
});
afterAll(() => Promise.all([api.close(), web.close()]));

const run = (args: string[], env = envFor()) => runCli(args, { cwd: dir, env });
/** The run's workspace as the output shows it: relative to the working directory. */
const ws = (env: NodeJS.ProcessEnv) => `${env.TOC_REVIEW_CONFIG_DIR!.slice(dir.length + 1)}/ws`;
const lines = (stdout: string) => stdout.trimEnd().split('\n').map((line) => JSON.parse(line));

describe('extract with files, URLs and issues in one batch', () => {
  it('prints one JSON line each, in the order given, each with its document origin', async () => {
    const url = `${web.base}/reviews/gizmo.md`;
    const { code, stdout, stderr } = await run(['extract', 'docs/a.md', 'acme/widget#7', url, 'https://github.com/acme/gadget/pull/9', '--json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const results = lines(stdout);
    expect(results.map((r) => r.document.path)).toEqual(['docs/a.md', 'acme/widget#7', url, 'https://github.com/acme/gadget/pull/9']);
    expect(results[0].document.origin).toBeUndefined();
    expect(results[1].document.origin).toMatchObject({ kind: 'github-issue', repository: 'acme/widget', number: 7, comments: null });
    expect(results[3].document.origin).toMatchObject({ kind: 'github-pull', number: 9, url: 'https://github.com/acme/gadget/pull/9' });
    expect(results[1].facts.adopters.map((a: { name: string }) => a.name)).toEqual(['Initech', 'Hooli']);
    expect(results[2].document.title).toBe('Gizmo annual review');
  });

  it('gives each reference the same result as extracting it alone', async () => {
    const env = envFor();
    const alone = JSON.parse((await run(['extract', 'acme/widget#7', '--json'], env)).stdout);
    const batch = lines((await run(['extract', 'docs/a.md', 'acme/widget#7', '--json'], env)).stdout);
    expect(batch[1]).toEqual(alone);
  });

  it('reads kept copies without the network, and --refresh and --comments apply to the issues', async () => {
    const env = envFor();
    expect((await run(['extract', 'acme/widget#7', 'acme/gadget#9', '--json'], env)).code).toBe(0);
    const offline = await run(['extract', 'acme/widget#7', 'docs/a.md', 'acme/gadget#9', '--json'], { ...env, GITHUB_API_URL: closedBase });
    expect(offline.stderr).toBe('');
    expect(offline.code).toBe(0);
    expect(lines(offline.stdout).map((r) => r.document.origin?.copy ?? null)).toEqual([`${ws(env)}/fetched/acme/widget/widget-7.md`, null, `${ws(env)}/fetched/acme/gadget/gadget-9.md`]);
    const refreshed = await run(['extract', 'acme/widget#7', 'docs/a.md', 'acme/gadget#9', '--refresh', '--json'], env);
    expect(refreshed.code).toBe(0);
    expect(refreshed.stderr.split('\n').filter(Boolean)).toEqual([
      expect.stringMatching(/^toc-review: acme\/widget#7: unchanged since the copy fetched /),
      expect.stringMatching(/^toc-review: acme\/gadget#9: unchanged since the copy fetched /),
    ]);
    const withComments = lines((await run(['extract', 'acme/widget#7', 'docs/a.md', '--comments', '--json'], env)).stdout);
    expect(withComments[0].document.origin.comments).toBe(1);
    expect(withComments[0].facts.metrics).toContainEqual(expect.objectContaining({ kind: 'merged_prs', value: 41 }));
  });

  it('reports a failing reference on its own line, goes on with the rest and exits 1', async () => {
    const { code, stdout, stderr } = await run(['extract', 'acme/widget#404', 'docs/a.md', `${web.base}/missing`, 'acme/widget#7', '--json']);
    expect(code).toBe(1);
    expect(lines(stdout).map((r) => r.document.path)).toEqual(['docs/a.md', 'acme/widget#7']);
    expect(stderr.split('\n').filter(Boolean)).toEqual([
      expect.stringMatching(/^toc-review: acme\/widget#404: not found \(HTTP 404\); check the owner, repository and number/),
      `toc-review: ${web.base}/missing: not found (HTTP 404); check the address`,
    ]);
  });

  it('counts references in the progress bar on a terminal', async () => {
    const stream = (isTTY: boolean) => {
      const out = { text: '', isTTY, columns: 80, write: (t: string) => ((out.text += t), true) };
      return out;
    };
    const stdout = stream(false);
    const stderr = stream(true);
    const code = await extract.run(['docs/a.md', 'acme/widget#7', 'acme/gadget#9'], { stdout, stderr, env: envFor(), cwd: dir });
    expect(code).toBe(0);
    expect(stderr.text).toMatch(/\r\x1b\[K\[#+\] 3\/3 acme\/gadget#9/);
    expect(stdout.text).toContain('==> acme/widget#7 <==');
  });

  it('refuses --comments when no document is an issue', async () => {
    const { code, stderr } = await run(['extract', 'docs/a.md', `${web.base}/reviews/gizmo.md`, '--comments']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/--comments is for GitHub issues and pull requests/);
  });
});

describe('triage with files, URLs and issues', () => {
  it('one row per document (sorted by document), failures reported and the rest kept', async () => {
    const url = `${web.base}/reviews/gizmo.md`;
    const { code, stdout, stderr } = await run(['triage', 'acme/gadget#9', 'docs/a.md', url, 'acme/nope#1', 'acme/widget#7', '--format', 'json']);
    expect(code).toBe(1);
    expect(stderr.split('\n').filter(Boolean)).toEqual([expect.stringMatching(/^toc-review: acme\/nope#1: not found \(HTTP 404\)/)]);
    const { rows } = JSON.parse(stdout);
    expect(rows.map((r: { document: string }) => r.document)).toEqual(['acme/gadget#9', 'acme/widget#7', 'docs/a.md', url]);
    expect(rows.find((r: { document: string }) => r.document === 'acme/widget#7').adopters).toBe(2);
  });
});

describe('the token in a batch', () => {
  it('never appears in output or in any file written', async () => {
    const env = envFor({ GITHUB_TOKEN: SENTINEL });
    const outputs: string[] = [];
    for (const args of [
      ['extract', 'acme/widget#7', 'acme/gadget#9', 'acme/widget#404', '--json', '--debug'],
      ['extract', 'acme/widget#7', 'docs/a.md', '--refresh'],
      ['triage', 'acme/widget#7', 'acme/gadget#9', `${web.base}/reviews/gizmo.md`, '--format', 'csv'],
    ]) {
      const { stdout, stderr } = await run(args, env);
      outputs.push(stdout, stderr);
    }
    expect(api.hits.some((h) => h.authorization === `token ${SENTINEL}`)).toBe(true);
    for (const text of outputs) expect(text).not.toContain(SENTINEL);
    const { readdirSync, statSync } = await import('node:fs');
    const files: string[] = [];
    const walk = (path: string) => {
      if (statSync(path).isDirectory()) for (const name of readdirSync(path)) walk(join(path, name));
      else files.push(path);
    };
    walk(env.TOC_REVIEW_CONFIG_DIR!);
    expect(files.some((f) => f.endsWith('gadget-9.origin.json'))).toBe(true);
    for (const file of files) expect(readFileSync(file, 'utf8')).not.toContain(SENTINEL);
  });
});
