// Git conflict markers left in a score file (two reviewers' edits merged by hand, or a pull that
// stopped on a conflict). The JSON would fail to parse somewhere inside the first block, which
// says nothing useful; naming the blocks by line and saying how to resolve them does. Pure.
import { splitLines } from '../document/lines.js';

export interface ConflictBlock {
  /** 1-based line of `<<<<<<<`. */
  startLine: number;
  /** 1-based line of `>>>>>>>` (the last line when it is missing). */
  endLine: number;
}

// Git writes exactly seven marker characters, then a space and a label (or nothing).
const OPEN = /^<{7}(?: |$)/;
const CLOSE = /^>{7}(?: |$)/;
const MIDDLE = /^(?:={7}|\|{7}(?: |$))/;

/** The conflict blocks in `text`; a stray `=======` or `>>>>>>>` alone counts as a block too. */
export function findConflictBlocks(text: string): ConflictBlock[] {
  // Cheap test first: score files are read on every open and almost never hold a conflict.
  if (!text.includes('<<<<<<<') && !text.includes('>>>>>>>') && !text.includes('=======')) return [];
  const lines = splitLines(text);
  const blocks: ConflictBlock[] = [];
  let open: number | null = null;
  lines.forEach((line, index) => {
    const number = index + 1;
    if (OPEN.test(line)) {
      if (open === null) open = number;
    } else if (CLOSE.test(line)) {
      blocks.push({ startLine: open ?? number, endLine: number });
      open = null;
    } else if (MIDDLE.test(line) && open === null) {
      blocks.push({ startLine: number, endLine: number });
    }
  });
  if (open !== null) blocks.push({ startLine: open, endLine: lines.length });
  return blocks;
}

/** "lines 5-12 and 30-41" (the first five blocks, then a count). */
export function describeConflictBlocks(blocks: readonly ConflictBlock[]): string {
  const ranges = blocks.slice(0, 5).map((b) => (b.startLine === b.endLine ? `${b.startLine}` : `${b.startLine}-${b.endLine}`));
  const more = blocks.length > 5 ? ` and ${blocks.length - 5} more` : '';
  const list = ranges.length > 1 ? `${ranges.slice(0, -1).join(', ')} and ${ranges.at(-1)}` : ranges[0]!;
  return `${ranges.length === 1 && blocks[0]!.startLine === blocks[0]!.endLine ? 'line' : 'lines'} ${list}${more}`;
}
