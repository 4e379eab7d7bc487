// The built CLI's startup shortcuts must not change what users get: the shipped criteria set
// parsed at build time (scripts/build.mjs) equals the one parsed from its YAML now, an edited
// copy of it is parsed in full (with the edit), a broken one still fails with the file, line
// and field; and `extract --json` answered from the extraction cache prints the same bytes.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCriteriaSet } from '../../src/core/criteria/criteria.js';

const ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'toc-review.js');
const SHIPPED = join(ROOT, 'criteria', 'cncf-incubation.yaml');

let dir = '';

function cli(...args: string[]) {
  return spawnSync(process.execPath, [BIN, ...args], {
    cwd: dir,
    env: { ...process.env, TOC_REVIEW_CONFIG_DIR: join(dir, 'config'), NO_COLOR: '1' },
    encoding: 'utf8',
  });
}

beforeAll(() => {
  if (!existsSync(join(ROOT, 'dist', 'cli.js'))) execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT });
  dir = mkdtempSync(join(tmpdir(), 'toc-trims-'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('precompiled shipped criteria', () => {
  it.each(['cncf-incubation', 'cncf-incubation-dd', 'cncf-graduation-dd'])('shows the shipped set %s exactly as the YAML parses now', (id) => {
    const run = cli('criteria', 'show', id, '--json');
    expect(run.status, run.stderr).toBe(0);
    const path = join(ROOT, 'criteria', `${id}.yaml`);
    const fromSource = parseCriteriaSet(readFileSync(path, 'utf8'), path);
    const shown = JSON.parse(run.stdout) as Record<string, unknown>;
    // `criteria show --json` spells out each item's group (null when it has none).
    (fromSource as { items: { group?: string | null }[] }).items.forEach((item) => (item.group ??= null));
    // Compare every field the command prints with the set parsed from source.
    for (const [key, value] of Object.entries(shown)) {
      if (key in fromSource) expect(value, key).toEqual(JSON.parse(JSON.stringify((fromSource as unknown as Record<string, unknown>)[key])));
    }
    expect(shown.id).toBe(id);
  });

  it('parses an edited copy in full instead of reusing the shipped parse', () => {
    const edited = join(dir, 'edited.yaml');
    writeFileSync(edited, readFileSync(SHIPPED, 'utf8').replace(/^title: .*$/m, 'title: Edited incubation criteria'));
    const run = cli('criteria', 'show', edited, '--json');
    expect(run.status, run.stderr).toBe(0);
    expect((JSON.parse(run.stdout) as { title: string }).title).toBe('Edited incubation criteria');
  });

  it('still reports a broken copy with file, line and field', () => {
    const broken = join(dir, 'broken.yaml');
    writeFileSync(broken, readFileSync(SHIPPED, 'utf8').replace(/^title: .*$/m, 'title: ""'));
    const run = cli('criteria', 'show', broken);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/broken\.yaml:\d+: title:/);
  });
});

describe('extraction cache', () => {
  it('answers a repeated extract --json with the same bytes, and a changed document afresh', () => {
    copyFileSync(join(ROOT, 'test', 'fixtures', 'corpus', 'seeds', 'kube-ovn-2022-annual.md'), join(dir, 'doc.md'));
    const first = cli('extract', 'doc.md', '--json');
    expect(first.status, first.stderr).toBe(0);
    expect(readdirSync(join(dir, 'config', 'cache')).filter((n) => n.endsWith('.json'))).toHaveLength(1);
    const again = cli('extract', 'doc.md', '--json');
    expect(again.stdout).toBe(first.stdout);
    const uncached = spawnSync(process.execPath, [BIN, 'extract', 'doc.md', '--json'], {
      cwd: dir,
      env: { ...process.env, TOC_REVIEW_CONFIG_DIR: join(dir, 'config'), TOC_REVIEW_NO_CACHE: '1' },
      encoding: 'utf8',
    });
    expect(uncached.stdout).toBe(first.stdout);
    writeFileSync(join(dir, 'doc.md'), `${readFileSync(join(dir, 'doc.md'), 'utf8')}\n## Adopters\n\n- Zebra Cloud\n`);
    const changed = cli('extract', 'doc.md', '--json');
    expect(changed.stdout).not.toBe(first.stdout);
    expect(changed.stdout).toContain('Zebra Cloud');
  });
});
