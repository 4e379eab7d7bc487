// Waiting for a score file's lock: the wait setting, the backoff's bounds, and acquireLock's
// waiting (for a holder that lets go, up to the wait for one that does not, and none at all
// for a kind the caller does not wait for).
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireLock, backoffMs } from '../../src/store/lock.js';
import { lockWaitMs } from '../../src/store/lock-wait.js';
import { tempDir } from '../helpers/score-fixtures.js';

function target(): string {
  const path = join(tempDir('toc-lock-wait-'), 'scores', 'doc', 'ada.score.json');
  mkdirSync(dirname(path), { recursive: true });
  return path;
}

describe('lock waiting', () => {
  it('reads --wait, then TOC_REVIEW_LOCK_WAIT, else 10 s; refuses nonsense', () => {
    expect(lockWaitMs(undefined, {})).toBe(10_000);
    expect(lockWaitMs(undefined, { TOC_REVIEW_LOCK_WAIT: '2.5' })).toBe(2500);
    expect(lockWaitMs('0', { TOC_REVIEW_LOCK_WAIT: '2.5' })).toBe(0);
    expect(() => lockWaitMs('-1', {})).toThrow(/--wait: expected seconds/);
    expect(() => lockWaitMs(undefined, { TOC_REVIEW_LOCK_WAIT: 'soon' })).toThrow(/TOC_REVIEW_LOCK_WAIT/);
    expect(() => lockWaitMs('99999', {})).toThrow(/3600/);
  });

  it('backs off from about 10 ms to at most 250 ms, jittered', () => {
    expect(backoffMs(0, () => 0)).toBe(5);
    expect(backoffMs(0, () => 1)).toBe(10);
    expect(backoffMs(3, () => 1)).toBe(80);
    expect(backoffMs(30, () => 1)).toBe(250);
    expect(backoffMs(30, () => 0)).toBe(125);
  });

  it('waits for a holder that lets go, and gives up after the wait on one that does not', async () => {
    const path = target();
    const first = await acquireLock(path, { kind: 'oneshot' });
    expect(first.acquired).toBe(true);
    if (!first.acquired) return;
    setTimeout(() => void first.lock.release(), 150);
    const second = await acquireLock(path, { kind: 'oneshot', waitMs: 5000 });
    expect(second.acquired).toBe(true);
    if (!second.acquired) return;

    const started = Date.now();
    const third = await acquireLock(path, { kind: 'oneshot', waitMs: 300 });
    expect(third).toMatchObject({ acquired: false, holder: { pid: process.pid, kind: 'oneshot' } });
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    await second.lock.release();
  });

  it('does not wait for a kind it was not asked to (the UI facing another UI)', async () => {
    const path = target();
    const ui = await acquireLock(path, { kind: 'interactive' });
    expect(ui.acquired).toBe(true);
    const started = Date.now();
    const other = await acquireLock(path, { kind: 'interactive', waitMs: 5000, waitFor: ['oneshot'] });
    expect(other).toMatchObject({ acquired: false, holder: { kind: 'interactive' } });
    expect(Date.now() - started).toBeLessThan(1000);
    if (ui.acquired) await ui.lock.release();
  });
});
