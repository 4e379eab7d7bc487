// Criteria sets are data (YAML), validated on load. Errors name the file, the line and the field.
import { z } from 'zod';
import { LineCounter, parseDocument, isNode } from 'yaml';
import { UserError } from '../errors.js';
import { sha256 } from '../hash.js';
import { sanitizeLine } from '../sanitize.js';
import { NAMED_SCALES } from './criteria-scale.js';

import { FACT_KINDS, type FactKind } from '../facts/kinds.js';

export type { FactKind };

const idSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and dashes');

const scaleValueSchema = z.strictObject({
  value: z.number().int().min(0).max(9),
  label: z.string().min(1),
  /** Whether this score counts as "criterion met" in summaries. */
  meets: z.boolean(),
  description: z.string().optional(),
});

const hintsSchema = z.strictObject({
  /** Words or phrases that mark a heading as relevant (case-insensitive substring match). */
  headings: z.array(z.string().min(1)).default([]),
  /** Words or phrases that mark body text as relevant. */
  keywords: z.array(z.string().min(1)).default([]),
  /** Which extracted fact lists speak to this criterion. */
  facts: z.array(z.enum(FACT_KINDS)).default([]),
});

/** Where a shipped or imported item comes from in a TOC template (written in the set's own words). */
const itemSourceSchema = z.strictObject({
  /** The template's path (in cncf/toc for shipped sets, as given for imported ones). */
  template: z.string().min(1),
  /**
   * The template's version line ("v1.6"), or null when it has none. The TOC's DD templates carry
   * none, so the shipped sets give the cncf/toc commit they follow ("56477dd4 (2026-06-29)").
   */
  version: z.string().min(1).nullable(),
  /** The `##` section (and `###` subsection) the item sits under. */
  section: z.string(),
  /** 1-based position of the item among the template's items. */
  position: z.number().int().min(1),
});

const itemSchema = z.strictObject({
  id: idSchema,
  title: z.string().min(1),
  question: z.string().min(1),
  /** What "met" looks like, shown to the reviewer; optional (DESIGN: a set "can carry" it). */
  guidance: z.string().default(''),
  /** False marks a Suggested item: not met, it is a recommendation rather than a blocker. */
  required: z.boolean().default(true),
  /** The section title the item is grouped under (a template's `##` section); optional. */
  group: z.string().min(1).optional(),
  source: itemSourceSchema.optional(),
  hints: hintsSchema.default({ headings: [], keywords: [], facts: [] }),
});

/** `scale: checklist` names a shared scale; a list spells one out. */
const scaleSchema = z.union([
  z.enum(Object.keys(NAMED_SCALES) as [keyof typeof NAMED_SCALES, ...(keyof typeof NAMED_SCALES)[]]).transform((name) => NAMED_SCALES[name].map((entry) => ({ ...entry }))),
  z.array(scaleValueSchema).min(2),
]);

const criteriaSetSchema = z
  .strictObject({
    id: idSchema,
    title: z.string().min(1),
    /** A number, or a template's own version text ("v1.6") for imported sets. */
    version: z.union([z.number().int().min(1), z.string().min(1)]).default(1),
    description: z.string().default(''),
    scale: scaleSchema,
    items: z.array(itemSchema).min(1),
  })
  .superRefine((set, ctx) => {
    const seen = new Set<string>();
    set.items.forEach((item, index) => {
      if (seen.has(item.id)) ctx.addIssue({ code: 'custom', path: ['items', index, 'id'], message: `duplicate item id "${item.id}"` });
      seen.add(item.id);
    });
    const values = new Set<number>();
    set.scale.forEach((entry, index) => {
      if (values.has(entry.value)) ctx.addIssue({ code: 'custom', path: ['scale', index, 'value'], message: `duplicate scale value ${entry.value}` });
      values.add(entry.value);
    });
  });

export type ScaleValue = z.infer<typeof scaleValueSchema>;
export type CriteriaItem = z.infer<typeof itemSchema>;
export type CriteriaHints = z.infer<typeof hintsSchema>;
export type CriteriaItemSource = z.infer<typeof itemSourceSchema>;

export interface CriteriaSet extends z.infer<typeof criteriaSetSchema> {
  /** Where it was loaded from and the sha256 of its bytes, for score files. */
  source: { path: string; sha256: string };
}

function fieldName(path: readonly PropertyKey[]): string {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '') || '(top level)';
}

/**
 * Where to point a YAML syntax error. The parser notices an unclosed quote only at the end of
 * the file; the line a reviewer has to fix is the one where the quote opened.
 */
function errorOffset(text: string, code: string, message: string, offset: number): number {
  const quote = code === 'MISSING_CHAR' ? /closing (["'])/.exec(message)?.[1] : undefined;
  if (quote === undefined) return offset;
  for (let i = Math.min(offset, text.length) - 1; i >= 0; i--) {
    if (text[i] !== quote) continue;
    // Inside the unclosed scalar, a double quote can only appear escaped and a single quote
    // only doubled; the first quote that is neither, from the end, opened it.
    if (quote === '"' && text[i - 1] === '\\') continue;
    if (quote === "'" && text[i - 1] === "'") {
      i--;
      continue;
    }
    return i;
  }
  return offset;
}

/** Deeper flow nesting than any criteria set needs; the yaml package recurses per level. */
export const MAX_FLOW_DEPTH = 64;

/**
 * The line where `[`/`{` nesting first passes MAX_FLOW_DEPTH (quotes and comments skipped), or
 * null. Checked before parsing: 100 000 open brackets cost the yaml package over a second, a
 * call-stack overflow, and on a second parse in one process an out-of-memory crash.
 */
export function tooDeepLine(text: string): number | null {
  let depth = 0;
  let line = 1;
  let quote: string | null = null;
  let comment = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n') {
      line++;
      comment = false;
      continue;
    }
    if (comment) continue;
    if (quote) {
      if (c === quote && text[i - 1] !== '\\') quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(text[i - 1]!))) comment = true;
    else if (c === '[' || c === '{') {
      if (++depth > MAX_FLOW_DEPTH) return line;
    } else if ((c === ']' || c === '}') && depth > 0) depth--;
  }
  return null;
}

/** The YAML's value; an alias that names no anchor ("*x") throws from toJS, said as one line. */
function toData(doc: ReturnType<typeof parseDocument>, file: string): unknown {
  try {
    return doc.toJS({ maxAliasCount: 1000 });
  } catch (error) {
    const message = sanitizeLine(String((error as Error).message ?? error).split('\n')[0] ?? 'unreadable YAML');
    throw new UserError(`${file}: YAML error: ${message}`);
  }
}

/** Parse and validate a criteria set from YAML (JSON is YAML too). */
export function parseCriteriaSet(text: string, path: string): CriteriaSet {
  const file = sanitizeLine(path);
  const deep = tooDeepLine(text);
  if (deep !== null) throw new UserError(`${file}:${deep}: YAML nested more than ${MAX_FLOW_DEPTH} levels deep; a criteria set needs a few`);
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const firstError = doc.errors[0];
  if (firstError) {
    const line = lineCounter.linePos(errorOffset(text, firstError.code, firstError.message, firstError.pos[0])).line;
    const message = sanitizeLine(firstError.message.split('\n')[0] ?? 'syntax error');
    throw new UserError(`${file}:${line}: YAML syntax error: ${message}`);
  }
  const data = toData(doc, file);
  const result = criteriaSetSchema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    // Point at the offending node, or at its parent when the field is missing.
    // An unknown key is pointed at by its own value's node.
    const target = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]] : issue.path;
    let node: unknown = undefined;
    for (let depth = target.length; depth >= 0 && !isNode(node); depth--) {
      node = depth === 0 ? doc.contents : doc.getIn(target.slice(0, depth) as unknown[], true);
    }
    const offset = isNode(node) && node.range ? node.range[0] : 0;
    const line = lineCounter.linePos(offset).line;
    let message = issue.message;
    if (issue.code === 'unrecognized_keys') message = `unknown field ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    else if (issue.code === 'invalid_type' && issue.message.includes('received undefined')) message = 'missing required field';
    throw new UserError(`${file}:${line}: ${fieldName(issue.path)}: ${sanitizeLine(message)}`);
  }
  return { ...result.data, source: { path, sha256: sha256(text) } };
}

// Kept importable from here; criteria-scale.ts holds them so that they load without the parser.
export { NAMED_SCALES, scaleLabel, scoreMeets } from './criteria-scale.js';
