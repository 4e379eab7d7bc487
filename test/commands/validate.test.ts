import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { sampleWorkspace } from '../helpers/score-fixtures.js';

async function setup() {
  const ws = sampleWorkspace();
  for (const name of ['Ada', 'Bob']) {
    const r = await runCli(['score', 'reviews/lanternfish.md', '--workspace', 'reviews', '--reviewer', name, '--set', 'versioning=2'], { cwd: ws.root, env: ws.env });
    expect(r.code).toBe(0);
  }
  const dir = 'reviews/scores/lanternfish';
  const validate = (...args: string[]) => runCli(['validate', ...args], { cwd: ws.root, env: ws.env });
  return { ...ws, dir, validate };
}

describe('toc-review validate', () => {
  it('prints ok per valid file (a folder is searched) and exits 0', async () => {
    const { validate, dir } = await setup();
    const { code, stdout } = await validate('reviews');
    expect(code).toBe(0);
    expect(stdout).toBe(`ok       ${dir}/ada.score.json (ada, 1/4 scored)\nok       ${dir}/bob.score.json (bob, 1/4 scored)\n`);
  });

  it('a line per file, exit 1 when any is invalid, and the bad file left untouched', async () => {
    const { validate, dir, root } = await setup();
    const bad = join(root, dir, 'bob.score.json');
    const broken = readFileSync(bad, 'utf8').replace('"path": "lanternfish.md"', '"path": "../../../etc/passwd"');
    writeFileSync(bad, broken);
    writeFileSync(join(root, 'foreign.json'), '{"hello": "world"}');
    const { code, stdout } = await validate(`${dir}/ada.score.json`, `${dir}/bob.score.json`, 'foreign.json', 'missing.score.json');
    expect(code).toBe(1);
    expect(stdout.split('\n')).toEqual([
      `ok       ${dir}/ada.score.json (ada, 1/4 scored)`,
      `invalid  ${dir}/bob.score.json: document.path: must be a relative POSIX path inside the workspace (no leading "/", no "..")`,
      'invalid  foreign.json: schema: missing; not a toc-review score file',
      'invalid  missing.score.json: no such file',
      '',
    ]);
    expect(readFileSync(bad, 'utf8')).toBe(broken);
  });

  it('checks ids and scale values against the criteria set the file names', async () => {
    const { validate, dir, root } = await setup();
    const path = join(root, dir, 'ada.score.json');
    writeFileSync(path, readFileSync(path, 'utf8').replace('"score": 2', '"score": 5'));
    const { code, stdout } = await validate(`${dir}/ada.score.json`);
    expect(code).toBe(1);
    expect(stdout).toBe(`invalid  ${dir}/ada.score.json: items[3].score: 5 is not on the scale of cncf-incubation (0, 1, 2, 3)\n`);
  });

  it('reports an older schema version as valid, to be migrated, without changing it', async () => {
    const { validate, root } = await setup();
    const v0 = JSON.stringify({
      schema: 'toc-review/score@0',
      document: { path: 'lanternfish.md', sha256: 'a'.repeat(64), title: 'L' },
      criteria: { id: 'cncf-incubation', sha256: 'b'.repeat(64) },
      reviewer: { name: 'Old', handle: 'old' },
      recommendation: { verdict: null, notes: '' },
      items: { versioning: { score: 1 } },
      createdAt: '2025-01-01T00:00:00Z',
      updatedAt: '2025-01-01T00:00:00Z',
    });
    writeFileSync(join(root, 'old.score.json'), v0);
    const { code, stdout } = await validate('old.score.json', '--json');
    expect(code).toBe(0);
    const [report] = JSON.parse(stdout);
    expect(report).toMatchObject({ path: 'old.score.json', valid: true, schema: 'toc-review/score@0', scored: 1 });
    expect(report.notes.join(' ')).toMatch(/migrated \(with a backup\) when next opened/);
    expect(readFileSync(join(root, 'old.score.json'), 'utf8')).toBe(v0);
  });

  it('neutralises terminal escapes in the names and values it prints', async () => {
    const { validate, root } = await setup();
    writeFileSync(join(root, 'evil.json'), JSON.stringify({ schema: '\u001b]52;c;aGk=\u0007x' }));
    const { stdout } = await validate('evil.json');
    expect(stdout).not.toMatch(/[\u001b\u0007]/);
    expect(stdout).toMatch(/^invalid  evil\.json: schema: /);
  });

  it('needs a file', async () => {
    const { validate } = await setup();
    expect((await validate()).code).toBe(2);
  });
});
