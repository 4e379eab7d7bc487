// Finding and loading criteria sets: the shipped ones in criteria/ by id, or a user's file by path.
import { existsSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CriteriaSet } from '../core/criteria/criteria.js';
import { UserError } from '../core/errors.js';
import { sha256 } from '../core/hash.js';
import { sanitizeLine, quoted } from '../core/sanitize.js';
import { decodeUtf8Text, readRegularFile } from './read-file.js';
import { packageRoot } from './package-root.js';

export const DEFAULT_CRITERIA_ID = 'cncf-incubation';

/**
 * The shipped criteria sets as parsed and validated at build time (scripts/build.mjs), keyed by
 * the sha256 of the exact bytes parsed. A file with those bytes needs neither the YAML parser
 * nor the schema at startup; any other file (edited, or a user's own) is parsed in full.
 * Undefined when running from source.
 */
declare const __TOC_PRECOMPILED_CRITERIA__: string | undefined;
let precompiled: Record<string, Omit<CriteriaSet, 'source'>> | undefined;
function precompiledSet(hash: string): Omit<CriteriaSet, 'source'> | undefined {
  if (typeof __TOC_PRECOMPILED_CRITERIA__ === 'undefined') return undefined;
  precompiled ??= JSON.parse(__TOC_PRECOMPILED_CRITERIA__) as Record<string, Omit<CriteriaSet, 'source'>>;
  return precompiled[hash];
}

export function builtinCriteriaDir(): string {
  return join(packageRoot(), 'criteria');
}

/** Paths of the shipped criteria files, sorted. */
export function builtinCriteriaFiles(): string[] {
  const dir = builtinCriteriaDir();
  return readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => join(dir, name));
}

function looksLikePath(ref: string): boolean {
  return ref.includes('/') || ref.includes('\\') || /\.(ya?ml|json)$/i.test(ref);
}

export async function loadCriteriaFile(path: string): Promise<CriteriaSet> {
  // A TOC markdown template where a set is expected: imported on the fly (it says so on stderr).
  if (/\.(?:md|markdown)$/i.test(path)) return (await import('./template-files.js')).loadTemplateAsCriteria(path);
  const bytes = await readRegularFile(path, { kind: 'criteria file' });
  // Binary or invalid UTF-8 is refused as documents are, rather than decoded lossily into a
  // string the schema then rejects; the text (BOM and all) is hashed as before.
  decodeUtf8Text(path, bytes, 'criteria file (YAML)');
  const text = bytes.toString('utf8');
  const hash = sha256(text);
  const parsed = precompiledSet(hash);
  if (parsed) return { ...structuredClone(parsed), source: { path, sha256: hash } };
  const { parseCriteriaSet } = await import('../core/criteria/criteria.js');
  return parseCriteriaSet(text, path);
}

function builtinCriteriaPath(id: string): string | undefined {
  return builtinCriteriaFiles().find((file) => file.endsWith(`/${id}.yaml`) || file.endsWith(`/${id}.yml`));
}

function shippedIds(): string {
  return builtinCriteriaFiles()
    .map((f) => f.replace(/^.*\//, '').replace(/\.ya?ml$/, ''))
    .join(', ');
}

/** Whether a loaded set is one of the shipped files (not a user's copy or an imported template). */
export function isShippedCriteriaSet(set: Pick<CriteriaSet, 'id' | 'source'>): boolean {
  return builtinCriteriaPath(set.id) === set.source.path;
}

export function isShippedCriteria(id: string): boolean {
  return builtinCriteriaPath(id) !== undefined;
}

/** Load a criteria set by shipped id ("cncf-incubation") or by file path. */
export async function loadCriteria(ref: string = DEFAULT_CRITERIA_ID): Promise<CriteriaSet> {
  if (looksLikePath(ref)) return loadCriteriaFile(ref);
  const path = builtinCriteriaPath(ref);
  if (path) return loadCriteriaFile(path);
  // Not a shipped id: a file named without a folder ("mine.criteria"), or a file name mistyped.
  if (existsSync(ref)) return loadCriteriaFile(ref);
  if (ref.includes('.')) throw new UserError(`${sanitizeLine(ref)}: no such file (nor a shipped criteria set: ${shippedIds()})`);
  throw new UserError(`unknown criteria set ${quoted(ref)} (shipped: ${shippedIds()}; or give a path to a YAML file)`);
}

/**
 * The criteria set for a score file: `flag` (--criteria) when given, else the set the file
 * names. A file scored with a criteria file of the reviewer's own records only the set's id, so
 * an id that is not shipped gets a message saying to pass that file.
 */
export async function loadCriteriaFor(flag: string | undefined, file: { criteria: { id: string } }, path: string): Promise<CriteriaSet> {
  if (flag !== undefined) return loadCriteria(flag);
  const id = file.criteria.id;
  if (!isShippedCriteria(id)) {
    throw new UserError(
      `${sanitizeLine(path)}: criteria.id: ${quoted(id)} is not a shipped criteria set (${shippedIds()}); it was scored with a criteria file of its own: pass --criteria FILE`,
    );
  }
  return loadCriteria(id);
}

export async function loadAllBuiltinCriteria(): Promise<CriteriaSet[]> {
  return Promise.all(builtinCriteriaFiles().map((file) => loadCriteriaFile(file)));
}

/**
 * The criteria set to open a reviewer's existing score file with: `chosen` when the reviewer
 * picked it (--criteria), else the shipped set the file itself names when that differs from
 * the default (a document scored with another set reopens without repeating --criteria). A
 * missing or unreadable file keeps `chosen`: opening it reports the problem properly.
 */
export async function criteriaForScoreFile(path: string, chosen: CriteriaSet, explicit: boolean): Promise<CriteriaSet> {
  if (explicit) return chosen;
  let id: unknown;
  try {
    id = (JSON.parse(await readFile(path, 'utf8')) as { criteria?: { id?: unknown } } | null)?.criteria?.id;
  } catch {
    return chosen;
  }
  if (typeof id !== 'string' || id === chosen.id || !isShippedCriteria(id)) return chosen;
  return loadCriteria(id);
}
