// The document viewer on a document with a line far longer than the screen (a 72 KB paste) and
// with tabs: every wrapped row can be reached, and the frame stays a frame.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { KEY, memoryHost, openedReview, press, renderApp, waitFor, expectRowsFit } from './helpers.js';

afterEach(() => cleanup());

const SIZE = { columns: 80, rows: 24 };
const words = Array.from({ length: 12_000 }, (_, i) => `w${i}`).join(' ');
const LONG = `${words} THE-END`;

async function openViewer(lines: string[]) {
  const text = lines.join('\n');
  const { review } = await openedReview('long.md', { text });
  const app = renderApp({ host: memoryHost({ 'long.md': review }), start: { kind: 'document', path: 'long.md', review }, size: SIZE });
  await waitFor(() => expect(app.lastFrame()).toContain('Evidence ·'));
  await press(app.stdin, 'o');
  await waitFor(() => expect(app.lastFrame()).toMatch(/lines \d+-\d+ of/));
  await press(app.stdin, 'g');
  return app;
}

const expectFrame = (frame: string) => expectRowsFit(frame, SIZE.columns);

describe('document viewer', () => {
  it('reaches the end of a line longer than the screen with G, and the last line below it', async () => {
    expect(LONG.length).toBeGreaterThan(70_000);
    const app = await openViewer(['# Long', 'adopter one', 'release 1.0', LONG, 'last line']);
    await press(app.stdin, 'G');
    await waitFor(() => expect(app.lastFrame()).toContain('THE-END'));
    const frame = app.lastFrame()!;
    expectFrame(frame);
    expect(frame).toMatch(/5[│┃] last line/);
    expect(frame).toMatch(/lines 4-5 of 5 · line 4 row \d+\/\d+/);
  });

  it('scrolls through a long line row by row, and back', async () => {
    const app = await openViewer(['# Long', 'adopter one', 'release 1.0', LONG, 'last line']);
    await press(app.stdin, 'j', 'j', 'j', 'j');
    await waitFor(() => expect(app.lastFrame()).toContain('line 4 row 2/'));
    // Rows of line 4 that were below the window are on screen now.
    const rowsSeen = (frame: string) => new Set(frame.match(/\bw\d+\b/g));
    const first = rowsSeen(app.lastFrame()!);
    await press(app.stdin, KEY.pageDown);
    // A page is 17 rows at 80x24.
    await waitFor(() => expect(app.lastFrame()).toContain('line 4 row 19/'));
    const next = rowsSeen(app.lastFrame()!);
    expect([...next].some((w) => !first.has(w))).toBe(true);
    await press(app.stdin, 'k', 'k', 'k', 'k', 'k', 'k', 'k', 'k', 'k', 'k', 'k', 'k', 'k', 'k', 'k', 'k', 'k', 'k', 'k', 'k', 'k', 'k', 'k', 'k');
    await waitFor(() => expect(app.lastFrame()).toMatch(/lines 1-4 of 5/));
  });

  it('finds a match deep inside a long line and shows its row', async () => {
    const app = await openViewer(['# Long', 'adopter one', 'release 1.0', LONG, 'last line']);
    await press(app.stdin, '/', 'w9000', KEY.enter);
    await waitFor(() => expect(app.lastFrame()).toContain('"w9000" match 1/1 at line 4'));
    expect(app.lastFrame()).toMatch(/w9000 w9001/);
  });

  it('expands tabs to 4-column stops instead of collapsing them', async () => {
    const app = await openViewer(['# Tabs', 'adopter\tone', '\tindented', 'a\tb\tc', 'release 1.0']);
    const frame = app.lastFrame()!;
    expectFrame(frame);
    expect(frame).toMatch(/2[│┃] adopter one/);
    expect(frame).toMatch(/3[│┃]     indented/);
    expect(frame).toMatch(/4[│┃] a {3}b {3}c/);
  });
});
