// Lays out a markdown table in a given number of terminal cells. Pure; cells arrive already
// rendered (styled inline markdown). A table that fits is drawn as a box; one that does not gets
// narrower columns with its cells wrapped (rows then separated by rules so wrapped cells read
// as one row); when even that would squeeze a column below MIN_COLUMN cells, each row becomes
// a short "Header: value" list instead. No line is ever wider than the width given.
import { stripVTControlCharacters } from 'node:util';
import { padAnsi, visibleWidth, wrapAnsiRow } from './ansi-text.js';
import { displayWidth } from './text.js';

export type Align = 'left' | 'right' | 'center' | null;

export interface TableCells {
  header: string[];
  rows: string[][];
  align: Align[];
}

export interface TableLine {
  text: string;
  /** The table row this line starts: -1 for the header, 0.. for the body rows. */
  row?: number;
}

/**
 * Narrowest a column may get before the table is shown row by row instead: its longest word,
 * between MIN_COLUMN and MAX_WORD cells (longer words, URLs mostly, are cut anyway).
 */
export const MIN_COLUMN = 8;
const MAX_WORD = 15;

const GREY = ['\u001B[90m', '\u001B[39m'] as const;
const RED = ['\u001B[31m', '\u001B[39m'] as const;

/**
 * Column widths that fit `available` cells: columns narrower than an even share keep their
 * natural width, the rest share what is left. Null when a column would get less than
 * min(its natural width, its minimum).
 */
export function columnWidths(natural: number[], minimum: number[], available: number): number[] | null {
  const widths = natural.slice();
  if (natural.reduce((a, b) => a + b, 0) <= available) return widths;
  const open = natural.map((_, i) => i).sort((a, b) => natural[a]! - natural[b]!);
  let remaining = available;
  while (open.length > 0 && natural[open[0]!]! <= Math.floor(remaining / open.length)) {
    remaining -= natural[open.shift()!]!;
  }
  const share = Math.floor(remaining / open.length);
  // The widest columns get the cells left over by the division.
  open.forEach((column, index) => {
    widths[column] = share + (index >= open.length - (remaining - share * open.length) ? 1 : 0);
  });
  return widths.every((w, i) => w >= Math.min(natural[i]!, minimum[i]!)) ? widths : null;
}

function boxTable(cells: TableCells, widths: number[], color: boolean): TableLine[] {
  const border = (text: string) => (color ? GREY[0] + text + GREY[1] : text);
  const rule = (left: string, mid: string, right: string) => ({ text: border(left + widths.map((w) => '─'.repeat(w + 2)).join(mid) + right) });
  const out: TableLine[] = [rule('┌', '┬', '┐')];
  const wrapped = (row: string[]) => widths.map((w, i) => (row[i] ?? '') === '' ? [''] : wrapAnsiRow(row[i]!, w, 0));
  const header = wrapped(cells.header.map((h) => (color && h !== '' ? RED[0] + h + RED[1] : h)));
  const body = cells.rows.map(wrapped);
  const separated = body.some((row) => row.some((lines) => lines.length > 1));
  const push = (row: string[][], index: number) => {
    const height = Math.max(...row.map((lines) => lines.length));
    for (let k = 0; k < height; k++) {
      const text = border('│') + row.map((lines, i) => ` ${padAnsi(lines[k] ?? '', widths[i]!, cells.align[i] ?? null)} `).join(border('│')) + border('│');
      out.push(k === 0 ? { text, row: index } : { text });
    }
  };
  push(header, -1);
  out.push(rule('├', '┼', '┤'));
  body.forEach((row, index) => {
    if (index > 0 && separated) out.push(rule('├', '┼', '┤'));
    push(row, index);
  });
  out.push(rule('└', '┴', '┘'));
  return out;
}

/** Each row as "Header: value" lines, the first unindented, the rest indented under it. */
function rowByRow(cells: TableCells, width: number, color: boolean): TableLine[] {
  const out: TableLine[] = [];
  cells.rows.forEach((row, index) => {
    let first = true;
    cells.header.forEach((name, i) => {
      const value = row[i] ?? '';
      if (value === '') return;
      const label = name === '' ? `Column ${i + 1}` : name;
      const field = `${first ? '' : '  '}${color ? RED[0] + label + RED[1] : label}: ${value}`;
      wrapAnsiRow(field, width, first ? 2 : 4).forEach((text, k) => out.push(first && k === 0 ? { text, row: index } : { text }));
      first = false;
    });
    if (first) wrapAnsiRow('(empty)', width, 0).forEach((text, k) => out.push(k === 0 ? { text, row: index } : { text }));
  });
  return out;
}

/**
 * The table in at most `width` cells. `cells(false)` renders links with their targets,
 * `cells(true)` as their text only: the targets are dropped first when the table is too wide.
 */
export function layoutTable(cells: (linksAsText: boolean) => TableCells, width: number, color: boolean): TableLine[] {
  const natural = (t: TableCells) => t.header.map((_, i) => Math.max(1, visibleWidth(t.header[i]!), ...t.rows.map((r) => visibleWidth(r[i] ?? ''))));
  const overhead = (t: TableCells) => 3 * t.header.length + 1;
  const whole = cells(false);
  if (natural(whole).reduce((a, b) => a + b, 0) + overhead(whole) <= width) return boxTable(whole, natural(whole), color);
  const short = cells(true);
  const longestWord = (text: string) => Math.max(0, ...stripVTControlCharacters(text).split(/\s+/).map(displayWidth));
  const minimum = short.header.map((_, i) =>
    Math.min(MAX_WORD, Math.max(MIN_COLUMN, longestWord(short.header[i]!), ...short.rows.map((r) => longestWord(r[i] ?? '')))),
  );
  // Widths for the body first (a header wraps once, a body column on every row), then what is
  // left goes to headers that would still wrap.
  const available = width - overhead(short);
  const full = natural(short);
  const body = short.header.map((_, i) => Math.max(1, longestWord(short.header[i]!), ...short.rows.map((r) => visibleWidth(r[i] ?? ''))));
  const widths = columnWidths(body.map((b, i) => Math.min(b, full[i]!)), minimum, available);
  if (!widths) return rowByRow(short, width, color);
  let spare = available - widths.reduce((a, b) => a + b, 0);
  widths.forEach((w, i) => {
    const grow = Math.min(spare, full[i]! - w);
    if (grow > 0) {
      widths[i] = w + grow;
      spare -= grow;
    }
  });
  return boxTable(short, widths, color);
}
