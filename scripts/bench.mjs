#!/usr/bin/env node
// `npm run bench`: how fast toc-review feels, as one table. Every figure is a median over
// repeated runs with min and max; every time is also a ratio to a floor measured in the same
// run (node itself, marked's lexer, a bare Ink app), so the table means the same on a slower
// or busier machine. Runs the built CLI (`npm run bench` builds first). See docs/bench.md.
//
// Options: --runs N (whole-process repetitions, default 20), --quick (fewer of everything, for
// trying a change), --json FILE (also write the raw samples), --pool-only (only the pool rows, 8),
// --keys-only (only the keypress rows, 6).
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem, release } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { bundleCore, bundleInkFloor } from './bench/bundles.mjs';
import { peakRss, timeInterleaved, timeOnce } from './bench/process.mjs';
import { haveScript, measureKeys, TEMPLATE_ACTIONS } from './bench/keys.mjs';
import { POOL_DIR, measurePool, poolRows, poolSize } from './bench/pool.mjs';
import { summary } from './bench/stats.mjs';
import { filledDd, largeDocument } from './bench/synth.mjs';
import { parse as parseYaml } from 'yaml';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SEEDS = join(ROOT, 'test', 'fixtures', 'corpus', 'seeds');

const { values: opts } = parseArgs({
  options: { runs: { type: 'string' }, quick: { type: 'boolean' }, json: { type: 'string' }, 'pool-only': { type: 'boolean' }, 'keys-only': { type: 'boolean' } },
});
const quick = opts.quick === true;
const RUNS = Number(opts.runs ?? (quick ? 6 : 20));
const RSS_RUNS = quick ? 2 : 5;
// The 10 MB document takes seconds per open: fewer runs keep the bench under three minutes.
const BIG_RSS_RUNS = quick ? 1 : 3;
const PASSES = quick ? 3 : 9;
const DOCS = 500;
const poolOnly = opts['pool-only'] === true;
const keysOnly = opts['keys-only'] === true;
// The pool rows: 5 whole runs each over 257 documents (a few seconds a run), medians of 5.
const POOL_RUNS = quick ? 3 : 5;
const POOL_RSS_RUNS = quick ? 1 : 3;

const log = (text) => process.stderr.write(`${text}\n`);
const began = Date.now();
const loadBefore = loadavg();

if (!existsSync(join(ROOT, 'dist', 'cli.js'))) {
  log('dist/ is missing: building');
  const built = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { stdio: 'inherit' });
  if (built.status !== 0) process.exit(1);
}

// ---- inputs: a scratch workspace with the largest corpus document and synthetic ones ----

const work = mkdtempSync(join(tmpdir(), 'toc-bench-'));

// Run a snapshot of the built package (its own bin/, dist/, criteria/ and package.json, with
// node_modules linked), so a rebuild during the run cannot change or break what is measured.
const pkg = join(work, 'package');
for (const part of ['bin', 'dist', 'criteria', 'package.json']) cpSync(join(ROOT, part), join(pkg, part), { recursive: true });
symlinkSync(join(ROOT, 'node_modules'), join(pkg, 'node_modules'), 'dir');
const BIN = join(pkg, 'bin', 'toc-review.js');

// The bare Ink app, bundled the way the CLI is, so its first frame is a fair floor for the
// review screen's.
const INK_FLOOR = await bundleInkFloor(join(pkg, 'ink-floor'));

const workspace = join(work, 'reviews');
const configDir = join(work, 'config');
mkdirSync(workspace);
mkdirSync(configDir);
const seedFiles = readdirSync(SEEDS)
  .filter((name) => name.endsWith('.md'))
  .sort()
  .map((name) => join(SEEDS, name));
const seedTexts = seedFiles.map((file) => readFileSync(file, 'utf8'));
const largestSeed = seedFiles.reduce((a, b) => (statSync(b).size > statSync(a).size ? b : a));
const corpusDoc = join(workspace, basename(largestSeed));
copyFileSync(largestSeed, corpusDoc);
const oneMb = join(workspace, 'synthetic-1mb.md');
const tenMb = join(workspace, 'synthetic-10mb.md');
writeFileSync(oneMb, largeDocument(seedTexts, 1024 * 1024, 11));
writeFileSync(tenMb, largeDocument(seedTexts, 10 * 1024 * 1024, 13));
// A filled DD of the shipped 50-item graduation set, reviewed with that set (issue 13 part 5).
const GRADUATION_DD_SET = 'cncf-graduation-dd';
const fiftyDd = join(workspace, 'synthetic-graduation-dd.md');
writeFileSync(fiftyDd, filledDd(parseYaml(readFileSync(join(ROOT, 'criteria', `${GRADUATION_DD_SET}.yaml`), 'utf8')), seedTexts, 17));
const kb = (file) => `${Math.round(statSync(file).size / 1024)} KB`;
const mb = (file) => `${(statSync(file).size / 1024 / 1024).toFixed(1)} MB`;

// The environment of a reviewer at a terminal: a known reviewer, a terminal size (as a tty
// would report it; without one Ink shells out to `tput`), settings in a scratch folder.
const env = {
  ...process.env,
  TOC_REVIEW_CONFIG_DIR: configDir,
  TOC_REVIEW_REVIEWER: 'Bench Reviewer',
  COLUMNS: '100',
  LINES: '30',
};
delete env.NO_COLOR;
delete env.TOC_REVIEW_EXIT_AFTER_FIRST_FRAME;
delete env.TOC_REVIEW_TRACE_KEYS;
const frameEnv = { ...env, TOC_REVIEW_EXIT_AFTER_FIRST_FRAME: '1' };
// A first open: the extraction is not in the cache yet (every later open of a document reuses it).
const coldEnv = { ...frameEnv, TOC_REVIEW_NO_CACHE: '1' };

const tasks = {
  floor: { name: 'floor', args: ['-e', '0'], env, cwd: work },
  version: { name: 'version', args: [BIN, '--version'], env, cwd: work, check: (out) => assert(/^\d+\.\d+\.\d+/.test(out), '--version printed no version') },
  inkFrame: { name: 'inkFrame', args: [INK_FLOOR], env: frameEnv, cwd: work },
  frame: { name: 'frame', args: [BIN, corpusDoc], env: frameEnv, cwd: work },
  frameCold: { name: 'frameCold', args: [BIN, corpusDoc], env: coldEnv, cwd: work },
  extract: {
    name: 'extract',
    args: [BIN, 'extract', corpusDoc, '--json'],
    env,
    cwd: work,
    check: (out) => assert(JSON.parse(out).schema === 'toc-review/extract@1', 'extract --json printed no extract@1 object'),
  },
  extractCold: {
    name: 'extractCold',
    args: [BIN, 'extract', corpusDoc, '--json'],
    env: { ...env, TOC_REVIEW_NO_CACHE: '1' },
    cwd: work,
    check: (out) => assert(JSON.parse(out).schema === 'toc-review/extract@1', 'extract --json printed no extract@1 object'),
  },
  frame10: { name: 'frame10', args: [BIN, tenMb], env: coldEnv, cwd: work },
};

function assert(ok, message) {
  if (!ok) throw new Error(message);
}

const raw = { runs: RUNS };

/** Section 8, or a note saying why it was skipped. */
function measurePoolSection(floorMedian) {
  const documents = poolSize();
  if (documents === 0) return { rows: [], note: `pool rows skipped: no documents in ${POOL_DIR} (materialise the development pool there, or set TOC_REVIEW_POOL_DIR)` };
  log(`pool: ${POOL_RUNS} alternated runs each of extract --json and triage --offline over ${documents} documents, ${POOL_RSS_RUNS} more each for peak memory`);
  const result = measurePool({ bin: BIN, env, cwd: work, documents }, POOL_RUNS, POOL_RSS_RUNS);
  raw.pool = result;
  return { rows: poolRows(result, documents, floorMedian, summary), note: null };
}

function machineLines(runs) {
  const cpu = cpus();
  const loadAfter = loadavg();
  return [
    `toc-review ${JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version} bench, ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')}`,
    `machine: ${cpu[0]?.model ?? 'unknown cpu'} x${cpu.length}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Linux ${release()}, node ${process.version}`,
    `load average (1 min) before/after: ${loadBefore[0].toFixed(2)} / ${loadAfter[0].toFixed(2)}; whole-process runs: ${runs}; bench took ${((Date.now() - began) / 1000).toFixed(0)} s`,
  ];
}

/** Section 6 on a pseudo-terminal, or a note saying why it was skipped (no `script`, or a failure). */
async function measureKeySection() {
  if (!haveScript()) {
    const keysSkipped = 'keypress rows skipped: needs util-linux `script` for a pseudo-terminal';
    log(keysSkipped);
    return { keys: null, keysSkipped };
  }
  try {
    const keys = {};
    const traceFile = (name) => join(work, `trace-${name}.tsv`);
    log('keypress latency: bare Ink floor');
    keys.floor = await measureKeys({ binArgs: [INK_FLOOR], env, traceFile: traceFile('floor') });
    log(`keypress latency: ${basename(corpusDoc)}`);
    keys.corpus = await measureKeys({ binArgs: [BIN, corpusDoc], env, traceFile: traceFile('corpus') });
    log('keypress latency: synthetic 1 MB document');
    keys.oneMb = await measureKeys({ binArgs: [BIN, oneMb], env, traceFile: traceFile('1mb') });
    log('keypress latency: 50-item DD set at 80x24');
    keys.fifty = await measureKeys({
      binArgs: [BIN, fiftyDd, '--criteria', GRADUATION_DD_SET],
      env: { ...env, COLUMNS: '80', LINES: '24' },
      traceFile: traceFile('fifty'),
      actions: TEMPLATE_ACTIONS,
      size: { cols: 80, rows: 24 },
    });
    return { keys, keysSkipped: null };
  } catch (error) {
    const keysSkipped = `keypress rows skipped: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
    log(keysSkipped);
    return { keys: null, keysSkipped };
  }
}

const ms = (v) => (v >= 100 ? v.toFixed(0) : v.toFixed(1));

/** Section 6's rows: each action's latency against the bare Ink app's. */
function keyRows(keys) {
  const rows = [];
  const inkFloor = summary(Object.values(keys.floor).flat());
  // The review screen's target; the 50-item set has issue 13's tighter one.
  const keyRow = (what, samples, withTarget, target = { median: 16, p95: 33 }) => {
    const s = summary(samples);
    const ok = s.median <= target.median && s.p95 <= target.p95;
    rows.push([`${what} (n=${s.n})`, `${ms(s.median)} ms`, `${ms(s.p95)} ms`, ms(s.min), ms(s.max), `${(s.median / inkFloor.median).toFixed(2)}x Ink`, withTarget ? `median <= ${target.median}, p95 <= ${target.p95} ms` : '', withTarget ? (ok ? 'yes' : '**no**') : '']);
  };
  keyRow('6. floor: keypress-to-frame, bare Ink app', Object.values(keys.floor).flat(), false);
  for (const [label, result] of [
    [`${basename(corpusDoc)}`, keys.corpus],
    ['synthetic 1 MB', keys.oneMb],
  ]) {
    for (const [action, samples] of Object.entries(result)) keyRow(`6. key: ${action}, ${label}`, samples, true);
  }
  for (const [action, samples] of Object.entries(keys.fifty)) keyRow(`6. key: ${action}, 50-item DD set at 80x24`, samples, true, { median: 8, p95: 16 });
  return rows;
}

const TABLE_HEADER = ['measure', 'median', 'p95', 'min', 'max', 'ratio to floor', 'target', 'met'];
const table = (rows) => [`| ${TABLE_HEADER.join(' | ')} |`, `| ${TABLE_HEADER.map((h, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)];

if (keysOnly) {
  try {
    const { keys, keysSkipped } = await measureKeySection();
    raw.keys = keys;
    const lines = [...machineLines(1), '', ...(keys ? table(keyRows(keys)) : []), ...(keysSkipped ? ['', keysSkipped] : [])];
    process.stdout.write(`${lines.join('\n')}\n`);
    if (opts.json) writeFileSync(opts.json, `${JSON.stringify(raw, null, 2)}\n`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  process.exit(raw.keys === null ? 1 : 0);
}

if (poolOnly) {
  try {
    const floorTimes = [];
    for (let i = 0; i < POOL_RUNS; i++) floorTimes.push(timeOnce(tasks.floor));
    const floor = summary(floorTimes);
    const pool = measurePoolSection(floor.median);
    const floorRow = ['1. floor: `node -e 0`', `${floor.median.toFixed(0)} ms`, '', floor.min.toFixed(0), floor.max.toFixed(0), '1.00x', '', ''];
    const lines = [...machineLines(POOL_RUNS), '', ...table([floorRow, ...pool.rows]), ...(pool.note ? ['', pool.note] : [])];
    process.stdout.write(`${lines.join('\n')}\n`);
    if (opts.json) writeFileSync(opts.json, `${JSON.stringify(raw, null, 2)}\n`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  process.exit(0);
}

try {
  // ---- 1-4: whole processes, interleaved ----
  log(`whole-process timings: ${RUNS} interleaved runs of node -e 0, --version, first frame and extract (each repeated and first time)`);
  const times = timeInterleaved([tasks.floor, tasks.version, tasks.inkFrame, tasks.frame, tasks.frameCold, tasks.extract, tasks.extractCold], RUNS, (i, n) => {
    if (i % 5 === 0 || i === n) log(`  ${i}/${n}`);
  });
  raw.times = Object.fromEntries(times);

  // ---- 7: peak memory (separate runs with the RSS hook), and the 10 MB document's open time ----
  log(`peak memory: ${RSS_RUNS} runs each of first frame and extract, ${BIG_RSS_RUNS} of the 10 MB document`);
  const rss = {
    frame: peakRss(tasks.frame, RSS_RUNS),
    frameCold: peakRss(tasks.frameCold, RSS_RUNS),
    extract: peakRss(tasks.extract, RSS_RUNS),
    extractCold: peakRss(tasks.extractCold, RSS_RUNS),
    frame10: peakRss(tasks.frame10, BIG_RSS_RUNS),
  };
  raw.rss = rss;

  // ---- 5: in-process extraction throughput against marked.lexer ----
  log(`extraction throughput: ${DOCS} documents, ${PASSES} passes each of extraction and marked.lexer`);
  // Inside the package snapshot, so the shipped criteria are found.
  const core = await bundleCore(join(pkg, 'bench-core', 'core.mjs'));
  const child = spawnSync(process.execPath, [join(ROOT, 'scripts', 'bench', 'throughput.mjs'), core, SEEDS, String(DOCS), String(PASSES)], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (child.status !== 0) throw new Error(`throughput run failed: ${child.stderr}`);
  const throughput = JSON.parse(child.stdout);
  raw.throughput = throughput;

  // ---- 6: keypress-to-frame latency on a pty ----
  const { keys, keysSkipped } = await measureKeySection();
  raw.keys = keys;

  // ---- the table ----
  const floor = summary(times.get('floor'));
  const rows = [];
  const timeRow = (what, samples, target, limit, base = floor, unit = 'ms') => {
    const s = summary(samples);
    const ratio = s.median / base.median;
    rows.push([what, `${ms(s.median)} ${unit}`, '', `${ms(s.min)}`, `${ms(s.max)}`, `${ratio.toFixed(2)}x`, target, limit === null ? '' : ratio <= limit ? 'yes' : '**no**']);
  };
  timeRow('1. floor: `node -e 0`', times.get('floor'), '', null);
  timeRow('2. `toc-review --version`', times.get('version'), '<= 1.5x', 1.5);
  timeRow('3. for scale: first frame of a bare Ink app (one line of text, bundled like the CLI)', times.get('inkFrame'), '', null);
  timeRow(`3. first frame, review screen (${basename(corpusDoc)}, ${kb(corpusDoc)}), reopened`, times.get('frame'), '<= 3x', 3);
  timeRow('3. first frame, same document, first open (extraction not cached)', times.get('frameCold'), '<= 3x', 3);
  timeRow('4. `extract --json` (same document), repeated', times.get('extract'), '<= 2x', 2);
  timeRow('4. `extract --json` (same document), first run (extraction not cached)', times.get('extractCold'), '<= 2x', 2);

  const lexRate = throughput.lexer.map((t) => throughput.documents / (t / 1000));
  const extRate = throughput.extraction.map((t) => throughput.documents / (t / 1000));
  const lex = summary(lexRate);
  const ext = summary(extRate);
  const slowdown = summary(throughput.extraction.map((t, i) => t / throughput.lexer[i]));
  const perDoc = summary(throughput.extraction.map((t) => t / throughput.documents));
  const docs = `${throughput.documents} docs, mean ${(throughput.meanBytes / 1024).toFixed(1)} KB`;
  rows.push([`5. floor: \`marked.lexer\` (${docs})`, `${lex.median.toFixed(0)} docs/s`, '', lex.min.toFixed(0), lex.max.toFixed(0), '1.00x', '', '']);
  rows.push([
    `5. extraction: parse + extract (${docs}; ${perDoc.median.toFixed(2)} ms/doc)`,
    `${ext.median.toFixed(0)} docs/s`,
    '',
    ext.min.toFixed(0),
    ext.max.toFixed(0),
    `${slowdown.median.toFixed(2)}x lexer time`,
    '>= 300/s, <= 1.5x',
    ext.median >= 300 && slowdown.median <= 1.5 ? 'yes' : '**no**',
  ]);

  if (keys) rows.push(...keyRows(keys));

  const rssRow = (what, values, limit, timed) => {
    const s = summary(values.map((v) => v.mb));
    rows.push([what, `${s.median.toFixed(0)} MB`, '', s.min.toFixed(0), s.max.toFixed(0), timed ?? '', `<= ${limit} MB`, s.max <= limit ? 'yes' : '**no**']);
  };
  rssRow('7. peak RSS, first frame, reopened (item 3)', rss.frame, 150);
  rssRow('7. peak RSS, first frame, first open (item 3)', rss.frameCold, 150);
  rssRow('7. peak RSS, `extract --json`, repeated (item 4)', rss.extract, 150);
  rssRow('7. peak RSS, `extract --json`, first run (item 4)', rss.extractCold, 150);
  const t10 = summary(rss.frame10.map((v) => v.ms));
  rssRow(`7. peak RSS, first open of a synthetic ${mb(tenMb)} document`, rss.frame10, 400, `first frame in ${ms(t10.median)} ms = ${(t10.median / floor.median).toFixed(1)}x`);

  // ---- 8: the development pool, whole batches ----
  const pool = measurePoolSection(floor.median);
  rows.push(...pool.rows);

  const lines = [...machineLines(RUNS), '', ...table(rows), ...(keysSkipped ? ['', keysSkipped] : []), ...(pool.note ? ['', pool.note] : [])];
  process.stdout.write(`${lines.join('\n')}\n`);
  if (opts.json) writeFileSync(opts.json, `${JSON.stringify(raw, null, 2)}\n`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
