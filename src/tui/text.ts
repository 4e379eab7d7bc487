// Plain-text measuring, wrapping and truncating for terminal cells. Pure. Ink truncates each
// rendered line as a backstop, but the panes window by *rows*, so wrapping has to happen here,
// before windowing, with the same idea of width the terminal has.

// Code points that take two terminal cells (East Asian wide/fullwidth, most emoji).
const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{1f300}-\u{1f64f}\u{1f900}-\u{1f9ff}\u{20000}-\u{3fffd}]/u;
// Combining marks and zero-width characters take none.
const ZERO = /[\u0300-\u036f\u200b-\u200f\u20d0-\u20ff\ufe00-\ufe0f\ufeff]/u;

export function charWidth(char: string): number {
  if (ZERO.test(char)) return 0;
  return WIDE.test(char) ? 2 : 1;
}

/** Cells a plain (escape-free) string takes. Tabs count as 4. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += char === '\t' ? 4 : charWidth(char);
  return width;
}

/** Cut a plain string to at most `width` cells, ending in "…" when cut. */
export function truncate(text: string, width: number): string {
  if (width <= 0) return '';
  if (displayWidth(text) <= width) return text;
  let out = '';
  let used = 0;
  for (const char of text) {
    const w = char === '\t' ? 4 : charWidth(char);
    if (used + w > width - 1) break;
    out += char;
    used += w;
  }
  return `${out}…`;
}

/** Pad a plain string with spaces to exactly `width` cells (truncating if longer). */
export function fit(text: string, width: number): string {
  const cut = truncate(text, width);
  return cut + ' '.repeat(Math.max(0, width - displayWidth(cut)));
}

/**
 * Word-wrap plain text to `width` cells. Newlines are kept; words longer than a line are split;
 * tabs become spaces. An empty string gives one empty row.
 */
export function wrapText(text: string, width: number): string[] {
  const w = Math.max(1, width);
  const rows: string[] = [];
  for (const paragraph of text.replace(/\t/g, '    ').split('\n')) {
    if (paragraph === '') {
      rows.push('');
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
      for (const char of token) {
        const cw = charWidth(char);
        if (rowWidth + cw > w) {
          if (char === ' ') continue;
          rows.push(row);
          row = '';
          rowWidth = 0;
        }
        row += char;
        rowWidth += cw;
      }
    }
    rows.push(row.trimEnd());
  }
  return rows;
}

/** Clamp a scroll offset so a window of `height` rows stays inside `total` rows. */
export function clampOffset(offset: number, total: number, height: number): number {
  return Math.max(0, Math.min(offset, Math.max(0, total - height)));
}
