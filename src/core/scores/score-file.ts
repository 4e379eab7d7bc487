// Contract 2 of DESIGN.md: one reviewer's scores of one document against one criteria set.
// Pure: parsing (never trusting the text), canonical serialisation (same file -> same bytes,
// so git diffs are one line per change) and updaters that return a new file with timestamps
// stamped. The file system side lives in src/store/score-store.ts.
import { describeConflictBlocks, findConflictBlocks } from './conflict-markers.js';
import { z } from 'zod';
import type { CriteriaSet } from '../criteria/criteria.js';
import { UserError } from '../errors.js';
import { checkJsonText } from './json-check.js';
import { isPinnedOrigin } from './origin.js';
import { quoted, sanitizeLine, toTerminalJson, visible } from '../sanitize.js';

/** The score value for "not applicable": neither met nor unmet, left out of totals. */
export const NA_SCORE = 'na' as const;
export const NA_NEEDS_NOTE = 'an N/A item needs a note giving the reason';

export const SCORE_SCHEMA_ID = 'toc-review/score@1' as const;
export const SCORE_SCHEMA_VERSION = 1;
const SCHEMA_PREFIX = 'toc-review/score@';

export const VERDICTS = ['ready', 'not-ready', 'needs-more-info'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** Handles name files on disk, so they are strict slugs. */
// Kept importable from here; handle.ts holds them so settings load without the schema library.
import { HANDLE_PATTERN } from './handle.js';
export { deriveHandle, HANDLE_PATTERN, slugifyHandle } from './handle.js';

const MAX_NOTES = 100_000;
const MAX_QUOTE = 10_000;

const timestamp = z.iso.datetime({ offset: true });
const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'must be a 64-character lower-case hex sha256');
const itemId = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and dashes');
const scoreValue = z.number().int().min(0).max(9);
/** The reviewer's score: a scale value or 'na' (not applicable; the notes give the reason). */
const reviewerScore = z.union([scoreValue, z.literal(NA_SCORE)]);

/**
 * What is wrong with a document path as score files record it, or null when it is fine. The
 * path is untrusted when read (it must stay inside the workspace) and must be portable when
 * written (it names a folder, and the file is shared across systems): a POSIX relative path,
 * no `..`, `.` or empty segments, no backslashes, Windows drive letters or control characters.
 */
export function documentPathProblem(path: string): string | null {
  if (path.length === 0) return 'is empty';
  if (path.length > 1024) return 'is longer than 1024 characters';
  const control = /[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/.exec(path)?.[0];
  if (control !== undefined) return `contains a control character (${visible(control)})`;
  if (path.includes('\\')) return 'contains a backslash (a folder separator on Windows)';
  if (/^[a-zA-Z]:/.test(path)) return `starts with "${path.slice(0, 2)}" (a drive letter on Windows)`;
  if (path.startsWith('/')) return 'is absolute';
  if (path.split('/').some((segment) => segment === '' || segment === '..' || segment === '.')) return 'has an empty, "." or ".." part';
  return null;
}

export function isSafeRelativePath(path: string): boolean {
  return documentPathProblem(path) === null;
}

const documentPath = z.string().refine(isSafeRelativePath, {
  message: 'must be a relative POSIX path inside the workspace (no leading "/", no "..")',
});

const origin = z
  .string()
  .max(2048)
  .refine((value) => /^https?:\/\/[^\s]+$/.test(value), { message: 'must be an http(s) URL' })
  .nullable();

export const citationSchema = z
  .strictObject({
    startLine: z.number().int().min(1),
    endLine: z.number().int().min(1),
    quote: z.string().max(MAX_QUOTE),
  })
  .refine((c) => c.endLine >= c.startLine, { message: 'endLine must not be before startLine', path: ['endLine'] });

export const scoreItemSchema = z.strictObject({
  id: itemId,
  score: reviewerScore.nullable(),
  suggested: scoreValue.nullable(),
  notes: z.string().max(MAX_NOTES),
  cited: z.array(citationSchema),
  createdAt: timestamp,
  updatedAt: timestamp,
});

export const scoreFileSchema = z
  .strictObject({
    schema: z.literal(SCORE_SCHEMA_ID),
    document: z.strictObject({
      path: documentPath,
      sha256: sha256Hex,
      title: z.string().max(1000),
      origin,
    }),
    criteria: z.strictObject({ id: itemId, sha256: sha256Hex }),
    reviewer: z.strictObject({
      name: z.string().min(1).max(200),
      handle: z.string().regex(HANDLE_PATTERN, 'must be a slug: lower-case letters, digits, ".", "_" or "-" (max 64)'),
    }),
    recommendation: z.strictObject({
      verdict: z.enum(VERDICTS).nullable(),
      notes: z.string().max(MAX_NOTES),
      updatedAt: timestamp.nullable(),
    }),
    items: z.array(scoreItemSchema),
    ui: z.strictObject({ selected: itemId.nullable() }),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.items.forEach((item, index) => {
      if (seen.has(item.id)) ctx.addIssue({ code: 'custom', path: ['items', index, 'id'], message: `duplicate item id "${item.id}"` });
      seen.add(item.id);
      if (item.score === NA_SCORE && item.notes.trim() === '') ctx.addIssue({ code: 'custom', path: ['items', index, 'notes'], message: NA_NEEDS_NOTE });
    });
    if (file.ui.selected !== null && !seen.has(file.ui.selected)) {
      ctx.addIssue({ code: 'custom', path: ['ui', 'selected'], message: `"${file.ui.selected}" is not one of the items` });
    }
  });

export type Citation = z.infer<typeof citationSchema>;
export type ScoreItem = z.infer<typeof scoreItemSchema>;
export type ScoreFile = z.infer<typeof scoreFileSchema>;
export interface Reviewer {
  name: string;
  handle: string;
}

// ---------------------------------------------------------------------------------------------
// Schema version 0 (never shipped; defined so the migration path exists and is exercised):
// items were an object keyed by id, without per-item createdAt; no document.origin, no ui, no
// recommendation.updatedAt. See docs/score-files.md.

const v0ItemSchema = z.strictObject({
  score: scoreValue.nullable(),
  suggested: scoreValue.nullable().default(null),
  notes: z.string().max(MAX_NOTES).default(''),
  cited: z.array(citationSchema).default([]),
  updatedAt: timestamp.nullable().default(null),
});

const v0FileSchema = z.strictObject({
  schema: z.literal('toc-review/score@0'),
  document: z.strictObject({ path: documentPath, sha256: sha256Hex, title: z.string().max(1000) }),
  criteria: z.strictObject({ id: itemId, sha256: sha256Hex }),
  reviewer: z.strictObject({
    name: z.string().min(1).max(200),
    handle: z.string().regex(HANDLE_PATTERN, 'must be a slug: lower-case letters, digits, ".", "_" or "-" (max 64)'),
  }),
  recommendation: z.strictObject({ verdict: z.enum(VERDICTS).nullable(), notes: z.string().max(MAX_NOTES) }),
  items: z.record(itemId, v0ItemSchema),
  createdAt: timestamp,
  updatedAt: timestamp,
});

type V0File = z.infer<typeof v0FileSchema>;

function migrateV0(old: V0File): ScoreFile {
  return {
    schema: SCORE_SCHEMA_ID,
    document: { ...old.document, origin: null },
    criteria: old.criteria,
    reviewer: old.reviewer,
    recommendation: { ...old.recommendation, updatedAt: null },
    items: Object.entries(old.items).map(([id, item]) => ({
      id,
      score: item.score,
      suggested: item.suggested,
      notes: item.notes,
      cited: item.cited,
      createdAt: old.createdAt,
      updatedAt: item.updatedAt ?? old.createdAt,
    })),
    ui: { selected: null },
    createdAt: old.createdAt,
    updatedAt: old.updatedAt,
  };
}

// ---------------------------------------------------------------------------------------------
// Parsing

export function fieldName(path: readonly PropertyKey[]): string {
  return (
    path
      .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
      .join('')
      .replace(/^\./, '') || '(top level)'
  );
}

function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return `unknown field ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  if (issue.code === 'invalid_type' && /received undefined/.test(issue.message)) return 'missing required field';
  return issue.message;
}

function validationError(file: string, error: z.ZodError): UserError {
  const issue = error.issues[0]!;
  let path = issue.path;
  // An unknown key is reported on its parent; name the key itself.
  if (issue.code === 'unrecognized_keys' && issue.keys.length === 1) path = [...path, issue.keys[0]!];
  return new UserError(`${file}: ${sanitizeLine(fieldName(path))}: ${sanitizeLine(issueMessage(issue))}`);
}

/** The schema version a text declares, or a UserError for text that is not a score file at all. */
export function schemaVersionOf(data: unknown, file: string): number {
  const shown = sanitizeLine(file);
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new UserError(`${shown}: (top level): not a toc-review score file (expected a JSON object)`);
  const schema = (data as { schema?: unknown }).schema;
  if (typeof schema !== 'string') throw new UserError(`${shown}: schema: missing; not a toc-review score file`);
  const match = /^toc-review\/score@(\d{1,6})$/.exec(schema);
  if (!match) {
    throw new UserError(`${shown}: schema: ${quoted(schema, 80)} is not a toc-review score file (expected "${SCORE_SCHEMA_ID}")`);
  }
  return Number(match[1]);
}

export interface ParsedScoreFile {
  file: ScoreFile;
  /** The older schema version the text was migrated from, or null when it was current. */
  migratedFrom: number | null;
}

/**
 * Parse and validate, migrating an older schema version in memory. Throws a UserError naming
 * the file and the field for anything wrong, and for files from a newer toc-review.
 */
export function parseScoreFileWithInfo(text: string, path: string): ParsedScoreFile {
  const shown = sanitizeLine(path);
  const json = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // JSON.parse would keep the last of two equal keys (a bad merge) and name syntax errors by
  // byte offset, so the text is checked first and problems are named by field or line.
  const conflicts = findConflictBlocks(json);
  if (conflicts.length > 0) {
    throw new UserError(
      `${shown}: unresolved git merge conflict at ${describeConflictBlocks(conflicts)} (<<<<<<< ======= >>>>>>> markers); resolve it: in each block keep the side you want (or combine both), delete the marker lines, then run: toc-review validate ${shown}`,
    );
  }
  const problem = checkJsonText(json);
  if (problem?.kind === 'syntax') {
    throw new UserError(`${shown}: not valid JSON at line ${problem.line}, column ${problem.column}: ${sanitizeLine(problem.message)}`);
  }
  if (problem?.kind === 'duplicate-key') {
    throw new UserError(
      `${shown}: ${sanitizeLine(fieldName(problem.path))}: duplicate key ${quoted(problem.key, 80)} (again at line ${problem.line}; a bad merge?); keep one of them`,
    );
  }
  const data: unknown = JSON.parse(json);
  const version = schemaVersionOf(data, path);
  if (version > SCORE_SCHEMA_VERSION) {
    throw new UserError(
      `${shown}: schema: written by a newer toc-review (${SCHEMA_PREFIX}${version}; this version reads up to ${SCORE_SCHEMA_ID}); upgrade toc-review to open it`,
    );
  }
  if (version === 0) {
    const old = v0FileSchema.safeParse(data);
    if (!old.success) throw validationError(shown, old.error);
    const migrated = scoreFileSchema.safeParse(migrateV0(old.data));
    if (!migrated.success) throw validationError(shown, migrated.error);
    return { file: migrated.data, migratedFrom: 0 };
  }
  if (version !== SCORE_SCHEMA_VERSION) throw new UserError(`${shown}: schema: unknown version ${SCHEMA_PREFIX}${version}`);
  const result = scoreFileSchema.safeParse(data);
  if (!result.success) throw validationError(shown, result.error);
  return { file: result.data, migratedFrom: null };
}

export function parseScoreFile(text: string, path: string): ScoreFile {
  return parseScoreFileWithInfo(text, path).file;
}

/**
 * Check a (structurally valid) file against the criteria set it is used with: same set id,
 * every item id known, every score a value of the set's scale. Throws a UserError naming the
 * file and field.
 */
export function checkAgainstCriteria(file: ScoreFile, criteria: CriteriaSet, path: string): void {
  const shown = sanitizeLine(path);
  if (file.criteria.id !== criteria.id) {
    throw new UserError(
      `${shown}: criteria.id: ${quoted(file.criteria.id)} does not match the criteria set in use ("${criteria.id}"); pass --criteria with the set it was scored with (its id if shipped, else its file)`,
    );
  }
  const known = new Set(criteria.items.map((item) => item.id));
  const scale = new Set(criteria.scale.map((entry) => entry.value));
  file.items.forEach((item, index) => {
    if (!known.has(item.id)) {
      throw new UserError(`${shown}: items[${index}].id: ${quoted(item.id)} is not an item of ${criteria.id} (${[...known].join(', ')})`);
    }
    for (const key of ['score', 'suggested'] as const) {
      const value = item[key];
      // N/A is on every set's scale.
      if (value !== null && value !== NA_SCORE && !scale.has(value)) {
        throw new UserError(`${shown}: items[${index}].${key}: ${value} is not on the scale of ${criteria.id} (${[...scale].join(', ')})`);
      }
    }
  });
}

/**
 * Check cited lines against the document they cite (the version scored, `lineCount` lines): a
 * citation past its end cannot be right (a hand edit, a bad merge) and must not become a link.
 * Throws a UserError naming the file and the field.
 */
export function checkCitationsAgainstDocument(file: ScoreFile, lineCount: number, path: string): void {
  file.items.forEach((item, index) => {
    item.cited.forEach((citation, at) => {
      if (citation.endLine <= lineCount) return;
      const field = citation.startLine > lineCount ? 'startLine' : 'endLine';
      throw new UserError(
        `${sanitizeLine(path)}: items[${index}].cited[${at}].${field}: line ${citation[field]} is past the end of ${sanitizeLine(file.document.path)} (${lineCount} line${lineCount === 1 ? '' : 's'})`,
      );
    });
  });
}

/**
 * The file with its items in the criteria set's order and every item present (missing ones
 * unscored). Call after checkAgainstCriteria. Returns the same object when nothing changes.
 */
export function reconcileWithCriteria(file: ScoreFile, criteria: CriteriaSet, now: Date | string = new Date()): ScoreFile {
  const byId = new Map(file.items.map((item) => [item.id, item]));
  const stamp = iso(now);
  const items = criteria.items.map((c) => byId.get(c.id) ?? emptyItem(c.id, null, stamp));
  const same = items.length === file.items.length && items.every((item, index) => item === file.items[index]);
  return same ? file : { ...file, items };
}

// ---------------------------------------------------------------------------------------------
// Serialising: explicit key order, so the bytes never depend on how an object was built.

function canonicalCitation(c: Citation): Citation {
  return { startLine: c.startLine, endLine: c.endLine, quote: c.quote };
}

function canonical(file: ScoreFile): ScoreFile {
  return {
    schema: file.schema,
    document: { path: file.document.path, sha256: file.document.sha256, title: file.document.title, origin: file.document.origin },
    criteria: { id: file.criteria.id, sha256: file.criteria.sha256 },
    reviewer: { name: file.reviewer.name, handle: file.reviewer.handle },
    recommendation: { verdict: file.recommendation.verdict, notes: file.recommendation.notes, updatedAt: file.recommendation.updatedAt },
    items: file.items.map((item) => ({
      id: item.id,
      score: item.score,
      suggested: item.suggested,
      notes: item.notes,
      cited: item.cited.map(canonicalCitation),
      createdAt: item.createdAt,
      updatedAt: item.updatedAt,
    })),
    ui: { selected: file.ui.selected },
    createdAt: file.createdAt,
    updatedAt: file.updatedAt,
  };
}

/** Pretty JSON, stable key order, trailing newline: the same file always gives the same bytes. */
export function serializeScoreFile(file: ScoreFile): string {
  // Terminal-safe: C1 and bidi characters in notes are escaped, so `cat` or `git diff` of a
  // shared file cannot act on the terminal or reorder what the reader sees.
  return `${toTerminalJson(canonical(file))}\n`;
}

/** Throws a UserError if an in-memory file would not validate (guards saves against bugs). */
export function assertValidScoreFile(file: ScoreFile, path: string): void {
  const result = scoreFileSchema.safeParse(file);
  if (!result.success) throw validationError(sanitizeLine(path), result.error);
}

// ---------------------------------------------------------------------------------------------
// Creating and updating. Every updater returns a new file (the input is never mutated) and
// returns the input itself when nothing would change, so an unchanged file is never rewritten.

function iso(now: Date | string): string {
  return typeof now === 'string' ? now : now.toISOString();
}

function emptyItem(id: string, suggested: number | null, stamp: string): ScoreItem {
  return { id, score: null, suggested, notes: '', cited: [], createdAt: stamp, updatedAt: stamp };
}

export interface NewScoreFileInput {
  document: { path: string; sha256: string; title: string; origin?: string | null };
  criteria: CriteriaSet;
  reviewer: Reviewer;
  /** Suggested scores by item id (from extraction), recorded alongside the reviewer's own. */
  suggestions?: Readonly<Record<string, number | null>>;
  now?: Date | string;
}

export function newScoreFile(input: NewScoreFileInput): ScoreFile {
  const stamp = iso(input.now ?? new Date());
  return {
    schema: SCORE_SCHEMA_ID,
    document: { path: input.document.path, sha256: input.document.sha256, title: input.document.title, origin: input.document.origin ?? null },
    criteria: { id: input.criteria.id, sha256: input.criteria.source.sha256 },
    reviewer: { name: input.reviewer.name, handle: input.reviewer.handle },
    recommendation: { verdict: null, notes: '', updatedAt: null },
    items: input.criteria.items.map((item) => emptyItem(item.id, input.suggestions?.[item.id] ?? null, stamp)),
    ui: { selected: input.criteria.items[0]?.id ?? null },
    createdAt: stamp,
    updatedAt: stamp,
  };
}

function itemIndex(file: ScoreFile, id: string): number {
  const index = file.items.findIndex((item) => item.id === id);
  if (index < 0) {
    throw new UserError(`unknown item ${quoted(id)} (items: ${file.items.map((item) => item.id).join(', ')})`);
  }
  return index;
}

function updateItem(file: ScoreFile, id: string, now: Date | string, change: (item: ScoreItem) => ScoreItem | null): ScoreFile {
  const index = itemIndex(file, id);
  const next = change(file.items[index]!);
  if (next === null) return file;
  const stamp = iso(now);
  const items = file.items.slice();
  items[index] = { ...next, updatedAt: stamp };
  return { ...file, items, updatedAt: stamp };
}

/** Set a scale value or clear it. N/A goes through markNotApplicable, which takes the reason. */
export function setItemScore(file: ScoreFile, id: string, score: number | 'na' | null, now: Date | string = new Date()): ScoreFile {
  if (score === NA_SCORE) {
    const notes = file.items[itemIndex(file, id)]!.notes;
    if (notes.trim() === '') throw new UserError(`${quoted(id)}: ${NA_NEEDS_NOTE}`);
    return markNotApplicable(file, id, notes, now);
  }
  if (score !== null && !(Number.isInteger(score) && score >= 0 && score <= 9)) throw new UserError(`score for ${quoted(id)} must be a whole number 0-9, N/A or unscored`);
  return updateItem(file, id, now, (item) => (item.score === score ? null : { ...item, score }));
}

/**
 * Mark an item N/A with the reason as its notes (one change, so the file is never an N/A
 * without a reason). Throws a UserError when the reason is blank.
 */
export function markNotApplicable(file: ScoreFile, id: string, reason: string, now: Date | string = new Date()): ScoreFile {
  if (reason.trim() === '') throw new UserError(`${quoted(id)}: ${NA_NEEDS_NOTE}`);
  return updateItem(file, id, now, (item) => (item.score === NA_SCORE && item.notes === reason ? null : { ...item, score: NA_SCORE, notes: reason }));
}

export function setItemSuggested(file: ScoreFile, id: string, suggested: number | null, now: Date | string = new Date()): ScoreFile {
  return updateItem(file, id, now, (item) => (item.suggested === suggested ? null : { ...item, suggested }));
}

export function setItemNotes(file: ScoreFile, id: string, text: string, now: Date | string = new Date()): ScoreFile {
  return updateItem(file, id, now, (item) => {
    if (item.notes === text) return null;
    if (item.score === NA_SCORE && text.trim() === '') throw new UserError(`${quoted(id)}: ${NA_NEEDS_NOTE} (clear the score first)`);
    return { ...item, notes: text };
  });
}

/** Add the citation, or remove it when one with the same line range is already there. Kept sorted by line. */
export function toggleCitation(file: ScoreFile, id: string, citation: Citation, now: Date | string = new Date()): ScoreFile {
  return updateItem(file, id, now, (item) => {
    const exists = item.cited.some((c) => c.startLine === citation.startLine && c.endLine === citation.endLine);
    const cited = exists
      ? item.cited.filter((c) => !(c.startLine === citation.startLine && c.endLine === citation.endLine))
      : [...item.cited, canonicalCitation(citation)].sort((a, b) => a.startLine - b.startLine || a.endLine - b.endLine);
    return { ...item, cited };
  });
}

/** Replace an item's citations wholesale (used after relocating them in a changed document). */
export function setItemCitations(file: ScoreFile, id: string, cited: readonly Citation[], now: Date | string = new Date()): ScoreFile {
  return updateItem(file, id, now, (item) => {
    const next = cited.map(canonicalCitation);
    return JSON.stringify(next) === JSON.stringify(item.cited) ? null : { ...item, cited: next };
  });
}

export function setRecommendation(file: ScoreFile, verdict: Verdict | null, notes: string, now: Date | string = new Date()): ScoreFile {
  if (file.recommendation.verdict === verdict && file.recommendation.notes === notes) return file;
  const stamp = iso(now);
  return { ...file, recommendation: { verdict, notes, updatedAt: stamp }, updatedAt: stamp };
}

/** UI state only: does not touch updatedAt. */
export function setSelectedItem(file: ScoreFile, id: string | null): ScoreFile {
  if (id !== null) itemIndex(file, id);
  if (file.ui.selected === id) return file;
  return { ...file, ui: { selected: id } };
}

/**
 * Point the file at a new version of its document (after the reviewer accepted the change). An
 * origin pinned to a commit named the old version's text, so it is dropped unless a new one is given.
 */
export function setDocumentInfo(
  file: ScoreFile,
  document: { sha256: string; title?: string; path?: string; origin?: string | null },
  now: Date | string = new Date(),
): ScoreFile {
  const stale = document.sha256 !== file.document.sha256 && isPinnedOrigin(file.document.origin);
  const next = {
    path: document.path ?? file.document.path,
    sha256: document.sha256,
    title: document.title ?? file.document.title,
    origin: document.origin === undefined ? (stale ? null : file.document.origin) : document.origin,
  };
  const same = (Object.keys(next) as (keyof typeof next)[]).every((key) => next[key] === file.document[key]);
  if (same) return file;
  return { ...file, document: next, updatedAt: iso(now) };
}
