// Advisory lock for one score file: `<file>.lock` holding {pid, host, since}. Created with
// link(2) from a fully written temporary file, so the lock appears atomically with its content
// or not at all. A lock left by a dead process on this host (or from before the last boot) is
// stale and taken over; a lock from another host cannot be checked and is reported.
import { randomBytes } from 'node:crypto';
import { unlinkSync, readFileSync } from 'node:fs';
import { link, readdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { hostname, uptime } from 'node:os';
import { basename, dirname, join } from 'node:path';

export interface LockHolder {
  pid: number;
  host: string;
  /** ISO timestamp of when the lock was taken. */
  since: string;
}

interface LockContent extends LockHolder {
  token: string;
}

export type LockResult = { acquired: true; lock: HeldLock } | { acquired: false; holder: LockHolder };

export interface HeldLock {
  path: string;
  release(): Promise<void>;
}

/** A lock file that is not valid JSON is stale once it is older than this (a crashed writer). */
const UNREADABLE_GRACE_MS = 10_000;

const held = new Map<string, string>(); // lock path -> our token, released on exit
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const [path, token] of held) {
      try {
        if (parseLock(readFileSync(path, 'utf8'))?.token === token) unlinkSync(path);
      } catch {
        // already gone
      }
    }
  });
}

export function lockPathFor(path: string): string {
  return `${path}.lock`;
}

function parseLock(text: string): LockContent | null {
  try {
    const data = JSON.parse(text) as Partial<LockContent>;
    if (typeof data.pid === 'number' && Number.isInteger(data.pid) && data.pid > 0 && typeof data.host === 'string' && typeof data.since === 'string') {
      return { pid: data.pid, host: data.host, since: data.since, token: typeof data.token === 'string' ? data.token : '' };
    }
  } catch {
    // fall through
  }
  return null;
}

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Stale: taken on this host by a process that is gone, or before this machine last booted. */
export function isStale(holder: LockHolder, now = Date.now()): boolean {
  if (holder.host !== hostname()) return false;
  const since = Date.parse(holder.since);
  const bootedAt = now - uptime() * 1000;
  if (Number.isFinite(since) && since < bootedAt - 60_000) return true;
  return !isProcessAlive(holder.pid);
}

async function readHolder(lockPath: string): Promise<{ content: LockContent | null; text: string } | null> {
  try {
    const text = await readFile(lockPath, 'utf8');
    return { content: parseLock(text), text };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

async function tryCreate(lockPath: string, content: LockContent): Promise<boolean> {
  const temp = `${lockPath}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(temp, `${JSON.stringify(content)}\n`, { flag: 'wx' });
  try {
    await link(temp, lockPath);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}

/**
 * Move a stale lock aside. Only one contender's rename succeeds; if the lock it moved turns out
 * not to be the stale one it judged (a race with a fresh holder), it is put back.
 */
async function takeOver(lockPath: string, staleText: string): Promise<void> {
  const aside = `${lockPath}.stale.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await rename(lockPath, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  const moved = await readFile(aside, 'utf8').catch(() => staleText);
  if (moved !== staleText) await link(aside, lockPath).catch(() => undefined);
  await unlink(aside).catch(() => undefined);
}

export async function acquireLock(path: string): Promise<LockResult> {
  const lockPath = lockPathFor(path);
  const content: LockContent = { pid: process.pid, host: hostname(), since: new Date().toISOString(), token: randomBytes(8).toString('hex') };
  for (let attempt = 0; attempt < 5; attempt++) {
    if (await tryCreate(lockPath, content)) {
      held.set(lockPath, content.token);
      installExitHook();
      await removeDeadLockTemps(lockPath);
      return { acquired: true, lock: { path: lockPath, release: () => releaseLock(lockPath, content.token) } };
    }
    const current = await readHolder(lockPath);
    if (current === null) continue; // released meanwhile
    if (current.content === null) {
      const age = await stat(lockPath).then(
        (s) => Date.now() - s.mtimeMs,
        () => 0,
      );
      if (age > UNREADABLE_GRACE_MS) {
        await takeOver(lockPath, current.text);
        continue;
      }
      return { acquired: false, holder: { pid: 0, host: 'unknown', since: new Date(Date.now() - age).toISOString() } };
    }
    if (isStale(current.content)) {
      await takeOver(lockPath, current.text);
      continue;
    }
    const { pid, host, since } = current.content;
    return { acquired: false, holder: { pid, host, since } };
  }
  const current = await readHolder(lockPath);
  const holder = current?.content;
  return { acquired: false, holder: holder ? { pid: holder.pid, host: holder.host, since: holder.since } : { pid: 0, host: 'unknown', since: new Date().toISOString() } };
}

/**
 * Remove the temporary files of lock attempts whose process died mid-way (SIGKILL between
 * writing and unlinking them), so they do not pile up in the scores folder. Live processes'
 * files are left alone: they may be between write and link right now.
 */
async function removeDeadLockTemps(lockPath: string): Promise<void> {
  const dir = dirname(lockPath);
  const prefix = `${basename(lockPath)}.`;
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    const match = name.startsWith(prefix) ? /^(?:stale\.)?(\d+)\.[0-9a-f]{8}\.tmp$/.exec(name.slice(prefix.length)) : null;
    if (match && Number(match[1]) !== process.pid && !isProcessAlive(Number(match[1]))) await unlink(join(dir, name)).catch(() => undefined);
  }
}

async function releaseLock(lockPath: string, token: string): Promise<void> {
  if (held.get(lockPath) !== token) return;
  held.delete(lockPath);
  const current = await readHolder(lockPath).catch(() => null);
  // Never remove a lock someone else took over (e.g. after we were judged stale).
  if (current?.content?.token === token) await unlink(lockPath).catch(() => undefined);
}

/** Who holds the lock on `path` right now (null when free or stale). */
export async function lockHolder(path: string): Promise<LockHolder | null> {
  const current = await readHolder(lockPathFor(path));
  if (!current?.content || isStale(current.content)) return null;
  const { pid, host, since } = current.content;
  return { pid, host, since };
}

export function describeHolder(holder: LockHolder): string {
  return `pid ${holder.pid} on ${holder.host} since ${holder.since}`;
}
