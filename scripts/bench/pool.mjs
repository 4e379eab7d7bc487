// The pool rows of the bench: every document of the development pool (/tmp/toc-review-pool,
// 257 real cncf/toc documents, read recursively) in one `extract --json` run and in one
// `triage --offline` run (no link checks: no network in a bench). Whole processes, alternated
// so load from other processes falls on both alike; wall time from spawn to exit, and peak RSS
// from separate runs with the RSS hook. Skipped with a note when the pool is absent.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { peakRss, timeOnce } from './process.mjs';

export const POOL_DIR = process.env.TOC_REVIEW_POOL_DIR ?? '/tmp/toc-review-pool';

/** How many review documents the pool holds (the same rule as the batch reader's), or 0. */
export function poolSize(dir = POOL_DIR) {
  if (!existsSync(dir)) return 0;
  let n = 0;
  const visit = (d) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      if (entry.isDirectory()) visit(join(d, entry.name));
      else if (/\.(?:md|markdown|adoc)$/i.test(entry.name)) n++;
    }
  };
  visit(dir);
  return n;
}

function check(ok, message) {
  if (!ok) throw new Error(message);
}

/** The two tasks, each checking it printed one result per pool document. */
export function poolTasks({ bin, env, cwd, dir = POOL_DIR, documents }) {
  // Every run a first run: a batch never reads the extraction cache, and this says so.
  const runEnv = { ...env, TOC_REVIEW_NO_CACHE: '1' };
  return {
    extract: {
      name: 'poolExtract',
      args: [bin, 'extract', dir, '--json'],
      env: runEnv,
      cwd,
      check: (out) => {
        const lines = out.trimEnd().split('\n');
        check(lines.length === documents, `pool extract --json printed ${lines.length} lines for ${documents} documents`);
        check(JSON.parse(lines[0]).schema === 'toc-review/extract@1', 'pool extract --json printed no extract@1 object');
      },
    },
    triage: {
      name: 'poolTriage',
      args: [bin, 'triage', dir, '--offline', '--format', 'json'],
      env: runEnv,
      cwd,
      check: (out) => {
        const rows = JSON.parse(out).rows;
        check(rows.length === documents, `pool triage printed ${rows.length} rows for ${documents} documents`);
      },
    },
  };
}

/** Wall times (ms) of `runs` alternated runs of both tasks after one warm-up each, and peak RSS. */
export function measurePool(options, runs, rssRuns) {
  const tasks = poolTasks(options);
  const times = { extract: [], triage: [] };
  timeOnce(tasks.extract);
  timeOnce(tasks.triage);
  for (let i = 0; i < runs; i++) {
    times.extract.push(timeOnce(tasks.extract));
    times.triage.push(timeOnce(tasks.triage));
  }
  return {
    times,
    rss: { extract: peakRss(tasks.extract, rssRuns), triage: peakRss(tasks.triage, rssRuns) },
  };
}

/** Table rows (the bench's columns) for a measurePool result. */
export function poolRows(result, documents, floorMedian, summary) {
  const ms = (v) => v.toFixed(0);
  const rows = [];
  for (const [key, what] of [
    ['extract', `8. pool: \`extract <pool> --json\`, ${documents} documents in one run`],
    ['triage', `8. pool: \`triage <pool> --offline\`, ${documents} documents in one run`],
  ]) {
    const s = summary(result.times[key]);
    rows.push([`${what} (n=${s.n})`, `${ms(s.median)} ms`, '', ms(s.min), ms(s.max), `${(s.median / floorMedian).toFixed(2)}x`, '< 2000 ms', s.median < 2000 ? 'yes' : '**no**']);
  }
  for (const key of ['extract', 'triage']) {
    const s = summary(result.rss[key].map((v) => v.mb));
    // CPU time (all threads) from the same runs: what the machine's load changes least.
    const cpu = summary(result.rss[key].map((v) => v.cpuMs));
    rows.push([`8. peak RSS, pool \`${key}\` (n=${s.n})`, `${s.median.toFixed(0)} MB`, '', s.min.toFixed(0), s.max.toFixed(0), `CPU ${ms(cpu.median)} ms`, '< 250 MB', s.max < 250 ? 'yes' : '**no**']);
  }
  return rows;
}
