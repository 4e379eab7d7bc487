// The whole-document viewer's pure logic: where the window starts and finding search matches.
// Lines are 1-based like everywhere else in toc-review.

/** Next line (after `from` going forward, before it going back) containing `query`, wrapping. */
export function findMatch(lines: readonly string[], query: string, from: number, direction: 1 | -1): number | null {
  const needle = query.toLowerCase();
  if (needle === '' || lines.length === 0) return null;
  const count = lines.length;
  for (let step = 1; step <= count; step++) {
    // from is 1-based; walk the ring of lines starting just past it.
    const index = (((from - 1 + direction * step) % count) + count) % count;
    if (lines[index]!.toLowerCase().includes(needle)) return index + 1;
  }
  return null;
}

/** Clamp a 1-based top line so the window stays inside the document. */
export function clampTop(top: number, lineCount: number): number {
  return Math.max(1, Math.min(top, Math.max(1, lineCount)));
}

/** Top line that shows `line` with a little context above it. */
export function topFor(line: number, height: number, lineCount: number): number {
  return clampTop(line - Math.min(3, Math.floor(height / 4)), lineCount);
}

// Scrolling by wrapped rows: a line longer than the screen (a 72 KB single-line paste) wraps
// into more rows than fit, so the window's top is a line *and* a row within it. Every function
// here looks at O(window height) lines through `rowsOf`, never at the whole document, so a
// keypress costs the same on a 1 MB document as on a small one.

/** Top of the window: a 1-based line and a 0-based wrapped row of it. */
export interface RowPos {
  line: number;
  row: number;
}

/** The wrapped rows of a 1-based line (at least one; memoised by the caller). */
export type RowsOf = (line: number) => readonly string[];

function before(a: RowPos, b: RowPos): boolean {
  return a.line < b.line || (a.line === b.line && a.row < b.row);
}

/** The top that shows the document's last row at the bottom of a window of `height` rows. */
export function lastPage(lineCount: number, height: number, rowsOf: RowsOf): RowPos {
  let line = Math.max(1, lineCount);
  let row = lineCount === 0 ? 0 : rowsOf(line).length;
  let left = Math.max(1, height);
  while (lineCount > 0) {
    if (row >= left) return { line, row: row - left };
    left -= row;
    if (line === 1) break;
    line--;
    row = rowsOf(line).length;
  }
  return { line: 1, row: 0 };
}

/** A top kept inside the document: not before its first row, not past its last full page. */
export function clampPos(pos: RowPos, lineCount: number, height: number, rowsOf: RowsOf): RowPos {
  if (lineCount === 0 || pos.line < 1) return { line: 1, row: 0 };
  const last = lastPage(lineCount, height, rowsOf);
  if (!before(pos, last)) return last;
  return { line: pos.line, row: Math.max(0, Math.min(pos.row, rowsOf(pos.line).length - 1)) };
}

/** Move the top by `delta` wrapped rows (negative: up), clamped like clampPos. */
export function stepRows(pos: RowPos, delta: number, lineCount: number, height: number, rowsOf: RowsOf): RowPos {
  if (lineCount === 0) return { line: 1, row: 0 };
  let { line, row } = clampPos(pos, lineCount, height, rowsOf);
  row += delta;
  while (row < 0 && line > 1) {
    line--;
    row += rowsOf(line).length;
  }
  while (row > 0 && line < lineCount && row >= rowsOf(line).length) {
    row -= rowsOf(line).length;
    line++;
  }
  return clampPos({ line, row: Math.max(0, row) }, lineCount, height, rowsOf);
}

/** A memoised RowsOf over `lines`, each line prepared by `prepare` and wrapped by `wrap`. */
export function rowCache(lines: readonly string[], prepare: (line: string) => string, wrap: (text: string) => string[], limit = 512): RowsOf {
  const cache = new Map<number, readonly string[]>();
  return (line) => {
    let rows = cache.get(line);
    if (!rows) {
      const wrapped = wrap(prepare(lines[line - 1] ?? ''));
      rows = wrapped.length > 0 ? wrapped : [''];
      if (cache.size >= limit) cache.delete(cache.keys().next().value!);
      cache.set(line, rows);
    }
    return rows;
  };
}
