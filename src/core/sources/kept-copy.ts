// Fetched documents kept in the workspace: where a copy of an issue lives, the record of its
// origin beside it, and what changed when it is fetched again. Pure; the files are
// store/sources/kept-copies.ts.
//
// A copy is an ordinary markdown file of the workspace, `fetched/OWNER/REPO/REPO-N.md`
// (`REPO-N-comments.md` with --comments), so the review UI lists it and `score`/`export` work on it
// like any document; `REPO-N[-comments].origin.json` beside it records where it came from.
import { UserError } from '../errors.js';
import { sanitizeLine } from '../sanitize.js';
import type { GitHubIssueOrigin } from './document-origin.js';
import type { GitHubIssueRef } from './github-ref.js';

export const KEPT_DIR = 'fetched';
export const KEPT_SCHEMA = 'toc-review/fetched@1' as const;

export interface KeptRecord {
  schema: typeof KEPT_SCHEMA;
  origin: GitHubIssueOrigin;
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

/** The one line --refresh prints about what changed since the kept copy. */
export function refreshReport(shown: string, before: { record: KeptRecord; text: string } | null, after: { origin: GitHubIssueOrigin; sha256: string; text: string }): string {
  const name = sanitizeLine(shown);
  if (!before) return `${name}: fetched (no kept copy before)`;
  const since = `since the copy fetched ${sanitizeLine(before.record.origin.fetchedAt)}`;
  if (before.record.sha256 === after.sha256) return `${name}: unchanged ${since}`;
  const { added, removed } = lineChange(before.text, after.text);
  const updated = before.record.origin.updatedAt !== after.origin.updatedAt ? `; updated_at ${sanitizeLine(String(before.record.origin.updatedAt))} -> ${sanitizeLine(String(after.origin.updatedAt))}` : '';
  const comments = before.record.origin.comments !== null && after.origin.comments !== null && before.record.origin.comments !== after.origin.comments
    ? `; comments ${before.record.origin.comments} -> ${after.origin.comments}` : '';
  return `${name}: changed ${since}: ${added} line${added === 1 ? '' : 's'} added, ${removed} removed${updated}${comments}`;
}
