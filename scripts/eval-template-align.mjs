// Template item alignment on the development gold (test/fixtures/template-gold/*.json):
// the share of template items given the right checkbox line (or null where the document has
// none), and the share of aligned items whose tick is read right. Targets: 0.95 and 0.98.
//
//   node scripts/eval-template-align.mjs [--mirror GIT_DIR] [--pool DIR] [--check]
//
// The set's items are the template's own checkbox items (titles, `##` sections, positions) as
// read from a cncf/toc mirror: the "imported from the template" case. The documents are the
// pool's filled DDs (../shared/corpus/pool, materialised under /tmp/toc-review-pool).
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { args, mirror, pool, root } from './template-args.mjs';

const bundled = await build({ entryPoints: [join(root, 'src/core/templates/align.ts')], bundle: true, write: false, format: 'esm', platform: 'node', logLevel: 'warning' });
const { alignItems, findCheckboxes } = await import(`data:text/javascript;base64,${Buffer.from(bundled.outputFiles[0].text).toString('base64')}`);

const goldDir = join(root, 'test/fixtures/template-gold');
let right = 0;
let total = 0;
let ticks = 0;
let aligned = 0;
console.log('| document | items | alignment | ticks |\n| --- | ---: | ---: | ---: |');
for (const file of readdirSync(goldDir).filter((f) => f.endsWith('.json')).sort()) {
  const gold = JSON.parse(readFileSync(join(goldDir, file), 'utf8'));
  const template = execFileSync('git', ['--git-dir', mirror, 'show', `${gold.templateCommit}:${gold.template}`], { encoding: 'utf8' }).split('\n');
  const items = findCheckboxes(template).map((box, i) => ({ id: `p${i + 1}`, title: box.title, section: box.section, position: i + 1 }));
  const doc = readFileSync(join(pool, gold.document.replace(/^projects\//, '')), 'utf8').split('\n');
  const pairs = alignItems(items, findCheckboxes(doc));
  let docRight = 0;
  let docTicks = 0;
  let docAligned = 0;
  for (const g of gold.items) {
    const got = pairs.get(`p${g.position}`) ?? null;
    if ((got?.line ?? null) === g.line) docRight++;
    if (got && got.line === g.line) {
      docAligned++;
      if (got.checked === g.checked) docTicks++;
    }
  }
  right += docRight;
  total += gold.items.length;
  ticks += docTicks;
  aligned += docAligned;
  console.log(`| ${file.replace(/\.json$/, '')} | ${gold.items.length} | ${(docRight / gold.items.length).toFixed(3)} | ${(docTicks / Math.max(1, docAligned)).toFixed(3)} |`);
}
const alignment = right / total;
const tickRate = ticks / Math.max(1, aligned);
console.log(`| **all** | ${total} | **${alignment.toFixed(3)}** | **${tickRate.toFixed(3)}** |`);
if (args.includes('--check') && (alignment < 0.95 || tickRate < 0.98)) process.exit(1);
