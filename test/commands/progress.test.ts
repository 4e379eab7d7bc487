import { describe, expect, it } from 'vitest';
import { createProgress, progressLine } from '../../src/commands/batch/progress.js';

function fakeStderr(isTTY: boolean) {
  const out = { text: '', isTTY, columns: 60, write: (t: string) => (out.text += t) };
  return out;
}

describe('progress bar', () => {
  it('fits the bar, the count and the name into the width', () => {
    const line = progressLine(5, 10, 'projects/some/very-long-name-of-a-document.md', 40);
    expect(line.length).toBeLessThan(40);
    expect(line).toMatch(/^\[(#+)(-+)\] 5\/10 /);
    const [, filled, empty] = /^\[(#+)(-+)\]/.exec(line)!;
    expect(filled!.length).toBe(empty!.length);
    expect(progressLine(10, 10, 'x', 80)).toMatch(/^\[#+\] 10\/10 x$/);
  });

  it('draws on a terminal, keeps error lines whole, and clears itself at the end', () => {
    const stderr = fakeStderr(true);
    let t = 0;
    const progress = createProgress(stderr, 3, { enabled: true, now: () => (t += 200) });
    progress.tick('a.md');
    progress.line('toc-review: b.md: no such file');
    progress.tick('b.md');
    progress.tick('c.md');
    progress.done();
    expect(stderr.text).toContain('\r\x1b[K[');
    expect(stderr.text).toContain('\r\x1b[Ktoc-review: b.md: no such file\n');
    expect(stderr.text.endsWith('\r\x1b[K')).toBe(true);
  });

  it('writes nothing but error lines when stderr is piped or the output is JSON', () => {
    for (const [isTTY, enabled] of [
      [false, true],
      [true, false],
    ] as const) {
      const stderr = fakeStderr(isTTY);
      const progress = createProgress(stderr, 3, { enabled });
      progress.tick('a.md');
      progress.line('toc-review: b.md: no such file');
      progress.tick('b.md');
      progress.done();
      expect(stderr.text).toBe('toc-review: b.md: no such file\n');
    }
  });
});
