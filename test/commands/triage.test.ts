import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { startLinkServer, type LinkServer } from '../helpers/link-server.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SEED = join(ROOT, 'test/fixtures/corpus/seeds/kube-ovn-2022-annual.md');
let dir: string;
let env: NodeJS.ProcessEnv;
let server: LinkServer;

beforeAll(async () => {
  server = await startLinkServer();
  dir = mkdtempSync(join(tmpdir(), 'toc-triage-'));
  env = { ...process.env, TOC_REVIEW_CONFIG_DIR: join(dir, 'config'), TOC_REVIEW_NO_CACHE: '' };
  delete env.TOC_REVIEW_NO_CACHE;
  mkdirSync(join(dir, 'queue', 'gizmo'), { recursive: true });
  mkdirSync(join(dir, 'reviews'));
  writeFileSync(join(dir, 'queue', 'kube-ovn-2022-annual.md'), readFileSync(SEED));
  // Written for this test: an application with a placeholder, a broken and another project's link.
  writeFileSync(
    join(dir, 'queue', 'gizmo', 'gizmo-incubation-application.md'),
    [
      '# [Incubation] Gizmo Incubation Application',
      '',
      'Project Repo(s): https://github.com/gizmo-dev/gizmo, site: $URL',
      '',
      '## Adopters',
      '',
      'Gizmo is used in production by these adopters:',
      '',
      '- Initech, see [their case study](' + server.base + '/ok)',
      '- Hooli, see [the talk](' + server.base + '/missing)',
      '- Globex, listed in https://github.com/otherproj/other/blob/main/ADOPTERS.md',
      '',
    ].join('\n'),
  );
});
afterAll(() => server.close());

const run = (args: string[]) => runCli(args, { cwd: dir, env });

describe('toc-review triage', () => {
  it('prints one row per document with kind, project, counts and link problems', async () => {
    // Only the document whose links all point at the local server is checked online.
    const { code, stdout, stderr } = await run(['triage', 'queue/gizmo', '--format', 'json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out.criteria.map((c: { id: string }) => c.id)).toEqual(['production-users', 'committer-health', 'commit-flow', 'versioning']);
    const [gizmo] = out.rows;
    expect(gizmo.document).toBe('queue/gizmo/gizmo-incubation-application.md');
    expect([gizmo.project, gizmo.kind]).toEqual(['Gizmo', 'application']);
    expect(gizmo.links.map((l: { line: number; kind: string }) => [l.line, l.kind])).toEqual([
      [3, 'placeholder'],
      [10, 'unresolved'],
      [11, 'other-project'],
    ]);
    expect(gizmo.links[1].detail).toBe('returned 404');
    expect(gizmo.gaps).toBeGreaterThanOrEqual(3);
    const offline = JSON.parse((await run(['triage', 'queue', '--format', 'json', '--offline'])).stdout);
    const kubeOvn = offline.rows[1];
    expect([kubeOvn.project, kubeOvn.kind]).toEqual(['Kube-OVN', 'annual-review']);
    expect(kubeOvn.maintainers).toBeGreaterThan(0);
    // Link answers are kept in the workspace (./reviews here).
    expect(existsSync(join(dir, 'reviews', '.cache', 'link-checks.json'))).toBe(true);
  });

  it('asks no server with --offline and sorts with --sort', async () => {
    const before = server.hits.length;
    const { code, stdout } = await run(['triage', 'queue', '--offline', '--format', 'csv', '--sort=-gaps']);
    expect(code).toBe(0);
    expect(server.hits.length).toBe(before);
    const lines = stdout.trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^document,project,kind,production-users,committer-health,commit-flow,versioning,adopters,maintainers,orgs,gaps,link problems$/);
    const gaps = lines.slice(1).map((l) => Number(l.split(',')[10]));
    expect(gaps).toEqual([...gaps].sort((a, b) => b - a));
  });

  it('reports a bad document and goes on, and refuses a bad format or sort key', async () => {
    writeFileSync(join(dir, 'bad.md'), Buffer.from([0, 1, 2]));
    const { code, stdout, stderr } = await run(['triage', 'bad.md', 'queue/kube-ovn-2022-annual.md', '--offline']);
    expect(code).toBe(1);
    expect(stderr).toBe('toc-review: bad.md: binary file (NUL byte found), not a markdown document\n');
    expect(stdout.split('\n')[1]).toMatch(/^queue\/kube-ovn-2022-annual\.md\s+Kube-OVN\s+annual review/);
    expect((await run(['triage', 'queue', '--format', 'xml'])).code).toBe(2);
    expect((await run(['triage', 'queue', '--sort', 'colour'])).code).toBe(2);
    expect((await run(['triage'])).code).toBe(2);
  });
});

describe('toc-review extract --check-links', () => {
  it('adds link problems as gaps of their criterion with the line, and lists them in links', async () => {
    const { code, stdout } = await run(['extract', 'queue/gizmo/gizmo-incubation-application.md', '--json', '--check-links']);
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.links.map((l: { line: number }) => l.line)).toEqual([3, 10, 11]);
    const users = result.criteria.find((c: { id: string }) => c.id === 'production-users');
    expect(users.gaps).toContain(`line 10: ${server.base}/missing returned 404`);
    const plain = JSON.parse((await run(['extract', 'queue/gizmo/gizmo-incubation-application.md', '--json'])).stdout);
    expect(plain.links).toBeUndefined();
  });
});
