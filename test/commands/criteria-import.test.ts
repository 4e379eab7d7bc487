// `toc-review criteria import` and templates given where a set is expected (on-the-fly import).
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCriteriaSet } from '../../src/core/criteria/criteria.js';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/score-fixtures.js';

const FIXTURES = join(import.meta.dirname, '../fixtures/templates');

function setup() {
  const dir = tempDir('toc-import-');
  for (const name of ['checklist-v1.md', 'checklist-v2.md', 'no-items.md', 'checklist-messy.md']) copyFileSync(join(FIXTURES, name), join(dir, name));
  const env = { ...process.env, TOC_REVIEW_CONFIG_DIR: join(dir, 'config') };
  const cli = (...args: string[]) => runCli(args, { cwd: dir, env });
  return { dir, cli };
}

describe('criteria import', () => {
  it('writes a valid set and says what it found', async () => {
    const { dir, cli } = setup();
    const result = await cli('criteria', 'import', 'checklist-v1.md', '-o', 'set.yaml');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('toc-review: checklist-v1.md: 8 items in 3 groups (6 required, 2 suggested), 2 form fields skipped, version v2.1; wrote set.yaml\n');
    const set = parseCriteriaSet(readFileSync(join(dir, 'set.yaml'), 'utf8'), 'set.yaml');
    expect(set.items).toHaveLength(8);
    const shown = JSON.parse((await cli('criteria', 'show', join(dir, 'set.yaml'), '--json')).stdout);
    expect(shown.items[0]).toMatchObject({ group: 'Process Basics', required: false });
  });

  it('prints the YAML without -o, and JSON with --json', async () => {
    const { cli } = setup();
    const yaml = await cli('criteria', 'import', 'checklist-v1.md');
    expect(yaml.stdout).toMatch(/^# Criteria set imported by/);
    expect(parseCriteriaSet(yaml.stdout, 'stdout').items).toHaveLength(8);
    const json = JSON.parse((await cli('criteria', 'import', 'checklist-v1.md', '--json')).stdout);
    expect(json).toMatchObject({ skipped: 2, changes: null });
    expect(json.set.items.map((i: { id: string }) => i.id)).toContain('publish-roadmap');
  });

  it('re-imported into the same file, keeps ids and lists added, removed and reworded items', async () => {
    const { dir, cli } = setup();
    await cli('criteria', 'import', 'checklist-v1.md', '-o', 'set.yaml');
    const result = await cli('criteria', 'import', 'checklist-v2.md', '-o', 'set.yaml');
    expect(result.code).toBe(0);
    const lines = result.stderr.trim().split('\n');
    expect(lines[1]).toBe('toc-review: against set.yaml: 2 added, 2 removed, 1 reworded');
    expect(lines).toContain('  reworded  write-technical-review: "Write a technical review." -> "Write a technical review and keep it current."');
    expect(lines).toContain('  added     sign-contributor-agreement: Sign the contributor agreement.');
    expect(lines).toContain('  removed   keep-resources-free-one-vendor: Keep project resources free of any one vendor.');
    const set = parseCriteriaSet(readFileSync(join(dir, 'set.yaml'), 'utf8'), 'set.yaml');
    expect(set.id).toBe('example-level-application');
    expect(set.items.map((i) => i.id)).toContain('write-technical-review');
    // --previous names the old set explicitly; the output is then a new file.
    const again = await cli('criteria', 'import', 'checklist-v2.md', '--previous', 'set.yaml', '-o', 'next.yaml');
    expect(again.stderr).toContain('against set.yaml: 0 added, 0 removed, 0 reworded');
  });

  it('fails in one line naming the file and the accepted shapes when there are no items; writes nothing', async () => {
    const { dir, cli } = setup();
    const result = await cli('criteria', 'import', 'no-items.md', '-o', 'set.yaml');
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^toc-review: no-items\.md: no template items found \(accepted: checkbox items .*bulleted questions.*bold statements/);
    expect(existsSync(join(dir, 'set.yaml'))).toBe(false);
  });

  it('refuses a broken previous set without touching it', async () => {
    const { dir, cli } = setup();
    writeFileSync(join(dir, 'set.yaml'), 'id: [broken\n');
    const result = await cli('criteria', 'import', 'checklist-v1.md', '-o', 'set.yaml');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/set\.yaml:\d+: YAML syntax error/);
    expect(readFileSync(join(dir, 'set.yaml'), 'utf8')).toBe('id: [broken\n');
  });

  it('is in the help, and its options are refused elsewhere', async () => {
    const { cli } = setup();
    expect((await cli('criteria', '--help')).stdout).toContain('toc-review criteria import <template.md>');
    const misuse = await cli('criteria', 'list', '-o', 'x.yaml');
    expect(misuse.code).toBe(2);
    expect(misuse.stderr).toContain('--output is an option of criteria import');
  });
});

describe('a markdown template where a set is expected', () => {
  it('criteria show imports it on the fly and says so on stderr', async () => {
    const { dir, cli } = setup();
    const result = await cli('criteria', 'show', join(dir, 'checklist-v1.md'), '--json');
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/checklist-v1\.md: a markdown template; imported on the fly as criteria set "example-level-application" \(8 items/);
    expect(JSON.parse(result.stdout).items).toHaveLength(8);
  });

  it('extract --criteria template.md uses the imported items', async () => {
    const { cli } = setup();
    const result = await cli('extract', 'checklist-messy.md', '--criteria', 'checklist-v1.md', '--json');
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('imported on the fly');
    const ids = JSON.parse(result.stdout).criteria.map((c: { id: string }) => c.id);
    expect(ids).toEqual(['present-design-technical-group', 'write-technical-review', 'keep-resources-free-one-vendor', 'governance-changed-learned-using-history-shows', 'list-every-maintainer-name-contact-area', 'enough-active-maintainers-size', 'publish-roadmap', 'document-releases-made']);
  });
});
