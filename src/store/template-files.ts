// Reading a TOC markdown template as a criteria set: parsed and imported on the fly wherever a
// set is expected (--criteria template.md, criteria show template.md), or by `criteria import`.
import type { CriteriaSet } from '../core/criteria/criteria.js';
import { UserError } from '../core/errors.js';
import { sha256 } from '../core/hash.js';
import { sanitizeLine } from '../core/sanitize.js';
import { ACCEPTED_SHAPES, importTemplate, type ImportOptions, type ImportResult } from '../core/templates/template-import.js';
import { parseTemplate } from '../core/templates/template-parse.js';
import { importedSetToYaml } from '../core/templates/template-yaml.js';
import { decodeUtf8Text, readRegularFile } from './read-file.js';

export function isTemplatePath(path: string): boolean {
  return /\.(?:md|markdown)$/i.test(path);
}

export interface TemplateImport {
  result: ImportResult;
  yaml: string;
  /** sha256 of the template's bytes. */
  sha256: string;
}

/** Read and import a template; a file without items is a one-line error naming it and the shapes. */
export async function importTemplateFile(path: string, options: Omit<ImportOptions, 'path'> & { shownPath?: string }, previous?: Pick<CriteriaSet, 'items'>): Promise<TemplateImport> {
  const shown = options.shownPath ?? path;
  const bytes = await readRegularFile(path, { kind: 'template', shown });
  const text = decodeUtf8Text(shown, bytes, 'template (markdown)');
  const result = importTemplate(parseTemplate(text), { ...options, path: shown }, previous);
  if (result.set.items.length === 0) throw new UserError(`${sanitizeLine(shown)}: no template items found (accepted: ${ACCEPTED_SHAPES})`);
  return { result, yaml: importedSetToYaml(result.set), sha256: sha256(bytes.toString('utf8')) };
}

/**
 * A template as a criteria set, imported now. Its sha256 is the template's, so score files made
 * with it name the bytes the reviewer gave.
 */
export async function loadTemplateAsCriteria(path: string): Promise<CriteriaSet> {
  const { yaml, sha256: hash, result } = await importTemplateFile(path, {});
  const { parseCriteriaSet } = await import('../core/criteria/criteria.js');
  const set = parseCriteriaSet(yaml, path);
  const { notice } = await import('./notices.js');
  notice(`${sanitizeLine(path)}: a markdown template; imported on the fly as criteria set "${set.id}" (${result.set.items.length} items; save it with: toc-review criteria import ${sanitizeLine(path)} -o FILE)`);
  return { ...set, source: { path, sha256: hash } };
}
