// Shared checks for exported markdown: render it back with marked (GFM) and look at the tables
// and tags, the way GitHub would see the pasted text.
import { marked, type Tokens } from 'marked';

export interface TableShape {
  header: number;
  rows: number[];
}

/** Every GFM table in the markdown: header cell count and each body row's cell count. */
export function tableShapes(markdown: string): TableShape[] {
  const shapes: TableShape[] = [];
  marked.walkTokens(marked.lexer(markdown, { gfm: true }), (token) => {
    if (token.type === 'table') {
      const table = token as Tokens.Table;
      shapes.push({ header: table.header.length, rows: table.rows.map((row) => row.length) });
    }
  });
  return shapes;
}

export function renderHtml(markdown: string): string {
  return marked.parse(markdown, { gfm: true, async: false });
}

/** Counts of each HTML tag name (opening tags) in rendered HTML. */
export function tagCounts(html: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const match of html.matchAll(/<([a-zA-Z][a-zA-Z0-9-]*)\b/g)) {
    const name = match[1]!.toLowerCase();
    counts[name] = (counts[name] ?? 0) + 1;
  }
  return counts;
}

/** Rows and cells of each rendered HTML table: [[cells per row, ...], ...]. */
export function htmlTables(html: string): number[][] {
  return Array.from(html.matchAll(/<table>([\s\S]*?)<\/table>/g), (table) =>
    Array.from(table[1]!.matchAll(/<tr>([\s\S]*?)<\/tr>/g), (row) => (row[1]!.match(/<t[hd][\s>]/g) ?? []).length),
  );
}
