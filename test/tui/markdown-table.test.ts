// Table layout for the evidence pane: a table fits whatever the width, as a box while its
// columns can stay readable, else row by row.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { visibleWidth } from '../../src/tui/ansi-text.js';
import { columnWidths, layoutTable, type TableCells } from '../../src/tui/markdown-table.js';

const MAINTAINERS: TableCells = {
  header: ['Maintainer', 'GitHub Username', 'Company'],
  rows: [
    ['Mengxin Liu', '@oilbeater', 'Alauda'],
    ['Riming Fan', '@fanriming', 'China Telecom'],
  ],
  align: [null, null, null],
};
const withLinks: TableCells = { ...MAINTAINERS, rows: MAINTAINERS.rows.map(([n, h, c]) => [n!, `${h} (https://github.com/${h!.slice(1)})`, c!]) };
const cells = (asText: boolean) => (asText ? MAINTAINERS : withLinks);

describe('table layout', () => {
  it('keeps natural widths when they fit, else gives narrow columns their width and shares the rest', () => {
    expect(columnWidths([5, 6], [5, 6], 20)).toEqual([5, 6]);
    expect(columnWidths([11, 15, 13], [10, 12, 8], 37)).toEqual([11, 13, 13]);
    expect(columnWidths([11, 15, 13], [10, 12, 8], 24)).toBeNull();
  });

  it('draws the table as it is when it fits, link targets included', () => {
    const lines = layoutTable(cells, 120, false);
    expect(lines.map((l) => l.text)).toContain('│ Mengxin Liu │ @oilbeater (https://github.com/oilbeater) │ Alauda        │');
    expect(lines.filter((l) => l.row !== undefined).map((l) => l.row)).toEqual([-1, 0, 1]);
  });

  it('drops link targets, then wraps cells, when the table is too wide: one table row stays one line', () => {
    const lines = layoutTable(cells, 47, false);
    for (const line of lines) expect(visibleWidth(line.text)).toBeLessThanOrEqual(47);
    expect(lines.find((l) => l.row === 0)!.text).toBe('│ Mengxin Liu │ @oilbeater    │ Alauda        │');
    expect(lines.find((l) => l.row === 1)!.text).toBe('│ Riming Fan  │ @fanriming    │ China Telecom │');
    // The header wrapped, body rows did not: no rules between body rows.
    expect(lines.filter((l) => l.text.startsWith('├'))).toHaveLength(1);
  });

  it('separates body rows by rules when their cells wrap', () => {
    const long: TableCells = { header: ['Name', 'Note'], rows: [['a', 'one two three four five six seven'], ['b', 'x']], align: [null, null] };
    const lines = layoutTable(() => long, 24, false).map((l) => l.text);
    expect(lines).toEqual([
      '┌──────┬───────────────┐',
      '│ Name │ Note          │',
      '├──────┼───────────────┤',
      '│ a    │ one two three │',
      '│      │ four five six │',
      '│      │ seven         │',
      '├──────┼───────────────┤',
      '│ b    │ x             │',
      '└──────┴───────────────┘',
    ]);
  });

  it('lists each row as "Header: value" when columns would get too narrow', () => {
    const lines = layoutTable(cells, 30, false);
    expect(lines.map((l) => l.text)).toEqual([
      'Maintainer: Mengxin Liu',
      '  GitHub Username: @oilbeater',
      '  Company: Alauda',
      'Maintainer: Riming Fan',
      '  GitHub Username: @fanriming',
      '  Company: China Telecom',
    ]);
    expect(lines.map((l) => l.row)).toEqual([0, undefined, undefined, 1, undefined, undefined]);
  });

  it('never produces a line wider than the width, whatever the table', () => {
    // Found by the property below: an empty row in the row-by-row layout.
    for (const line of layoutTable(() => ({ header: [''], rows: [['a🚀a日a'], ['']], align: [null] }), 10, false)) expect(visibleWidth(line.text)).toBeLessThanOrEqual(10);
    const cell = fc.string({ maxLength: 40, unit: fc.constantFrom('a', 'b', ' ', '日', '🚀', 'é', 'long-word-') });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.array(fc.array(cell, { minLength: 6, maxLength: 6 }), { maxLength: 5 }), fc.array(cell, { minLength: 6, maxLength: 6 }), fc.integer({ min: 10, max: 120 }), fc.boolean(), (n, rows, header, width, color) => {
          const table: TableCells = { header: header.slice(0, n), rows: rows.map((r) => r.slice(0, n)), align: header.slice(0, n).map((_, i) => (['left', 'right', 'center', null] as const)[i % 4]!) };
          for (const line of layoutTable(() => table, width, color)) expect(visibleWidth(line.text)).toBeLessThanOrEqual(width);
        },
      ),
    );
  });
});
