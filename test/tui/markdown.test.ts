// The evidence pane's markdown renderer: tabs, tables, list items, wide characters and the
// source line each row starts, on the real marked + marked-terminal.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { visibleWidth } from '../../src/tui/ansi-text.js';
import { createMarkdownRenderer, type RenderedRow } from '../../src/tui/markdown.js';
import { CORPUS, withFullColour } from './helpers.js';

const SGR = /\u001B\[[0-9;]*m/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const plain = (rows: RenderedRow[]) => rows.map((r) => r.text.replace(SGR, ''));
const corpusLines = (name: string) => readFileSync(join(CORPUS, name), 'utf8').split('\n');

withFullColour();

describe.each([false, true])('markdown rows (colour %s)', async (color) => {
  const render = await createMarkdownRenderer({ color });

  it('expands tabs: none reaches the terminal and every row fits', () => {
    const source = ['Intro\twith a tab', '', '| a | b |', '|---|---|', '| x\ty | z |', '', '```', 'foo\tbar', '\tbaz', '```', '', '\tindented code'].join('\n');
    const rows = render(source, 30);
    for (const row of rows) {
      expect(row.text).not.toContain('\t');
      expect(visibleWidth(row.text)).toBeLessThanOrEqual(30);
    }
    const text = plain(rows);
    expect(text).toContain('Intro   with a tab');
    expect(text).toContain('│ x y │ z │');
    expect(text).toContain('      baz');
    // The table's box lines up: every line of it is as wide as the first.
    const table = text.filter((r) => /^[┌│├└]/.test(r));
    expect(new Set(table.map((r) => stringWidth(r))).size).toBe(1);
  });

  it('fits a maintainer table with links to the pane: one table row per line', () => {
    const lines = corpusLines('kube-ovn-2022-annual.md').slice(33, 40);
    const rows = render(lines.join('\n'), 47);
    for (const row of rows) expect(visibleWidth(row.text)).toBeLessThanOrEqual(47);
    const text = plain(rows);
    expect(text).toContain('│ Mengxin Liu  │ @oilbeater   │ Alauda        │');
    expect(text).toContain('│ Riming Fan   │ @fanriming   │ China Telecom │');
    // Only the header wraps, so no rules between the body rows.
    expect(text.filter((r) => r.startsWith('├'))).toHaveLength(1);
    const narrow = plain(render(lines.join('\n'), 30));
    expect(narrow).toContain('Maintainer: Mengxin Liu');
    expect(narrow).toContain('  GitHub Username: @oilbeater');
  });

  it('renders inline markdown inside list items', () => {
    const rows = plain(render('* Item with **bold adopter** and [a link](https://x.example) and `code`\n* **Integration with ecosystem**.\n  * nested *em*', 80));
    expect(rows).toEqual(['  * Item with bold adopter and a link (https://x.example) and code', '  * Integration with ecosystem.', '    * nested em']);
    if (color) expect(render('* **bold**', 80)[0]!.text).toContain('\u001B[1m');
  });

  it('marks the row where each source line starts: paragraph lines, list items, table rows, code lines', () => {
    const source = ['First line', 'second line of the same paragraph', '* item one', '* item two', '  continued', '', '| h | i |', '|---|---|', '| 1 | 2 |', '| 3 | 4 |', '', '```', 'code', '```'].join('\n');
    const rows = render(source, 40);
    const line = (text: string) => rows.find((r) => r.text.replace(SGR, '').includes(text))?.line;
    expect(line('First line')).toBe(0);
    expect(line('second line')).toBe(1);
    expect(line('item one')).toBe(2);
    expect(line('item two')).toBe(3);
    expect(line('continued')).toBe(4);
    expect(line('│ h')).toBe(6);
    expect(line('│ 1')).toBe(8);
    expect(line('│ 3')).toBe(9);
    expect(line('code')).toBe(12);
    // A document cannot forge a line mark.
    expect(render('x \uFDD07\uFDD1 y', 40).map((r) => r.line)).toEqual([0]);
  });

  it('wraps emoji and wide text without splitting them, within the width', () => {
    const source = `a${'🚀'.repeat(30)}\n\n* Emoji ${'🚀'.repeat(13)} text ${'😀'.repeat(9)}\n\nab ${'日本語'.repeat(6)} x`;
    for (const width of [15, 16, 20]) {
      for (const row of plain(render(source, width))) {
        expect(row).not.toMatch(LONE_SURROGATE);
        expect(row).not.toContain('\ufffd');
        expect(stringWidth(row)).toBeLessThanOrEqual(width);
      }
    }
  });

  it('keeps every row of every corpus document within the width', () => {
    for (const name of ['karmada-2022-annual.md', 'kube-ovn-2022-annual.md', 'kubevirt-incubation-commit-page.md', 'kubevirt-incubation-draft.md', 'openkruise-sandbox-annual.md']) {
      const source = corpusLines(name).join('\n');
      for (const width of [30, 47, 150]) for (const row of render(source, width)) expect(visibleWidth(row.text), `${name} at ${width}: ${row.text}`).toBeLessThanOrEqual(width);
    }
  });
});
