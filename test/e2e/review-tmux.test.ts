// End to end in a real terminal: the built binary under tmux (private socket), on a copy of a
// corpus document in a temp workspace, settings redirected into the temp dir. Scores all four
// criteria with keys, writes a note, quits, checks the saved score file, reopens and checks the
// screen shows the same scores. Waits poll the screen with a bound; nothing sleeps blindly.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseScoreFile } from '../../src/core/scores/score-file.js';

const ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'toc-review.js');
const DOC = 'kube-ovn-2022-annual.md';
const SOCKET = `toc-e2e-${process.pid}`;
const hasTmux = spawnSync('tmux', ['-V']).status === 0;

let dir = '';

function tmux(...args: string[]): string {
  return execFileSync('tmux', ['-L', SOCKET, ...args], { encoding: 'utf8' });
}

function screen(options: { escapes?: boolean } = {}): string {
  return tmux('capture-pane', '-p', ...(options.escapes ? ['-e'] : []), '-t', 'e2e');
}

async function waitForScreen(expected: string | RegExp, timeoutMs = 15_000): Promise<string> {
  const start = Date.now();
  let last = '';
  while (Date.now() - start < timeoutMs) {
    last = screen();
    if (typeof expected === 'string' ? last.includes(expected) : expected.test(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${String(expected)}; screen was:\n${last}`);
}

function keys(...names: string[]): void {
  tmux('send-keys', '-t', 'e2e', ...names);
}

function typeText(text: string): void {
  tmux('send-keys', '-t', 'e2e', '-l', text);
}

/** Run the binary in the pane; when it ends the pane prints its exit code and stays open. */
function start(args: string, env = '', pipeFrom = ''): void {
  const pipe = pipeFrom ? `cat ${pipeFrom} | ` : '';
  const command = `cd ${dir} && ${pipe}env TOC_REVIEW_CONFIG_DIR=${dir}/config ${env} node ${BIN} ${args}; echo TOC_EXIT=$?; sleep 600`;
  const running = spawnSync('tmux', ['-L', SOCKET, 'has-session', '-t', 'e2e']).status === 0;
  if (running) tmux('respawn-pane', '-k', '-t', 'e2e', command);
  else tmux('new-session', '-d', '-s', 'e2e', '-x', '100', '-y', '30', command);
}

beforeAll(() => {
  if (!hasTmux) return;
  if (!existsSync(join(ROOT, 'dist', 'cli.js'))) execFileSync('node', [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT });
  dir = mkdtempSync(join(tmpdir(), 'toc-e2e-'));
  mkdirSync(join(dir, 'ws'));
  mkdirSync(join(dir, 'config'));
  copyFileSync(join(ROOT, 'test', 'fixtures', 'corpus', 'seeds', DOC), join(dir, 'ws', DOC));
});

afterAll(() => {
  if (hasTmux) spawnSync('tmux', ['-L', SOCKET, 'kill-server']);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!hasTmux)('review UI under tmux', () => {
  const scoreDir = () => join(dir, 'ws', 'scores', 'kube-ovn-2022-annual');
  const scorePath = () => join(scoreDir(), 'e2e-tester.score.json');

  it('scores all four criteria, writes a note, quits, and reopens to the same scores', async () => {
    start(`ws/${DOC} --reviewer "E2E Tester"`);
    await waitForScreen('Evidence · Production users');
    await waitForScreen('0/4 scored');

    keys('2');
    await waitForScreen('1/4 scored');
    keys('j');
    await waitForScreen('Evidence · Committer health');
    keys('1');
    await waitForScreen('2/4 scored');
    keys('j', '0');
    await waitForScreen('3/4 scored');
    keys('j');
    await waitForScreen('Evidence · Versioning');
    keys('3');
    await waitForScreen('4/4 scored');

    keys('n');
    await waitForScreen('Note · Versioning');
    typeText('Release cadence is clear');
    await waitForScreen('Release cadence is clear');
    keys('Enter');
    await waitForScreen('Note: Release cadence is clear');
    await waitForScreen(/✓ saved \d\d:\d\d:\d\d/);

    keys('q');
    await waitForScreen('TOC_EXIT=0');

    const file = parseScoreFile(readFileSync(scorePath(), 'utf8'), scorePath());
    expect(file.reviewer).toEqual({ name: 'E2E Tester', handle: 'e2e-tester' });
    expect(file.items.map((item) => [item.id, item.score])).toEqual([
      ['production-users', 2],
      ['committer-health', 1],
      ['commit-flow', 0],
      ['versioning', 3],
    ]);
    expect(file.items[3]!.notes).toBe('Release cadence is clear');
    expect(file.ui.selected).toBe('versioning');
    // The lock is released on quit.
    expect(readdirSync(scoreDir()).filter((name) => name.endsWith('.lock'))).toEqual([]);

    start(`ws/${DOC} --reviewer "E2E Tester"`);
    const reopened = await waitForScreen('4/4 scored');
    expect(reopened).toContain('Evidence · Versioning');
    expect(reopened).toContain('› Versioning');
    for (const text of ['2 Met', '1 Partially met', '0 Not met', '3 Exceeded · note']) expect(reopened).toContain(text);
    expect(reopened).toContain('Note: Release cadence is clear');
    keys('q');
    await waitForScreen('TOC_EXIT=0');
  });

  it('quits on Ctrl-C with the terminal restored and the lock released', async () => {
    start(`ws/${DOC} --reviewer "E2E Tester"`);
    await waitForScreen('Evidence · Versioning');
    expect(readdirSync(scoreDir()).some((name) => name.endsWith('.lock'))).toBe(true);
    keys('C-c');
    const after = await waitForScreen('TOC_EXIT=130');
    // Back on the normal screen: the UI's frame is gone.
    expect(after).not.toContain('╭');
    expect(readdirSync(scoreDir()).filter((name) => name.endsWith('.lock'))).toEqual([]);
  });

  it('keeps a pasted multi-line note as text instead of running its lines as keys', async () => {
    start(`ws/${DOC} --reviewer "E2E Tester"`);
    await waitForScreen('Evidence · Versioning');
    keys('n');
    await waitForScreen('Note · Versioning');
    keys('C-u');
    // Bracketed paste, as a terminal sends it; each line would be a command if run as keys.
    tmux('set-buffer', 'first line\nsecond 2 line\nthird s e r q');
    tmux('paste-buffer', '-p', '-t', 'e2e');
    await waitForScreen('third s e r q');
    keys('Enter');
    await waitForScreen(/✓ saved \d\d:\d\d:\d\d/);
    keys('q');
    await waitForScreen('TOC_EXIT=0');
    const file = parseScoreFile(readFileSync(scorePath(), 'utf8'), scorePath());
    expect(file.items[3]!.notes).toBe('first line\nsecond 2 line\nthird s e r q');
    expect(file.items.map((item) => item.score)).toEqual([2, 1, 0, 3]);
    expect(file.recommendation.verdict).toBeNull();
  });

  it('opens the workspace list with progress, and draws no colour with NO_COLOR', async () => {
    start('--workspace ws --reviewer "E2E Tester"', 'NO_COLOR=1');
    await waitForScreen(/kube-ovn-2022-annual\.md\s+4\/4 scored/);
    // Colour SGR parameters (30-49, 90-107) anywhere on screen.
    expect(screen({ escapes: true })).not.toMatch(/\u001B\[(?:[0-9;]*;)?(?:3[0-9]|4[0-9]|9[0-7]|10[0-7])(?:;[0-9;]*)?m/);
    keys('Enter');
    await waitForScreen('Evidence · Versioning');
    keys('q');
    await waitForScreen('Review documents (1)');
    keys('q');
    await waitForScreen('TOC_EXIT=0');
  });

  it('reviews a document piped in (-), reading keys from the terminal, and keeps it for next time', async () => {
    mkdirSync(join(dir, 'ws-pipe'));
    start('- --workspace ws-pipe --reviewer "E2E Tester"', '', `ws/${DOC}`);
    await waitForScreen('Evidence · Production users');
    keys('2');
    await waitForScreen('1/4 scored');
    keys('q');
    await waitForScreen('TOC_EXIT=0');
    const kept = readdirSync(join(dir, 'ws-pipe', 'fetched', 'stdin')).filter((name) => name.endsWith('.md'));
    expect(kept).toHaveLength(1);
    expect(readFileSync(join(dir, 'ws-pipe', 'fetched', 'stdin', kept[0]!), 'utf8')).toBe(readFileSync(join(dir, 'ws', DOC), 'utf8'));
    const scoreFile = join(dir, 'ws-pipe', 'scores', kept[0]!.replace(/\.md$/, ''), 'e2e-tester.score.json');
    expect(parseScoreFile(readFileSync(scoreFile, 'utf8'), scoreFile).items[0]!.score).toBe(2);
  });
});
