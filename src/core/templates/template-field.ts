// The `template` field of `extract --json`: per criterion, the checkbox item of a filled
// application or DD that answers it (line range, the document's tick, whether anything but the
// template's own text was written), or null. Pure: the document's lines and the set's items in.
// Pairing is align.ts; this file decides whether the document is template-shaped at all and
// reads "answered" knowing the item's own guidance text.
import type { CriteriaItem } from '../criteria/criteria.js';
import { alignItems, findCheckboxes, titleWords, type AlignItem, type DocCheckbox } from './align.js';

/** The contract shape (docs/extract.md): 1-based lines of the item's checkbox and block end. */
export interface TemplateMatch {
  line: number;
  endLine: number;
  /** The document's tick: the project's (or DD author's) claim, never the reviewer's score. */
  checked: boolean;
  /** False when the block holds only the template's text, placeholders and empty comments. */
  answered: boolean;
}

/**
 * A document counts as a filled template when at least this share of the set's items, and at
 * least MIN_ALIGNED of them, pair with one of its checkboxes. A self-report with a few stray
 * task-list bullets stays a prose document and keeps today's ranked sections.
 */
export const SHAPED_SHARE = 0.3;
export const MIN_ALIGNED = 3;

// $LINK, $PROJECT, DD-MMM-YYYY, [has/has not] and the like: template text nobody filled in.
const PLACEHOLDER = /\$[A-Z][A-Z0-9_]+|\bDD-MMM-YYYY\b|\bYYYY-MM-DD\b|\bMONTH YEAR\b|\[[a-z ]+\/[a-z ]+\]/g;
const BOX_PREFIX = /^\s*(?:[-*+]|\d+[.)])\s+\[[ xX]\]\s*/;

type ItemLike = Pick<CriteriaItem, 'id' | 'title'> & Partial<Pick<CriteriaItem, 'guidance' | 'group' | 'source'>>;

/** The align.ts view of a criteria item: its title, template section and position. */
export function alignItemOf(item: ItemLike, index: number): AlignItem {
  const section = item.source?.section ?? item.group;
  return { id: item.id, title: item.title, ...(section ? { section } : {}), position: item.source?.position ?? index + 1 };
}

/**
 * Per item id, the matching block or null; or null for the whole document when it is not
 * template-shaped (then extract leaves the field out and ranks sections as before).
 */
export function templateMatches(lines: readonly string[], items: readonly ItemLike[]): Map<string, TemplateMatch | null> | null {
  const boxes = findCheckboxes(lines);
  if (boxes.length < MIN_ALIGNED) return null;
  const pairs = alignItems(items.map(alignItemOf), boxes);
  const aligned = [...pairs.values()].filter((b) => b !== null).length;
  if (aligned < MIN_ALIGNED || aligned < SHAPED_SHARE * items.length) return null;
  const result = new Map<string, TemplateMatch | null>();
  for (const item of items) {
    const box = pairs.get(item.id) ?? null;
    result.set(item.id, box ? matchOf(lines, box, item) : null);
  }
  return result;
}

function matchOf(lines: readonly string[], box: DocCheckbox, item: ItemLike): TemplateMatch {
  return { line: box.line, endLine: box.endLine, checked: box.checked, answered: blockAnswered(lines, box, item) };
}

/**
 * Whether any line of the block says something the template did not: comments, placeholders,
 * the item's title and its template guidance (the description lines every copy carries) are
 * not answers. align.ts cannot know the guidance, so it is read again here.
 */
export function blockAnswered(lines: readonly string[], box: Pick<DocCheckbox, 'line' | 'endLine'>, item: Pick<ItemLike, 'title' | 'guidance'>): boolean {
  const templateWords = titleWords(`${item.title} ${item.guidance ?? ''}`);
  let inComment = false;
  // Bold opened and not yet closed: still the item's title (split across lines), whose own
  // links (the template's references) are not answers.
  let inTitle = false;
  for (let n = box.line; n <= box.endLine; n++) {
    let text = (lines[n - 1] ?? '').replace(/\r$/, '');
    if (n === box.line) text = text.replace(BOX_PREFIX, '');
    const titleLine = n === box.line || inTitle;
    const oddBold = (text.match(/\*\*/g)?.length ?? 0) % 2 === 1;
    if (n === box.line) inTitle = oddBold;
    else if (inTitle && oddBold) inTitle = false;
    // A footnote reference (an exported DD's source reference) is not an answer.
    text = text.replace(/(?<!\\)\[\^[^\]\s\\]+\]/g, ' ');
    const stripped = withoutComments(text, inComment);
    inComment = stripped.open;
    if (isAnswerText(stripped.text, templateWords)) return true;
    // "Link: [CODE_OF_CONDUCT.md](https://…)": the words are the template's, the link is the answer.
    if (!titleLine && hasOwnLink(stripped.text)) return true;
  }
  return false;
}

/** An absolute link or URL on a line with no placeholder: something the project pointed to. */
function hasOwnLink(text: string): boolean {
  return !new RegExp(PLACEHOLDER.source).test(text) && /\]\(\s*https?:\/\/[^)\s]+|(?:^|[\s<(])https?:\/\/\S+/.test(text);
}

/** Text that is neither empty, a placeholder line, nor (almost) all the template's own words. */
function isAnswerText(text: string, templateWords: ReadonlySet<string>): boolean {
  if (text.trim() === '') return false;
  if (new RegExp(PLACEHOLDER.source).test(text)) return false;
  // "N/A" alone is a statement (not applicable here), though it has no content words.
  if (/^[\s*_>-]*(?:n\/a|not applicable)[\s.*_]*$/i.test(text)) return true;
  const words = [...titleWords(text)];
  if (words.length === 0) return false;
  const own = words.filter((w) => templateWords.has(w)).length;
  return own / words.length < 0.8;
}

/** 0-based [start, end) spans of placeholders in one line, for marking them on screen. */
export function placeholderSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (const m of text.matchAll(PLACEHOLDER)) spans.push([m.index, m.index + m[0].length]);
  for (const m of text.matchAll(/<!--\s*\([^)]*\)\s*-->/g)) spans.push([m.index, m.index + m[0].length]);
  return spans.sort((a, b) => a[0] - b[0]);
}

function withoutComments(text: string, open: boolean): { text: string; open: boolean } {
  let rest = text;
  let out = '';
  let inside = open;
  while (rest.length > 0) {
    if (inside) {
      const close = rest.indexOf('-->');
      if (close < 0) return { text: out, open: true };
      rest = rest.slice(close + 3);
      inside = false;
    } else {
      const start = rest.indexOf('<!--');
      if (start < 0) return { text: out + rest, open: false };
      out += rest.slice(0, start);
      rest = rest.slice(start + 4);
      inside = true;
    }
  }
  return { text: out, open: inside };
}
