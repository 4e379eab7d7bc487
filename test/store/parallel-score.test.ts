// Many `score` processes on one score file at once, as a script that scores in parallel runs
// them: the built binary spawned 20 times. Different items all land; on one item the last write
// wins and every run says which value it replaced, so none is lost unnoticed. Only a live
// interactive session makes a write fail (after the wait, naming it); a killed holder's lock is
// taken over at once. Figures are printed for the closing note of issue 17.
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { lockPathFor } from '../../src/store/lock.js';
import { scoreFilePath } from '../../src/store/score-store.js';
import { BIN, runBin } from '../hostile/helpers.js';
import { sampleWorkspace } from '../helpers/score-fixtures.js';
import { bundleChild, startChild, type RunningChild } from './child.js';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

function score(args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<Run> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, 'score', ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr, ms: Date.now() - started }));
  });
}

/** A criteria set of `n` items (the shipped one has four; twenty writers need twenty items). */
function wideCriteria(dir: string, n: number): string {
  const items = Array.from({ length: n }, (_, i) => `  - id: item-${i + 1}\n    title: Item ${i + 1}\n    question: Is item ${i + 1} met?\n`).join('');
  const yaml = `id: wide\ntitle: Wide\nversion: 1\nscale:\n  - value: 0\n    label: No\n    meets: false\n  - value: 1\n    label: Partly\n    meets: false\n  - value: 2\n    label: Yes\n    meets: true\nitems:\n${items}`;
  const path = join(dir, 'wide.yaml');
  writeFileSync(path, yaml);
  return path;
}

const children: RunningChild[] = [];
afterEach(async () => {
  for (const running of children.splice(0)) {
    running.child.kill('SIGKILL');
    await running.exited;
  }
});

let script: string;
beforeAll(async () => {
  runBin(['--version']); // builds dist/ when missing
  script = await bundleChild();
}, 60_000);

const WRITERS = 20;
// Twenty node processes starting at once on a loaded 2-core machine take tens of seconds.
const SLOW = 180_000;

describe('parallel score processes on one file', () => {
  it(`${WRITERS} processes each setting a different item: all land`, async () => {
    const { workspace, doc, env } = sampleWorkspace();
    const criteria = wideCriteria(workspace, WRITERS);
    const args = (i: number) => [doc, '--workspace', workspace, '--reviewer', 'Para Llel', '--criteria', criteria, '--set', `item-${i + 1}=${(i % 2) + 1}`];
    const runs = await Promise.all(Array.from({ length: WRITERS }, (_, i) => score(args(i), workspace, env)));
    const refused = runs.filter((r) => r.code !== 0);
    const file = JSON.parse(readFileSync(scoreFilePath(workspace, doc, 'para-llel'), 'utf8')) as { items: { id: string; score: number | null }[] };
    const landed = file.items.filter((item, i) => item.id === `item-${i + 1}` && item.score === (i % 2) + 1).length;
    console.log(`parallel score, different items: ${WRITERS} processes started, ${landed} changes landed, ${refused.length} refusals, slowest ${Math.max(...runs.map((r) => r.ms))} ms`);
    expect(refused.map((r) => r.stderr)).toEqual([]);
    expect(landed).toBe(WRITERS);
    runs.forEach((run, i) => expect(run.stdout).toContain(`changed item-${i + 1}: score ${(i % 2) + 1}`));
  }, SLOW);

  it(`${WRITERS} processes setting the same item: the last wins, each reports the value it replaced`, async () => {
    const { workspace, doc, env } = sampleWorkspace();
    const args = (i: number) => [doc, '--workspace', workspace, '--reviewer', 'Para Llel', '--note', `production-users=note ${i}`];
    const runs = await Promise.all(Array.from({ length: WRITERS }, (_, i) => score(args(i), workspace, env)));
    expect(runs.filter((r) => r.code !== 0).map((r) => r.stderr)).toEqual([]);
    const file = JSON.parse(readFileSync(scoreFilePath(workspace, doc, 'para-llel'), 'utf8')) as { items: { id: string; notes: string }[] };
    const final = file.items.find((item) => item.id === 'production-users')!.notes;
    // Each run replaced what the one before it saved: the replaced values are every run's note
    // but the final one, plus the empty start, each exactly once (a chain with no gap).
    const replaced = runs.map((r) => /changed production-users: notes "note \d+", replacing (none|"note \d+")/.exec(r.stdout)?.[1]).sort();
    const expected = ['none', ...Array.from({ length: WRITERS }, (_, i) => `"note ${i}"`).filter((n) => n !== JSON.stringify(final))].sort();
    expect(replaced).toEqual(expected);
    console.log(`parallel score, same item: ${WRITERS} processes started, ${WRITERS} saves reported, final value ${JSON.stringify(final)}, 0 lost unreported`);
  }, SLOW);

  it('a live interactive session makes score fail after the wait, naming it; the lock records its kind', async () => {
    const { workspace, doc, env } = sampleWorkspace();
    const holder = startChild(script, 'hold', workspace, doc);
    children.push(holder);
    await holder.waitFor(/^open locked/);
    const lock = JSON.parse(readFileSync(lockPathFor(scoreFilePath(workspace, doc, 'crash')), 'utf8')) as { kind: string; pid: number };
    expect(lock).toMatchObject({ kind: 'interactive', pid: holder.child.pid });
    const run = await score([doc, '--workspace', workspace, '--reviewer', 'Crash Test', '--handle', 'crash', '--set', 'versioning=2', '--wait', '1.5'], workspace, env);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain(`an interactive session, pid ${holder.child.pid}`);
    expect(run.stderr).toContain('after waiting 1.5 s');
    expect(run.ms).toBeGreaterThanOrEqual(1500);
  });

  it('a lock left by a killed process is taken over at once', async () => {
    const { workspace, doc, env } = sampleWorkspace();
    const holder = startChild(script, 'hold', workspace, doc);
    await holder.waitFor(/^open locked/);
    holder.child.kill('SIGKILL');
    await holder.exited;
    const run = await score([doc, '--workspace', workspace, '--reviewer', 'Crash Test', '--handle', 'crash', '--set', 'versioning=2', '--wait', '30'], workspace, env);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    // Well under the 30 s wait: no waiting happened (a process start is ~1 s on a loaded machine).
    expect(run.ms).toBeLessThan(10_000);
  });
});
