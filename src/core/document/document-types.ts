// The document model: markdown parsed into a tree of sections whose every node carries the
// 1-based line of the source file it came from. Pure data; built by `parseDocument`.

export interface Paragraph {
  kind: 'paragraph';
  line: number;
  endLine: number;
  /** Raw markdown of the paragraph, lines joined with "\n". */
  text: string;
}

export interface ListItem {
  line: number;
  endLine: number;
  /**
   * Raw markdown of the item's own text without the bullet marker: its first paragraph, plus any
   * later paragraphs of the item joined with a blank line (nested lists are in `children`).
   */
  text: string;
  /** True for a bullet with no text ("- " or "-"), as in unfilled templates. */
  empty: boolean;
  children: ListItem[];
}

export interface List {
  kind: 'list';
  line: number;
  endLine: number;
  ordered: boolean;
  items: ListItem[];
}

export interface TableRow {
  line: number;
  /** Raw markdown of each cell; missing cells are "" so every row has header.length cells. */
  cells: string[];
}

export interface Table {
  kind: 'table';
  line: number;
  endLine: number;
  header: string[];
  rows: TableRow[];
}

export interface CodeBlock {
  kind: 'code';
  line: number;
  endLine: number;
  text: string;
}

export interface HtmlBlock {
  kind: 'html';
  line: number;
  endLine: number;
  text: string;
}

export type Block = Paragraph | List | Table | CodeBlock | HtmlBlock;

export interface Section {
  /** Plain text of the heading (markdown stripped); "" for the preamble before any heading. */
  heading: string;
  /** 1-6 for ATX/setext headings, 7 for emphasis-as-heading lines (`*Name of project:*`), 0 for the root. */
  level: number;
  /** Line of the heading (first content line for the root). */
  line: number;
  /** Last non-blank line of the section including its subsections. */
  endLine: number;
  /** Blocks of the section's own body, before its first subsection. */
  blocks: Block[];
  children: Section[];
}

export interface DocumentModel {
  /** Lines of the file without their terminators (split by core/document/lines.ts: LF, a CRLF's CR dropped); lines[0] is line 1. */
  lines: string[];
  lineCount: number;
  /** First level-1 heading, else first heading, else first non-blank line, else "". */
  title: string;
  /** Level-0 root whose children are the top-level sections. */
  root: Section;
  /** Every section in document order (root excluded), for quick lookups. */
  sections: Section[];
  /**
   * Line range that holds the markdown itself. When the file is a web page capture (GitHub
   * commit page, say) this excludes the page chrome before and after; otherwise 1..lineCount.
   */
  content: { startLine: number; endLine: number };
}
