// parseDocument: markdown text -> DocumentModel (sections, tables, lists, paragraphs, each with
// its 1-based source line). A line-based parser of the CommonMark + GFM block structure that
// review documents use, written by hand rather than on top of marked's lexer because the
// document is untrusted: marked runs out of memory on deeply nested lists, while this parser
// is a single pass with an explicit stack (linear time, no recursion on nesting depth).
// Inline markdown is kept raw in the model; src/core/document/inline.ts turns it into plain text.
import type { Block, DocumentModel, List, ListItem, Section, Table } from './document-types.js';
import { detectContent } from './document-chrome.js';
import {
  indentOf,
  isBlank,
  dedent,
  atxHeading,
  isThematicBreak,
  fenceStart,
  isFenceEnd,
  listMarker,
  isBlockquote,
  stripQuoteMarkers,
  htmlBlockStart,
  isTableStart,
  splitRow,
  startsBlock,
  type Fence,
  type Marker,
  type HtmlEnd,
} from './markdown-lines.js';
import { emphasisLineText, resetStripInlineCache, stripInline } from './inline.js';
import { splitLines } from './lines.js';

/** Deeper list nesting is flattened to this depth so that later tree walks stay shallow. */
export const MAX_LIST_DEPTH = 64;

// Kept importable from here (the UI and tests use it); src/core/document/lines.ts is the one definition.
export { splitLines } from './lines.js';

// ---- the block pass ----

type Event = { kind: 'heading'; level: number; text: string; line: number } | { kind: 'block'; block: Block };

interface OpenItem {
  item: ListItem;
  contentCol: number;
  /** Lines of the paragraph being collected; null once a blank line closed it. */
  para: string[] | null;
  sawBlank: boolean;
}

class BlockParser {
  readonly events: Event[] = [];
  private para: { line: number; lines: string[] } | null = null;

  constructor(
    private readonly lines: string[],
    private readonly start: number,
    private readonly end: number,
  ) {}

  private emit(block: Block): void {
    this.events.push({ kind: 'block', block });
  }

  private flushParagraph(): void {
    if (!this.para) return;
    const { line, lines } = this.para;
    this.emit({ kind: 'paragraph', line, endLine: line + lines.length - 1, text: lines.join('\n') });
    this.para = null;
  }

  run(): Event[] {
    const { lines, end } = this;
    let i = this.start;
    while (i < end) {
      const line = lines[i]!;
      const lineNo = i + 1;
      if (isBlank(line)) {
        this.flushParagraph();
        i++;
        continue;
      }
      const inParagraph = this.para !== null;
      const indent = indentOf(line);
      if (!inParagraph && indent.cols >= 4) {
        i = this.indentedCode(i);
        continue;
      }
      if (inParagraph && /^ {0,3}(=+|-+)[ \t]*$/.test(line)) {
        // Setext underline: the paragraph so far is the heading.
        const para = this.para!;
        this.para = null;
        this.events.push({ kind: 'heading', level: line.includes('=') ? 1 : 2, text: stripInline(para.lines.join(' ')), line: para.line });
        i++;
        continue;
      }
      const atx = atxHeading(line);
      if (atx) {
        this.flushParagraph();
        this.events.push({ kind: 'heading', level: atx.level, text: stripInline(atx.text), line: lineNo });
        i++;
        continue;
      }
      const fence = fenceStart(line);
      if (fence) {
        this.flushParagraph();
        i = this.fencedCode(i, fence);
        continue;
      }
      const html = htmlBlockStart(line, inParagraph);
      if (html) {
        this.flushParagraph();
        i = this.htmlBlock(i, html);
        continue;
      }
      if (isThematicBreak(line)) {
        this.flushParagraph();
        i++;
        continue;
      }
      if (isBlockquote(line)) {
        this.flushParagraph();
        i = this.blockquote(i);
        continue;
      }
      if (isTableStart(lines, i, end)) {
        this.flushParagraph();
        i = this.table(i);
        continue;
      }
      const marker = listMarker(line);
      // An ordered list may interrupt a paragraph only when it starts at 1, and no empty item may.
      if (marker && marker.col <= 3 && (!inParagraph || (marker.text !== '' && (!marker.ordered || marker.start === 1)))) {
        this.flushParagraph();
        i = this.list(i);
        continue;
      }
      if (!inParagraph) {
        const pseudo = emphasisLineText(line);
        if (pseudo !== null && pseudo !== '') {
          this.events.push({ kind: 'heading', level: 7, text: pseudo, line: lineNo });
          i++;
          continue;
        }
        this.para = { line: lineNo, lines: [] };
      }
      this.para!.lines.push(indent.cols <= 3 ? line.slice(indent.offset) : line.trim());
      i++;
    }
    this.flushParagraph();
    return this.events;
  }

  private indentedCode(i: number): number {
    const { lines, end } = this;
    const first = i;
    let last = i;
    while (i < end && (isBlank(lines[i]!) || indentOf(lines[i]!).cols >= 4)) {
      if (!isBlank(lines[i]!)) last = i;
      i++;
    }
    const text = lines.slice(first, last + 1).map((l) => dedent(l, 4)).join('\n');
    this.emit({ kind: 'code', line: first + 1, endLine: last + 1, text });
    return last + 1;
  }

  private fencedCode(i: number, fence: Fence): number {
    const { lines, end } = this;
    const first = i;
    i++;
    while (i < end && !isFenceEnd(lines[i]!, fence)) i++;
    const closed = i < end;
    const bodyEnd = i; // exclusive
    const text = lines.slice(first + 1, bodyEnd).map((l) => dedent(l, fence.indent)).join('\n');
    const endLine = closed ? i + 1 : lastNonBlank(lines, first, end) + 1;
    this.emit({ kind: 'code', line: first + 1, endLine, text });
    return closed ? i + 1 : end;
  }

  private htmlBlock(i: number, how: HtmlEnd): number {
    const { lines, end } = this;
    const first = i;
    let last = i;
    if ('until' in how) {
      const marker = how.until;
      // The end marker may be on the opening line itself (after the opener).
      const openLen = marker === '-->' ? 4 : 1;
      let found = lines[i]!.toLowerCase().indexOf(marker, indentOf(lines[i]!).offset + openLen) !== -1;
      while (!found && i + 1 < end) {
        i++;
        found = lines[i]!.toLowerCase().includes(marker);
      }
      last = found ? i : lastNonBlank(lines, first, end);
      i = found ? i + 1 : end;
    } else {
      while (i < end && !isBlank(lines[i]!)) {
        last = i;
        i++;
      }
    }
    this.emit({ kind: 'html', line: first + 1, endLine: last + 1, text: lines.slice(first, last + 1).join('\n') });
    return i;
  }

  private blockquote(i: number): number {
    const { lines, end } = this;
    const first = i;
    const texts: string[] = [];
    while (i < end && !isBlank(lines[i]!)) {
      const line = lines[i]!;
      if (isBlockquote(line)) texts.push(stripQuoteMarkers(line));
      else if (i > first && !startsBlock(line) && listMarker(line) === null) texts.push(line.trim());
      else break;
      i++;
    }
    this.emit({ kind: 'paragraph', line: first + 1, endLine: i, text: texts.join('\n') });
    return i;
  }

  private table(i: number): number {
    const { lines, end } = this;
    const first = i;
    const header = splitRow(lines[i]!);
    const width = header.length;
    const table: Table = { kind: 'table', line: first + 1, endLine: first + 2, header, rows: [] };
    i += 2;
    while (i < end && !isBlank(lines[i]!) && !startsBlock(lines[i]!) && listMarker(lines[i]!) === null) {
      const cells = splitRow(lines[i]!);
      // Missing cells become "", extra ones are dropped (GFM).
      if (cells.length > width) cells.length = width;
      while (cells.length < width) cells.push('');
      table.rows.push({ line: i + 1, cells });
      table.endLine = i + 1;
      i++;
    }
    this.emit(table);
    return i;
  }

  /** A list and everything nested in it; continuation lines belong to the deepest item they are indented under. */
  private list(i: number): number {
    const { lines, end } = this;
    const firstMarker = listMarker(lines[i]!)!;
    const list: List = { kind: 'list', line: i + 1, endLine: i + 1, ordered: firstMarker.ordered, items: [] };
    const stack: OpenItem[] = [];
    let sawBlank = false;

    const touch = (depth: number, lineNo: number) => {
      for (let d = 0; d <= depth; d++) if (stack[d]!.item.endLine < lineNo) stack[d]!.item.endLine = lineNo;
      list.endLine = lineNo;
    };
    // Deepest open item whose content column is <= cols (content columns grow with depth).
    const ownerOf = (cols: number): number => {
      let lo = 0;
      let hi = stack.length - 1;
      let found = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (stack[mid]!.contentCol <= cols) {
          found = mid;
          lo = mid + 1;
        } else hi = mid - 1;
      }
      return found;
    };
    const finishPara = (open: OpenItem) => {
      if (open.para && open.para.length > 0) {
        const text = open.para.join('\n');
        open.item.text = open.item.text === '' ? text : `${open.item.text}\n\n${text}`;
      }
      open.para = null;
    };
    const finishFrom = (depth: number) => {
      while (stack.length > depth) {
        const open = stack.pop()!;
        finishPara(open);
        open.item.empty = open.item.text === '' && open.item.children.length === 0;
      }
    };
    const pushItem = (marker: Marker, lineNo: number) => {
      const item: ListItem = { line: lineNo, endLine: lineNo, text: '', empty: true, children: [] };
      const parent = stack[stack.length - 1];
      if (parent) parent.item.children.push(item);
      else list.items.push(item);
      stack.push({ item, contentCol: marker.contentCol, para: marker.text === '' ? [] : [marker.text], sawBlank: false });
      touch(stack.length - 1, lineNo);
    };

    pushItem(firstMarker, i + 1);
    i++;
    while (i < end) {
      const line = lines[i]!;
      const lineNo = i + 1;
      if (isBlank(line)) {
        sawBlank = true;
        for (const open of stack) open.sawBlank = true;
        i++;
        continue;
      }
      const indent = indentOf(line);
      const marker = isThematicBreak(line) && indent.cols < stack[0]!.contentCol ? null : listMarker(line);
      if (marker) {
        const owner = ownerOf(marker.col);
        if (owner === -1) {
          // A sibling at the top: same kind of list continues; another kind ends this list.
          if (marker.col > 3 || marker.ordered !== list.ordered) break;
          finishFrom(0);
        } else {
          finishFrom(owner + 1);
          // Too deep: attach as a sibling of the deepest allowed item instead of nesting further.
          if (stack.length >= MAX_LIST_DEPTH) finishFrom(stack.length - 1);
        }
        sawBlank = false;
        pushItem(marker, lineNo);
        i++;
        continue;
      }
      const owner = ownerOf(indent.cols);
      const top = stack[stack.length - 1]!;
      if (owner >= 0 && owner < stack.length - 1 && !sawBlank && top.para !== null && top.para.length > 0 && !startsBlock(line)) {
        // Paragraph continuation wins over the shallower item the indentation points to.
        top.para.push(line.trim());
        touch(stack.length - 1, lineNo);
        i++;
        continue;
      }
      if (owner >= 0) {
        finishFrom(owner + 1);
        const open = stack[owner]!;
        const content = dedent(line, open.contentCol);
        const fence = fenceStart(content);
        if (fence) {
          // Code inside an item: skip to its closing fence so its lines are not read as items.
          finishPara(open);
          let j = i + 1;
          while (j < end && !isFenceEnd(dedent(lines[j]!, open.contentCol), fence)) j++;
          const last = j < end ? j : lastNonBlank(lines, i, end);
          touch(owner, last + 1);
          i = j < end ? j + 1 : end;
          sawBlank = false;
          continue;
        }
        if (open.para === null || open.sawBlank) {
          finishPara(open);
          open.para = [];
        }
        open.sawBlank = false;
        open.para.push(content.trim());
        sawBlank = false;
        touch(owner, lineNo);
        i++;
        continue;
      }
      // Not indented under any item: a lazy continuation of the open paragraph, or the end.
      if (sawBlank || startsBlock(line) || isTableStart(lines, i, end)) break;
      const open = stack[stack.length - 1]!;
      if (open.para === null) break;
      open.para.push(line.trim());
      touch(stack.length - 1, lineNo);
      i++;
    }
    finishFrom(0);
    this.emit(list);
    return i;
  }
}

function lastNonBlank(lines: string[], from: number, end: number): number {
  for (let j = end - 1; j > from; j--) if (!isBlank(lines[j]!)) return j;
  return from;
}

// ---- sections ----

function newSection(heading: string, level: number, line: number): Section {
  return { heading, level, line, endLine: line, blocks: [], children: [] };
}

function buildSections(events: Event[], root: Section): Section[] {
  const all: Section[] = [];
  const stack: Section[] = [root];
  for (const event of events) {
    if (event.kind === 'heading') {
      while (stack.length > 1 && stack[stack.length - 1]!.level >= event.level) stack.pop();
      const section = newSection(event.text, event.level, event.line);
      stack[stack.length - 1]!.children.push(section);
      stack.push(section);
      all.push(section);
    } else {
      stack[stack.length - 1]!.blocks.push(event.block);
    }
  }
  return all;
}

/** endLine of every section: its last block or its last subsection's end (children first). */
function computeEndLines(root: Section, all: Section[]): void {
  const sections = [root, ...all];
  for (let k = sections.length - 1; k >= 0; k--) {
    const section = sections[k]!;
    let endLine = section.line;
    const lastBlock = section.blocks[section.blocks.length - 1];
    if (lastBlock && lastBlock.endLine > endLine) endLine = lastBlock.endLine;
    const lastChild = section.children[section.children.length - 1];
    if (lastChild && lastChild.endLine > endLine) endLine = lastChild.endLine;
    section.endLine = endLine;
  }
}

/** Headings that are navigation, never a document's title. */
const NAVIGATION = /^(?:table of )?contents$|^toc$/i;

function chooseTitle(lines: string[], all: Section[], content: { startLine: number; endLine: number }): string {
  const named = all.filter((s) => s.heading !== '' && !NAVIGATION.test(s.heading.trim()));
  const h1 = named.find((s) => s.level === 1);
  if (h1) return h1.heading;
  const first = named[0];
  if (first) return first.heading;
  for (let n = content.startLine; n <= content.endLine; n++) {
    const text = stripInline(lines[n - 1]!);
    if (text !== '') return text.length > 200 ? `${text.slice(0, 199)}…` : text;
  }
  return '';
}

export function parseDocument(text: string): DocumentModel {
  resetStripInlineCache();
  const lines = splitLines(text);
  const content = detectContent(lines);
  const events = new BlockParser(lines, content.startLine - 1, content.endLine).run();
  const root = newSection('', 0, content.startLine);
  const sections = buildSections(events, root);
  computeEndLines(root, sections);
  // Nothing but blank lines: an empty range (endLine before line).
  if (root.blocks.length === 0 && root.children.length === 0) root.endLine = root.line - 1;
  return { lines, lineCount: lines.length, title: chooseTitle(lines, sections, content), root, sections, content };
}
