// Tables the document model does not see as tables: pipe tables indented inside a list item
// ("- **Initial maintainers**" over a table) or written inside a code fence. Read straight from
// the file's lines in a block's range, so rows keep their real line numbers.
import type { Table } from '../document/document-types.js';
import { delimiterColumns, splitRow } from '../document/markdown-lines.js';

export function embeddedTables(lines: readonly string[], startLine: number, endLine: number): Table[] {
  const tables: Table[] = [];
  const last = Math.min(endLine, lines.length);
  for (let n = startLine; n < last; n++) {
    const head = lines[n - 1]!.trim();
    if (!head.includes('|')) continue;
    const width = splitRow(head).length;
    if (width < 2 || delimiterColumns(lines[n]!.trim()) !== width) continue;
    const table: Table = { kind: 'table', line: n, endLine: n + 1, header: splitRow(head), rows: [] };
    let k = n + 2;
    for (; k <= last; k++) {
      const text = lines[k - 1]!.trim();
      if (!text.includes('|') || text.startsWith('```') || text.startsWith('~~~')) break;
      const cells = splitRow(text);
      if (cells.length > width) cells.length = width;
      while (cells.length < width) cells.push('');
      table.rows.push({ line: k, cells });
      table.endLine = k;
    }
    tables.push(table);
    n = k - 1;
  }
  return tables;
}
