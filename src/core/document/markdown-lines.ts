// Line classifiers for the block parser in document.ts: what a single line of markdown is
// (heading, fence, list marker, table delimiter, HTML block start …). Each is linear in the
// line's length with no regex backtracking, because documents are untrusted and a line may be
// megabytes long.

export interface Indent {
  /** Columns of leading whitespace, tabs to the next multiple of 4. */
  cols: number;
  /** Index of the first non-whitespace character. */
  offset: number;
}

export function indentOf(line: string): Indent {
  let cols = 0;
  let offset = 0;
  while (offset < line.length) {
    const c = line.charCodeAt(offset);
    if (c === 32) cols += 1;
    else if (c === 9) cols += 4 - (cols % 4);
    else break;
    offset++;
  }
  return { cols, offset };
}

export function isBlank(line: string): boolean {
  return indentOf(line).offset === line.length;
}

/** Remove up to `cols` columns of leading whitespace (tabs count to their stop). */
export function dedent(line: string, cols: number): string {
  let col = 0;
  let i = 0;
  while (i < line.length && col < cols) {
    const c = line.charCodeAt(i);
    if (c === 32) col += 1;
    else if (c === 9) col += 4 - (col % 4);
    else break;
    i++;
  }
  return line.slice(i);
}

export interface Atx {
  level: number;
  text: string;
}

export function atxHeading(line: string): Atx | null {
  const { cols, offset } = indentOf(line);
  if (cols > 3 || line.charCodeAt(offset) !== 35 /* # */) return null;
  let i = offset;
  while (i < line.length && line.charCodeAt(i) === 35) i++;
  const level = i - offset;
  if (level > 6) return null;
  if (i < line.length && line[i] !== ' ' && line[i] !== '\t') return null;
  let text = line.slice(i).trim();
  // Optional closing sequence: " ##" at the end (or the whole text is #s).
  let j = text.length;
  while (j > 0 && text.charCodeAt(j - 1) === 35) j--;
  if (j === 0) text = '';
  else if (j < text.length && (text[j - 1] === ' ' || text[j - 1] === '\t')) text = text.slice(0, j).trim();
  return { level, text };
}

export function isThematicBreak(line: string): boolean {
  const { cols, offset } = indentOf(line);
  if (cols > 3) return false;
  const mark = line[offset];
  if (mark !== '*' && mark !== '-' && mark !== '_') return false;
  let count = 0;
  for (let i = offset; i < line.length; i++) {
    const c = line[i];
    if (c === mark) count++;
    else if (c !== ' ' && c !== '\t') return false;
  }
  return count >= 3;
}

export interface Fence {
  char: string;
  length: number;
  indent: number;
}

export function fenceStart(line: string): Fence | null {
  const { cols, offset } = indentOf(line);
  if (cols > 3) return null;
  const char = line[offset];
  if (char !== '`' && char !== '~') return null;
  let i = offset;
  while (i < line.length && line[i] === char) i++;
  const length = i - offset;
  if (length < 3) return null;
  if (char === '`' && line.indexOf('`', i) !== -1) return null;
  return { char, length, indent: cols };
}

export function isFenceEnd(line: string, fence: Fence): boolean {
  const { cols, offset } = indentOf(line);
  if (cols > 3) return false;
  let i = offset;
  while (i < line.length && line[i] === fence.char) i++;
  return i - offset >= fence.length && isBlank(line.slice(i));
}

export interface Marker {
  ordered: boolean;
  /** Bullet character, or the delimiter ("." or ")") of an ordered marker. */
  kind: string;
  start: number;
  /** Column of the marker. */
  col: number;
  /** Column where the item's content starts; continuation lines indented this far belong to it. */
  contentCol: number;
  /** The item's text on the marker line. */
  text: string;
}

export function listMarker(line: string): Marker | null {
  const { cols, offset } = indentOf(line);
  let i = offset;
  const c = line[i];
  let ordered = false;
  let kind: string;
  let start = 1;
  if (c === '-' || c === '+' || c === '*') {
    kind = c;
    i++;
  } else {
    while (i < line.length && i - offset < 9 && line.charCodeAt(i) >= 48 && line.charCodeAt(i) <= 57) i++;
    if (i === offset || (line[i] !== '.' && line[i] !== ')')) return null;
    ordered = true;
    kind = line[i]!;
    start = Number(line.slice(offset, i));
    i++;
  }
  if (i < line.length && line[i] !== ' ' && line[i] !== '\t') return null;
  const markerEndCol = cols + (i - offset);
  const rest = line.slice(i);
  const after = indentOf(rest);
  let contentCol: number;
  let text: string;
  if (after.offset === rest.length) {
    contentCol = markerEndCol + 1;
    text = '';
  } else if (after.cols > 4) {
    // Five or more spaces after the marker: content is one space in (indented code inside).
    contentCol = markerEndCol + 1;
    text = rest.slice(1).trimEnd();
  } else {
    contentCol = markerEndCol + after.cols;
    text = rest.slice(after.offset).trimEnd();
  }
  return { ordered, kind, start, col: cols, contentCol, text };
}

export function isBlockquote(line: string): boolean {
  const { cols, offset } = indentOf(line);
  return cols <= 3 && line[offset] === '>';
}

/** Text of a blockquote line with every leading ">" marker removed. */
export function stripQuoteMarkers(line: string): string {
  let i = 0;
  while (i < line.length && (line[i] === '>' || line[i] === ' ' || line[i] === '\t')) i++;
  return line.slice(i);
}

export const BLOCK_TAGS = new Set(
  'address article aside base basefont blockquote body caption center col colgroup dd details dialog dir div dl dt fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head header hr html iframe legend li link main menu menuitem nav noframes ol optgroup option p param search section summary table tbody td tfoot th thead title tr track ul'.split(
    ' ',
  ),
);

/** How an HTML block ends: at a marker string, or at a blank line. */
export type HtmlEnd = { until: string } | { untilBlank: true };

export function htmlBlockStart(line: string, inParagraph: boolean): HtmlEnd | null {
  const { cols, offset } = indentOf(line);
  if (cols > 3 || line[offset] !== '<') return null;
  const rest = line.slice(offset, offset + 64).toLowerCase();
  if (rest.startsWith('<!--')) return { until: '-->' };
  const raw = /^<(script|pre|style|textarea)(?:\s|>|$)/.exec(rest);
  if (raw) return { until: `</${raw[1]}>` };
  if (rest.startsWith('<?')) return { until: '?>' };
  if (rest.startsWith('<![cdata[')) return { until: ']]>' };
  if (/^<![a-z]/.test(rest)) return { until: '>' };
  const tag = /^<\/?([a-z][a-z0-9-]*)(?:\s|\/?>|$)/.exec(rest);
  if (tag && BLOCK_TAGS.has(tag[1]!)) return { untilBlank: true };
  // Any other complete tag alone on its line, but it may not interrupt a paragraph.
  if (!inParagraph && /^<\/?[a-z][a-z0-9-]*(?:\s[^<>]*)?\/?>\s*$/i.test(line.slice(offset))) return { untilBlank: true };
  return null;
}

/** Cells of a table row: split on unescaped pipes, outer pipes dropped, cells trimmed. */
export function splitRow(line: string): string[] {
  const cells: string[] = [];
  let text = line.trim();
  if (text.startsWith('|')) text = text.slice(1);
  if (text.endsWith('|') && !text.endsWith('\\|')) text = text.slice(0, -1);
  let cell = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\' && text[i + 1] === '|') {
      cell += '|';
      i++;
    } else if (c === '|') {
      cells.push(cell.trim());
      cell = '';
    } else {
      cell += c;
    }
  }
  cells.push(cell.trim());
  return cells;
}

/** Number of columns of a GFM delimiter row (`| --- | :-: |`), or 0 when the line is not one. */
export function delimiterColumns(line: string): number {
  const { cols } = indentOf(line);
  if (cols > 3) return 0;
  const text = line.trim();
  if (!text.includes('-')) return 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c !== '|' && c !== '-' && c !== ':' && c !== ' ' && c !== '\t') return 0;
  }
  const cells = splitRow(text);
  for (const cell of cells) if (!/^:?-+:?$/.test(cell)) return 0;
  if (cells.length === 1 && !text.includes('|')) return 0;
  return cells.length;
}

export function isTableStart(lines: string[], i: number, end: number): boolean {
  const line = lines[i]!;
  if (i + 1 >= end || !line.includes('|') || indentOf(line).cols > 3) return false;
  const columns = delimiterColumns(lines[i + 1]!);
  return columns > 0 && columns === splitRow(line).length;
}

/** Lines that start a block of their own and so end a paragraph, a table or a lazy list line. */
export function startsBlock(line: string): boolean {
  return (
    atxHeading(line) !== null ||
    fenceStart(line) !== null ||
    isBlockquote(line) ||
    isThematicBreak(line) ||
    htmlBlockStart(line, true) !== null
  );
}
