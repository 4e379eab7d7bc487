// The on-disk extraction cache: a result comes back only for the same build, document bytes,
// criteria bytes and path; damaged entries are misses; running from source never caches; the
// folder is pruned.
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/core/document/document.js';
import { extractEvidence } from '../../src/core/evidence/extract.js';
import type { ExtractResult } from '../../src/core/evidence/extract-types.js';
import { triageRow } from '../../src/core/triage/triage-row.js';
import { extractCacheDir, readCachedExtract, readCachedTriage, writeCachedExtract, writeCachedTriage, type CacheKey } from '../../src/store/extract-cache.js';
import { loadCriteria } from '../../src/store/criteria-files.js';

let dir = '';
let env: NodeJS.ProcessEnv = {};
let result: ExtractResult;
let key: CacheKey;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'toc-extract-cache-'));
  env = { TOC_REVIEW_CONFIG_DIR: dir };
  const criteria = await loadCriteria();
  const text = '# Project\n\n## Adopters\n\n- Acme Corp\n- Globex\n- Initech\n';
  result = extractEvidence(parseDocument(text), criteria, { path: 'doc.md', sha256: 'a'.repeat(64) });
  key = { documentSha256: 'a'.repeat(64), criteriaSha256: criteria.source.sha256, displayPath: 'doc.md' };
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('extraction cache', () => {
  it('lives beside redirected settings, or where TOC_REVIEW_CACHE_DIR says', () => {
    expect(extractCacheDir(env)).toBe(join(dir, 'cache'));
    expect(extractCacheDir({ ...env, TOC_REVIEW_CACHE_DIR: join(dir, 'elsewhere') })).toBe(join(dir, 'elsewhere'));
  });

  it('returns what was written for the same build, document, criteria and path', async () => {
    await writeCachedExtract(env, key, result, 'build-1');
    expect(await readCachedExtract(env, key, 'build-1')).toEqual(JSON.parse(JSON.stringify(result)));
  });

  it('misses for another build, document, criteria set or path', async () => {
    await writeCachedExtract(env, key, result, 'build-1');
    expect(await readCachedExtract(env, key, 'build-2')).toBeNull();
    expect(await readCachedExtract(env, { ...key, documentSha256: 'b'.repeat(64) }, 'build-1')).toBeNull();
    expect(await readCachedExtract(env, { ...key, criteriaSha256: 'c'.repeat(64) }, 'build-1')).toBeNull();
    expect(await readCachedExtract(env, { ...key, displayPath: 'other.md' }, 'build-1')).toBeNull();
  });

  it('never caches when running from source (no build id) or when turned off', async () => {
    await writeCachedExtract(env, key, result, null);
    expect(existsSync(join(dir, 'cache'))).toBe(false);
    await writeCachedExtract({ ...env, TOC_REVIEW_NO_CACHE: '1' }, key, result, 'build-1');
    expect(existsSync(join(dir, 'cache'))).toBe(false);
    await writeCachedExtract(env, key, result, 'build-1');
    expect(await readCachedExtract({ ...env, TOC_REVIEW_NO_CACHE: '1' }, key, 'build-1')).toBeNull();
  });

  it('treats a damaged or foreign entry as a miss', async () => {
    await writeCachedExtract(env, key, result, 'build-1');
    const [entry] = readdirSync(join(dir, 'cache'));
    writeFileSync(join(dir, 'cache', entry!), '{"schema": "toc-review/extract@1", "document": ');
    expect(await readCachedExtract(env, key, 'build-1')).toBeNull();
    writeFileSync(join(dir, 'cache', entry!), JSON.stringify({ ...result, document: { ...result.document, sha256: 'f'.repeat(64) } }));
    expect(await readCachedExtract(env, key, 'build-1')).toBeNull();
  });

  it('keeps at most 64 entries and leaves no temp files', async () => {
    for (let i = 0; i < 70; i++) await writeCachedExtract(env, { ...key, displayPath: `doc-${i}.md` }, { ...result, document: { ...result.document, path: `doc-${i}.md` } }, 'build-1');
    const names = readdirSync(join(dir, 'cache'));
    expect(names.length).toBe(64);
    expect(names.every((n) => /^extract-[0-9a-f]{64}\.json$/.test(n))).toBe(true);
  });

  it('keeps triage rows apart from extractions, under the same rules', async () => {
    const criteria = await loadCriteria();
    const row = triageRow(result, parseDocument('# Project\n'), criteria);
    await writeCachedTriage(env, key, row, 'build-1');
    expect(await readCachedTriage(env, key, 'build-1')).toEqual(JSON.parse(JSON.stringify(row)));
    expect(await readCachedExtract(env, key, 'build-1')).toBeNull();
    expect(await readCachedTriage(env, key, 'build-2')).toBeNull();
    expect(await readCachedTriage(env, { ...key, displayPath: 'other.md' }, 'build-1')).toBeNull();
    await writeCachedExtract(env, key, result, 'build-1');
    expect(await readCachedTriage(env, key, 'build-1')).toEqual(JSON.parse(JSON.stringify(row)));
    // Many triage rows do not push extractions out (each kind is pruned on its own).
    for (let i = 0; i < 70; i++) await writeCachedTriage(env, { ...key, displayPath: `doc-${i}.md` }, { ...row, document: `doc-${i}.md` }, 'build-1');
    expect(await readCachedExtract(env, key, 'build-1')).not.toBeNull();
    expect(readdirSync(extractCacheDir(env)).filter((n) => n.startsWith('triage-'))).toHaveLength(64);
  });
});
