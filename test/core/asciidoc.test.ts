import { describe, expect, it } from 'vitest';
import { asciidocToMarkdown, asciidocToMarkdownLines, convertInline } from '../../src/core/document/asciidoc.js';
import { parseDocument } from '../../src/core/document/document.js';
import type { List, Table } from '../../src/core/document/document-types.js';

// Written for these tests (not copied from any real document).
const SAMPLE = [
  '= Widgetry Incubation Proposal', // 1
  ':repo: https://github.com/widgetry/widgetry', // 2
  '', // 3
  '*Name of project:* Widgetry', // 4
  '', // 5
  '== Adopters', // 6
  '', // 7
  '* Acme Corp', // 8
  '** Acme Labs (a team of Acme)', // 9
  '* Globex', // 10
  '', // 11
  '// a reviewer note nobody should see', // 12
  '////', // 13
  'a hidden block', // 14
  '////', // 15
  '== Maintainers', // 16
  '', // 17
  '.Current maintainers', // 18
  '[cols="2,1"]', // 19
  '|===', // 20
  '|Name |Organisation', // 21
  '', // 22
  '|Ada Example', // 23
  '|Acme', // 24
  '', // 25
  '|Bo Sample', // 26
  '|Globex', // 27
  '|===', // 28
  '', // 29
  '=== Releases', // 30
  '', // 31
  'See {repo}/releases[the release page] and link:docs/RELEASES.md[the process]. +', // 32
  '', // 33
  '----', // 34
  '* not a list item', // 35
  '----', // 36
  '. first step', // 37
  '.. a sub-step', // 38
];

describe('asciidocToMarkdownLines', () => {
  it('keeps every line on its line', () => {
    expect(asciidocToMarkdownLines(SAMPLE)).toHaveLength(SAMPLE.length);
    expect(asciidocToMarkdown(`${SAMPLE.join('\r\n')}\r\n`).split('\n')).toHaveLength(SAMPLE.length);
  });

  it('reads headings, lists and tables into the document model on their source lines', () => {
    const doc = parseDocument(asciidocToMarkdown(SAMPLE.join('\n')));
    expect(doc.title).toBe('Widgetry Incubation Proposal');
    expect(doc.lineCount).toBe(SAMPLE.length);
    const byHeading = new Map(doc.sections.map((s) => [s.heading, s]));
    expect(byHeading.get('Adopters')!.line).toBe(6);
    expect(byHeading.get('Releases')!.level).toBe(3);
    const adopters = byHeading.get('Adopters')!.blocks.find((b) => b.kind === 'list') as List;
    expect(adopters.items.map((i) => [i.line, i.text])).toEqual([
      [8, 'Acme Corp'],
      [10, 'Globex'],
    ]);
    expect(adopters.items[0]!.children.map((i) => [i.line, i.text])).toEqual([[9, 'Acme Labs (a team of Acme)']]);
    const caption = byHeading.get('Current maintainers')!;
    expect(caption.line).toBe(18);
    const table = caption.blocks.find((b) => b.kind === 'table') as Table;
    expect(table.header).toEqual(['Name', 'Organisation']);
    const filled = table.rows.filter((r) => r.cells.some((c) => c !== ''));
    expect(filled.map((r) => [r.line, ...r.cells])).toEqual([
      [23, 'Ada Example', 'Acme'],
      [26, 'Bo Sample', 'Globex'],
    ]);
  });

  it('drops comments and attribute lines, and keeps listing blocks as code', () => {
    const out = asciidocToMarkdownLines(SAMPLE);
    expect(out.slice(11, 15)).toEqual(['', '', '', '']);
    expect(out[1]).toBe('');
    expect(out[18]).toBe('');
    expect(out.slice(33, 36)).toEqual(['```', '* not a list item', '```']);
    expect(out[36]).toBe('1. first step');
    expect(out[37]).toBe('   1. a sub-step');
  });

  it('turns AsciiDoc links into markdown links and resolves attribute references', () => {
    const out = asciidocToMarkdownLines(SAMPLE);
    expect(out[31]).toBe('See [the release page](https://github.com/widgetry/widgetry/releases) and [the process](docs/RELEASES.md).');
    expect(convertInline('mail mailto:team@example.org[the team] or <<adopters,our adopters>>', new Map())).toBe(
      'mail [the team](mailto:team@example.org) or our adopters',
    );
    // A markdown link written in an .adoc file is left as it is.
    expect(convertInline('[Code of conduct](https://example.org/coc)', new Map())).toBe('[Code of conduct](https://example.org/coc)');
  });

  it('gives a table without a header an empty one, and one whose rows fill every line a header row', () => {
    const noHeader = asciidocToMarkdownLines(['Intro', '', '|===', '|a |b', '|c |d', '|===']);
    const doc = parseDocument(noHeader.join('\n'));
    const table = doc.root.blocks.find((b) => b.kind === 'table') as Table;
    // The first row is on the line right after the delimiter: it becomes the header.
    expect(table.header).toEqual(['a', 'b']);
    expect(table.rows.map((r) => [r.line, ...r.cells])).toEqual([[5, 'c', 'd']]);
    const spaced = parseDocument(asciidocToMarkdownLines(['|===', '', '|a |b', '|c |d', '|===']).join('\n'));
    const second = spaced.root.blocks.find((b) => b.kind === 'table') as Table;
    expect(second.header).toEqual(['', '']);
    expect(second.rows.map((r) => [r.line, ...r.cells])).toEqual([
      [3, 'a', 'b'],
      [4, 'c', 'd'],
    ]);
  });
});
