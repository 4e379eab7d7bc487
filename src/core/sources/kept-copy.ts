// Fetched documents kept in the workspace: where a copy of an issue lives, the record of its
// origin beside it, and what changed when it is fetched again. Pure; the files are
// store/sources/kept-copies.ts.
//
// A copy is an ordinary markdown file of the workspace, `fetched/OWNER/REPO/REPO-N.md`
// (`REPO-N-comments.md` with --comments), so the review UI lists it and `score`/`export` work on it
// like any document; `REPO-N[-comments].origin.json` beside it records where it came from. A
// document fetched from an http(s) address is kept the same way under `fetched/urls/HOST/PATH`.
import { UserError } from '../errors.js';
import { sanitizeLine } from '../sanitize.js';
import { sha256 } from '../hash.js';
import type { DocumentOrigin, GitHubIssueOrigin, UrlOrigin } from './document-origin.js';
import type { GitHubIssueRef } from './github-ref.js';

export const KEPT_DIR = 'fetched';
export const KEPT_SCHEMA = 'toc-review/fetched@1' as const;

export interface KeptRecord {
  schema: typeof KEPT_SCHEMA;
  origin: DocumentOrigin;
  /** sha256 of the copy's bytes as fetched: a copy edited since is not the issue any more. */
  sha256: string;
}

/** The copy and its record, relative to the workspace (POSIX). GitHub names are case-insensitive. */
export function keptCopyPaths(ref: GitHubIssueRef, comments: boolean): { document: string; record: string } {
  const owner = ref.owner.toLowerCase();
  const repo = ref.repo.toLowerCase();
  const stem = `${KEPT_DIR}/${owner}/${repo}/${repo}-${ref.number}${comments ? '-comments' : ''}`;
  return { document: `${stem}.md`, record: `${stem}.origin.json` };
}

/** The record beside a kept copy: `x.md` -> `x.origin.json`, any other name + `.origin.json`. */
export function recordPathOf(documentPath: string): string {
  return /\.md$/i.test(documentPath) ? documentPath.replace(/\.md$/i, '.origin.json') : `${documentPath}.origin.json`;
}

const KEPT_NAME = /\.(?:md|markdown|adoc)$/i;

/** One path segment as a portable file name: no separators, no leading dot, nothing outside [A-Za-z0-9._-]. */
function safeSegment(segment: string): string {
  let decoded: string;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    decoded = segment;
  }
  const safe = decoded.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\./, '_').slice(0, 100);
  return safe === '' ? '_' : safe;
}

/**
 * Where the copy of a document fetched from `url` is kept: `fetched/urls/HOST/PATH` (a port as
 * `HOST_PORT`, a query as a short hash before the extension, a name that is not .md, .markdown
 * or .adoc given .md), so that one address always lands on one file and nothing escapes the folder.
 */
export function keptUrlCopyPaths(url: string): { document: string; record: string } {
  const parsed = new URL(url);
  const host = safeSegment(parsed.hostname.toLowerCase() + (parsed.port ? `_${parsed.port}` : ''));
  const segments = parsed.pathname.split('/').filter((s) => s !== '' && s !== '.' && s !== '..').map(safeSegment);
  if (segments.length === 0 || parsed.pathname.endsWith('/')) segments.push('index');
  let name = segments.pop()!;
  const ext = KEPT_NAME.exec(name)?.[0] ?? '';
  let stem = ext ? name.slice(0, -ext.length) : name;
  if (parsed.search) stem += `-q${sha256(parsed.search).slice(0, 10)}`;
  name = `${stem}${ext || '.md'}`;
  const document = [KEPT_DIR, 'urls', host, ...segments, name].join('/');
  return { document, record: recordPathOf(document) };
}

export function keptRecordText(record: KeptRecord): string {
  return `${JSON.stringify(record, null, 2)}\n`;
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** A record read back: checked field by field, a bad one named in one line. */
export function parseKeptRecord(text: string, shown: string): KeptRecord {
  const bad = (field: string) => new UserError(`${sanitizeLine(shown)}: field "${field}" is missing or wrong; delete the file or fetch again with --refresh`);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new UserError(`${sanitizeLine(shown)}: not valid JSON; delete the file or fetch again with --refresh`);
  }
  if (!isObject(data)) throw bad('(the whole record)');
  if (data.schema !== KEPT_SCHEMA) throw bad('schema');
  if (typeof data.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(data.sha256)) throw bad('sha256');
  const o = data.origin;
  if (!isObject(o)) throw bad('origin');
  if (o.kind === 'url') return { schema: KEPT_SCHEMA, origin: urlOriginOf(o, bad), sha256: data.sha256 };
  if (o.kind !== 'github-issue' && o.kind !== 'github-pull') throw bad('origin.kind');
  for (const key of ['url', 'repository', 'fetchedAt'] as const) if (typeof o[key] !== 'string') throw bad(`origin.${key}`);
  if (!Number.isSafeInteger(o.number) || (o.number as number) < 1) throw bad('origin.number');
  if (o.updatedAt !== null && typeof o.updatedAt !== 'string') throw bad('origin.updatedAt');
  if (o.comments !== null && !(Number.isSafeInteger(o.comments) && (o.comments as number) >= 0)) throw bad('origin.comments');
  const origin: GitHubIssueOrigin = {
    kind: o.kind,
    url: o.url as string,
    repository: o.repository as string,
    number: o.number as number,
    updatedAt: o.updatedAt as string | null,
    fetchedAt: o.fetchedAt as string,
    comments: o.comments as number | null,
  };
  return { schema: KEPT_SCHEMA, origin, sha256: data.sha256 };
}

function urlOriginOf(o: Record<string, unknown>, bad: (field: string) => UserError): UrlOrigin {
  for (const key of ['url', 'finalUrl', 'fetchedAt'] as const) if (typeof o[key] !== 'string') throw bad(`origin.${key}`);
  for (const key of ['commit', 'blobUrl', 'etag', 'lastModified'] as const) if (o[key] !== null && typeof o[key] !== 'string') throw bad(`origin.${key}`);
  if (typeof o.commit === 'string' && !/^(?:[0-9a-f]{40}|[0-9a-f]{64})$/.test(o.commit)) throw bad('origin.commit');
  return {
    kind: 'url',
    url: o.url as string,
    finalUrl: o.finalUrl as string,
    commit: o.commit as string | null,
    blobUrl: o.blobUrl as string | null,
    etag: o.etag as string | null,
    lastModified: o.lastModified as string | null,
    fetchedAt: o.fetchedAt as string,
  };
}

/** Lines added and removed between two texts, counted as multisets (order ignored): linear, and enough to say how much moved. */
export function lineChange(before: string, after: string): { added: number; removed: number } {
  const counts = new Map<string, number>();
  for (const line of before.split('\n')) counts.set(line, (counts.get(line) ?? 0) + 1);
  let added = 0;
  for (const line of after.split('\n')) {
    const left = counts.get(line) ?? 0;
    if (left > 0) counts.set(line, left - 1);
    else added++;
  }
  let removed = 0;
  for (const left of counts.values()) removed += left;
  return { added, removed };
}

/** What else changed between two origins of the same document, as `; ...` clauses. */
function originChanges(before: DocumentOrigin, after: DocumentOrigin): string {
  const was = (value: string | null) => sanitizeLine(String(value));
  if (before.kind === 'url' || after.kind === 'url') {
    if (before.kind !== 'url' || after.kind !== 'url') return '';
    return before.commit !== null && after.commit !== null && before.commit !== after.commit ? `; commit ${was(before.commit.slice(0, 12))} -> ${was(after.commit.slice(0, 12))}` : '';
  }
  const updated = before.updatedAt !== after.updatedAt ? `; updated_at ${was(before.updatedAt)} -> ${was(after.updatedAt)}` : '';
  const comments = before.comments !== null && after.comments !== null && before.comments !== after.comments ? `; comments ${before.comments} -> ${after.comments}` : '';
  return `${updated}${comments}`;
}

/** The one line --refresh prints about what changed since the kept copy. */
export function refreshReport(shown: string, before: { record: KeptRecord; text: string } | null, after: { origin: DocumentOrigin; sha256: string; text: string }): string {
  const name = sanitizeLine(shown);
  if (!before) return `${name}: fetched (no kept copy before)`;
  const since = `since the copy fetched ${sanitizeLine(before.record.origin.fetchedAt)}`;
  if (before.record.sha256 === after.sha256) return `${name}: unchanged ${since}`;
  const { added, removed } = lineChange(before.text, after.text);
  return `${name}: changed ${since}: ${added} line${added === 1 ? '' : 's'} added, ${removed} removed${originChanges(before.record.origin, after.origin)}`;
}
