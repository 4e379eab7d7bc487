// Kept copies of fetched issues and URL documents: where they live, their record read back strictly, and the line
// --refresh prints about what changed.
import { describe, expect, it } from 'vitest';
import { keptCopyPaths, keptRecordText, keptUrlCopyPaths, lineChange, parseKeptRecord, recordPathOf, refreshReport, type KeptRecord } from '../../../src/core/sources/kept-copy.js';

const origin = { kind: 'github-issue' as const, url: 'https://github.com/a/b/issues/3', repository: 'a/b', number: 3, updatedAt: '2026-01-01T00:00:00Z', fetchedAt: '2026-01-02T00:00:00Z', comments: null };
const record: KeptRecord = { schema: 'toc-review/fetched@1', origin, sha256: 'a'.repeat(64) };

describe('keptCopyPaths', () => {
  it('puts a copy under fetched/OWNER/REPO, lower-cased, apart with and without comments', () => {
    expect(keptCopyPaths({ owner: 'CNCF', repo: 'TOC', number: 12, kind: 'either' }, false)).toEqual({ document: 'fetched/cncf/toc/toc-12.md', record: 'fetched/cncf/toc/toc-12.origin.json' });
    expect(keptCopyPaths({ owner: 'cncf', repo: 'toc', number: 12, kind: 'pull' }, true).document).toBe('fetched/cncf/toc/toc-12-comments.md');
  });
});

describe('parseKeptRecord', () => {
  it('reads back what it wrote', () => {
    expect(parseKeptRecord(keptRecordText(record), 'r.json')).toEqual(record);
  });

  it.each([
    ['{', /r\.json: not valid JSON/],
    ['[]', /field "\(the whole record\)"/],
    [JSON.stringify({ ...record, schema: 'x' }), /field "schema"/],
    [JSON.stringify({ ...record, sha256: 'nope' }), /field "sha256"/],
    [JSON.stringify({ ...record, origin: { ...origin, number: 0 } }), /field "origin\.number"/],
    [JSON.stringify({ ...record, origin: { ...origin, kind: 'gitlab' } }), /field "origin\.kind"/],
    [JSON.stringify({ ...record, origin: { ...origin, updatedAt: 5 } }), /field "origin\.updatedAt"/],
  ])('refuses %s in one line naming the file', (text, message) => {
    expect(() => parseKeptRecord(text, 'r.json')).toThrow(message);
  });
});

describe('lineChange', () => {
  it('counts lines added and removed', () => {
    expect(lineChange('a\nb\nc', 'a\nb\nc')).toEqual({ added: 0, removed: 0 });
    expect(lineChange('a\nb\nc', 'a\nB\nc\nd')).toEqual({ added: 2, removed: 1 });
    expect(lineChange('x\nx', 'x')).toEqual({ added: 0, removed: 1 });
  });
});

describe('refreshReport', () => {
  it('says unchanged when the bytes are the same', () => {
    expect(refreshReport('a/b#3', { record, text: 't' }, { origin, sha256: record.sha256, text: 't' })).toBe('a/b#3: unchanged since the copy fetched 2026-01-02T00:00:00Z');
  });

  it('says how much changed, and updated_at and comments when they moved', () => {
    const after = { origin: { ...origin, updatedAt: '2026-02-01T00:00:00Z', comments: 4 }, sha256: 'b'.repeat(64), text: 'one\ntwo\nthree' };
    const before = { record: { ...record, origin: { ...origin, comments: 2 } }, text: 'one\n2' };
    expect(refreshReport('a/b#3', before, after)).toBe('a/b#3: changed since the copy fetched 2026-01-02T00:00:00Z: 2 lines added, 1 removed; updated_at 2026-01-01T00:00:00Z -> 2026-02-01T00:00:00Z; comments 2 -> 4');
  });

  it('says when there was no copy', () => {
    expect(refreshReport('a/b#3', null, { origin, sha256: record.sha256, text: '' })).toBe('a/b#3: fetched (no kept copy before)');
  });
});

const urlOrigin = { kind: 'url' as const, url: 'https://github.com/o/r/blob/main/x.md', finalUrl: `https://raw.githubusercontent.com/o/r/${'a'.repeat(40)}/x.md`, commit: 'a'.repeat(40), blobUrl: `https://github.com/o/r/blob/${'a'.repeat(40)}/x.md`, etag: '"e"', lastModified: null, fetchedAt: '2026-01-02T00:00:00Z' };
const urlRecord: KeptRecord = { schema: 'toc-review/fetched@1', origin: urlOrigin, sha256: 'c'.repeat(64) };

describe('keptUrlCopyPaths', () => {
  it('puts a copy under fetched/urls/HOST/PATH, one file per address, never outside the folder', () => {
    expect(keptUrlCopyPaths('https://github.com/cncf/toc/blob/main/reviews/x.md')).toEqual({ document: 'fetched/urls/github.com/cncf/toc/blob/main/reviews/x.md', record: 'fetched/urls/github.com/cncf/toc/blob/main/reviews/x.origin.json' });
    expect(keptUrlCopyPaths('http://127.0.0.1:8080/a/b.adoc').document).toBe('fetched/urls/127.0.0.1_8080/a/b.adoc');
    expect(keptUrlCopyPaths('https://Example.org/').document).toBe('fetched/urls/example.org/index.md');
    expect(keptUrlCopyPaths('https://example.org/doc').document).toBe('fetched/urls/example.org/doc.md');
    expect(keptUrlCopyPaths('https://example.org/a/%2E%2E/%2E%2E/etc/passwd').document).toBe('fetched/urls/example.org/etc/passwd.md');
    expect(keptUrlCopyPaths('https://example.org/a%2F..%2F..%2Fx.md').document).toBe('fetched/urls/example.org/a_.._.._x.md');
    expect(keptUrlCopyPaths('https://example.org/my%20doc%3F.md').document).toBe('fetched/urls/example.org/my_doc_.md');
    expect(keptUrlCopyPaths('https://example.org/.hidden/x.md').document).toBe('fetched/urls/example.org/_hidden/x.md');
    const a = keptUrlCopyPaths('https://example.org/x.md?v=1').document;
    const b = keptUrlCopyPaths('https://example.org/x.md?v=2').document;
    expect(a).toMatch(/^fetched\/urls\/example\.org\/x-q[0-9a-f]{10}\.md$/);
    expect(a).not.toBe(b);
  });

  it('keeps the record beside the copy', () => {
    expect(recordPathOf('a/x.md')).toBe('a/x.origin.json');
    expect(recordPathOf('a/x.adoc')).toBe('a/x.adoc.origin.json');
  });
});

describe('parseKeptRecord of a URL document', () => {
  it('reads back what it wrote', () => {
    expect(parseKeptRecord(keptRecordText(urlRecord), 'r.json')).toEqual(urlRecord);
  });

  it.each([
    [JSON.stringify({ ...urlRecord, origin: { ...urlOrigin, finalUrl: 3 } }), /field "origin\.finalUrl"/],
    [JSON.stringify({ ...urlRecord, origin: { ...urlOrigin, commit: 'main' } }), /field "origin\.commit"/],
    [JSON.stringify({ ...urlRecord, origin: { ...urlOrigin, etag: {} } }), /field "origin\.etag"/],
  ])('refuses %s in one line naming the file', (text, message) => {
    expect(() => parseKeptRecord(text, 'r.json')).toThrow(message);
  });

  it('--refresh says when the commit moved', () => {
    const after = { origin: { ...urlOrigin, commit: 'b'.repeat(40) }, sha256: 'd'.repeat(64), text: 'new' };
    expect(refreshReport('u', { record: urlRecord, text: 'old' }, after)).toBe(`u: changed since the copy fetched 2026-01-02T00:00:00Z: 1 line added, 1 removed; commit ${'a'.repeat(12)} -> ${'b'.repeat(12)}`);
  });
});
