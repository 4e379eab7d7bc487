// Measuring and wrapping text that carries SGR styling (rendered markdown), in terminal cells.
// Pure. Width is counted per grapheme cluster like the plain-text helpers in text.ts, so a
// wrapped row never splits an emoji or a surrogate pair and is never wider than Ink measures it.
import { stripVTControlCharacters } from 'node:util';
import { charWidth, displayWidth, graphemes } from './text.js';

const SGR = /\u001B\[[0-9;]*m/g;
const RESET = '\u001B[0m';

/** Cells the visible part of a styled string takes. */
export function visibleWidth(text: string): number {
  return displayWidth(stripVTControlCharacters(text));
}

type Unit = { sgr: string } | { text: string; width: number };

/** A styled row as styling sequences and grapheme clusters, in order. */
function units(row: string): Unit[] {
  const out: Unit[] = [];
  let last = 0;
  const pushText = (text: string) => {
    for (const cluster of graphemes(text)) out.push({ text: cluster, width: charWidth(cluster) });
  };
  for (const match of row.matchAll(SGR)) {
    if (match.index > last) pushText(row.slice(last, match.index));
    out.push({ sgr: match[0] });
    last = match.index + match[0].length;
  }
  if (last < row.length) pushText(row.slice(last));
  return out;
}

/**
 * Indentation for continuation rows: the row's own indentation, plus the list marker when the
 * row starts a list item (`* `, `12. `), so wrapped text lines up under the item's text.
 */
export function hangingIndent(row: string, width: number): number {
  const match = /^( *)(\* |\d+\. )?/.exec(stripVTControlCharacters(row))!;
  return Math.min(match[1]!.length + (match[2]?.length ?? 0), Math.floor(width / 2));
}

/**
 * Wrap one row of styled text to `width` cells, at the last space where possible, indenting
 * continuation rows by `indent` (default: hangingIndent) and carrying the active styling across
 * each break. Never breaks inside a grapheme cluster; no row is wider than `width` (unless a
 * single cluster is).
 */
export function wrapAnsiRow(row: string, width: number, indent = hangingIndent(row, width)): string[] {
  if (visibleWidth(row) <= width) return [row];
  const pad = ' '.repeat(indent);
  const rows: string[] = [];
  let line: Unit[] = [];
  let lineStyle = ''; // styling active where the current row starts
  let active = '';
  let used = 0;
  let content = false; // the row holds something besides its indentation
  // Just after the last space on the row: where to break, and the state there.
  let space: { at: number; used: number; active: string } | null = null;
  const emit = (upTo: number, styleAtEnd: string) => {
    const text = lineStyle + line.slice(0, upTo).map((u) => ('sgr' in u ? u.sgr : u.text)).join('');
    rows.push(text.trimEnd() + (styleAtEnd ? RESET : ''));
  };
  for (const unit of units(row)) {
    if ('sgr' in unit) {
      line.push(unit);
      active = unit.sgr === RESET || unit.sgr === '\u001B[m' ? '' : active + unit.sgr;
      continue;
    }
    // Break only when the row holds something past its indentation (else no progress is made).
    while (used + unit.width > width && used > (rows.length === 0 ? 0 : indent)) {
      if (unit.text === ' ') {
        // The row is full just before a space: break there and drop the space.
        emit(line.length, active);
        lineStyle = pad + active;
        line = [];
        used = indent;
        content = false;
        space = null;
        break;
      }
      if (space && space.used > indent) {
        const tail = line.slice(space.at);
        emit(space.at, space.active);
        lineStyle = space.active;
        line = tail;
        used = indent + tail.reduce((sum, u) => sum + ('width' in u ? u.width : 0), 0);
      } else {
        emit(line.length, active);
        lineStyle = active;
        line = [];
        used = indent;
      }
      lineStyle = pad + lineStyle;
      content = line.some((u) => 'width' in u);
      space = null;
    }
    if (unit.text === ' ' && !content && line.length === 0 && rows.length > 0) continue;
    line.push(unit);
    used += unit.width;
    if (unit.text === ' ') space = { at: line.length, used, active };
    else content = true;
  }
  const last = lineStyle + line.map((u) => ('sgr' in u ? u.sgr : u.text)).join('');
  if (stripVTControlCharacters(last).trim() !== '') rows.push(last);
  return rows;
}

/** Pad a styled string with spaces to `width` cells, aligned left, right or centred. */
export function padAnsi(text: string, width: number, align: 'left' | 'right' | 'center' | null = 'left'): string {
  const gap = Math.max(0, width - visibleWidth(text));
  if (align === 'right') return ' '.repeat(gap) + text;
  if (align === 'center') return ' '.repeat(Math.floor(gap / 2)) + text + ' '.repeat(gap - Math.floor(gap / 2));
  return text + ' '.repeat(gap);
}
