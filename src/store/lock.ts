// Advisory lock for one score file: `<file>.lock` holding {pid, host, since, kind}. Created with
// link(2) from a fully written temporary file, so the lock appears atomically with its content
// or not at all. A lock left by a dead process on this host (or from before the last boot) is
// stale and taken over; a lock from another host cannot be checked and is reported. A contender
// may wait for the lock (bounded, with backoff and jitter): one-shot writers such as `score` hold
// it for milliseconds, so a script running twenty of them in parallel queues instead of failing.
import { randomBytes } from 'node:crypto';
import { unlinkSync, readFileSync } from 'node:fs';
import { link, readdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { hostname, uptime } from 'node:os';
import { basename, dirname, join } from 'node:path';

/** Who holds a lock: an interactive session (the review UI, held for minutes) or a one-shot writer. */
export type LockKind = 'interactive' | 'oneshot';

export interface LockHolder {
  pid: number;
  host: string;
  /** ISO timestamp of when the lock was taken. */
  since: string;
  kind: LockKind;
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
      // A lock written before kinds were recorded came from a session: treat it as interactive.
      const kind: LockKind = data.kind === 'oneshot' ? 'oneshot' : 'interactive';
      return { pid: data.pid, host: data.host, since: data.since, kind, token: typeof data.token === 'string' ? data.token : '' };
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

function holderOf(content: LockContent): LockHolder {
  const { pid, host, since, kind } = content;
  return { pid, host, since, kind };
}

const UNKNOWN_HOLDER = (since: string): LockHolder => ({ pid: 0, host: 'unknown', since, kind: 'interactive' });

/** One attempt: take the lock now (taking over a stale one) or say who holds it. */
async function tryAcquire(lockPath: string, kind: LockKind): Promise<LockResult & { token?: string }> {
  const content: LockContent = { pid: process.pid, host: hostname(), since: new Date().toISOString(), kind, token: randomBytes(8).toString('hex') };
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
      return { acquired: false, holder: UNKNOWN_HOLDER(new Date(Date.now() - age).toISOString()) };
    }
    if (isStale(current.content)) {
      await takeOver(lockPath, current.text);
      continue;
    }
    return { acquired: false, holder: holderOf(current.content), token: current.content.token };
  }
  const current = await readHolder(lockPath);
  const holder = current?.content;
  return { acquired: false, holder: holder ? holderOf(holder) : UNKNOWN_HOLDER(new Date().toISOString()) };
}

export interface AcquireOptions {
  /** What the lock is taken for, recorded in it so that others know whether waiting can help. */
  kind?: LockKind;
  /** How long to wait for a live holder, in ms (default 0: answer at once). */
  waitMs?: number;
  /** Wait only for holders of these kinds (default: any); others are reported at once. */
  waitFor?: readonly LockKind[];
  /** Called once when the wait has lasted `noticeAfterMs` (to tell a person what is happening). */
  onWait?: (holder: LockHolder) => void;
  noticeAfterMs?: number;
  /** For tests: the random part of the backoff. */
  random?: () => number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Backoff for the n-th retry: doubling from 10 ms up to 250 ms, with "full jitter" (a random
 * share of it) so that twenty waiters do not wake in step and collide again.
 */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
  const cap = Math.min(250, 10 * 2 ** Math.min(attempt, 5));
  return Math.max(2, Math.round(cap * (0.5 + random() * 0.5)));
}

/**
 * Take the lock on `path`, waiting up to `waitMs` for a live holder to let go. While one-shot
 * holders keep handing the lock on (a queue of writers that is draining), the wait is extended
 * from each hand-over, up to three times `waitMs` in all, so that the last of twenty queued
 * writers is not refused merely for being last; one holder that keeps it for `waitMs` wins.
 */
export async function acquireLock(path: string, options: AcquireOptions = {}): Promise<LockResult> {
  const lockPath = lockPathFor(path);
  const kind = options.kind ?? 'interactive';
  const waitMs = Math.max(0, options.waitMs ?? 0);
  const start = Date.now();
  const hardEnd = start + 3 * waitMs;
  let deadline = start + waitMs;
  let lastToken: string | undefined;
  let noticed = false;
  for (let attempt = 0; ; attempt++) {
    const result = await tryAcquire(lockPath, kind);
    if (result.acquired) return { acquired: true, lock: result.lock };
    const now = Date.now();
    if (options.waitFor && !options.waitFor.includes(result.holder.kind)) return { acquired: false, holder: result.holder };
    if (result.token !== undefined && lastToken !== undefined && result.token !== lastToken && result.holder.kind === 'oneshot') {
      deadline = Math.min(hardEnd, Math.max(deadline, now + waitMs));
    }
    lastToken = result.token ?? lastToken;
    if (now >= deadline) return { acquired: false, holder: result.holder };
    if (!noticed && options.onWait && now - start >= (options.noticeAfterMs ?? 1000)) {
      noticed = true;
      options.onWait(result.holder);
    }
    await sleep(Math.min(backoffMs(attempt, options.random), Math.max(1, deadline - now)));
  }
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
  return holderOf(current.content);
}

export function describeHolder(holder: LockHolder): string {
  const what = holder.kind === 'oneshot' ? 'a one-shot write' : 'an interactive session';
  return `${what}, pid ${holder.pid} on ${holder.host} since ${holder.since}`;
}
