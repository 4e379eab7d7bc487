// Plain-text measuring, wrapping and truncating for terminal cells. Pure. Ink truncates each
// rendered line as a backstop, but the panes window by *rows*, so wrapping has to happen here,
// before windowing, with the same idea of width Ink has: widths come from string-width (what
// Ink measures with), per grapheme cluster, so an emoji or an accented letter is never cut in
// two and a wrapped row is never wider than Ink thinks it is.
import stringWidth from 'string-width';

/** Tab stops every 4 columns: the stop CommonMark uses for block structure, so expanding a
 * markdown source first does not change how it parses. */
export const TAB_STOP = 4;

const ASCII = /^[\x20-\x7e]*$/;
// What makes a cluster of several code points: marks, joiners, selectors, skin tones, flags,
// Hangul jamo. Text without any is one cluster per code point, and needs no segmenter (which
// costs ~400 µs on a status line with a '·').
const JOINS = /[\p{M}\p{Cf}\u1100-\u11ff\ufe0f\u{1f1e6}-\u{1f1ff}\u{1f3fb}-\u{1f3ff}]/u;
// Made on first use: building it loads ICU's break rules.
let segmenter: Intl.Segmenter | undefined;
// Widths of the non-ASCII clusters seen so far; documents reuse few distinct ones.
const widthCache = new Map<string, number>();

/** The grapheme clusters of a text (a plain loop over the characters for printable ASCII). */
export function graphemes(text: string): string[] {
  if (ASCII.test(text)) return text.split('');
  if (!JOINS.test(text)) return Array.from(text);
  segmenter ??= new Intl.Segmenter();
  const out: string[] = [];
  for (const { segment } of segmenter.segment(text)) out.push(segment);
  return out;
}

/** Cells one grapheme cluster (or one character) takes. A tab counts as TAB_STOP. */
export function charWidth(cluster: string): number {
  if (cluster.length === 1) {
    const code = cluster.charCodeAt(0);
    if (code >= 0x20 && code < 0x7f) return 1;
    if (code === 9) return TAB_STOP;
  }
  let width = widthCache.get(cluster);
  if (width === undefined) {
    width = stringWidth(cluster);
    if (widthCache.size >= 10_000) widthCache.clear();
    widthCache.set(cluster, width);
  }
  return width;
}

/** Cells a plain (escape-free) string takes. Tabs count as TAB_STOP (expand them first to be exact). */
export function displayWidth(text: string): number {
  if (ASCII.test(text)) return text.length;
  let width = 0;
  for (const cluster of graphemes(text)) width += charWidth(cluster);
  return width;
}

/**
 * Tabs replaced by spaces up to the next multiple of TAB_STOP columns, counted from the start of
 * each line in terminal cells. A raw tab would move the cursor by a width nobody measured and
 * push the pane's right border out.
 */
export function expandTabs(text: string): string {
  if (!text.includes('\t')) return text;
  return text
    .split('\n')
    .map((line) => {
      if (!line.includes('\t')) return line;
      let out = '';
      let column = 0;
      for (const cluster of graphemes(line)) {
        if (cluster === '\t') {
          const spaces = TAB_STOP - (column % TAB_STOP);
          out += ' '.repeat(spaces);
          column += spaces;
        } else {
          out += cluster;
          column += charWidth(cluster);
        }
      }
      return out;
    })
    .join('\n');
}

/** Cut a plain string to at most `width` cells, ending in "…" when cut. */
export function truncate(text: string, width: number): string {
  if (width <= 0) return '';
  if (displayWidth(text) <= width) return text;
  let out = '';
  let used = 0;
  for (const cluster of graphemes(text)) {
    const w = charWidth(cluster);
    if (used + w > width - 1) break;
    out += cluster;
    used += w;
  }
  return `${out}…`;
}

/** Cut a plain string to at most `width` cells by taking out its middle: both ends stay readable. */
export function truncateMiddle(text: string, width: number): string {
  if (width <= 0) return '';
  if (displayWidth(text) <= width) return text;
  const parts = graphemes(text);
  let head = '';
  let tail = '';
  let headWidth = 0;
  let tailWidth = 0;
  let i = 0;
  let j = parts.length - 1;
  // Keep a little more of the start (what happened) than of the end (which file).
  while (i <= j) {
    const takeHead = headWidth <= tailWidth * 1.5;
    const cluster = takeHead ? parts[i]! : parts[j]!;
    const w = charWidth(cluster);
    if (1 + headWidth + tailWidth + w > width) break;
    if (takeHead) {
      head += cluster;
      headWidth += w;
      i++;
    } else {
      tail = cluster + tail;
      tailWidth += w;
      j--;
    }
  }
  return `${head}…${tail}`;
}

/** Pad a plain string with spaces to exactly `width` cells (truncating if longer). */
export function fit(text: string, width: number): string {
  const cut = truncate(text, width);
  return cut + ' '.repeat(Math.max(0, width - displayWidth(cut)));
}

/**
 * Word-wrap plain text to `width` cells. Newlines are kept; words longer than a line are split
 * between grapheme clusters; tabs are expanded. An empty string gives one empty row.
 */
export function wrapText(text: string, width: number): string[] {
  const w = Math.max(1, width);
  const rows: string[] = [];
  for (const paragraph of expandTabs(text).split('\n')) {
    if (paragraph === '') {
      rows.push('');
      continue;
    }
    if (displayWidth(paragraph) <= w) {
      rows.push(paragraph.trimEnd());
      continue;
    }
    let row = '';
    let rowWidth = 0;
    // Keep the spaces with the word before them so indentation survives.
    for (const token of paragraph.match(/\S+\s*|\s+/g) ?? []) {
      const word = token.trimEnd();
      const wordWidth = displayWidth(word);
      if (rowWidth + wordWidth <= w) {
        row += token;
        rowWidth += displayWidth(token);
        continue;
      }
      if (row.trim() !== '') rows.push(row.trimEnd());
      row = '';
      rowWidth = 0;
      // A word wider than the row is split across rows.
      for (const cluster of graphemes(token)) {
        const cw = charWidth(cluster);
        if (rowWidth + cw > w && rowWidth > 0) {
          if (cluster === ' ') continue;
          rows.push(row);
          row = '';
          rowWidth = 0;
        }
        row += cluster;
        rowWidth += cw;
      }
    }
    rows.push(row.trimEnd());
  }
  return rows;
}
