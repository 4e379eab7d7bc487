// `npm run eval`: run the built `toc-review extract --json` on every corpus seed, score it
// against the gold answers and print the per-document and overall table.
//
//   node scripts/eval-corpus.mjs [--corpus DIR] [--json] [--check]
//
// --corpus DIR  a folder with seeds/<name>.md and gold/<name>.json (default: the vendored corpus)
// --json        print the scores as JSON instead of the markdown table
// --check       exit 1 when an overall target of the issue is missed
// --pool DIR    where the development pool is materialised (default /tmp/toc-review-pool); the
//               pool gold (test/fixtures/pool-gold) is scored on it and the issue-14 figures table
//               printed for both sets. Skipped with a note when the pool is not there.
//
// The scorer is test/corpus/gold-score.ts, bundled here with esbuild so the test and this
// script share one implementation.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name) => {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
};
const corpus = resolve(option('--corpus') ?? join(root, 'test/fixtures/corpus'));
const cli = join(root, 'bin/toc-review.js');

if (!existsSync(join(root, 'dist/cli.js'))) {
  console.error('eval: dist/cli.js is missing; run `npm run build` first (npm run eval does).');
  process.exit(1);
}

const bundled = await build({
  entryPoints: [join(root, 'test/corpus/gold-score.ts')],
  bundle: true,
  write: false,
  format: 'esm',
  platform: 'node',
  logLevel: 'warning',
});
const scorer = await import(`data:text/javascript;base64,${Buffer.from(bundled.outputFiles[0].text).toString('base64')}`);

const names = readdirSync(join(corpus, 'gold'))
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''))
  .sort();
if (names.length === 0) {
  console.error(`eval: no gold files in ${join(corpus, 'gold')}`);
  process.exit(1);
}

function extractJson(file) {
  const output = execFileSync(process.execPath, [cli, 'extract', file, '--json', '--criteria', 'cncf-incubation'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: '1', TOC_REVIEW_NO_CACHE: '1' },
  });
  return JSON.parse(output);
}

// Line numbers and quotes refer to the file's own lines, split as src/core/document/lines.ts does
// (LF ends a line, a CRLF's CR is dropped, a lone CR is part of its line).
const fileLines = (bytes) => bytes.toString('utf8').split('\n').map((line) => line.replace(/\r$/, ''));

const scores = [];
for (const name of names) {
  const seed = join(corpus, 'seeds', `${name}.md`);
  const gold = JSON.parse(readFileSync(join(corpus, 'gold', `${name}.json`), 'utf8'));
  scores.push(scorer.scoreDocument(extractJson(seed), gold, fileLines(readFileSync(seed))));
}

// The pool gold: facts only, each naming its pool document and git blob (so line numbers hold).
const poolDir = resolve(option('--pool') ?? '/tmp/toc-review-pool');
const poolGoldDir = join(root, 'test/fixtures/pool-gold');
const poolScores = [];
let poolNote = null;
if (!option('--corpus') && existsSync(poolGoldDir)) {
  if (!existsSync(poolDir)) poolNote = `pool not found at ${poolDir}: run ../shared/corpus/pool/materialize.sh to score the pool gold`;
  else {
    for (const file of readdirSync(poolGoldDir).filter((f) => f.endsWith('.json')).sort()) {
      const gold = JSON.parse(readFileSync(join(poolGoldDir, file), 'utf8'));
      const doc = join(poolDir, gold.source);
      if (!existsSync(doc)) {
        console.error(`eval: ${file}: ${doc} is missing; re-run materialize.sh`);
        process.exit(1);
      }
      const bytes = readFileSync(doc);
      const blob = createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
      if (blob !== gold.blob) {
        console.error(`eval: ${file}: ${gold.source} is not blob ${gold.blob} (line numbers would not hold)`);
        process.exit(1);
      }
      poolScores.push(scorer.scoreDocument(extractJson(doc), gold, fileLines(bytes)));
    }
  }
}

const total = scorer.overall(scores);
const missed = scorer.missedTargets(total);
const sets = [{ name: 'corpus', total }];
if (poolScores.length > 0) sets.push({ name: `pool gold (${poolScores.length} documents)`, total: scorer.overall(poolScores) });
if (args.includes('--json')) {
  const pool = poolScores.length > 0 ? { documents: poolScores, overall: scorer.overall(poolScores), figures: scorer.figures(scorer.overall(poolScores)) } : null;
  console.log(JSON.stringify({ corpus, documents: scores, overall: total, figures: scorer.figures(total), missedTargets: missed, pool }, null, 2));
} else {
  console.log(scorer.formatTable(scores));
  console.log('');
  console.log(missed.length === 0 ? 'All targets met.' : `Targets missed:\n${missed.map((m) => `  - ${m}`).join('\n')}`);
  if (poolScores.length > 0) {
    console.log('');
    console.log(`Pool gold (test/fixtures/pool-gold, documents under ${poolDir}):`);
    console.log('');
    console.log(scorer.formatTable(poolScores));
  }
  console.log('');
  console.log('Issue 14 figures:');
  console.log('');
  console.log(scorer.formatFigures(sets));
  if (poolNote) console.log(`\n${poolNote}`);
}
if (args.includes('--check') && missed.length > 0) process.exit(1);
