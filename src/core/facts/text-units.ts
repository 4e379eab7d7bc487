// Reading units for fact extraction: paragraphs, list items and table rows of the document's
// markdown content, as visible text (links reduced to their text, URLs, images, emphasis marks
// and HTML tags dropped) with a map from every visible character back to its raw line and
// column, so a fact can quote an exact substring of its line. Code blocks, HTML comments and
// headings are skipped. Everything here is linear in the size of the document.
import type { DocumentModel } from '../document/document-types.js';

export interface TextUnit {
  kind: 'paragraph' | 'item' | 'row';
  startLine: number;
  endLine: number;
  /** Visible text. Line joins are " ", or "\n" where a new sentence clearly starts. */
  text: string;
  /** 1-based raw line of each visible character. */
  lineOf: Int32Array;
  /** 0-based column in the raw line of each visible character. */
  colOf: Int32Array;
  /** 1 where the visible character is link text. */
  linkText: Uint8Array;
  /** For list items: the unit that introduces the list when it ends with ":" (else inherited). */
  intro: TextUnit | null;
  /** Heading of the enclosing section ("" before any heading). */
  heading: string;
  /** Table rows: spans of each cell in `text` (cells are joined by "\n"), and the header texts. */
  cells: Array<{ start: number; end: number }> | null;
  header: string[] | null;
}

interface Segment {
  line: number;
  start: number;
  end: number;
}

const ATX_HEADING = /^ {0,3}#{1,6}(?:\s|$)/;
const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-+)\s*$/;
const THEMATIC_BREAK = /^ {0,3}(?:(?:\*\s*){3,}|(?:-\s*){3,}|(?:_\s*){3,})$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const LIST_ITEM = /^(\s*)([*+-]|\d{1,9}[.)])(?=\s|$)\s*/;
const TABLE_DELIMITER = /^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$/;

function leadingWidth(text: string): number {
  let width = 0;
  for (const char of text) {
    if (char === ' ') width += 1;
    else if (char === '\t') width += 4 - (width % 4);
    else break;
  }
  return width;
}

/** Blank out HTML comments (kept column-aligned), carrying the open state across lines. */
function maskComments(line: string, state: { inComment: boolean }): string {
  if (!state.inComment && !line.includes('<!--')) return line;
  let out = '';
  let i = 0;
  while (i < line.length) {
    if (state.inComment) {
      const close = line.indexOf('-->', i);
      const stop = close === -1 ? line.length : close + 3;
      out += ' '.repeat(stop - i);
      i = stop;
      if (close !== -1) state.inComment = false;
    } else {
      const open = line.indexOf('<!--', i);
      if (open === -1) {
        out += line.slice(i);
        break;
      }
      out += line.slice(i, open);
      i = open;
      state.inComment = true;
    }
  }
  return out;
}

/** Column where the text starts after any blockquote markers ("> > "). */
function quoteContentStart(line: string): number {
  let i = 0;
  for (;;) {
    let j = i;
    while (j < line.length && j - i < 4 && line[j] === ' ') j++;
    if (line[j] !== '>') return i;
    j++;
    if (line[j] === ' ') j++;
    i = j;
  }
}

function splitCells(line: string, from: number): Array<{ start: number; end: number }> {
  const cells: Array<{ start: number; end: number }> = [];
  let start = from;
  let i = from;
  while (i < line.length && line[i] === ' ') i++;
  if (line[i] === '|') start = i + 1;
  let escaped = false;
  let inCode = false;
  for (let j = start; j <= line.length; j++) {
    const char = line[j];
    if (j === line.length || (char === '|' && !escaped && !inCode)) {
      cells.push({ start, end: j });
      start = j + 1;
    } else if (char === '`') {
      inCode = !inCode;
    }
    escaped = char === '\\' && !escaped;
  }
  // A trailing pipe leaves an empty last cell; drop it.
  const last = cells[cells.length - 1];
  if (cells.length > 1 && last && line.slice(last.start, last.end).trim() === '') cells.pop();
  return cells;
}

const BLOCK_TAG = /^<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>/;
const AUTOLINK = /^<(?:https?|mailto|ftp):[^<>\s]*>/i;

// ASCII characters that addSegment passes through unchanged (1) or must look at (0): escapes,
// images, links, tags, URLs (h/H), emphasis and code marks, entities and tabs.
const LOOKED_AT = '\\![<hH*`~_&\t';
const PLAIN = new Uint8Array(128).fill(1);
for (const char of LOOKED_AT) PLAIN[char.charCodeAt(0)] = 0;

// Shared by every segment without a "[" (most of them), instead of allocating per segment.
const NO_TABLE = new Int32Array(0);
const NO_LINKS: Map<number, number> = new Map();

/** Where a run of plain characters may stop: the characters above, and "]" (a link's end). */
const RUN_STOP = new RegExp(`[${[...LOOKED_AT, ']'].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')}]`);

/** 0, 1, 2, …: the column of each character of a run, copied out of one shared array. */
let ramp = new Int32Array(0);
function columnRamp(length: number): Int32Array {
  if (ramp.length < length) {
    ramp = new Int32Array(Math.max(length, ramp.length * 2, 1024));
    for (let k = 0; k < ramp.length; k++) ramp[k] = k;
  }
  return ramp;
}

/** True when addSegment would show raw[i] unchanged ("h" unless it may start "http"). */
function isPlainAt(raw: string, i: number): boolean {
  const code = raw.charCodeAt(i);
  if (code >= 128 || PLAIN[code] === 1) return true;
  if (code !== 104 && code !== 72) return false;
  const t1 = raw.charCodeAt(i + 1) | 32;
  const t2 = raw.charCodeAt(i + 2) | 32;
  const p = raw.charCodeAt(i + 3) | 32;
  return !(t1 === 116 && t2 === 116 && p === 112);
}

/** Visible characters of one raw segment, appended to the builder. */
// Scratch space for the per-character maps, reused by one builder at a time (allocating
// three typed arrays per unit cost more than filling them).
let scratch = { lines: new Int32Array(4096), cols: new Int32Array(4096), link: new Uint8Array(4096), inUse: false };

// The next "[" at or after a position, remembered for the last line searched: each cell of a
// table row is its own segment, and searching to the end of the row for every cell was
// quadratic (a 5 MB row of a million cells took minutes). Segments of a line come in order,
// so the search resumes rather than restarts.
let bracketSearch: { raw: string; from: number; at: number } | null = null;
function nextOpenBracket(raw: string, start: number): number {
  const last = bracketSearch;
  if (last !== null && last.raw === raw && last.from <= start && (last.at === -1 || last.at >= start)) return last.at;
  const at = raw.indexOf('[', start);
  bracketSearch = { raw, from: start, at };
  return at;
}

class VisibleBuilder {
  // The text grows by string concatenation (cheap in V8; joining a char array was the single
  // most expensive step of extraction) and is never indexed while it grows: the last character
  // and the last non-space character are tracked instead. The per-character maps are typed
  // arrays sized up front: a segment never yields more visible characters than raw ones.
  text = '';
  length = 0;
  private readonly lines: Int32Array;
  private readonly cols: Int32Array;
  private readonly link: Uint8Array;
  private readonly owned: boolean;
  private last = '';
  private lastNonSpace = '';
  /** Links whose "[" opened on an earlier line of the unit (hard-wrapped link text). */
  private openLinks = 0;

  constructor(capacity: number) {
    if (scratch.inUse) {
      this.owned = false;
      this.lines = new Int32Array(capacity);
      this.cols = new Int32Array(capacity);
      this.link = new Uint8Array(capacity);
    } else {
      if (scratch.lines.length < capacity) {
        const size = Math.max(capacity, scratch.lines.length * 2);
        scratch = { lines: new Int32Array(size), cols: new Int32Array(size), link: new Uint8Array(size), inUse: false };
      }
      scratch.inUse = true;
      this.owned = true;
      this.lines = scratch.lines;
      this.cols = scratch.cols;
      this.link = scratch.link;
    }
  }

  push(char: string, line: number, col: number, link: boolean): void {
    this.text += char;
    this.last = char;
    if (char !== ' ') this.lastNonSpace = char;
    const n = this.length++;
    this.lines[n] = line;
    this.cols[n] = col;
    this.link[n] = link ? 1 : 0;
  }

  /** Append raw[from, to) as it is: characters no rule changes, all on one line. */
  pushRun(raw: string, from: number, to: number, line: number, link: boolean): void {
    if (to <= from) return;
    this.text += raw.slice(from, to);
    // Filled and copied natively rather than per character: this was the costliest loop of
    // extraction in a batch, where code runs unoptimised.
    const n = this.length;
    this.length += to - from;
    this.lines.fill(line, n, this.length);
    this.cols.set(columnRamp(to).subarray(from, to), n);
    this.link.fill(link ? 1 : 0, n, this.length);
    this.last = raw[to - 1]!;
    for (let k = to - 1; k >= from; k--) {
      if (raw[k] !== ' ') {
        this.lastNonSpace = raw[k]!;
        break;
      }
    }
  }

  lastChar(): string {
    return this.last;
  }

  /** The last character that is not a space ("" when there is none). */
  lastNonSpaceChar(): string {
    return this.lastNonSpace;
  }

  /** Copies of the maps; ends the builder (its scratch space goes back to the pool). */
  finish(): { lineOf: Int32Array; colOf: Int32Array; linkText: Uint8Array } {
    // Flatten the concatenated text now (reading a character does), so a document's worth of
    // units does not sit in memory as string pieces until first searched.
    if (this.text.length > 0) this.text.charCodeAt(0);
    const maps = { lineOf: this.lines.slice(0, this.length), colOf: this.cols.slice(0, this.length), linkText: this.link.slice(0, this.length) };
    this.release();
    return maps;
  }

  release(): void {
    if (this.owned) scratch.inUse = false;
  }

  addSegment(raw: string, segment: Segment): void {
    const { line, start, end } = segment;
    // Next "]" and ")" at or after each position: finding a link's end is O(1), so the scan
    // stays linear even on "[[[[[[..." lines.
    // Only a segment with a "[" can hold a link (most hold none: skip building the tables).
    const firstBracket = nextOpenBracket(raw, start);
    const size = firstBracket !== -1 && firstBracket < end ? end - start + 1 : 0;
    const nextBracket = size === 0 ? NO_TABLE : new Int32Array(size);
    const nextParen = size === 0 ? NO_TABLE : new Int32Array(size);
    let bracket = end;
    let paren = end;
    for (let i = size === 0 ? start - 1 : end; i >= start; i--) {
      if (i < end && raw[i] === ']') bracket = i;
      if (i < end && raw[i] === ')') paren = i;
      nextBracket[i - start] = bracket;
      nextParen[i - start] = paren;
    }
    // Links are only ever set where a "[" is: a segment without one shares an empty map.
    const closeAt = size === 0 ? NO_LINKS : new Map<number, number>();
    let depth = this.openLinks;
    let i = start;
    while (i < end) {
      // The "](url)" that closes a link opened on an earlier line.
      if (this.openLinks > 0 && raw.charCodeAt(i) === 93) {
        this.openLinks--;
        depth = Math.max(0, depth - 1);
        const opener = raw[i + 1];
        // Bounded search: many unclosed "[" followed by many "](" on a huge line stay linear.
        const window = opener === '(' || opener === '[' ? raw.slice(i + 2, Math.min(end, i + 2 + 2048)) : '';
        const found = opener === '(' ? window.indexOf(')') : opener === '[' ? window.indexOf(']') : -1;
        i = found >= 0 ? i + 2 + found + 1 : i + 1;
        continue;
      }
      const jump = closeAt.size > 0 ? closeAt.get(i) : undefined;
      if (jump !== undefined) {
        closeAt.delete(i);
        depth = Math.max(0, depth - 1);
        i = jump;
        continue;
      }
      // Fast path: a run of characters that none of the rules below looks at is visible as it
      // is (up to the next link end, where the link depth changes).
      if (isPlainAt(raw, i)) {
        let j = i + 1;
        // The run ends at a character a rule looks at, or at a "]" that closes a link; the
        // candidates are found by one native scan instead of a test per character.
        // The search is over this segment only (a slice is O(1) in V8): searching the rest of
        // the raw line from every cell of a table row was quadratic.
        for (;;) {
          const found = j < end ? raw.slice(j, end).search(RUN_STOP) : -1;
          j = found === -1 ? end : j + found;
          if (j === end) break;
          const code = raw.charCodeAt(j);
          if (code === 93 ? (closeAt.size > 0 && closeAt.has(j)) || this.openLinks > 0 : !isPlainAt(raw, j)) break;
          j++;
        }
        this.pushRun(raw, i, j, line, depth > 0);
        i = j;
        continue;
      }
      const char = raw[i]!;
      const next = raw[i + 1] ?? '';
      if (char === '\\' && i + 1 < end && /[!-/:-@[-`{-~]/.test(next)) {
        this.push(next, line, i + 1, depth > 0);
        i += 2;
        continue;
      }
      if (char === '!' && next === '[') {
        const close = nextBracket[i + 2 - start] ?? end;
        if (close < end && raw[close + 1] === '(') {
          const stop = nextParen[close + 2 - start] ?? end;
          if (stop < end) {
            i = stop + 1;
            continue;
          }
        }
      }
      if (char === '[') {
        const close = nextBracket[i + 1 - start] ?? end;
        if (close < end && (raw[close + 1] === '(' || raw[close + 1] === '[')) {
          const stop = raw[close + 1] === '(' ? nextParen[close + 2 - start] ?? end : nextBracket[close + 2 - start] ?? end;
          if (stop < end) {
            closeAt.set(close, stop + 1);
            depth++;
            i++;
            continue;
          }
        }
        if (close >= end) {
          // No "]" on this line: link text wrapped onto the next line ("[v1.0, the first major\nmilestone](...)").
          this.openLinks++;
          depth++;
          i++;
          continue;
        }
      }
      if (char === '<') {
        const rest = raw.slice(i, Math.min(end, i + 512));
        const tag = AUTOLINK.exec(rest) ?? BLOCK_TAG.exec(rest);
        if (tag) {
          if (this.lastChar() !== ' ') this.push(' ', line, i, depth > 0);
          i += tag[0].length;
          continue;
        }
      }
      if ((char === 'h' || char === 'H') && /^https?:\/\//i.test(raw.slice(i, i + 8)) && !/\w/.test(raw[i - 1] ?? '')) {
        while (i < end && !/[\s<\]]/.test(raw[i]!)) i++;
        continue;
      }
      if (char === '`' && next !== '`') {
        // An inline code span is an identifier or literal, not prose: its hyphens are shown as
        // "_" so "`proj-release`" is one word and its last part ("release") names nothing.
        const close = raw.indexOf('`', i + 1);
        if (close > i + 1 && close < end) {
          for (let k = i + 1; k < close; k++) {
            const c = raw[k]!;
            this.push(c === '-' ? '_' : c === '\t' ? ' ' : c, line, k, depth > 0);
          }
          i = close + 1;
          continue;
        }
      }
      if (char === '*' || char === '`' || (char === '~' && next === '~')) {
        i += char === '~' ? 2 : 1;
        continue;
      }
      if (char === '_' && !(/[A-Za-z0-9]/.test(raw[i - 1] ?? '') && /[A-Za-z0-9]/.test(next))) {
        i++;
        continue;
      }
      if (char === '&' && raw.startsWith('&nbsp;', i)) {
        this.push(' ', line, i, depth > 0);
        i += 6;
        continue;
      }
      this.push(char === '\t' ? ' ' : char, line, i, depth > 0);
      i++;
    }
  }
}

function endsSentence(builder: VisibleBuilder): boolean {
  const char = builder.lastNonSpaceChar();
  return char === '' || /[.!?0-9+%)\]]/.test(char);
}

function buildUnit(
  kind: TextUnit['kind'],
  raw: string[],
  segments: Segment[],
  heading: string,
  intro: TextUnit | null,
): TextUnit {
  let capacity = segments.length;
  for (const segment of segments) capacity += Math.max(0, segment.end - segment.start);
  const builder = new VisibleBuilder(capacity);
  const cellsOut: Array<{ start: number; end: number }> | null = kind === 'row' ? [] : null;
  for (const [index, segment] of segments.entries()) {
    const text = raw[segment.line - 1] ?? '';
    if (index > 0 && builder.length > 0) {
      // Cells and new sentences on a new line are hard breaks; otherwise a line join is a space.
      const nextStart = text.slice(segment.start, segment.end).trimStart();
      const prev = segments[index - 1]!;
      // Markdown hard breaks (two trailing spaces or a backslash) end a sentence too.
      const prevRaw = (raw[prev.line - 1] ?? '').slice(prev.start, prev.end);
      const hardBreak = / {2,}$|\\$/.test(prevRaw) && prevRaw.trim() !== '';
      // A line ending in a figure ("Docker Pulls: 6.7K") before a capitalised line ("Stars: 344")
      // is a finished statement too.
      const figureEnd = /\d(?:[.,]\d+)?\s?[kKmMbB]?\+?[*_]*\s*$/.test(prevRaw);
      const capitalNext = /^[A-Z]/.test(nextStart.replace(/^[*_[]+/, ''));
      const hard = kind === 'row' || hardBreak || (capitalNext && (endsSentence(builder) || figureEnd));
      builder.push(hard ? '\n' : ' ', prev.line, prev.end, false);
    }
    const before = builder.length;
    builder.addSegment(text, segment);
    cellsOut?.push({ start: before, end: builder.length });
  }
  return {
    kind,
    startLine: segments[0]?.line ?? 0,
    endLine: segments[segments.length - 1]?.line ?? 0,
    text: builder.text,
    ...builder.finish(),
    intro,
    heading,
    cells: cellsOut,
    header: null,
  };
}

/** Plain visible text of one raw line range (used for headings and table headers). */
function visibleText(raw: string[], segment: Segment): string {
  const builder = new VisibleBuilder(Math.max(0, segment.end - segment.start));
  builder.addSegment(raw[segment.line - 1] ?? '', segment);
  builder.release();
  return builder.text.replace(/\s+/g, ' ').trim();
}

/** Whether a unit introduces what follows ("…, with (monthly average):", "… implemented as follows"). */
function endsWithColon(unit: TextUnit): boolean {
  // ("In the past year, we have achieved the following development outcomes.")
  return /(?::|\bas follows\.?|\bthe following(?:\s+[\w-]+){0,3}\.?)\s*$/i.test(unit.text);
}

// Metrics and versioning both read every unit of the same document: build them once per model.
const unitsByDoc = new WeakMap<DocumentModel, readonly TextUnit[]>();

/**
 * The document's reading units in order: paragraphs, list items and table rows. Computed once
 * per document model and shared, so callers must not modify the list or its units.
 */
export function readingUnits(doc: DocumentModel): TextUnit[] {
  let units = unitsByDoc.get(doc);
  if (!units) {
    units = computeReadingUnits(doc);
    unitsByDoc.set(doc, units);
  }
  return units as TextUnit[];
}

function computeReadingUnits(doc: DocumentModel): TextUnit[] {
  spansByText.clear();
  const raw = doc.lines;
  const units: TextUnit[] = [];
  const first = Math.max(1, doc.content.startLine);
  const last = Math.min(doc.lineCount, doc.content.endLine);
  // Headings the document model found that plain line rules cannot (emphasis-as-heading lines).
  const modelHeadings = new Map<number, string>();
  for (const section of doc.sections) {
    if (section.level >= 1) modelHeadings.set(section.line, section.heading);
  }

  const comments = { inComment: false };
  let fence: string | null = null;
  let heading = '';
  let open: { kind: 'paragraph' | 'item'; segments: Segment[]; intro: TextUnit | null; indent: number } | null = null;
  let previousBlank = true;
  let inIndentedCode = false;
  const itemStack: Array<{ indent: number; unit: TextUnit }> = [];
  let listIntro: TextUnit | null = null;
  let lastClosed: TextUnit | null = null;

  const close = (): void => {
    if (!open) return;
    const unit = buildUnit(open.kind, raw, open.segments, heading, open.intro);
    units.push(unit);
    lastClosed = unit;
    if (open.kind === 'item') itemStack.push({ indent: open.indent, unit });
    open = null;
  };

  const nextLineBody = (lineNo: number): string => {
    const nextBody = lineNo < last ? maskComments(raw[lineNo] ?? '', { ...comments }) : '';
    return nextBody.slice(quoteContentStart(nextBody));
  };

  for (let lineNo = first; lineNo <= last; lineNo++) {
    const original = raw[lineNo - 1] ?? '';
    const masked = maskComments(original, comments);
    const qStart = quoteContentStart(masked);
    const body = masked.slice(qStart);

    if (fence !== null) {
      const closing = FENCE.exec(body);
      if (closing && closing[1]![0] === fence[0] && closing[1]!.length >= fence.length && body.trim() === closing[1]) fence = null;
      continue;
    }
    const opening = FENCE.exec(body);
    if (opening) {
      close();
      fence = opening[1]!;
      previousBlank = false;
      continue;
    }
    if (body.trim() === '') {
      close();
      previousBlank = true;
      continue;
    }
    const indent = leadingWidth(body);
    if (inIndentedCode || (indent >= 4 && previousBlank && itemStack.length === 0 && !open)) {
      inIndentedCode = indent >= 4;
      if (inIndentedCode) continue;
    }
    if (modelHeadings.has(lineNo) || ATX_HEADING.test(body)) {
      close();
      heading = modelHeadings.get(lineNo) ?? visibleText(raw, { line: lineNo, start: qStart, end: original.length }).replace(/^#+\s*|\s*#+$/g, '');
      itemStack.length = 0;
      listIntro = null;
      previousBlank = false;
      continue;
    }
    if (SETEXT_UNDERLINE.test(body) && open !== null && (open as { kind: string }).kind === 'paragraph' && !previousBlank) {
      // The open paragraph was a setext heading.
      const segments = (open as { segments: Segment[] }).segments;
      heading = segments.map((s) => visibleText(raw, s)).join(' ');
      open = null;
      previousBlank = false;
      continue;
    }
    if (THEMATIC_BREAK.test(body)) {
      close();
      previousBlank = false;
      continue;
    }
    // The next line is looked at only when this one could be a table header.
    const nextTrimmed = body.includes('|') ? nextLineBody(lineNo) : '';
    if (body.includes('|') && TABLE_DELIMITER.test(nextTrimmed) && nextTrimmed.includes('|')) {
      close();
      const header = splitCells(masked, qStart).map((cell) => visibleText(raw, { line: lineNo, ...cell }));
      let row = lineNo + 2;
      for (; row <= last; row++) {
        const rowText = maskComments(raw[row - 1] ?? '', comments);
        const rowStart = quoteContentStart(rowText);
        if (rowText.trim() === '' || !rowText.includes('|')) break;
        const cells = splitCells(rowText, rowStart).map((cell) => ({ line: row, ...cell }));
        const unit = buildUnit('row', raw, cells, heading, null);
        unit.header = header;
        units.push(unit);
        lastClosed = unit;
      }
      lineNo = row - 1;
      previousBlank = false;
      continue;
    }
    const item = LIST_ITEM.exec(body);
    if (item) {
      close();
      const itemIndent = leadingWidth(item[1]!);
      if (itemStack.length === 0) {
        const before: TextUnit | null = lastClosed;
        listIntro = before !== null && before.kind === 'paragraph' && endsWithColon(before) ? before : null;
      }
      // Items of one list share the intro of their first item.
      let siblingIntro: TextUnit | null | undefined;
      while (itemStack.length > 0 && itemStack[itemStack.length - 1]!.indent >= itemIndent) {
        const popped = itemStack.pop()!;
        if (popped.indent === itemIndent) siblingIntro = popped.unit.intro;
      }
      const parent = itemStack[itemStack.length - 1]?.unit ?? null;
      // A paragraph ending in ":" right before a (nested) list introduces it.
      const before: TextUnit | null = lastClosed;
      const paragraphIntro = before !== null && before.kind === 'paragraph' && endsWithColon(before) && (!parent || before.startLine > parent.startLine) ? before : null;
      const intro = paragraphIntro ?? (siblingIntro !== undefined ? siblingIntro : parent ? (endsWithColon(parent) ? parent : parent.intro) : listIntro);
      open = { kind: 'item', segments: [{ line: lineNo, start: qStart + item[0].length, end: original.length }], intro, indent: itemIndent };
      previousBlank = false;
      continue;
    }
    if (open && !previousBlank) {
      open.segments.push({ line: lineNo, start: qStart + indent, end: original.length });
    } else {
      close();
      const inList = itemStack.length > 0 && indent > 0;
      if (!inList) {
        itemStack.length = 0;
        listIntro = null;
      }
      const intro = inList ? itemStack[itemStack.length - 1]!.unit.intro : null;
      open = { kind: 'paragraph', segments: [{ line: lineNo, start: qStart + indent, end: original.length }], intro, indent };
    }
    previousBlank = false;
  }
  close();
  return units.filter((unit) => unit.text.trim() !== '');
}

const ABBREVIATION = /(?:^|[\s(])(?:e\.g|i\.e|etc|vs|approx|inc|ltd|no|mr|ms|mrs|dr|jr|sr|st|fig|[A-Z])\.$/i;

/**
 * A "sentence" longer than this (a paragraph with no full stop, a pasted log, an HTML block) is
 * cut into pieces at spaces: the fact finders do work per number proportional to the sentence's
 * length, which made a 2 MB paragraph of 40,000 lines take minutes. Real sentences are far
 * shorter.
 */
const MAX_SENTENCE = 1000;

function pushCapped(text: string, spans: Array<{ start: number; end: number }>, start: number, end: number): void {
  while (end - start > MAX_SENTENCE) {
    let cut = start + MAX_SENTENCE;
    // Cut at a space in the second half of the piece if there is one (bounded search).
    for (let k = cut; k > start + MAX_SENTENCE / 2; k--) {
      if (text[k] === ' ') {
        cut = k;
        break;
      }
    }
    spans.push({ start, end: cut });
    start = cut;
    while (start < end && /\s/.test(text[start]!)) start++;
  }
  if (start < end) spans.push({ start, end });
}

// Metrics and versioning both split every unit of a document into sentences: remember the
// spans for the document being read (cleared when the next document's units are built).
const spansByText = new Map<string, ReadonlyArray<{ start: number; end: number }>>();
const SPANS_CACHE_LIMIT = 50_000;

/** Sentence spans [start, end) of a unit's visible text (shared: callers must not modify them). */
export function sentenceSpans(text: string): Array<{ start: number; end: number }> {
  let spans = spansByText.get(text);
  if (!spans) {
    spans = computeSentenceSpans(text);
    if (spansByText.size < SPANS_CACHE_LIMIT) spansByText.set(text, spans);
  }
  return spans as Array<{ start: number; end: number }>;
}

function computeSentenceSpans(text: string): Array<{ start: number; end: number }> {
  const spans: Array<{ start: number; end: number }> = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    let boundary = -1;
    if (char === '\n') {
      boundary = i;
    } else if ((char === '.' || char === '!' || char === '?') && i + 2 < text.length && /\s/.test(text[i + 1]!)) {
      let j = i + 1;
      while (j < text.length && text[j] === ' ') j++;
      if (/[A-Z0-9("'“[]/.test(text[j] ?? '') && !ABBREVIATION.test(text.slice(Math.max(start, i - 8), i + 1))) boundary = i + 1;
    }
    if (boundary >= 0) {
      if (text.slice(start, boundary).trim() !== '') pushCapped(text, spans, start, boundary);
      start = boundary;
      while (start < text.length && /\s/.test(text[start]!)) start++;
      i = Math.max(i, start - 1);
    }
  }
  if (text.slice(start).trim() !== '') pushCapped(text, spans, start, text.length);
  return spans;
}

/**
 * An exact substring of one raw line covering the visible span [start, end), clipped to the
 * line of `anchor` (a visible index inside the span). Link destinations are cut off: the quote
 * ends at a link's "]" or starts after its ")" rather than carrying a URL.
 */
export function rawQuote(unit: TextUnit, raw: string[], start: number, end: number, anchor: number): { line: number; quote: string } {
  const line = unit.lineOf[anchor]!;
  let s = start;
  while (s < anchor && unit.lineOf[s] !== line) s++;
  let e = end;
  while (e > anchor + 1 && unit.lineOf[e - 1] !== line) e--;
  const text = raw[line - 1] ?? '';
  const anchorCol = unit.colOf[anchor]!;
  let from = Math.min(unit.colOf[s]!, anchorCol);
  let to = Math.max(Math.min(text.length, unit.colOf[e - 1]! + 1), anchorCol + 1);
  // Cut link destinations: end at the "]" after the anchor, start after the ")" before it.
  const after = text.slice(anchorCol, to).indexOf('](');
  if (after >= 0) to = anchorCol + after + 1;
  const head = text.slice(from, anchorCol);
  if (head.includes('](')) {
    const paren = head.lastIndexOf(')');
    if (paren >= 0 && paren > head.lastIndexOf('](')) from += paren + 1;
  }
  // Balance brackets and emphasis that wrap the span ("[92]", "**1,600+ to 2,600+**").
  const count = (quote: string, char: string): number => quote.split(char).length - 1;
  let quote = text.slice(from, to);
  if (count(quote, '[') > count(quote, ']') && text[to] === ']') to++;
  if (count(quote, ']') > count(quote, '[') && text[from - 1] === '[') from--;
  quote = text.slice(from, to);
  if ((quote.match(/\*+/g) ?? []).length % 2 === 1) {
    if (text[to] === '*') while (text[to] === '*') to++;
    else while (from > 0 && text[from - 1] === '*') from--;
  }
  quote = text.slice(from, to).trim();
  if (quote === '') quote = text.slice(anchorCol, anchorCol + 1);
  return { line, quote };
}
