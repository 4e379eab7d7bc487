// The review UI on hostile documents and score files, driven through the real store host
// (real extraction, real score files on disk) and rendered with ink-testing-library: no frame,
// on any screen, may carry an escape sequence or control character from the input. With colour
// off no ESC may appear at all; with colour on, only the UI's own SGR colour codes may.
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import chalk from 'chalk';
import { cleanup, render } from 'ink-testing-library';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PAYLOADS } from '../../scripts/make-hostile-fixtures.mjs';
import { loadCriteria } from '../../src/store/criteria-files.js';
import { openSettings } from '../../src/store/settings.js';
import { App, type AppStart } from '../../src/tui/app.js';
import { createStoreHost, type StoreHost } from '../../src/tui/store-host.js';
import { copyHostileWorkspace, findControl, HOSTILE, testEnv } from './helpers.js';

const SGR = /\x1b\[[0-9;]*m/g;
const KEY = { down: '\x1b[B', tab: '\t', escape: '\x1b', pageDown: '\x1b[6~', enter: '\r' };
const settle = (ms = 25) => new Promise((resolve) => setTimeout(resolve, ms));

let level: typeof chalk.level;
beforeAll(() => {
  level = chalk.level;
});
afterAll(() => {
  chalk.level = level;
});
afterEach(() => cleanup());

const hosts: StoreHost[] = [];
afterEach(async () => {
  for (const host of hosts.splice(0)) await host.closeAll();
});

async function startApp(workspace: string, start: AppStart, color: boolean) {
  chalk.level = color ? 3 : 0;
  const env = testEnv();
  const host = createStoreHost({
    workspace,
    criteria: await loadCriteria(),
    reviewer: { name: `Mallory${PAYLOADS.osc52}`, handle: 'mallory' },
    readOnly: false,
    settings: () => openSettings(env),
  });
  hosts.push(host);
  // As the review command does: open the document first, so the UI starts on it.
  if (start.kind === 'document') start = { ...start, review: await host.openReview(start.path) };
  const exits: string[] = [];
  const app = render(<App host={host} start={start} size={{ columns: 100, rows: 30 }} color={color} onExit={(code, message) => exits.push(`${code} ${message ?? ''}`)} />);
  return { app, host, exits };
}

/** Every frame so far: no control character, ESC only in the UI's own colour codes. */
function checkFrames(frames: string[], color: boolean, label: string): void {
  for (const [index, frame] of frames.entries()) {
    if (!color) expect(frame.includes('\x1b'), `${label}: frame ${index} has an ESC with colour off`).toBe(false);
    expect(findControl(frame.replace(SGR, '')), `${label}: frame ${index}:\n${frame}`).toBeNull();
  }
}

async function until(check: () => boolean, label: string, frame: () => string | undefined, timeoutMs = 5000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${label}; last frame:\n${frame()}`);
    await settle(10);
  }
}

async function press(stdin: { write: (s: string) => void }, ...keys: string[]) {
  for (const key of keys) {
    stdin.write(key);
    await settle();
  }
}

describe.each([false, true])('UI on the hostile workspace (colour %s)', (color) => {
  let workspace: string;
  beforeAll(() => {
    workspace = copyHostileWorkspace();
    for (const name of readdirSync(join(HOSTILE, 'documents'))) {
      if (name !== 'hostile-review.md') copyFileSync(join(HOSTILE, 'documents', name), join(workspace, name));
    }
    // Broken score files: my own for one document (the list must say so), another reviewer's
    // for the hostile review (the review must still open).
    copyFileSync(join(HOSTILE, 'documents', 'csi-repaint.md'), join(workspace, 'broken-own.md'));
    mkdirSync(join(workspace, 'scores', 'broken-own'), { recursive: true });
    copyFileSync(join(HOSTILE, 'score-files', 'not-json.score.json'), join(workspace, 'scores', 'broken-own', 'mallory.score.json'));
    copyFileSync(join(HOSTILE, 'score-files', 'path-control.score.json'), join(workspace, 'scores', 'hostile-review', 'zed.score.json'));
    copyFileSync(join(HOSTILE, 'score-files', 'extra-field-item.score.json'), join(workspace, 'scores', 'hostile-review', 'ada.score.json'));
    // File names are untrusted too: a shared repository can hold any byte but "/" and NUL.
    copyFileSync(join(HOSTILE, 'documents', 'osc52-clipboard.md'), join(workspace, `name${PAYLOADS.osc52}${PAYLOADS.clearScreen}\u202e.md`));
  });

  it('the workspace list of hostile documents', async () => {
    const { app } = await startApp(workspace, { kind: 'workspace' }, color);
    await until(() => (app.lastFrame() ?? '').includes('hostile-review'), 'the workspace list', app.lastFrame);
    await press(app.stdin, ...Array(14).fill('j'), '?');
    await settle(100);
    checkFrames(app.frames, color, 'workspace list');
    // The broken score file is named in the list, as safe text.
    expect(app.frames.some((frame) => /broken-own/.test(frame) && /unreadable|not valid JSON|invalid/i.test(frame)), app.frames.find((f) => f.includes('broken-own'))).toBe(true);
  });

  it('every screen of the hostile review: criteria, evidence, document, summary, help, notes', async () => {
    const { app, exits } = await startApp(workspace, { kind: 'document', path: join(workspace, 'hostile-review.md') }, color);
    await until(() => /scored/.test(app.lastFrame() ?? ''), 'the review screen', () => `${app.frames.length} frames, exits ${JSON.stringify(exits)}: ${app.frames.join('\n----\n')}`);
    // Every criterion and its evidence.
    for (let i = 0; i < 4; i++) await press(app.stdin, 'j', KEY.tab, KEY.pageDown, ']', KEY.tab);
    // The whole document, page by page.
    await press(app.stdin, 'g', 'o', ...Array(6).fill(KEY.pageDown), '/', 'N', 'o', 'r', 't', 'h', KEY.enter, 'n', 'q');
    // Summary with the hostile recommendation notes, and help.
    await press(app.stdin, 's', 'j', 'j', 'q', '?');
    await settle(50);
    await press(app.stdin, 'q');
    // Notes editor showing the hostile note, then a pasted escape sequence typed in.
    await press(app.stdin, 'n', `pasted${PAYLOADS.oscTitle}text`, KEY.enter);
    await settle(100);
    expect(app.frames.length).toBeGreaterThan(20);
    checkFrames(app.frames, color, 'review screens');
  });

  it.each(readdirSync(join(HOSTILE, 'documents')).filter((name) => name !== 'hostile-review.md'))(
    'documents/%s opened and read to the end',
    async (name) => {
      const { app } = await startApp(workspace, { kind: 'document', path: join(workspace, name) }, color);
      await until(() => /scored/.test(app.lastFrame() ?? ''), `review of ${name}`, app.lastFrame);
      await press(app.stdin, KEY.tab, 'G', KEY.tab, 'o', 'G', 'q', 's');
      await settle(50);
      checkFrames(app.frames, color, name);
    },
  );
});
