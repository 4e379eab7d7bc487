// Extraction results (and the workspace list's triage rows made from them) kept on disk between
// runs, so reopening a document shows its first frame, and the list its figures, without
// parsing and extracting it again. A result is reused only for the same build of the
// tool, the same document bytes, the same criteria bytes and the same displayed path; any
// read or write problem just means extracting as usual. Only the built CLI caches (the build
// stamps an id); code running from source, as in unit tests, never does.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, statSync, unlinkSync } from 'node:fs';
import { readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { ExtractResult } from '../core/evidence/extract-types.js';
import type { TriageRow } from '../core/triage/triage-row.js';
import { sha256 } from '../core/hash.js';

declare const __TOC_BUILD_ID__: string | undefined;
const BUILD_ID = typeof __TOC_BUILD_ID__ === 'undefined' ? null : __TOC_BUILD_ID__;

/** Results kept per kind; the oldest beyond this are removed when a new one is written. */
const MAX_ENTRIES = 64;

export interface CacheKey {
  documentSha256: string;
  criteriaSha256: string;
  displayPath: string;
}

/** The cache folder: TOC_REVIEW_CACHE_DIR, else beside redirected settings, else the OS cache. */
export function extractCacheDir(env: NodeJS.ProcessEnv): string {
  if (env.TOC_REVIEW_CACHE_DIR) return env.TOC_REVIEW_CACHE_DIR;
  if (env.TOC_REVIEW_CONFIG_DIR) return join(env.TOC_REVIEW_CONFIG_DIR, 'cache');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Caches', 'toc-review');
  if (process.platform === 'win32') return join(env.LOCALAPPDATA || join(homedir(), 'AppData', 'Local'), 'toc-review', 'Cache');
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'toc-review');
}

type EntryKind = 'extract' | 'triage';

function entryPath(env: NodeJS.ProcessEnv, kind: EntryKind, key: CacheKey, buildId: string): string {
  const id = sha256(JSON.stringify([buildId, key.documentSha256, key.criteriaSha256, key.displayPath]));
  return join(extractCacheDir(env), `${kind}-${id}.json`);
}

async function readEntry<T>(env: NodeJS.ProcessEnv, kind: EntryKind, key: CacheKey, buildId: string | null, valid: (value: T) => boolean): Promise<T | null> {
  if (!buildId || env.TOC_REVIEW_NO_CACHE) return null;
  try {
    const value = JSON.parse(await readFile(entryPath(env, kind, key, buildId), 'utf8')) as T;
    return valid(value) ? value : null;
  } catch {
    return null;
  }
}

async function writeEntry(env: NodeJS.ProcessEnv, kind: EntryKind, key: CacheKey, value: unknown, buildId: string | null): Promise<void> {
  if (!buildId || env.TOC_REVIEW_NO_CACHE) return;
  const path = entryPath(env, kind, key, buildId);
  const temp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    mkdirSync(extractCacheDir(env), { recursive: true });
    await writeFile(temp, JSON.stringify(value));
    await rename(temp, path);
    prune(extractCacheDir(env), kind);
  } catch {
    await unlink(temp).catch(() => undefined);
  }
}

/** A cached result for exactly this document, criteria and path, or null. */
export function readCachedExtract(env: NodeJS.ProcessEnv, key: CacheKey, buildId = BUILD_ID): Promise<ExtractResult | null> {
  return readEntry<ExtractResult>(
    env,
    'extract',
    key,
    buildId,
    (result) => result?.schema === 'toc-review/extract@1' && result.document?.sha256 === key.documentSha256 && result.document.path === key.displayPath && Array.isArray(result.criteria),
  );
}

/** Keep a result for next time (atomically; failures are ignored). */
export function writeCachedExtract(env: NodeJS.ProcessEnv, key: CacheKey, result: ExtractResult, buildId = BUILD_ID): Promise<void> {
  return writeEntry(env, 'extract', key, result, buildId);
}

/** A cached triage row (the workspace list's figures) for this document, criteria and path, or null. */
export function readCachedTriage(env: NodeJS.ProcessEnv, key: CacheKey, buildId = BUILD_ID): Promise<TriageRow | null> {
  return readEntry<TriageRow>(env, 'triage', key, buildId, (row) => row?.document === key.displayPath && typeof row.gaps === 'number' && typeof row.suggestions === 'object');
}

export function writeCachedTriage(env: NodeJS.ProcessEnv, key: CacheKey, row: TriageRow, buildId = BUILD_ID): Promise<void> {
  return writeEntry(env, 'triage', key, row, buildId);
}

function prune(dir: string, kind: EntryKind): void {
  const pattern = new RegExp(`^${kind}-[0-9a-f]{64}\\.json$`);
  const entries = readdirSync(dir)
    .filter((name) => pattern.test(name))
    .map((name) => {
      try {
        return { path: join(dir, name), at: statSync(join(dir, name)).mtimeMs };
      } catch {
        return null;
      }
    })
    .filter((e): e is { path: string; at: number } => e !== null)
    .sort((a, b) => b.at - a.at);
  for (const stale of entries.slice(MAX_ENTRIES)) {
    try {
      unlinkSync(stale.path);
    } catch {
      // Another process may have removed it.
    }
  }
}
