// The built CLI's startup shortcuts (scripts/build.mjs) must not change what users get:
// the shipped criteria set parsed at build time equals the one parsed from its YAML now, an
// edited copy of it is parsed in full (with the edit), and a broken one still fails with the
// file, line and field.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCriteriaSet } from '../../src/core/criteria.js';

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
  it('shows the shipped set exactly as the YAML parses now', () => {
    const run = cli('criteria', 'show', 'cncf-incubation', '--json');
    expect(run.status, run.stderr).toBe(0);
    const fromSource = parseCriteriaSet(readFileSync(SHIPPED, 'utf8'), SHIPPED);
    const shown = JSON.parse(run.stdout) as Record<string, unknown>;
    // Compare every field the command prints with the set parsed from source.
    for (const [key, value] of Object.entries(shown)) {
      if (key in fromSource) expect(value, key).toEqual(JSON.parse(JSON.stringify((fromSource as unknown as Record<string, unknown>)[key])));
    }
    expect(shown.id).toBe('cncf-incubation');
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
