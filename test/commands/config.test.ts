import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/score-fixtures.js';

function setup() {
  const dir = join(tempDir('toc-config-'), 'config');
  const env = { ...process.env, TOC_REVIEW_CONFIG_DIR: dir };
  return { dir, config: (...args: string[]) => runCli(['config', ...args], { env }) };
}

describe('toc-review config', () => {
  it('path points into TOC_REVIEW_CONFIG_DIR, never the real user config', async () => {
    const { dir, config } = setup();
    const { code, stdout } = await config('path');
    expect(code).toBe(0);
    expect(stdout).toBe(`${join(dir, 'config.json')}\n`);
  });

  it('set then get, per key and all at once; unset', async () => {
    const { dir, config } = setup();
    expect((await config('set', 'reviewer.name', '  Ada Lovelace ')).code).toBe(0);
    expect((await config('set', 'criteria', 'cncf-incubation')).code).toBe(0);
    expect(await config('get', 'reviewer.name')).toMatchObject({ code: 0, stdout: 'Ada Lovelace\n' });
    expect(JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8'))).toEqual({ reviewer: { name: 'Ada Lovelace' }, criteria: 'cncf-incubation' });
    const all = await config('get', '--json');
    expect(JSON.parse(all.stdout)).toEqual({ 'reviewer.name': 'Ada Lovelace', 'reviewer.handle': null, criteria: 'cncf-incubation', workspace: null });
    expect(await config('get', 'workspace')).toMatchObject({ code: 1, stdout: '', stderr: 'toc-review: config: workspace is not set (set it with: toc-review config set workspace VALUE)\n' });
    await config('unset', 'criteria');
    expect((await config('get', 'criteria')).code).toBe(1);
  });

  it('refuses unknown keys and bad handles (exit 2 / 1), writing nothing', async () => {
    const { dir, config } = setup();
    const unknown = await config('set', 'colour', 'blue');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr.split('\n')[0]).toBe('toc-review: config set: unknown setting "colour" (settings: reviewer.name, reviewer.handle, criteria, workspace)');
    const bad = await config('set', 'reviewer.handle', '../../etc');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/reviewer\.handle: "\.\.\/\.\.\/etc" must be a slug/);
    expect(existsSync(join(dir, 'config.json'))).toBe(false);
    expect((await config('set', 'reviewer.name')).code).toBe(2);
    expect((await config('frob')).code).toBe(2);
  });

  it('refuses an unknown criteria set or a missing workspace when set, and stores paths absolute', async () => {
    const { dir, config } = setup();
    const nope = await config('set', 'criteria', 'nope');
    expect(nope).toMatchObject({ code: 1, stderr: 'toc-review: unknown criteria set "nope" (shipped: cncf-graduation-dd, cncf-incubation-dd, cncf-incubation; or give a path to a YAML file)\n' });
    const missing = await config('set', 'workspace', '/nonexistent');
    expect(missing).toMatchObject({ code: 1, stderr: 'toc-review: config set workspace: /nonexistent: no such folder (create it first)\n' });
    expect(existsSync(join(dir, 'config.json'))).toBe(false);
    const root = tempDir('toc-config-ws-');
    mkdirSync(join(root, 'reviews'));
    writeFileSync(join(root, 'own.yaml'), readFileSync(join(import.meta.dirname, '../../criteria/cncf-incubation.yaml')));
    const env = { ...process.env, TOC_REVIEW_CONFIG_DIR: dir };
    expect((await runCli(['config', 'set', 'workspace', 'reviews'], { env, cwd: root })).code).toBe(0);
    expect((await runCli(['config', 'set', 'criteria', 'own.yaml'], { env, cwd: root })).code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8'))).toEqual({ workspace: join(root, 'reviews'), criteria: join(root, 'own.yaml') });
  });

  it('a hand-broken settings file gets a one-line error naming it', async () => {
    const { dir, config } = setup();
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'config.json'), '{"reviewer": ');
    const result = await config('get');
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`toc-review: ${join(dir, 'config.json')}: settings file is not valid JSON; fix it or delete it\n`);
    // Still says where it is, and a set does not overwrite the broken file.
    expect(await config('path')).toMatchObject({ code: 0, stdout: `${join(dir, 'config.json')}\n` });
    expect((await config('set', 'workspace', 'x')).code).toBe(1);
    expect(readFileSync(join(dir, 'config.json'), 'utf8')).toBe('{"reviewer": ');
    writeFileSync(join(dir, 'config.json'), '{"reviewer": {"handle": "Not A Slug"}}');
    const invalid = await config('get', 'reviewer.handle');
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toMatch(/config\.json: reviewer\.handle: "Not A Slug" must be a slug/);
  });
});
