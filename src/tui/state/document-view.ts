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
