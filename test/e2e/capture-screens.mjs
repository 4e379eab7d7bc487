#!/usr/bin/env node
// Screenshot-like captures of every screen for docs/ui.md, and a check "as a new user would" of
// each corpus document at 80x24 and 200x50: the built binary under tmux (private socket), temp
// workspace and settings. Prints the captures as markdown; exits 1 if any frame is misaligned
// (a pane row whose right border is not where the top border says it is).
//   node test/e2e/capture-screens.mjs [--check-only]   print the captures as markdown
//   node test/e2e/capture-screens.mjs --write          put them into docs/ui.md (after its
//                                                      'Screens as captured' intro) and write
//                                                      docs/captures/<document>.md per corpus document
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');
const SEEDS = join(ROOT, 'test', 'fixtures', 'corpus', 'seeds');
const SOCKET = `toc-capture-${process.pid}`;
const checkOnly = process.argv.includes('--check-only');
const write = process.argv.includes('--write');
const dir = mkdtempSync(join(tmpdir(), 'toc-capture-'));
mkdirSync(join(dir, 'ws'));
mkdirSync(join(dir, 'config'));
for (const name of readdirSync(SEEDS)) copyFileSync(join(SEEDS, name), join(dir, 'ws', name));

const tmux = (...args) => execFileSync('tmux', ['-L', SOCKET, ...args], { encoding: 'utf8' });
const screen = () => tmux('capture-pane', '-p', '-t', 'cap').replace(/\s+$/, '');
const keys = (...k) => tmux('send-keys', '-t', 'cap', ...k);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function waitFor(text, timeout = 15000) {
  const start = Date.now();
  let last = '';
  while (Date.now() - start < timeout) {
    last = screen();
    if (typeof text === 'string' ? last.includes(text) : text.test(last)) {
      await sleep(150); // let the frame settle (markdown renderer, save status)
      return screen();
    }
    await sleep(50);
  }
  throw new Error(`timed out waiting for ${text}:\n${last}`);
}

function start(args, size, env = '') {
  const cmd = `cd ${dir} && env TOC_REVIEW_CONFIG_DIR=${dir}/config ${env} node ${ROOT}/bin/toc-review.js ${args}; echo TOC_EXIT=$?; sleep 600`;
  spawnSync('tmux', ['-L', SOCKET, 'kill-session', '-t', 'cap']);
  tmux('new-session', '-d', '-s', 'cap', '-x', String(size[0]), '-y', String(size[1]), cmd);
}

const problems = [];
/** Every row between a box's top and bottom border has its side borders where the top has corners. */
// Terminal cells of a row: a wide (CJK, emoji) character fills two.
const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{20000}-\u{3fffd}]|\p{Emoji_Presentation}/u;
const cells = (row) => Array.from(row).flatMap((ch) => (WIDE.test(ch) ? [ch, ''] : [ch]));

function checkFrame(capture, where) {
  const rows = capture.split('\n').map(cells);
  rows.forEach((row, y) => {
    row.forEach((ch, x) => {
      if (ch !== '╭') return;
      const right = row.indexOf('╮', x);
      for (let yy = y + 1; yy < rows.length; yy++) {
        const r = rows[yy];
        if (r[x] === '╰') {
          if (r[right] !== '╯') problems.push(`${where}: box at row ${y + 1} col ${x + 1}: bottom corner misplaced`);
          return;
        }
        if (r[x] !== '│' || r[right] !== '│') {
          problems.push(`${where}: row ${yy + 1} breaks the box at col ${x + 1}-${right + 1}: ${r.join('')}`);
          return;
        }
      }
    });
  });
}

const shots = [];
const shot = (title, capture) => {
  checkFrame(capture, title);
  shots.push({ title, capture });
};
// Per corpus document: its screens at both sizes, for docs/captures/<document>.md.
const documentShots = new Map();
const documentShot = (doc, title, capture) => {
  checkFrame(capture, `${doc} ${title}`);
  if (!documentShots.has(doc)) documentShots.set(doc, []);
  documentShots.get(doc).push({ title, capture });
};

try {
  // A new user: no reviewer known yet, straight into the workspace.
  start('--workspace ws', [80, 24]);
  shot('Reviewer prompt (first run, 80x24)', await waitFor('Your name:'));
  keys('-l', 'Ada Lovelace');
  keys('Enter');
  shot('Workspace list (80x24)', (await waitFor('Review documents (5)'), await waitFor(/openkruise-sandbox-annual\.md +not started +\w+ +\d/)));
  keys('Enter');
  shot('Review screen (80x24)', await waitFor('Evidence · Production users'));
  keys('2', 'j', '1');
  await waitFor('2/4 scored');
  keys('k', 'Tab', ']');
  shot('Evidence pane: a passage rendered as markdown with its line numbers (80x24)', await waitFor('▶ Passage 1/'));
  keys('c');
  await waitFor('[cited]');
  keys('n');
  await waitFor('Note ·');
  keys('-l', 'Adopters named in the document; two are vendors.');
  keys('M-Enter'); // Alt-Enter: a new line in the note
  keys('-l', 'Ask for the logos page.');
  shot('Notes editor (80x24)', await waitFor('logos page.'));
  keys('Enter');
  await waitFor('Production users: note');
  keys('o');
  await waitFor(/lines \d+-\d+ of/);
  keys('/');
  await waitFor('Search:');
  keys('-l', 'maintainer');
  keys('Enter');
  shot('Document viewer after a search (80x24)', await waitFor(/match \d+\/\d+ at line/));
  keys('q', 's', 'n');
  shot('Summary with the recommendation set (80x24)', await waitFor('Recommendation: Not ready'));
  keys('?');
  shot('Help overlay on the summary (80x24)', await waitFor('Help: Summary keys'));
  keys('Escape'); // alone: tmux sends Esc followed by a key as Alt+key
  await waitFor('Summary ·');
  keys('q');
  await waitFor('Evidence ·');
  keys('q');
  await waitFor('Review documents (5)');
  keys('q');
  await waitFor('TOC_EXIT=0');

  // Another session holds the lock: the second opens read-only and says who.
  start('ws/karmada-2022-annual.md', [80, 24]);
  await waitFor('Evidence · Production users');
  tmux('new-window', '-t', 'cap', `cd ${dir} && env TOC_REVIEW_CONFIG_DIR=${dir}/config node ${ROOT}/bin/toc-review.js ws/karmada-2022-annual.md; sleep 600`);
  shot('Second session on the same document: read-only (80x24)', await waitFor('READ-ONLY'));
  tmux('kill-window', '-t', 'cap:1');

  // Every corpus document at both sizes.
  for (const doc of readdirSync(SEEDS).filter((n) => n.endsWith('.md'))) {
    for (const size of [
      [80, 24],
      [200, 50],
    ]) {
      // Each size as a reviewer who has not opened the document yet (no selection to resume).
      rmSync(join(dir, 'ws', 'scores', doc.replace(/\.md$/, '')), { recursive: true, force: true });
      start(`ws/${doc}`, size);
      const at = size.join('x');
      documentShot(doc, `Review screen, first criterion (${at})`, await waitFor('Evidence · Production users'));
      // Committer health: the maintainer tables and lists that documents lay out in most ways.
      keys('j');
      await waitFor('Evidence · Committer health');
      for (const k of ['Tab', ']', 'PageDown', 'j']) keys(k);
      documentShot(doc, `Committer health, evidence pane at a passage (${at})`, await waitFor('● Evidence'));
      keys('o');
      await waitFor(/lines \d+-\d+ of/);
      documentShot(doc, `Document viewer at that passage (${at})`, await waitFor(/lines \d+-\d+ of/));
      keys('G');
      checkFrame(await waitFor(/lines \d+-\d+ of/), `${doc} ${at} document end`);
      keys('q');
      await waitFor('Evidence ·');
      keys('s');
      documentShot(doc, `Summary (${at})`, await waitFor('Summary ·'));
      keys('q');
      const review = await waitFor('Evidence ·');
      checkFrame(review, `${doc} ${at} review after scrolling`);
      if (doc === 'karmada-2022-annual.md' && size[0] === 200) shot('Review screen (200x50)', review);
      keys('q');
      await waitFor('TOC_EXIT=0');
    }
  }
} finally {
  spawnSync('tmux', ['-L', SOCKET, 'kill-server']);
  rmSync(dir, { recursive: true, force: true });
}

const asMarkdown = (list, level) => list.map(({ title, capture }) => `${level} ${title}\n\n\`\`\`text\n${capture.replaceAll(dir, '/tmp/demo')}\n\`\`\`\n`).join('\n');
if (write && problems.length === 0) {
  const docs = join(ROOT, 'docs');
  const ui = readFileSync(join(docs, 'ui.md'), 'utf8');
  const heading = '## Screens as captured';
  const intro = ui.indexOf('\n#### ', ui.indexOf(heading));
  writeFileSync(join(docs, 'ui.md'), `${ui.slice(0, intro + 1)}${asMarkdown(shots, '####')}`);
  mkdirSync(join(docs, 'captures'), { recursive: true });
  for (const [doc, list] of documentShots) {
    const name = doc.replace(/\.md$/, '');
    const head = `# ${name}: screens at 80x24 and 200x50\n\nThe built binary on the corpus document \`${doc}\` under tmux (\`capture-pane\`), as a new\nreviewer meets it; regenerated by \`node test/e2e/capture-screens.mjs --write\` (see [../ui.md](../ui.md)).\n\n`;
    writeFileSync(join(docs, 'captures', `${name}.md`), head + asMarkdown(list, '##'));
  }
} else if (!checkOnly) {
  process.stdout.write(asMarkdown(shots, '###'));
}
if (problems.length > 0) {
  process.stderr.write(`${problems.length} layout problem(s):\n${problems.join('\n')}\n`);
  process.exit(1);
}
const perDocument = [...documentShots.values()].reduce((n, list) => n + list.length, 0);
process.stderr.write(`checked ${shots.length + perDocument} captures and ${documentShots.size} documents at 80x24 and 200x50: no misaligned frame${write ? ' (written to docs/ui.md and docs/captures/)' : ''}\n`);
