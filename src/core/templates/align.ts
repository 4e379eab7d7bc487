// Align a criteria set's template items to the checkbox items of a filled application or DD.
// Pure: lines in, pairs out. Matching survives what reviewers do to templates: older versions
// with reworded titles, removed bold, numbering or emoji, reordered or deleted items, titles
// split across lines, `[X]`. Words alone are not enough (a shipped set is written in its own
// words), so the section and the position in the template count as well.

export interface AlignItem {
  id: string;
  title: string;
  /** The template section the item sits under (`##` title), when known. */
  section?: string;
  /** 1-based position among the template's items, when known. */
  position?: number;
}

export interface DocCheckbox {
  /** 1-based line of the checkbox. */
  line: number;
  /** Last non-blank line of the item's block (up to the next item or heading). */
  endLine: number;
  checked: boolean;
  title: string;
  /** The nearest `##` heading above it ('' when none). */
  section: string;
  /** 0-based order among the document's checkbox items. */
  index: number;
  /** False when the block holds only the title, placeholders and empty comments. */
  answered: boolean;
}

const BOX = /^(?:[-*+]|\d+[.)])\s+\[([ xX])\]\s*(.*)$/;
const HEADING = /^(#{1,6})\s+(.*)$/;
// $LINK, $PROJECT, DD-MMM-YYYY, YYYY-MM-DD and the like: template text the project did not fill.
const PLACEHOLDER = /\$[A-Z][A-Z_]+|\bDD-MMM-YYYY\b|\bYYYY-MM-DD\b|\bMONTH YEAR\b/;

/** The document's top-level checkbox items with their blocks. */
export function findCheckboxes(lines: readonly string[]): DocCheckbox[] {
  const out: DocCheckbox[] = [];
  let section = '';
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!.replace(/\r$/, '');
    const heading = HEADING.exec(raw);
    if (heading) {
      if (heading[1]!.length <= 2) section = heading[2]!.trim();
      continue;
    }
    const box = BOX.exec(raw);
    if (!box) continue;
    let title = box[2]!.trim();
    // A bold title left open continues on the next line(s) (items split across lines).
    let j = i;
    while ((title.match(/\*\*/g)?.length ?? 0) % 2 === 1 && j + 1 < lines.length && lines[j + 1]!.trim() !== '' && j - i < 3) {
      j++;
      title += ` ${lines[j]!.trim()}`;
    }
    out.push({ line: i + 1, endLine: j + 1, checked: box[1] !== ' ', title: boldPart(title), section, index: out.length, answered: false });
  }
  // Blocks run to the line before the next item or heading; answered if anything but template text remains.
  for (let k = 0; k < out.length; k++) {
    const box = out[k]!;
    const limit = k + 1 < out.length ? out[k + 1]!.line - 1 : lines.length;
    let end = box.endLine;
    let answered = false;
    let inComment = false;
    for (let n = box.endLine; n < limit; n++) {
      const text = lines[n]!.replace(/\r$/, '').trim();
      if (HEADING.test(text)) break;
      if (text === '') continue;
      end = n + 1;
      const stripped = stripComments(text, inComment);
      inComment = stripped.open;
      if (stripped.text.trim() !== '' && !PLACEHOLDER.test(stripped.text)) answered = true;
    }
    box.endLine = end;
    box.answered = answered;
  }
  return out;
}

function stripComments(text: string, open: boolean): { text: string; open: boolean } {
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

/** The bold title when there is one, else the whole text. */
function boldPart(text: string): string {
  const bold = /\*\*(.+?)\*\*/.exec(text);
  return (bold ? bold[1]! : text).trim();
}

const STOP = new Set(['the', 'and', 'for', 'with', 'that', 'this', 'are', 'its', 'any', 'from', 'has', 'have', 'which', 'may', 'all', 'other', 'etc', 'how', 'project', 'projects']);

/** Content words, links reduced to their text, crude stems so "documented" meets "document". */
export function titleWords(title: string): Set<string> {
  const words = title
    .toLowerCase()
    .replace(/\]\([^)]*\)/g, ' ')
    .replace(/[^a-z0-9]+/g, ' ')
    .split(' ')
    .filter((w) => w.length > 2 && !STOP.has(w))
    .map((w) => w.replace(/(?:ations?|ation|ing|ed|es|s)$/, '').slice(0, 7));
  return new Set(words);
}

function wordScore(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let common = 0;
  for (const w of a) if (b.has(w)) common++;
  // Dice and containment averaged: a title that gained a clause still pairs with its old self.
  return ((2 * common) / (a.size + b.size) + common / Math.min(a.size, b.size)) / 2;
}

function sectionKey(text: string | undefined): string {
  return [...titleWords((text ?? '').split('/')[0] ?? '')].sort().join(' ');
}

/**
 * Pair each item with at most one checkbox (or null). Score = word overlap, plus a bonus for the
 * same section and for a close relative position; pairs are taken best first above a threshold.
 */
export function alignItems(items: readonly AlignItem[], boxes: readonly DocCheckbox[]): Map<string, DocCheckbox | null> {
  const result = new Map<string, DocCheckbox | null>(items.map((item) => [item.id, null]));
  if (items.length === 0 || boxes.length === 0) return result;
  const positions = items.map((item, i) => item.position ?? i + 1);
  const maxPosition = Math.max(...positions);
  const itemWords = items.map((item) => titleWords(item.title));
  const boxWords = boxes.map((box) => titleWords(box.title));
  const candidates: { i: number; b: number; score: number }[] = [];
  items.forEach((item, i) => {
    const itemSection = sectionKey(item.section);
    const relItem = (positions[i]! - 1) / Math.max(1, maxPosition - 1);
    boxes.forEach((box, b) => {
      const words = wordScore(itemWords[i]!, boxWords[b]!);
      const relBox = box.index / Math.max(1, boxes.length - 1);
      const near = 1 - Math.min(1, Math.abs(relItem - relBox) * 4);
      const sameSection = itemSection !== '' && itemSection === sectionKey(box.section) ? 1 : 0;
      const score = words + 0.15 * sameSection + 0.2 * near;
      if (words >= 0.25 && score >= 0.55) candidates.push({ i, b, score });
    });
  });
  candidates.sort((x, y) => y.score - x.score);
  const usedBoxes = new Set<number>();
  const usedItems = new Set<number>();
  for (const c of candidates) {
    if (usedItems.has(c.i) || usedBoxes.has(c.b)) continue;
    usedItems.add(c.i);
    usedBoxes.add(c.b);
    result.set(items[c.i]!.id, boxes[c.b]!);
  }
  return result;
}
