// The review UI in a real terminal (tmux, private socket) on the hostile workspace: the raw
// byte stream the app writes to the terminal is captured with pipe-pane and must hold no
// string sequence (OSC, DCS, APC, PM, SOS), no C1 control, no bidi override and no BEL, while
// the reviewer walks every screen. tmux itself is the witness too: with set-clipboard on, an
// OSC 52 that got through would land in a paste buffer, and an OSC 0/2 would change the title.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, copyHostileWorkspace, REPO, tempDir } from './helpers.js';

const SOCKET = `toc-hostile-${process.pid}`;
const hasTmux = spawnSync('tmux', ['-V']).status === 0;
let dir = '';

function tmux(...args: string[]): string {
  return execFileSync('tmux', ['-L', SOCKET, ...args], { encoding: 'utf8' });
}

async function waitFor(check: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}; screen was:\n${tmux('capture-pane', '-p', '-t', 'h')}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const screenHas = (text: string) => () => tmux('capture-pane', '-p', '-t', 'h').includes(text);

async function keys(...names: string[]): Promise<void> {
  for (const name of names) {
    tmux('send-keys', '-t', 'h', name);
    await new Promise((resolve) => setTimeout(resolve, 120));
  }
}

beforeAll(() => {
  if (!hasTmux) return;
  if (!existsSync(join(REPO, 'dist', 'cli.js'))) execFileSync(process.execPath, [join(REPO, 'scripts', 'build.mjs')], { cwd: REPO });
  dir = copyHostileWorkspace();
});

afterAll(() => {
  if (hasTmux) spawnSync('tmux', ['-L', SOCKET, 'kill-server']);
});

describe.skipIf(!hasTmux)('the review UI in a real terminal on the hostile review', () => {
  it('writes no string sequence, C1, bidi or BEL to the terminal on any screen', { timeout: 90_000 }, async () => {
    const raw = join(dir, 'pty.raw');
    const config = tempDir('toc-hostile-pty-config-');
    // The app starts only once the capture is attached (it waits for the "go" file).
    const command = `cd ${dir} && while [ ! -f go ]; do sleep 0.05; done; env TOC_REVIEW_CONFIG_DIR=${config} node ${BIN} hostile-review.md --reviewer Mallory --handle mallory --workspace .; echo TOC_EXIT=$?; sleep 600`;
    tmux('-f', '/dev/null', 'new-session', '-d', '-s', 'h', '-x', '100', '-y', '30', command);
    tmux('set-option', '-g', 'set-clipboard', 'on');
    tmux('set-option', '-g', 'allow-rename', 'on');
    tmux('pipe-pane', '-t', 'h', '-o', `cat >> ${raw}`);
    const titleBefore = tmux('display-message', '-p', '-t', 'h', '#{pane_title}');
    writeFileSync(join(dir, 'go'), '');

    await waitFor(screenHas('scored'), 'the review screen');
    // Every criterion and its evidence, the whole document, a search, the summary, help, and
    // the notes editor holding the hostile note; then quit.
    for (let i = 0; i < 4; i++) await keys('j', 'Tab', 'PageDown', ']', 'Tab');
    await keys('o', 'PageDown', 'PageDown', 'PageDown', 'G', 'q', 's', 'j', 'q', '?', 'q', 'n');
    await waitFor(screenHas('Enter saves'), 'the notes editor');
    await keys('Escape', 'q');
    await waitFor(screenHas('TOC_EXIT=0'), 'the app to exit');

    const bytes = readFileSync(raw);
    const text = bytes.toString('utf8');
    expect(bytes.length).toBeGreaterThan(1000);
    const found = (re: RegExp) => {
      const match = re.exec(text);
      return match ? JSON.stringify(text.slice(Math.max(0, match.index - 30), match.index + 30)) : null;
    };
    expect(found(/\x1b[\]P_^X]/), 'OSC, DCS, APC, PM or SOS sequence').toBeNull();
    expect(found(/[\u0080-\u009f]/), 'C1 control').toBeNull();
    expect(found(/[\u202a-\u202e\u2066-\u2069]/), 'bidi override').toBeNull();
    expect(found(/\x07/), 'BEL').toBeNull();
    expect(found(/ZWNobyBwd25lZCB8IHNo|Y3VybCBldmlsLnNofHNo|evil\.example\/steal\x1b/), 'an OSC payload').toBeNull();
    // tmux saw no clipboard write and no title change.
    expect(tmux('list-buffers')).toBe('');
    expect(tmux('display-message', '-p', '-t', 'h', '#{pane_title}')).toBe(titleBefore);
  });
});
