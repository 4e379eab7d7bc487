// Builds the development gold for template alignment (test/fixtures/template-gold/*.json) from
// the filled DDs of the development pool and the current DD templates in a cncf/toc mirror.
//
//   node scripts/template-gold.mjs [--mirror GIT_DIR] [--pool DIR] [--write]
//
// Gold is facts only: per template item (its 1-based position among the template's items) the
// line of the document's matching checkbox item, or null, and whether that box is ticked. No
// text of the documents or templates is stored (cncf/toc states no licence).
//
// This is NOT the aligner: a deliberately simple pairing (same words, in order) proposes the
// pairs, then the hand decisions below (made by reading each document against the template)
// settle the reworded, renamed and missing items. Every proposal was checked by reading; the
// printout lists each pair so a reviewer can check it again.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { args, mirror, pool, root } from './template-args.mjs';
const write = args.includes('--write');

const TEMPLATES = {
  incubation: 'operations/toc-templates/template-dd-pr-incubation.md',
  graduation: 'operations/toc-templates/template-dd-pr-graduation.md',
};

// The filled DDs of the pool (manifest.tsv). knative and kyverno, named in the task, have no
// document in the pool manifest, so they are not used (other cncf/toc documents are held out).
const DOCUMENTS = [
  { name: 'kubescape', path: 'projects/kubescape/kubescape-incubation-proposal.md', level: 'incubation' },
  { name: 'metal3-io', path: 'projects/metal3-io/2025-metal3-io-incubation.md', level: 'incubation' },
  { name: 'microcks', path: 'projects/microcks/microcks_incubation-proposal.md', level: 'incubation' },
  { name: 'openfga', path: 'projects/openfga/openfga-incubation-dd.md', level: 'incubation' },
  { name: 'tekton', path: 'projects/tekton/2025-tekton-incubation.md', level: 'incubation' },
  { name: 'cubefs', path: 'projects/cubefs/cubefs-graduation-dd.md', level: 'graduation' },
  { name: 'dragonfly', path: 'projects/dragonfly/dragonfly-graduation-dd.md', level: 'graduation' },
  { name: 'in-toto', path: 'projects/in-toto/in-toto-graduation-dd.md', level: 'graduation' },
];

// Hand decisions, by template position (see the printout for the positions' titles):
// `line` pairs an item the simple pairing cannot (reworded title), `null` records that the
// document has no such item although a word-alike exists. Checked by reading each document.
// Older template wordings, each read in the document:
// - position 1: "give a presentation and engage with the TAG(s)" is the TAG engagement item;
// - position 21 (code of conduct): "document agreement that the project will adopt the CoC" is
//   the older wording of the CoC adoption item.
// The older documents' "TAG provides insight/recommendation" item has no current counterpart
// (it stays unpaired), and none of them has the GTR, governance review or joint security
// assessment items the current templates added (null).
const DECISIONS = {
  kubescape: { 1: 59, 21: 152 },
  'metal3-io': { 1: 38, 21: 124 },
  microcks: { 1: 55 },
  openfga: { 1: 87 },
  tekton: { 1: 42 },
  cubefs: { 1: 60, 21: 198 },
  dragonfly: { 1: 61 },
  'in-toto': { 1: 56, 21: 160 },
};

const lines = (text) => text.split('\n');

/** Top-level checkbox items: `- [ ]`/`- [x]`/`* [X]` at the start of a line, bold title. */
function checkboxItems(text) {
  const out = [];
  lines(text).forEach((raw, index) => {
    const m = /^[-*] \[([ xX])\]\s+(.*)$/.exec(raw.replace(/\r$/, ''));
    if (!m || !m[2].startsWith('**')) return;
    // Only the bold title counts: text after it is description, which varies between versions.
    const bold = /^\*\*(.*?)\*\*/.exec(m[2]);
    out.push({ line: index + 1, checked: m[1] !== ' ', words: words(bold ? bold[1] : m[2]) });
  });
  return out;
}

function words(title) {
  return title
    .toLowerCase()
    .replace(/\]\([^)]*\)/g, ' ')
    .replace(/[^a-z0-9]+/g, ' ')
    .split(' ')
    .filter((w) => w.length > 2);
}

function overlap(a, b) {
  const sa = new Set(a);
  const sb = new Set(b);
  let common = 0;
  for (const w of sa) if (sb.has(w)) common++;
  // Containment: a title that gained or lost a trailing clause still pairs with its old self.
  return common / (Math.min(sa.size, sb.size) || 1);
}

const templates = {};
for (const [level, path] of Object.entries(TEMPLATES)) {
  const text = execFileSync('git', ['--git-dir', mirror, 'show', `HEAD:${path}`], { encoding: 'utf8' });
  templates[level] = { path, items: checkboxItems(text) };
}
const commit = execFileSync('git', ['--git-dir', mirror, 'log', '-1', '--format=%H', 'HEAD', '--', ...Object.values(TEMPLATES)], { encoding: 'utf8' }).trim();

let failures = 0;
for (const doc of DOCUMENTS) {
  const text = readFileSync(join(pool, doc.path.replace(/^projects\//, '')), 'utf8');
  const template = templates[doc.level];
  const items = checkboxItems(text);
  const decisions = DECISIONS[doc.name] ?? {};
  const used = new Set(Object.values(decisions).filter((v) => v !== null));
  const gold = template.items.map((titem, index) => {
    const position = index + 1;
    if (position in decisions) {
      const line = decisions[position];
      const found = items.find((i) => i.line === line);
      if (line !== null && !found) {
        console.error(`${doc.name}: decision for position ${position}: line ${line} is not a checkbox item`);
        failures++;
      }
      return { position, line, checked: found ? found.checked : null, how: 'decided' };
    }
    // Simple pairing: the unused document item with the most words in common, if clearly alike.
    let best = null;
    for (const item of items) {
      if (used.has(item.line)) continue;
      const score = overlap(titem.words, item.words);
      if (!best || score > best.score) best = { item, score };
    }
    if (best && best.score >= 0.8) {
      used.add(best.item.line);
      return { position, line: best.item.line, checked: best.item.checked, how: best.score.toFixed(2) };
    }
    return { position, line: null, checked: null, how: best ? `none (best ${best.score.toFixed(2)} at ${best.item.line})` : 'none' };
  });
  const unpaired = items.filter((i) => !gold.some((g) => g.line === i.line)).map((i) => i.line);
  console.log(`\n== ${doc.name} (${doc.path}, ${doc.level}): ${gold.filter((g) => g.line !== null).length}/${gold.length} paired; document items not paired: ${unpaired.join(', ') || 'none'}`);
  for (const g of gold) console.log(`  ${String(g.position).padStart(2)} -> ${g.line === null ? 'null' : `${g.line}${g.checked ? ' [x]' : ' [ ]'}`}  (${g.how})  ${template.items[g.position - 1].words.slice(0, 8).join(' ')}`);
  if (write) {
    const out = {
      document: doc.path,
      template: template.path,
      templateCommit: commit,
      items: gold.map(({ position, line, checked }) => ({ position, line, checked })),
    };
    mkdirSync(join(root, 'test/fixtures/template-gold'), { recursive: true });
    writeFileSync(join(root, 'test/fixtures/template-gold', `${doc.name}.json`), `${JSON.stringify(out, null, 2)}\n`);
  }
}
if (failures > 0) process.exit(1);
