// `toc-review export --since DOC`: a one-reviewer export gains what changed since an earlier
// version of the document, on the Driftwood pair of test/fixtures/compare/.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/score-fixtures.js';

const FIXTURES = join(import.meta.dirname, '../fixtures/compare');

async function scoredWorkspace() {
  const root = tempDir('toc-export-since-');
  mkdirSync(join(root, 'reviews'));
  for (const name of ['driftwood-2024-annual.md', 'driftwood-2025-annual.md']) copyFileSync(join(FIXTURES, name), join(root, 'reviews', name));
  const env: NodeJS.ProcessEnv = { ...process.env, TOC_REVIEW_CONFIG_DIR: join(root, 'config'), TOC_REVIEW_NOW: '2026-12-01T10:00:00Z' };
  delete env.TOC_REVIEW_REVIEWER;
  const scored = await runCli(['score', 'reviews/driftwood-2025-annual.md', '--workspace', 'reviews', '--reviewer', 'Ada', '--set', 'commit-flow=2'], { cwd: root, env });
  expect(scored.code, scored.stderr).toBe(0);
  const exportDoc = (...args: string[]) => runCli(['export', 'reviews/driftwood-2025-annual.md', '--workspace', 'reviews', '--reviewer', 'Ada', ...args], { cwd: root, env });
  return { root, env, exportDoc };
}

describe('export --since', () => {
  it('adds a "Since the last review" section before the gaps, citing both documents', async () => {
    const { exportDoc } = await scoredWorkspace();
    const plain = await exportDoc();
    const { code, stdout, stderr } = await exportDoc('--since', 'reviews/driftwood-2024-annual.md');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(plain.stdout).not.toContain('Since the last review');
    const since = stdout.indexOf('### Since the last review');
    expect(since).toBeGreaterThan(stdout.indexOf('### Criteria'));
    expect(since).toBeLessThan(stdout.indexOf('### Gaps and questions for the project'));
    expect(stdout).toMatch(/^#### Adopters: 4 named before, 4 now$/m);
    expect(stdout).toMatch(/^- added: Northwind GmbH \(new line 13\)$/m);
    expect(stdout).toMatch(/^- changed: Ana Souza: affiliation Acme Corp -> Globex \(old line 19, new line 19\)$/m);
    // Everything else is the export without --since.
    const section = stdout.slice(since, stdout.indexOf('### Gaps'));
    expect(stdout.replace(section, '')).toBe(plain.stdout);
  });

  it('--format json carries the diff as "since"', async () => {
    const { exportDoc } = await scoredWorkspace();
    const { code, stdout } = await exportDoc('--since', 'reviews/driftwood-2024-annual.md', '--format', 'json');
    expect(code).toBe(0);
    const data = JSON.parse(stdout);
    expect(data.since.schema).toBe('toc-review/diff@1');
    expect(data.since.maintainers.left.map((m: { name: string }) => m.name)).toEqual(['Tom Reed']);
  });

  it('adds the same section to a panel, after the notes by criterion, and "since" to its json', async () => {
    const { root, env, exportDoc } = await scoredWorkspace();
    const bob = await runCli(['score', 'reviews/driftwood-2025-annual.md', '--workspace', 'reviews', '--reviewer', 'Bob', '--set', 'commit-flow=3'], { cwd: root, env });
    expect(bob.code, bob.stderr).toBe(0);
    const plain = await exportDoc('--panel');
    const { code, stdout, stderr } = await exportDoc('--panel', '--since', 'reviews/driftwood-2024-annual.md');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^\| Criterion \| Ada \| Bob \|/m);
    const since = stdout.indexOf('### Since the last review');
    expect(since).toBeGreaterThan(stdout.indexOf('### Notes by criterion'));
    expect(since).toBeLessThan(stdout.indexOf('### Gaps and questions for the project'));
    expect(stdout).toMatch(/^- removed: Quillon Ltd \(old line 13\)$/m);
    expect(stdout).toMatch(/^- left: Tom Reed \(`@tomreed`, Acme Corp\) \(old line 21\)$/m);
    const section = stdout.slice(since, stdout.indexOf('### Gaps'));
    expect(stdout.replace(section, '')).toBe(plain.stdout);

    const json = await exportDoc('--panel', '--since', 'reviews/driftwood-2024-annual.md', '--format', 'json');
    expect(json.code).toBe(0);
    const data = JSON.parse(json.stdout);
    expect(data.reviewers.map((r: { handle: string }) => r.handle)).toEqual(['ada', 'bob']);
    expect(data.since.adopters.added.map((a: { name: string }) => a.name)).toEqual(['Northwind GmbH']);
  });

  it('--since-predecessor compares with the workspace\'s predecessor: matched, chosen or none', async () => {
    const { root, env, exportDoc } = await scoredWorkspace();
    const given = await exportDoc('--since', 'reviews/driftwood-2024-annual.md');
    const matched = await exportDoc('--since-predecessor');
    expect(matched.code, matched.stderr).toBe(0);
    expect(matched.stderr).toBe('toc-review: export: reviews/driftwood-2025-annual.md compared with reviews/driftwood-2024-annual.md (the earlier document of the same project)\n');
    expect(matched.stdout).toBe(given.stdout);

    // The earlier document has none.
    const old = await runCli(['score', 'reviews/driftwood-2024-annual.md', '--workspace', 'reviews', '--reviewer', 'Ada', '--set', 'commit-flow=1'], { cwd: root, env });
    expect(old.code, old.stderr).toBe(0);
    const none = await runCli(['export', 'reviews/driftwood-2024-annual.md', '--workspace', 'reviews', '--reviewer', 'Ada', '--since-predecessor'], { cwd: root, env });
    expect(none.code).toBe(1);
    expect(none.stderr).toBe(
      'toc-review: export: --since-predecessor: reviews/driftwood-2024-annual.md has no predecessor in its workspace (no earlier document of the same project, or none chosen with p in the workspace list); give --since DOC\n',
    );

    // A choice kept in the workspace wins: none here.
    writeFileSync(join(root, 'reviews', '.toc-review-workspace.json'), '{ "schema": "toc-review/workspace@1", "predecessors": { "driftwood-2025-annual.md": null } }\n');
    const chosenNone = await exportDoc('--since-predecessor');
    expect(chosenNone.code).toBe(1);
    expect(chosenNone.stderr).toContain('has no predecessor in its workspace');
    writeFileSync(join(root, 'reviews', '.toc-review-workspace.json'), '{ "schema": "toc-review/workspace@1", "predecessors": { "driftwood-2025-annual.md": "../elsewhere.md" } }\n');
    const bad = await exportDoc('--since-predecessor');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^toc-review: .*reviews\/\.toc-review-workspace\.json: predecessors\."driftwood-2025-annual\.md": must be a document path inside the workspace, or null for none\n$/);

    const both = await exportDoc('--since-predecessor', '--since', 'reviews/driftwood-2024-annual.md');
    expect(both.code).toBe(2);
    expect(both.stderr.split('\n')[0]).toBe('toc-review: export: give --since DOC or --since-predecessor, not both');
  });

  it('refuses --format dd, a missing earlier document, and writing over it', async () => {
    const { root, exportDoc } = await scoredWorkspace();
    const dd = await exportDoc('--since', 'reviews/driftwood-2024-annual.md', '--format', 'dd');
    expect(dd.code).toBe(2);
    expect(dd.stderr.split('\n')[0]).toBe("toc-review: export: --since adds to an md or json summary (one reviewer's or a panel's), not to --format dd");
    const missing = await exportDoc('--since', 'reviews/nope.md');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^toc-review: reviews\/nope\.md: .+\n$/);
    const before = readFileSync(join(root, 'reviews', 'driftwood-2024-annual.md'), 'utf8');
    const over = await exportDoc('--since', 'reviews/driftwood-2024-annual.md', '-o', 'reviews/driftwood-2024-annual.md', '--force');
    expect(over.code).toBe(1);
    expect(readFileSync(join(root, 'reviews', 'driftwood-2024-annual.md'), 'utf8')).toBe(before);
  });
});
