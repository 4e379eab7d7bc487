// The whole-document viewer's pure logic: where the window starts and finding search matches.
// Lines are 1-based like everywhere else in toc-review.

/** Every line (1-based) containing `query`, case-insensitive: computed once per search. */
export function matchLines(lines: readonly string[], query: string): number[] {
  const needle = query.toLowerCase();
  const out: number[] = [];
  if (needle === '') return out;
  for (let i = 0; i < lines.length; i++) if (lines[i]!.toLowerCase().includes(needle)) out.push(i + 1);
  return out;
}

export interface MatchStep {
  line: number;
  /** 1-based position among all matches. */
  index: number;
  /** Went past the last match back to the first (1), or past the first to the last (-1). */
  wrapped: 1 | -1 | null;
}

/** The match after `from` (direction 1) or before it (-1), wrapping; binary search, no rescan. */
export function stepMatch(matches: readonly number[], from: number, direction: 1 | -1): MatchStep | null {
  if (matches.length === 0) return null;
  let lo = 0;
  let hi = matches.length;
  // First index whose line is > from (forward) or >= from (backward).
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (direction === 1 ? matches[mid]! <= from : matches[mid]! < from) lo = mid + 1;
    else hi = mid;
  }
  if (direction === 1) {
    if (lo < matches.length) return { line: matches[lo]!, index: lo + 1, wrapped: null };
    return { line: matches[0]!, index: 1, wrapped: 1 };
  }
  if (lo > 0) return { line: matches[lo - 1]!, index: lo, wrapped: null };
  return { line: matches[matches.length - 1]!, index: matches.length, wrapped: -1 };
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
