// AsciiDoc -> markdown, line for line, so an .adoc document becomes the same DocumentModel as a
// markdown one while every line number still points at the .adoc file as given. A focused
// converter rather than Asciidoctor.js: the model needs headings, lists, tables, paragraphs and
// code with their source lines, and a translation that keeps line N on line N gives those to
// the markdown parser, the fact readers (which read raw lines) and the viewer alike, at the cost
// of a few microseconds per line. Text inside a line is kept as written where markdown reads it
// the same way (emphasis, bare URLs); AsciiDoc links become markdown links.
// What is translated: section titles (= .. ======), block titles (.Title), unordered (* ** -),
// ordered (. .. and 1.) lists, tables (|=== with cols/header options, one-line and one-cell-
// per-line rows), listing/literal/passthrough blocks (as fenced code), example/sidebar/quote/
// open blocks (their content), comments, attribute entries and block attribute lines (dropped),
// `{name}` attribute references, `url[text]`, `link:`/`mailto:` macros and `<<xref,text>>`.

import { splitLines } from './lines.js';

const SECTION = /^(={1,6})[ \t]+(.+?)(?:[ \t]+=+)?[ \t]*$/;
const ATTRIBUTE_ENTRY = /^:([\w][\w-]*)(!?):(?:[ \t]+(.*))?$/;
const BLOCK_ATTRIBUTES = /^\[(?:\[.*\]|[\w.#%"'=, -]*)\]$/;
const BLOCK_TITLE = /^\.([^.\s].*)$/;
const UNORDERED = /^[ \t]*(\*{1,6}|-)[ \t]+(.*)$/;
const ORDERED = /^[ \t]*(\.{1,6})[ \t]+(.*)$/;
const DIRECTIVE = /^(?:image|include|toc|ifdef|ifndef|ifeval|endif|video|audio)::/;
const TABLE_DELIMITER = /^[|!]={3,}\s*$/;
/** Delimited blocks read as code (listing, literal, passthrough) and as containers (the rest). */
const CODE_DELIMITER = /^(?:-{4,}|\.{4,}|\+{4,})\s*$/;
const CONTAINER_DELIMITER = /^(?:={4,}|\*{4,}|_{4,}|--)\s*$/;
const COMMENT_BLOCK = /^\/{4,}\s*$/;

/** True for names the document should be read as AsciiDoc. */
export function isAsciidocName(name: string): boolean {
  return /\.(?:adoc|asciidoc|asc)$/i.test(name);
}

/** Inline AsciiDoc in a line of text, as markdown. */
export function convertInline(text: string, attributes: ReadonlyMap<string, string>): string {
  let out = text;
  if (out.includes('{')) out = out.replace(/\{([\w][\w-]*)\}/g, (whole, name: string) => attributes.get(name.toLowerCase()) ?? whole);
  if (out.includes('[')) {
    // link:target[text] and mailto:addr[text]
    out = out.replace(/\blink:([^\s[\]]+)\[([^\]]*)\]/g, (_w, target: string, label: string) => mdLink(target, label));
    out = out.replace(/\bmailto:([^\s[\]]+)\[([^\]]*)\]/g, (_w, addr: string, label: string) => mdLink(`mailto:${addr}`, label));
    // url[text]: a URL immediately followed by a bracketed label (not a markdown link's "](").
    out = out.replace(/(^|[^(\w])((?:https?|ftp|irc):\/\/[^\s[\]]+)\[([^\]]*)\]/g, (_w, before: string, url: string, label: string) => `${before}${mdLink(url, label)}`);
  }
  if (out.includes('<<')) out = out.replace(/<<([^,>]+)(?:,\s*([^>]+))?>>/g, (_w, id: string, label?: string) => (label ?? id).trim());
  // A trailing " +" is a hard line break.
  return out.replace(/[ \t]\+$/, '');
}

function mdLink(target: string, label: string): string {
  const text = label.split(',')[0]!.trim().replace(/^"(.*)"$/, '$1');
  return text === '' || text === target ? target : `[${text.replace(/([[\]])/g, '\\$1')}](${target})`;
}

interface TableCell {
  line: number;
  text: string;
}

/** Columns from a cols attribute: "1,2,3", "3*", "2*,1" or a bare number. */
function columnsFrom(cols: string | undefined): number | null {
  if (!cols) return null;
  const value = cols.replace(/^["']|["']$/g, '').trim();
  if (/^\d+$/.test(value)) return Number(value);
  let count = 0;
  for (const part of value.split(/[,;]/)) {
    const repeat = /^(\d+)\*/.exec(part.trim());
    count += repeat ? Number(repeat[1]) : 1;
  }
  return count > 0 ? count : null;
}

/** Cells of a table line: the text after each unescaped "|" (a cell spec like "2+" before it is dropped). */
function splitCells(line: string, separator: string): { lead: string; cells: string[] } | null {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === '\\' && line[i + 1] === separator) {
      current += separator;
      i++;
    } else if (c === separator) {
      parts.push(current);
      current = '';
    } else current += c;
  }
  parts.push(current);
  if (parts.length === 1) return null;
  const lead = parts.shift()!;
  return { lead, cells: parts.map((p) => p.trim()) };
}

function row(cells: string[]): string {
  return `| ${cells.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`;
}

/**
 * Translate the lines of one table (open and close delimiters included) into GFM table lines on
 * the same line numbers. GFM needs a header and a delimiter row on consecutive lines and rows
 * without blank lines between them, so blank lines and continuation lines inside become empty
 * rows, and a table without a header gets an empty one on a free line before its first row.
 */
function translateTable(src: string[], open: number, close: number, attrs: string, attributes: ReadonlyMap<string, string>, out: string[]): void {
  const separator = src[open]!.trim()[0] === '!' ? '!' : '|';
  const cells: TableCell[] = [];
  let firstLineCells = 0;
  let firstLine = -1;
  for (let i = open + 1; i < close; i++) {
    const line = src[i]!;
    if (line.trim() === '') continue;
    const split = splitCells(line, separator);
    if (split === null || (split.lead.trim() !== '' && !/^[\d.+*<^>aehlmdsv]*$/.test(split.lead.trim()))) {
      // A continuation of the previous cell (or text before any cell).
      const last = cells[cells.length - 1];
      if (last) last.text = `${last.text} ${line.trim()}`.trim();
      continue;
    }
    if (firstLine === -1) {
      firstLine = i;
      firstLineCells = split.cells.length;
    }
    for (const text of split.cells) cells.push({ line: i, text });
  }
  const width = columnsFrom(/cols\s*=\s*("[^"]*"|'[^']*'|[^,\]]+)/.exec(attrs)?.[1]) ?? Math.max(1, firstLineCells);
  const rows: Array<{ line: number; cells: string[] }> = [];
  for (let k = 0; k < cells.length; k += width) {
    const slice = cells.slice(k, k + width).map((c) => convertInline(c.text, attributes));
    while (slice.length < width) slice.push('');
    rows.push({ line: cells[k]!.line, cells: slice });
  }
  for (let i = open; i <= close; i++) out[i] = '';
  if (rows.length === 0) return;
  const noHeader = /noheader/.test(attrs);
  const explicitHeader = /%header|options\s*=\s*["']?[^"'\]]*header/.test(attrs) && !noHeader;
  // Implicit header (AsciiDoc's rule): the first row alone on the first line, then a blank line.
  const first = rows[0]!;
  const implicitHeader = !noHeader && firstLineCells === width && first.line === firstLine && src[firstLine + 1]?.trim() === '';
  const emptyRow = row(new Array<string>(width).fill(''));
  const delimiter = `|${' --- |'.repeat(width)}`;
  let bodyRows = rows;
  let headerLine: number;
  if (explicitHeader || implicitHeader) {
    bodyRows = rows.slice(1);
    const next = rows[1]?.line ?? close;
    if (first.line + 1 < next) {
      out[first.line] = row(first.cells);
      headerLine = first.line;
    } else {
      // No free line after the header row: the header moves up onto the opening delimiter.
      out[open] = row(first.cells);
      headerLine = open;
    }
  } else {
    out[open] = emptyRow;
    headerLine = open;
    if (first.line === open + 1) {
      // No line free for the delimiter row: the first row becomes the header.
      bodyRows = rows.slice(1);
      out[open] = row(first.cells);
    }
  }
  out[headerLine + 1] = delimiter;
  const lastLine = Math.max(headerLine + 1, (bodyRows[bodyRows.length - 1]?.line ?? headerLine + 1));
  const placed = new Map(bodyRows.map((r) => [r.line, r.cells]));
  for (let i = headerLine + 2; i <= lastLine; i++) {
    const cellsAt = placed.get(i);
    out[i] = cellsAt ? row(cellsAt) : emptyRow;
  }
}

/** The AsciiDoc document's lines as markdown lines, one for one (same count, same order). */
export function asciidocToMarkdownLines(src: readonly string[]): string[] {
  const out: string[] = new Array<string>(src.length).fill('');
  const attributes = new Map<string, string>();
  let pendingAttrs = '';
  let code: string | null = null;
  let comment = false;
  // Content columns of the open list levels, so a nested item is indented under its parent.
  const listIndents: number[] = [];
  for (let i = 0; i < src.length; i++) {
    const line = src[i]!;
    if (comment) {
      if (COMMENT_BLOCK.test(line)) comment = false;
      continue;
    }
    if (code !== null) {
      if (line.trim() === code) {
        code = null;
        out[i] = '```';
      } else out[i] = /^\s*(?:`{3,}|~{3,})/.test(line) ? ` ${line}` : line;
      continue;
    }
    const trimmed = line.trim();
    if (trimmed === '') {
      out[i] = '';
      continue;
    }
    if (COMMENT_BLOCK.test(line)) {
      comment = true;
      continue;
    }
    if (line.startsWith('//')) continue;
    if (CODE_DELIMITER.test(line)) {
      code = trimmed;
      out[i] = '```';
      pendingAttrs = '';
      continue;
    }
    if (TABLE_DELIMITER.test(line)) {
      const delimiter = trimmed;
      let close = i + 1;
      while (close < src.length && src[close]!.trim() !== delimiter) close++;
      if (close >= src.length) close = src.length - 1;
      translateTable(src as string[], i, close, pendingAttrs, attributes, out);
      pendingAttrs = '';
      listIndents.length = 0;
      i = close;
      continue;
    }
    if (CONTAINER_DELIMITER.test(line) || trimmed === '+') continue;
    const entry = ATTRIBUTE_ENTRY.exec(line);
    if (entry) {
      if (entry[2] === '!') attributes.delete(entry[1]!.toLowerCase());
      else attributes.set(entry[1]!.toLowerCase(), (entry[3] ?? '').trim());
      continue;
    }
    if (BLOCK_ATTRIBUTES.test(trimmed)) {
      pendingAttrs = trimmed;
      continue;
    }
    if (DIRECTIVE.test(line)) continue;
    const section = SECTION.exec(line);
    if (section) {
      out[i] = `${'#'.repeat(section[1]!.length)} ${convertInline(section[2]!, attributes)}`;
      listIndents.length = 0;
      pendingAttrs = '';
      continue;
    }
    const title = BLOCK_TITLE.exec(line);
    if (title && !/^\.\d/.test(line)) {
      out[i] = `**${convertInline(title[1]!.trim(), attributes).replace(/\*\*/g, '')}**`;
      continue;
    }
    const unordered = UNORDERED.exec(line);
    const ordered = unordered ? null : ORDERED.exec(line);
    const marker = unordered ?? ordered;
    if (marker) {
      const depth = marker[1] === '-' ? 1 : marker[1]!.length;
      listIndents.length = Math.min(listIndents.length, depth - 1);
      while (listIndents.length < depth - 1) listIndents.push((listIndents[listIndents.length - 1] ?? 0) + 2);
      const indent = listIndents[depth - 2] ?? 0;
      const bullet = ordered ? '1.' : '-';
      listIndents[depth - 1] = indent + bullet.length + 1;
      out[i] = `${' '.repeat(indent)}${bullet} ${convertInline(marker[2]!, attributes)}`.trimEnd();
      continue;
    }
    // Paragraph text (and text following a list item, which continues it).
    const indent = listIndents.length > 0 && i > 0 && src[i - 1]!.trim() !== '' ? ' '.repeat(listIndents[listIndents.length - 1]!) : '';
    if (listIndents.length > 0 && indent === '') listIndents.length = 0;
    out[i] = indent + convertInline(indent ? trimmed : line.replace(/^[ \t]{1,3}(?=\S)/, ''), attributes);
    pendingAttrs = '';
  }
  return out;
}

/** An AsciiDoc document's text as the markdown text the document model is built from. */
export function asciidocToMarkdown(text: string): string {
  return asciidocToMarkdownLines(splitLines(text)).join('\n');
}
