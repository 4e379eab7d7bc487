// `npm run eval`: run the built `toc-review extract --json` on every corpus seed, score it
// against the gold answers and print the per-document and overall table.
//
//   node scripts/eval-corpus.mjs [--corpus DIR] [--json] [--check]
//
// --corpus DIR  a folder with seeds/<name>.md and gold/<name>.json (default: the vendored corpus)
// --json        print the scores as JSON instead of the markdown table
// --check       exit 1 when an overall target of the issue is missed
//
// The scorer is test/corpus/gold-score.ts, bundled here with esbuild so the test and this
// script share one implementation.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
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

const scores = [];
for (const name of names) {
  const seed = join(corpus, 'seeds', `${name}.md`);
  const gold = JSON.parse(readFileSync(join(corpus, 'gold', `${name}.json`), 'utf8'));
  const output = execFileSync(process.execPath, [cli, 'extract', seed, '--json', '--criteria', 'cncf-incubation'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: '1' },
  });
  const result = JSON.parse(output);
  // Line numbers and quotes refer to the file's own lines, split as src/core/document/lines.ts does
  // (LF ends a line, a CRLF's CR is dropped, a lone CR is part of its line).
  const lines = readFileSync(seed, 'utf8').split('\n').map((line) => line.replace(/\r$/, ''));
  scores.push(scorer.scoreDocument(result, gold, lines));
}

const total = scorer.overall(scores);
const missed = scorer.missedTargets(total);
if (args.includes('--json')) {
  console.log(JSON.stringify({ corpus, documents: scores, overall: total, missedTargets: missed }, null, 2));
} else {
  console.log(scorer.formatTable(scores));
  console.log('');
  console.log(missed.length === 0 ? 'All targets met.' : `Targets missed:\n${missed.map((m) => `  - ${m}`).join('\n')}`);
}
if (args.includes('--check') && missed.length > 0) process.exit(1);
