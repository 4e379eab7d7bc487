// Template item alignment on the development gold (test/fixtures/template-gold/*.json):
// the share of template items given the right checkbox line (or null where the document has
// none), and the share of aligned items whose tick is read right. Targets: 0.95 and 0.98.
//
//   node scripts/eval-template-align.mjs [--mirror GIT_DIR] [--pool DIR] [--check]
//
// Two rows per document: "align" calls core/templates/align.ts with the template's own checkbox
// items (titles, `##` sections, positions); "extract" runs the built binary (dist/, run
// `node scripts/build.mjs` first) as a user would, `extract --json --criteria <template.md>`
// (the template imported on the fly), and reads each criterion's `template` field; "shipped"
// does the same with the shipped own-words set of the template's level (`--criteria
// cncf-incubation-dd` or `cncf-graduation-dd`), whose items pair by their source positions. The
// documents are the pool's filled DDs (../shared/corpus/pool, materialised under /tmp/toc-review-pool).
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { args, mirror, pool, root } from './template-args.mjs';

const bundled = await build({ entryPoints: [join(root, 'src/core/templates/align.ts')], bundle: true, write: false, format: 'esm', platform: 'node', logLevel: 'warning' });
const { alignItems, findCheckboxes } = await import(`data:text/javascript;base64,${Buffer.from(bundled.outputFiles[0].text).toString('base64')}`);

const goldDir = join(root, 'test/fixtures/template-gold');
const work = mkdtempSync(join(tmpdir(), 'toc-eval-templates-'));
const env = { ...process.env, TOC_REVIEW_CONFIG_DIR: join(work, 'config'), TOC_REVIEW_CACHE_DIR: join(work, 'cache') };
const cli = (...argv) => execFileSync(process.execPath, [join(root, 'bin/toc-review.js'), ...argv], { encoding: 'utf8', env, stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 << 20 });

/** Per template position, the line and tick the aligner gives (null: no item). */
function byAligner(template, doc) {
  const items = findCheckboxes(template).map((box, i) => ({ id: `p${i + 1}`, title: box.title, section: box.section, position: i + 1 }));
  const pairs = alignItems(items, findCheckboxes(doc));
  return (position) => pairs.get(`p${position}`) ?? null;
}

/** The same through `extract --json`: the imported set's items carry their template position. */
function byExtract(templatePath, docPath) {
  const set = JSON.parse(cli('criteria', 'show', templatePath, '--json'));
  const result = JSON.parse(cli('extract', docPath, '--criteria', templatePath, '--json'));
  const field = new Map(result.criteria.map((c) => [c.id, c.template]));
  const shaped = result.criteria.some((c) => 'template' in c);
  const byPosition = new Map(set.items.map((item) => [item.source.position, field.get(item.id) ?? null]));
  return { shaped, at: (position) => byPosition.get(position) ?? null };
}

/** The shipped own-words set of the template's level (criteria/cncf-<level>-dd.yaml), as a user would pick it. */
function byShipped(template, docPath) {
  const level = /graduation/.test(template) ? 'graduation' : 'incubation';
  return byExtract(`cncf-${level}-dd`, docPath);
}

const totals = Object.fromEntries(['align', 'extract', 'shipped'].map((mode) => [mode, { right: 0, total: 0, ticks: 0, aligned: 0 }]));
function count(mode, name, gold, at) {
  const row = { right: 0, total: gold.items.length, ticks: 0, aligned: 0 };
  for (const g of gold.items) {
    const got = at(g.position);
    if ((got?.line ?? null) === g.line) row.right++;
    if (got && got.line === g.line) {
      row.aligned++;
      if (got.checked === g.checked) row.ticks++;
    }
  }
  for (const key of Object.keys(row)) totals[mode][key] += row[key];
  console.log(`| ${name} | ${mode} | ${row.total} | ${(row.right / row.total).toFixed(3)} | ${(row.ticks / Math.max(1, row.aligned)).toFixed(3)} |`);
}

console.log('| document | path | items | alignment | ticks |\n| --- | --- | ---: | ---: | ---: |');
for (const file of readdirSync(goldDir).filter((f) => f.endsWith('.json')).sort()) {
  const gold = JSON.parse(readFileSync(join(goldDir, file), 'utf8'));
  const name = file.replace(/\.json$/, '');
  const templateText = execFileSync('git', ['--git-dir', mirror, 'show', `${gold.templateCommit}:${gold.template}`], { encoding: 'utf8' });
  const docPath = join(pool, gold.document.replace(/^projects\//, ''));
  count('align', name, gold, byAligner(templateText.split('\n'), readFileSync(docPath, 'utf8').split('\n')));
  const templatePath = join(work, `${name}-template.md`);
  writeFileSync(templatePath, templateText);
  const extracted = byExtract(templatePath, docPath);
  if (!extracted.shaped) console.error(`${name}: extract found no filled template (no template field)`);
  count('extract', name, gold, extracted.at);
  const shipped = byShipped(gold.template, docPath);
  if (!shipped.shaped) console.error(`${name}: the shipped set found no filled template (no template field)`);
  count('shipped', name, gold, shipped.at);
}
rmSync(work, { recursive: true, force: true });
let failed = false;
for (const [mode, t] of Object.entries(totals)) {
  const alignment = t.right / t.total;
  const tickRate = t.ticks / Math.max(1, t.aligned);
  console.log(`| **all** | ${mode} | ${t.total} | **${alignment.toFixed(3)}** | **${tickRate.toFixed(3)}** |`);
  if (alignment < 0.95 || tickRate < 0.98) failed = true;
}
if (args.includes('--check') && failed) process.exit(1);
