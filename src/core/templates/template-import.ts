// A parsed TOC template -> a criteria set (as plain data, ready for YAML), and what changed
// against a previous import of the template. Pure.
//
// Ids are slugs of the titles' first words, made unique when titles repeat; a re-import keeps
// the id of every item whose title is unchanged (same words) or only reworded (mostly the same
// words in the same group), so score files made with the old set keep their items.
import type { CriteriaSet } from '../criteria/criteria.js';
import type { ParsedTemplate, TemplateItem } from './template-types.js';
import { titleKey } from './template-text.js';

export interface ImportOptions {
  /** The template's path as the user gave it; recorded in each item's source. */
  path: string;
  /** For templates whose items carry levels (Governance Review): which level's marks to use. */
  level?: string;
  /** The set's id; default: a slug of the template's title. */
  id?: string;
}

export interface ImportedItem {
  id: string;
  title: string;
  question: string;
  guidance: string;
  required: boolean;
  group?: string;
  source: { template: string; version: string | null; section: string; position: number };
  hints: { headings: string[]; keywords: string[]; facts: string[] };
}

export interface ImportedSet {
  id: string;
  title: string;
  version: string | number;
  description: string;
  scale: 'checklist';
  items: ImportedItem[];
}

export interface ImportChanges {
  added: { id: string; title: string }[];
  removed: { id: string; title: string }[];
  reworded: { id: string; from: string; to: string }[];
}

export interface ImportResult {
  set: ImportedSet;
  /** Items the template has that are not criteria (form fields before or outside the criteria). */
  skipped: number;
  changes: ImportChanges | null;
}

export const ACCEPTED_SHAPES =
  'checkbox items ("- [ ] **Title.**") under "##" sections, bulleted questions under headings, or bold statements each followed by a "**Level:** Required" line';

const STOP = new Set(
  'a an the and or of to for in on at by with from as is are be been was were it its this that these those any all each which who what how when where why do does did has have had can could should would will may must not no into than then there their them they you your our we us project projects cncf if e g i per such other also'.split(' '),
);

function words(text: string): string[] {
  return titleKey(text).split(' ').filter((w) => w.length > 1 && !STOP.has(w));
}

/** A lower-case slug of the first significant words, at most 48 characters. */
export function slugOf(title: string): string {
  const picked: string[] = [];
  for (const word of words(title)) {
    if (picked.length >= 6 || [...picked, word].join('-').length > 48) break;
    picked.push(word);
  }
  const slug = picked.join('-').replace(/[^a-z0-9-]/g, '').replace(/-+/g, '-').replace(/^-|-$/g, '');
  return /^[a-z0-9]/.test(slug) ? slug : `item${slug ? `-${slug}` : ''}`;
}

// The next suffix to try per base, so thousands of repeated titles stay linear, not quadratic.
const nextSuffix = new WeakMap<Set<string>, Map<string, number>>();

function uniqueId(base: string, taken: Set<string>): string {
  const suffixes = nextSuffix.get(taken) ?? new Map<string, number>();
  nextSuffix.set(taken, suffixes);
  let id = base;
  let n = suffixes.get(base) ?? 2;
  if (taken.has(id)) for (; taken.has((id = `${base}-${n}`)); n++);
  suffixes.set(base, taken.has(base) ? n + 1 : n);
  taken.add(id);
  return id;
}

const FACT_WORDS: readonly [RegExp, string][] = [
  [/^(adopt|end-?user|production|case)/, 'adopters'],
  [/^(maintainer|committer|owner)/, 'maintainers'],
  [/^(contribut|commit|activit|recruit)/, 'metrics'],
  [/^(release|version|semver)/, 'versioning'],
];

/** Evidence hints from the item's own words: heading prefixes, body keywords, fact kinds. */
export function hintsFor(title: string, guidance: readonly string[]): ImportedItem['hints'] {
  const own = [...new Set(words(title).filter((w) => w.length >= 4))];
  const keywords = own.slice(0, 8);
  // Heading words match by prefix: the first six letters catch "maintainers" from "maintainer".
  const headings = [...new Set(own.slice(0, 5).map((w) => w.slice(0, 6)))];
  const all = [...own, ...guidance.flatMap((g) => words(g))];
  const facts = [...new Set(FACT_WORDS.filter(([pattern]) => all.some((w) => pattern.test(w))).map(([, kind]) => kind))];
  return { headings, keywords, facts };
}

function requiredFor(item: TemplateItem, level: string | undefined): boolean | 'skip' {
  const levels = Object.entries(item.levels);
  if (levels.length > 0) {
    const prefix = level?.toLowerCase().slice(0, 5);
    const chosen = prefix === undefined ? levels : levels.filter(([name]) => name.toLowerCase().startsWith(prefix));
    if (chosen.length === 0) return levels.some(([, mark]) => /^required$/i.test(mark));
    if (prefix !== undefined && chosen.every(([, mark]) => /^n\/a$/i.test(mark))) return 'skip';
    return chosen.some(([, mark]) => /^required$/i.test(mark));
  }
  return item.required ?? true;
}

/**
 * The items that are criteria: for a checklist, those inside `##` sections, and, when most
 * titles are bold (the TOC's style), only the bold ones (the rest are form fields such as
 * "I have read the guide"). Question and statement templates: every item.
 */
function criteriaItems(parsed: ParsedTemplate): TemplateItem[] {
  if (parsed.shape !== 'checklist') return parsed.items;
  const grouped = parsed.items.filter((item) => item.group !== null);
  const pool = grouped.length > 0 ? grouped : parsed.items;
  const bold = pool.filter((item) => item.emphasised);
  return bold.length >= pool.length * 0.6 ? bold : pool;
}

function groupOf(parsed: ParsedTemplate, item: TemplateItem): string | undefined {
  // Questions and statements sit under `###` topics that say more than the `##` stage does.
  const group = parsed.shape === 'checklist' ? item.group : [item.group, item.subsection].filter(Boolean).join(' / ');
  return group ? group : undefined;
}

/** The item's question: its title (a template's criterion reads as what must be shown). */
function questionFor(title: string): string {
  return title;
}

/** The level-1 heading above the first criterion, without `$PROJECT` or `[Project Name]` fill-ins. */
function setTitle(parsed: ParsedTemplate, first: TemplateItem | undefined, path: string): string {
  const heading = parsed.titles.filter((t) => first === undefined || t.line <= first.line).at(-1)?.text ?? parsed.title ?? '';
  const title = heading
    .replace(/\$[A-Z][A-Z0-9_]*|\[[^\]\n]*\]/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s/|:-]+|[\s/|:-]+$/g, '')
    .trim();
  return title || path.replace(/^.*[\\/]/, '').replace(/\.(md|markdown)$/i, '');
}

/** Build the criteria set for a parsed template. Throws nothing: an empty template gives no items. */
export function importTemplate(parsed: ParsedTemplate, options: ImportOptions, previous?: Pick<CriteriaSet, 'items'>): ImportResult {
  const chosen = criteriaItems(parsed);
  const taken = new Set<string>();
  const drafts: ImportedItem[] = [];
  let skipped = parsed.items.length - chosen.length;
  for (const item of chosen) {
    const required = requiredFor(item, options.level);
    if (required === 'skip') {
      skipped++;
      continue;
    }
    const group = groupOf(parsed, item);
    drafts.push({
      id: '',
      title: item.title,
      question: questionFor(item.title),
      guidance: item.guidance.join('\n'),
      required,
      ...(group ? { group } : {}),
      source: { template: options.path, version: parsed.version, section: item.section, position: item.position },
      hints: hintsFor(item.title, item.guidance),
    });
  }
  const changes = previous ? keepIds(drafts, previous.items, taken) : null;
  for (const draft of drafts) if (draft.id === '') draft.id = uniqueId(slugOf(draft.title), taken);
  if (changes) changes.added = drafts.filter((d) => !changes.kept.has(d)).map((d) => ({ id: d.id, title: d.title }));
  const title = setTitle(parsed, chosen[0], options.path);
  const set: ImportedSet = {
    id: options.id ?? (slugOf(title) || 'imported-template'),
    title,
    version: parsed.version ?? 1,
    description: `Imported from ${options.path} (${drafts.length} items${parsed.version ? `, template ${parsed.version}` : ''}).`,
    scale: 'checklist',
    items: drafts,
  };
  return { set, skipped, changes: changes ? { added: changes.added, removed: changes.removed, reworded: changes.reworded } : null };
}

function overlap(a: string, b: string): number {
  const x = new Set(words(a));
  const y = new Set(words(b));
  if (x.size === 0 || y.size === 0) return 0;
  let shared = 0;
  for (const w of x) if (y.has(w)) shared++;
  return shared / Math.max(x.size, y.size);
}

/** The word overlap above which a changed title is the same item reworded. */
export const REWORDED_OVERLAP = 0.5;

/**
 * Give drafts the ids of the previous set's items: first the same title (by words), then the
 * most similar unclaimed title, same group first. Records removed and reworded items.
 */
function keepIds(drafts: ImportedItem[], old: CriteriaSet['items'], taken: Set<string>): ImportChanges & { kept: Set<ImportedItem> } {
  const kept = new Set<ImportedItem>();
  const claimed = new Set<string>();
  for (const item of old) taken.add(item.id);
  const byKey = new Map<string, CriteriaSet['items'][number][]>();
  for (const item of old) byKey.set(titleKey(item.title), [...(byKey.get(titleKey(item.title)) ?? []), item]);
  for (const draft of drafts) {
    const match = byKey.get(titleKey(draft.title))?.find((item) => !claimed.has(item.id));
    if (!match) continue;
    draft.id = match.id;
    claimed.add(match.id);
    kept.add(draft);
  }
  const reworded: ImportChanges['reworded'] = [];
  const pairs: { draft: ImportedItem; item: CriteriaSet['items'][number]; score: number }[] = [];
  for (const draft of drafts) {
    if (kept.has(draft)) continue;
    for (const item of old) {
      if (claimed.has(item.id)) continue;
      const score = overlap(draft.title, item.title) + (item.group === draft.group ? 0.05 : 0);
      if (score >= REWORDED_OVERLAP) pairs.push({ draft, item, score });
    }
  }
  pairs.sort((a, b) => b.score - a.score);
  for (const { draft, item } of pairs) {
    if (kept.has(draft) || claimed.has(item.id)) continue;
    draft.id = item.id;
    claimed.add(item.id);
    kept.add(draft);
    reworded.push({ id: item.id, from: item.title, to: draft.title });
  }
  const removed = old.filter((item) => !claimed.has(item.id)).map((item) => ({ id: item.id, title: item.title }));
  return { added: [], removed, reworded: reworded.sort((a, b) => drafts.findIndex((d) => d.id === a.id) - drafts.findIndex((d) => d.id === b.id)), kept };
}
