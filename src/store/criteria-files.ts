// Finding and loading criteria sets: the shipped ones in criteria/ by id, or a user's file by path.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { CriteriaSet } from '../core/criteria.js';
import { UserError } from '../core/errors.js';
import { sha256 } from '../core/hash.js';
import { sanitizeLine, quoted } from '../core/sanitize.js';
import { readRegularFile } from './read-file.js';
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
  const text = (await readRegularFile(path, { kind: 'criteria file' })).toString('utf8');
  const hash = sha256(text);
  const parsed = precompiledSet(hash);
  if (parsed) return { ...structuredClone(parsed), source: { path, sha256: hash } };
  const { parseCriteriaSet } = await import('../core/criteria.js');
  return parseCriteriaSet(text, path);
}

/** Load a criteria set by shipped id ("cncf-incubation") or by file path. */
export async function loadCriteria(ref: string = DEFAULT_CRITERIA_ID): Promise<CriteriaSet> {
  if (looksLikePath(ref)) return loadCriteriaFile(ref);
  const path = builtinCriteriaFiles().find((file) => file.endsWith(`/${ref}.yaml`) || file.endsWith(`/${ref}.yml`));
  if (!path) {
    const known = builtinCriteriaFiles().map((f) => f.replace(/^.*\//, '').replace(/\.ya?ml$/, ''));
    throw new UserError(`unknown criteria set ${quoted(ref)} (shipped: ${known.join(', ')}; or give a path to a YAML file)`);
  }
  return loadCriteriaFile(path);
}

export async function loadAllBuiltinCriteria(): Promise<CriteriaSet[]> {
  return Promise.all(builtinCriteriaFiles().map((file) => loadCriteriaFile(file)));
}
