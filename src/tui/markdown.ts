// Evidence passages rendered as terminal markdown (marked + marked-terminal), loaded lazily:
// the import costs tens of milliseconds and is only paid when a passage is first shown.
// Rendering is memoised per (width, source) because the same passages are redrawn on every
// keypress.
//
// marked-terminal is used for its styling, with these parts replaced (see terminalRenderer):
// - wrapping: its reflowText measures UTF-16 units and cuts words with substr, splitting emoji
//   into lone surrogates (shown as U+FFFD) and misjudging wide text, so reflow is off and every
//   row is wrapped here by grapheme cluster and display width (ansi-text.ts);
// - source lines: each row that starts a source line (paragraph line, list item, table row,
//   code line) carries that line, for the line numbers in the evidence pane's gutter;
// - list items: with marked >= 13 their text arrives as block `text` tokens whose inline
//   markdown marked-terminal prints raw (marked-terminal issues #304/#371, fixed upstream by
//   parsing `text` tokens' inline tokens, PR #366, unreleased): done here the same way;
// - tables: laid out to the width (markdown-table.ts) instead of cli-table3's natural width;
// - links: always "text (target)" as text, never OSC 8 hyperlinks whose target is hidden.
import { stripVTControlCharacters } from 'node:util';
import type { Token, Tokens } from 'marked';
import { sanitizeText } from '../core/sanitize.js';
import { wrapAnsiRow } from './ansi-text.js';
import { layoutTable, type TableCells } from './markdown-table.js';
import { expandTabs } from './text.js';

export interface RenderedRow {
  text: string;
  /** 0-based line of the rendered source that this row starts, if it starts one. */
  line?: number;
}

/** Markdown source in, terminal rows out (ANSI styling kept unless colour is off). */
export type MarkdownRenderer = (source: string, width: number) => RenderedRow[];

const CACHE_LIMIT = 4000;
// OSC 8 hyperlinks would confuse width measurement; links are shown as text instead.
const OSC = /\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)/g;
// Source lines travel through marked-terminal as marks in its output: U+FDD0 <line> U+FDD1.
// Noncharacters are reserved for a program's internal use; a document's own are replaced first.
const MARK = /\uFDD0(\d+)\uFDD1/g;
const FIRST_MARK = new RegExp(MARK.source);
const NONCHARACTER = /[\uFDD0-\uFDEF]/g;
const mark = (line: number) => `\uFDD0${line}\uFDD1`;
const BLUE = ['\u001B[34m', '\u001B[39m'] as const;
// marked-terminal hides ':' in code spans from its emoji pass; its own table code undoes that.
const COLON = /\*#COLON\|\*/g;

function lineCount(text: string): number {
  return text.replace(/\n+$/, '').split('\n').length;
}

/** Mark each line of rendered text with its source line when there is one per source line, else the first. */
function markLines(text: string, first: number | undefined, sourceLines: number): string {
  if (first === undefined) return text;
  const body = text.replace(/\n+$/, '');
  const lines = body.split('\n');
  const each = lines.length === sourceLines;
  return lines.map((line, i) => (i === 0 || each ? mark(first + i) + line : line)).join('\n') + text.slice(body.length);
}

/** Record the 0-based source line each block token starts on (sibling raws add up to the source). */
function assignLines(tokens: Token[], first: number, lines: WeakMap<object, number>): void {
  let line = first;
  for (const token of tokens) {
    const start = line + /^\n*/.exec(token.raw)![0].length;
    lines.set(token, start);
    if (token.type === 'list') {
      let itemLine = start;
      for (const item of (token as Tokens.List).items) {
        lines.set(item, itemLine);
        assignLines(item.tokens, itemLine, lines);
        itemLine += item.raw.split('\n').length - 1;
      }
    } else if (token.type === 'blockquote') {
      assignLines((token as Tokens.Blockquote).tokens, start, lines);
    }
    line += token.raw.split('\n').length - 1;
  }
}

function unescapeEntities(text: string): string {
  return text.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'");
}

type Render = (this: { parser: { parseInline(tokens: Token[]): string } }, token: never) => string;

/** marked-terminal's renderer with the replacements described at the top of this file. */
function terminalRenderer(
  markedTerminal: (options: object) => { renderer: Record<string, Render> },
  width: number,
  color: boolean,
  lines: () => WeakMap<object, number>,
) {
  const base = markedTerminal({ width, reflowText: false, showSectionPrefix: false, tab: 2, emoji: false }).renderer;
  let linksAsText = false;
  // Cells taken by the indentation of the lists and quotes being rendered, for tables and rules.
  let nested = 0;
  const at = (token: object) => lines().get(token);
  const nest = (cells: number, render: Render): Render =>
    function (token) {
      nested += cells;
      try {
        return render.call(this, token);
      } finally {
        nested -= cells;
      }
    };
  const renderer: Record<string, Render> = {
    ...base,
    text(token: Tokens.Text) {
      // A list item's text: parse its inline markdown (marked-terminal prints it raw).
      if (token.tokens) return markLines(this.parser.parseInline(token.tokens), at(token), lineCount(token.raw));
      return base.text!.call(this, token as never);
    },
    paragraph(token: Tokens.Paragraph) {
      return markLines(base.paragraph!.call(this, token as never), at(token), lineCount(token.raw));
    },
    heading(token: Tokens.Heading) {
      return markLines(base.heading!.call(this, token as never), at(token), 1);
    },
    code(token: Tokens.Code) {
      const first = at(token);
      const start = first === undefined ? undefined : first + (token.codeBlockStyle === 'indented' ? 0 : 1);
      return markLines(base.code!.call(this, token as never), start, token.text.split('\n').length);
    },
    html(token: Tokens.HTML | Tokens.Tag) {
      const out = base.html!.call(this, token as never);
      return 'block' in token && token.block ? markLines(out, at(token), lineCount(token.text)) : out;
    },
    hr(token: Tokens.Hr) {
      // marked-terminal sizes an unreflowed rule to the whole terminal.
      return `${markLines('-'.repeat(Math.max(1, width - nested - 1)), at(token), 1)}\n\n`;
    },
    list: nest(4, function (token: Tokens.List) {
      // marked-terminal's own list calls its own listitem; build the body here so ours is used.
      const body = token.items.map((item) => renderer.listitem!.call(this, item as never)).join('');
      return (base.list as unknown as (this: unknown, body: string, ordered: boolean) => string).call(this, body, token.ordered);
    }),
    listitem(item: Tokens.ListItem) {
      // marked 17 puts a task's checkbox among the item's tokens too; marked-terminal adds its own.
      const tokens = item.task ? item.tokens.filter((t) => t.type !== 'checkbox') : item.tokens;
      const out = base.listitem!.call(this, { ...item, tokens } as never);
      // An empty item has no text to carry its line.
      const line = at(item);
      return line === undefined || out.slice(0, 24).includes('\uFDD0') ? out : out.replace(/^(\n?\* )/, `$1${mark(line)}`);
    },
    blockquote: nest(2, base.blockquote!),
    link(token: Tokens.Link) {
      const text = this.parser.parseInline(token.tokens);
      if (linksAsText && text !== '') return text;
      const href = color ? BLUE[0] + token.href + BLUE[1] : token.href;
      return text === '' || stripVTControlCharacters(text) === token.href ? href : `${text} (${href})`;
    },
    table(token: Tokens.Table) {
      const cell = (c: Tokens.TableCell) => unescapeEntities(this.parser.parseInline(c.tokens).replace(COLON, ':').replace(/\n/g, ' '));
      const cells = (asText: boolean): TableCells => {
        linksAsText = asText;
        try {
          return { header: token.header.map(cell), rows: token.rows.map((row) => row.map(cell)), align: token.align };
        } finally {
          linksAsText = false;
        }
      };
      const first = at(token);
      const out = layoutTable(cells, Math.max(10, width - nested), color).map(({ text, row }) =>
        row === undefined || first === undefined ? text : mark(first + (row < 0 ? 0 : row + 2)) + text,
      );
      return `${out.join('\n')}\n\n`;
    },
  };
  return renderer;
}

let loading: Promise<MarkdownRenderer> | null = null;

export async function createMarkdownRenderer(options: { color: boolean }): Promise<MarkdownRenderer> {
  const [{ Marked }, { markedTerminal }] = await Promise.all([import('marked'), import('marked-terminal')]);
  const byWidth = new Map<number, InstanceType<typeof Marked>>();
  const cache = new Map<string, RenderedRow[]>();
  let lines = new WeakMap<object, number>();
  const instance = (width: number) => {
    let marked = byWidth.get(width);
    if (!marked) {
      marked = new Marked();
      // The extension's types lag behind marked 17; it is a plain MarkedExtension at runtime.
      const renderer = terminalRenderer(markedTerminal as never, width, options.color, () => lines);
      marked.use({ renderer, useNewRenderer: true } as never);
      byWidth.set(width, marked);
    }
    return marked;
  };
  return (source, width) => {
    const w = Math.max(10, width);
    const key = `${w}\u0000${source}`;
    const hit = cache.get(key);
    if (hit) return hit;
    // Sanitise the source, not the output: marked-terminal's own styling must survive.
    const clean = expandTabs(sanitizeText(source)).replace(NONCHARACTER, '\uFFFD');
    let out: string;
    try {
      const marked = instance(w);
      const tokens = marked.lexer(clean);
      lines = new WeakMap();
      assignLines(tokens, 0, lines);
      out = marked.parser(tokens) as string;
    } catch {
      out = clean
        .split('\n')
        .map((line, i) => mark(i) + line)
        .join('\n');
    }
    out = out.replace(OSC, '');
    if (!options.color) out = stripVTControlCharacters(out);
    const rows: RenderedRow[] = [];
    for (const raw of out.replace(/\s+$/, '').split('\n')) {
      const found = FIRST_MARK.exec(raw);
      const row = raw.replace(MARK, '').replace(NONCHARACTER, '');
      wrapAnsiRow(row, w).forEach((text, i) => rows.push(i === 0 && found ? { text, line: Number(found[1]) } : { text }));
    }
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
    cache.set(key, rows);
    return rows;
  };
}

let loaded: MarkdownRenderer | null = null;

/** One shared renderer per process; the first call starts the import. */
export function loadMarkdownRenderer(options: { color: boolean }): Promise<MarkdownRenderer> {
  loading ??= createMarkdownRenderer(options).then((renderer) => (loaded = renderer));
  return loading;
}

/**
 * The shared renderer if it has finished loading, else null: a screen mounted after the review
 * command preloaded it renders markdown in its very first frame instead of plain text first.
 */
export function loadedMarkdownRenderer(): MarkdownRenderer | null {
  return loaded;
}
