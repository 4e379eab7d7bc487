// Whole-process measurements: wall time from spawn to exit (what a person waits for), and
// peak RSS from separate runs that preload rss-hook.mjs (so the timing runs stay untouched).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const HOOK = new URL('./rss-hook.mjs', import.meta.url).href;

/**
 * One run of `node ...args`; throws (with the command's stderr) when it does not exit 0, so a
 * broken build can never pass as a fast one.
 */
export function timeOnce(task) {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, task.args, {
    cwd: task.cwd,
    env: task.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 256 * 1024 * 1024,
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) {
    throw new Error(`${task.name}: exit ${result.status ?? result.signal}\n${String(result.stderr).slice(0, 2000)}`);
  }
  if (task.check) task.check(String(result.stdout));
  return ms;
}

/**
 * Time every task `runs` times, interleaved (a, b, c, a, b, c, ...) so that load from other
 * processes falls on all of them alike. One unmeasured warm-up run each fills the OS file cache.
 */
export function timeInterleaved(tasks, runs, onProgress = () => {}) {
  const times = new Map(tasks.map((t) => [t.name, []]));
  for (const task of tasks) timeOnce(task);
  for (let i = 0; i < runs; i++) {
    for (const task of tasks) times.get(task.name).push(timeOnce(task));
    onProgress(i + 1, runs);
  }
  return times;
}

/** Peak RSS in MB (and CPU ms) of `runs` runs of a task (node --import rss-hook.mjs ...args). */
export function peakRss(task, runs) {
  const dir = mkdtempSync(join(tmpdir(), 'toc-bench-rss-'));
  const file = join(dir, 'rss');
  const values = [];
  try {
    for (let i = 0; i < runs; i++) {
      const ms = timeOnce({
        ...task,
        args: ['--import', HOOK, ...task.args],
        env: { ...task.env, TOC_BENCH_RSS_FILE: file },
      });
      // CPU time is steadier than wall time when other processes share the cores.
      const [rssKb, cpuUs] = readFileSync(file, 'utf8').split(' ').map(Number);
      values.push({ mb: rssKb / 1024, ms, cpuMs: cpuUs / 1000 });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return values;
}
