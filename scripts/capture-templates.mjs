#!/usr/bin/env node
// The template workflow on a 50-item grouped set, run as a user would with the built binary:
// Ada scores a document and exports her DD (export --format dd), Bea reads that DD into her own
// score file (score --from-dd) and opens the review UI on it at 80x24 under tmux (private
// socket, temp workspace and settings). Writes docs/captures/templates-50-items.md.
//   node scripts/capture-templates.mjs [--print]   (--print: to stdout instead of the file)
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'toc-review.js');
const SET = join(ROOT, 'test', 'fixtures', 'templates', 'grouped-50.yaml');
const SOCKET = `toc-templates-${process.pid}`;
const dir = mkdtempSync(join(tmpdir(), 'toc-templates-'));
mkdirSync(join(dir, 'reviews'));
copyFileSync(join(ROOT, 'reviews', 'lanternfish-incubation.md'), join(dir, 'reviews', 'lanternfish.md'));
const env = { ...process.env, TOC_REVIEW_CONFIG_DIR: join(dir, 'config'), TOC_REVIEW_NOW: '2026-12-01' };
delete env.TOC_REVIEW_REVIEWER;

const cli = (...args) => execFileSync('node', [BIN, ...args, '--workspace', 'reviews'], { cwd: dir, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const items = parse(readFileSync(SET, 'utf8')).items;
// Every fourth item left for the second reviewer, every fifth not met, the rest met.
const sets = items.flatMap((item, i) => (i % 4 === 3 ? [] : ['--set', `${item.id}=${i % 5 === 0 ? 0 : 1}`]));
cli('score', 'reviews/lanternfish.md', '--criteria', SET, '--reviewer', 'Ada', ...sets, '--note', `${items[0].id}=No sponsor is named in the application yet.`, '--recommend', 'needs-more-info');
cli('export', 'reviews/lanternfish.md', '--format', 'dd', '--criteria', SET, '--reviewer', 'Ada', '-o', 'reviews/lanternfish-dd.md');
const fromDd = spawnSync('node', [BIN, 'score', 'reviews/lanternfish-dd.md', '--from-dd', '--criteria', SET, '--reviewer', 'Bea', '--workspace', 'reviews'], { cwd: dir, env, encoding: 'utf8' });

const tmux = (...args) => execFileSync('tmux', ['-L', SOCKET, ...args], { encoding: 'utf8' });
const screen = () => tmux('capture-pane', '-p', '-t', 'cap').replace(/\s+$/, '');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function waitFor(text, timeout = 20000) {
  const start = Date.now();
  while (Date.now() - start < timeout) {
    if (screen().includes(text)) {
      await sleep(200);
      return screen();
    }
    await sleep(50);
  }
  throw new Error(`timed out waiting for ${text}:\n${screen()}`);
}

const shots = [];
try {
  const cmd = `cd ${dir} && env TOC_REVIEW_CONFIG_DIR=${env.TOC_REVIEW_CONFIG_DIR} TOC_REVIEW_REVIEWER=Bea node ${BIN} reviews/lanternfish-dd.md --criteria ${SET} --workspace reviews; sleep 600`;
  tmux('new-session', '-d', '-s', 'cap', '-x', '80', '-y', '24', cmd);
  shots.push(['Bea opens the DD: group headings with met/total, Req/Sug per item, the block as a template item', await waitFor('scored')]);
  tmux('send-keys', '-t', 'cap', 'u');
  shots.push(['`u`: the next unscored item', await waitFor('unscored')]);
  tmux('send-keys', '-t', 'cap', 'f');
  shots.push(['`f`: Required items only', await waitFor('Req')]);
  tmux('send-keys', '-t', 'cap', 'q');
} finally {
  spawnSync('tmux', ['-L', SOCKET, 'kill-server']);
  rmSync(dir, { recursive: true, force: true });
}

const out = [
  '# Capture: the template workflow on a 50-item set (80x24)',
  '',
  'Made by `node scripts/capture-templates.mjs` with the built binary under tmux; see',
  '[templates.md](../templates.md). Set: `test/fixtures/templates/grouped-50.yaml`.',
  '',
  '`score --from-dd` said:',
  '',
  '```text',
  fromDd.stderr.trim(),
  fromDd.stdout.split('\n')[0].replaceAll(dir, '.'),
  '```',
  '',
  ...shots.flatMap(([title, text]) => [`## ${title}`, '', '```text', text, '```', '']),
].join('\n');
if (process.argv.includes('--print')) process.stdout.write(out);
else writeFileSync(join(ROOT, 'docs', 'captures', 'templates-50-items.md'), out);
