// Two sessions on one score file: the second learns who holds it and opens read-only; a lock
// left by a dead process is taken over; a lock from another host is respected.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sha256 } from '../../src/core/hash.js';
import { setItemScore } from '../../src/core/scores/score-file.js';
import { acquireLock, lockPathFor } from '../../src/store/lock.js';
import { openScoreSession, scoreFilePath, type ScoreSession } from '../../src/store/score-store.js';
import { incubation, sampleWorkspace, T1 } from '../helpers/score-fixtures.js';
import { bundleChild, startChild, type RunningChild } from './child.js';

const sessions: ScoreSession[] = [];
const children: RunningChild[] = [];
afterEach(async () => {
  await Promise.all(sessions.splice(0).map((s) => s.close()));
  for (const running of children.splice(0)) {
    running.child.kill('SIGKILL');
    await running.exited;
  }
});

async function open(workspace: string, doc: string, handle = 'crash') {
  const text = readFileSync(doc, 'utf8');
  const session = await openScoreSession({
    workspace,
    documentPath: doc,
    document: { sha256: sha256(text), title: 'Lanternfish' },
    criteria: incubation(),
    reviewer: { name: 'Crash Test', handle },
  });
  sessions.push(session);
  return session;
}

/** The pid of a process that has certainly exited. */
function deadPid(): number {
  const result = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(result.stdout.toString());
}

let script: string;
beforeAll(async () => {
  script = await bundleChild();
});

describe('score file locking', () => {
  it('a second session in another process is told who holds the file and opens read-only', async () => {
    const { workspace, doc } = sampleWorkspace();
    const holder = startChild(script, 'hold', workspace, doc);
    children.push(holder);
    expect(await holder.waitFor(/^open /)).toBe('open locked 0');

    const before = Date.now();
    const second = await open(workspace, doc);
    expect(second.readOnly).toBe(true);
    expect(second.lockHolder).toMatchObject({ pid: holder.child.pid, host: hostname() });
    expect(Date.parse(second.lockHolder!.since)).toBeLessThanOrEqual(before);
    // Read-only saves are no-ops: nothing is written.
    await second.save(setItemScore(second.file, 'versioning', 3, T1));
    expect(existsSync(second.path)).toBe(false);
    await second.close();
    // Closing a read-only session does not remove the holder's lock.
    expect(JSON.parse(readFileSync(lockPathFor(second.path), 'utf8')).pid).toBe(holder.child.pid);
  });

  it('within one process too, and the file is free again once the first session closes', async () => {
    const { workspace, doc } = sampleWorkspace();
    const first = await open(workspace, doc);
    expect(first.readOnly).toBe(false);
    expect(first.lockHolder).toBeNull();
    const second = await open(workspace, doc);
    expect(second.readOnly).toBe(true);
    expect(second.lockHolder?.pid).toBe(process.pid);
    await first.close();
    expect(existsSync(lockPathFor(first.path))).toBe(false);
    const third = await open(workspace, doc);
    expect(third.readOnly).toBe(false);
  });

  it('takes over a stale lock left by a process that was killed', async () => {
    const { workspace, doc } = sampleWorkspace();
    const holder = startChild(script, 'hold', workspace, doc);
    await holder.waitFor(/^open locked/);
    holder.child.kill('SIGKILL');
    await holder.exited;
    const path = scoreFilePath(workspace, doc, 'crash');
    expect(JSON.parse(readFileSync(lockPathFor(path), 'utf8')).pid).toBe(holder.child.pid);

    const session = await open(workspace, doc);
    expect(session.readOnly).toBe(false);
    expect(session.lockHolder).toBeNull();
    expect(JSON.parse(readFileSync(lockPathFor(path), 'utf8')).pid).toBe(process.pid);
  });

  it('takes over a lock naming a dead pid, and one taken before this machine booted', async () => {
    const { workspace, doc } = sampleWorkspace();
    const path = scoreFilePath(workspace, doc, 'crash');
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(lockPathFor(path), JSON.stringify({ pid: deadPid(), host: hostname(), since: new Date().toISOString() }));
    const result = await acquireLock(path);
    expect(result.acquired).toBe(true);
    if (result.acquired) await result.lock.release();

    // pid 1 is alive, but a lock from 1999 predates the last boot.
    writeFileSync(lockPathFor(path), JSON.stringify({ pid: 1, host: hostname(), since: '1999-01-01T00:00:00.000Z' }));
    const old = await acquireLock(path);
    expect(old.acquired).toBe(true);
    if (old.acquired) await old.lock.release();
    expect(existsSync(lockPathFor(path))).toBe(false);
  });

  it('respects a lock held on another host (it cannot be checked) and reports it', async () => {
    const { workspace, doc } = sampleWorkspace();
    const path = scoreFilePath(workspace, doc, 'crash');
    mkdirSync(dirname(path), { recursive: true });
    const since = new Date().toISOString();
    writeFileSync(lockPathFor(path), JSON.stringify({ pid: deadPid(), host: 'laptop-of-grace', since }));
    const session = await open(workspace, doc);
    expect(session.readOnly).toBe(true);
    expect(session.lockHolder).toMatchObject({ host: 'laptop-of-grace', since });
  });

  it('of many concurrent contenders for a stale lock, exactly one wins', async () => {
    const { workspace, doc } = sampleWorkspace();
    const path = scoreFilePath(workspace, doc, 'crash');
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(lockPathFor(path), JSON.stringify({ pid: deadPid(), host: hostname(), since: new Date().toISOString() }));
    const results = await Promise.all(Array.from({ length: 8 }, () => acquireLock(path)));
    expect(results.filter((r) => r.acquired)).toHaveLength(1);
    for (const r of results) if (r.acquired) await r.lock.release();
  });
});
