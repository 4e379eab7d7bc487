// Every corpus document, every screen, at 80x24 and 200x50: no row wider than the terminal and
// the frame one row shorter than it (a full-height frame makes Ink clear the screen each time).
import { readdirSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { displayWidth } from '../../src/tui/text.js';
import { CORPUS, expectRowsFit, KEY, memoryHost, openedReview, press, renderApp, waitFor } from './helpers.js';

afterEach(() => cleanup());

const SIZES = [
  { columns: 80, rows: 24 },
  { columns: 200, rows: 50 },
];

function checkFrame(frame: string, size: { columns: number; rows: number }, where: string) {
  const rows = frame.split('\n');
  expect(rows.length, `${where}: height`).toBeLessThanOrEqual(size.rows - 1);
  expectRowsFit(frame, size.columns, `${where}:`);
}

describe('layout', () => {
  for (const doc of readdirSync(CORPUS).filter((n) => n.endsWith('.md'))) {
    for (const size of SIZES) {
      it(`${doc} fits ${size.columns}x${size.rows} on every screen`, async () => {
        const { review } = await openedReview(doc);
        const app = renderApp({ host: memoryHost({ [doc]: review }), start: { kind: 'document', path: doc, review }, size });
        await waitFor(() => expect(app.lastFrame()).toContain('Evidence · Production users'));
        checkFrame(app.lastFrame()!, size, 'review');
        await press(app.stdin, KEY.tab, KEY.pageDown);
        checkFrame(app.lastFrame()!, size, 'review scrolled');
        await press(app.stdin, 'n');
        await waitFor(() => expect(app.lastFrame()).toContain('Note ·'));
        await press(app.stdin, 'word '.repeat(120));
        checkFrame(app.lastFrame()!, size, 'notes');
        await press(app.stdin, KEY.escape, 'o');
        await waitFor(() => expect(app.lastFrame()).toMatch(/lines \d+-\d+ of/));
        checkFrame(app.lastFrame()!, size, 'document');
        await press(app.stdin, 'q', 's');
        await waitFor(() => expect(app.lastFrame()).toContain('Summary ·'));
        checkFrame(app.lastFrame()!, size, 'summary');
        await press(app.stdin, '?');
        await waitFor(() => expect(app.lastFrame()).toContain('Help: Summary keys'));
        checkFrame(app.lastFrame()!, size, 'help');
      });
    }
  }

  it('says the terminal is too small instead of drawing garbage, and recovers', async () => {
    const { review } = await openedReview();
    const host = memoryHost({ [review.sourcePath]: review });
    const app = renderApp({ host, start: { kind: 'document', path: review.sourcePath, review }, size: { columns: 40, rows: 10 } });
    await waitFor(() => expect(app.lastFrame()).toContain('needs at least'));
    for (const row of app.lastFrame()!.split('\n')) expect(displayWidth(row)).toBeLessThanOrEqual(40);
  });
});
