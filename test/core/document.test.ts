import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MAX_LIST_DEPTH, parseDocument, splitLines } from '../../src/core/document/document.js';
import type { Block, List, ListItem, Section, Table } from '../../src/core/document/document-types.js';

const seed = (name: string) => readFileSync(new URL(`../fixtures/corpus/seeds/${name}.md`, import.meta.url), 'utf8');

const outline = (sections: Section[]) => sections.map((s) => `${s.level} ${s.line}-${s.endLine} ${s.heading}`);
const blocksOf = <K extends Block['kind']>(section: Section, kind: K) =>
  section.blocks.filter((b): b is Extract<Block, { kind: K }> => b.kind === kind);
const find = (doc: ReturnType<typeof parseDocument>, heading: string) => {
  const section = doc.sections.find((s) => s.heading === heading);
  if (!section) throw new Error(`no section ${heading}`);
  return section;
};
const flatItems = (items: ListItem[]): ListItem[] => items.flatMap((item) => [item, ...flatItems(item.children)]);

describe('parseDocument on the corpus', () => {
  it('builds the Kube-OVN section tree with real line ranges', () => {
    const doc = parseDocument(seed('kube-ovn-2022-annual'));
    expect(doc.lineCount).toBe(90);
    expect(doc.title).toBe('Kube-OVN 2022Annual Review');
    expect(doc.content).toEqual({ startLine: 1, endLine: 90 });
    expect(outline(doc.sections)).toEqual([
      '1 1-90 Kube-OVN 2022Annual Review',
      '2 5-13 Table of Contents',
      '2 15-20 Background',
      '2 22-27 DevStats',
      '2 29-42 Maintainers',
      '2 44-59 Adoption',
      '2 61-73 Project perform',
      '2 75-83 Project Goals',
      '2 85-90 Incubation readiness',
    ]);
    const table = blocksOf(find(doc, 'Maintainers'), 'table')[0]!;
    expect(table.line).toBe(34);
    expect(table.header).toEqual(['Maintainer', 'GitHub Username', 'Company']);
    expect(table.rows.map((r) => r.line)).toEqual([36, 37, 38, 39, 40]);
    expect(table.rows[0]!.cells).toEqual(['Mengxin Liu', '[@oilbeater](https://github.com/oilbeater)', 'Alauda']);
    const adopters = blocksOf(find(doc, 'Adoption'), 'list')[0]!;
    expect(adopters.items.map((i) => [i.line, i.text])).toEqual([
      [50, 'Alauda'], [51, 'China Telecom'], [52, 'ByteDance'], [53, 'Inspur'], [54, 'EasyStack'],
      [55, '360'], [56, 'Yealink'], [57, 'ZTO'], [58, 'CEC'], [59, 'CMSChina'],
    ]);
  });

  it('matches every heading of all five documents, with levels and ranges computed from the raw lines', () => {
    for (const name of ['kube-ovn-2022-annual', 'openkruise-sandbox-annual', 'karmada-2022-annual', 'kubevirt-incubation-commit-page', 'kubevirt-incubation-draft']) {
      const doc = parseDocument(seed(name));
      const { startLine, endLine } = doc.content;
      // Independent reading: ATX headings by regex (the corpus has no fenced code), each
      // section ending at the last non-blank line before the next heading of its level or above.
      const raw = doc.lines;
      const headings: Array<{ line: number; level: number; text: string }> = [];
      for (let n = startLine; n <= endLine; n++) {
        const m = /^(#{1,6})\s+(.*?)\s*$/.exec(raw[n - 1]!);
        if (m) headings.push({ line: n, level: m[1]!.length, text: m[2]! });
      }
      const expected = headings.map((h, k) => {
        const next = headings.slice(k + 1).find((o) => o.level <= h.level);
        let end = next ? next.line - 1 : endLine;
        while (end > h.line && raw[end - 1]!.trim() === '') end--;
        return `${h.level} ${h.line}-${end} ${h.text}`;
      });
      expect(outline(doc.sections), name).toEqual(expected);
    }
  });

  it('checks every table row and list item line against the file text', () => {
    for (const name of ['kube-ovn-2022-annual', 'openkruise-sandbox-annual', 'karmada-2022-annual', 'kubevirt-incubation-commit-page', 'kubevirt-incubation-draft']) {
      const doc = parseDocument(seed(name));
      for (const section of [doc.root, ...doc.sections]) {
        if (section.level > 0 && section.level < 7) expect(doc.lines[section.line - 1]).toMatch(/^#+ /);
        for (const block of section.blocks) {
          if (block.kind === 'table') {
            for (const row of block.rows) expect(doc.lines[row.line - 1]!.trim().startsWith('|')).toBe(true);
          }
          if (block.kind === 'list') {
            for (const item of flatItems(block.items)) {
              expect(doc.lines[item.line - 1], `${name}:${item.line}`).toMatch(/^\s*([-*+]|\d+[.)])(\s|$)/);
              if (!item.empty) expect(doc.lines[item.line - 1]).toContain(item.text.split('\n')[0]!);
            }
          }
          if (block.kind === 'paragraph') expect(doc.lines[block.line - 1]!.trim()).not.toBe('');
          expect(block.endLine).toBeGreaterThanOrEqual(block.line);
          expect(block.endLine).toBeLessThanOrEqual(section.endLine);
        }
      }
    }
  });

  it('parses the Karmada tables, nested lists and the case-study list', () => {
    const doc = parseDocument(seed('karmada-2022-annual'));
    expect(doc.lineCount).toBe(269);
    const eco = find(doc, 'Robust Developer Ecosystem');
    expect([eco.line, eco.endLine]).toEqual([63, 118]);
    const tables = blocksOf(eco, 'table');
    expect(tables.map((t) => [t.line, t.endLine, t.rows.length, t.header.join('|')])).toEqual([
      [79, 103, 23, 'Reviewer/Approver|GitHub ID|Affiliation'],
      [108, 116, 7, 'Maintainer|GitHub ID|Affiliation'],
    ]);
    expect(tables[1]!.rows[0]!).toEqual({ line: 110, cells: ['Hanbo Li', '@mrlihanbo', 'Huawei'] });
    const adoption = find(doc, 'Extensive Adoption');
    expect([adoption.line, adoption.endLine]).toEqual([120, 183]);
    const cases = blocksOf(adoption, 'list')[0]!;
    expect(cases.items.map((i) => i.line)).toEqual([132, 142, 152, 159, 165, 174]);
    expect(cases.items[0]!.text.startsWith('**VIPKID** is')).toBe(true);
    const toc = blocksOf(find(doc, 'Table of Contents'), 'list')[0]!;
    expect(toc.items[0]!.children.map((c) => [c.line, c.text])).toEqual([[6, '[Sandbox Acceptance](#sandbox-acceptance)']]);
    const goals = blocksOf(find(doc, 'Project Goals'), 'list');
    expect(goals.map((l) => l.line)).toEqual([212, 221, 239]);
    expect(goals[1]!.items[1]!.children.map((c) => c.line)).toEqual([224, 225, 226]);
  });

  it('parses OpenKruise nested highlights with a lazy continuation line', () => {
    const doc = parseDocument(seed('openkruise-sandbox-annual'));
    const list = blocksOf(find(doc, 'Development metrics'), 'list')[0]!;
    expect(list.items.map((i) => [i.line, i.endLine])).toEqual([[25, 26], [27, 27], [28, 34]]);
    expect(list.items[2]!.children.map((c) => c.line)).toEqual([29, 30, 31, 32, 33]);
    const table = blocksOf(find(doc, 'Maintainers'), 'table')[0]!;
    expect(table.rows.map((r) => r.line)).toEqual([42, 43, 44, 45, 46, 47, 48]);
    expect(blocksOf(find(doc, 'Project adoption'), 'list')[0]!.items).toHaveLength(30);
  });

  it('finds the proposal inside the KubeVirt GitHub commit page', () => {
    const doc = parseDocument(seed('kubevirt-incubation-commit-page'));
    expect(doc.lineCount).toBe(217);
    expect(doc.content).toEqual({ startLine: 50, endLine: 213 });
    expect(doc.root.line).toBe(50);
    expect(doc.title).toBe('KubeVirt Incubation Stage Review Proposal');
    expect(doc.sections[0]!.line).toBe(50);
    expect(doc.sections.at(-1)!.endLine).toBe(213);
    const endUsers = find(doc, 'End Users');
    expect([endUsers.line, endUsers.endLine]).toEqual([134, 147]);
    // No block comes from the commit message or the comment box.
    for (const s of [doc.root, ...doc.sections]) for (const b of s.blocks) expect(b.line).toBeGreaterThanOrEqual(50);
  });

  it('marks the empty maintainer bullets of the KubeVirt draft', () => {
    const doc = parseDocument(seed('kubevirt-incubation-draft'));
    const list = blocksOf(find(doc, 'Maintainers'), 'list')[0]!;
    expect(list.items.map((i) => [i.line, i.empty])).toEqual([[23, true], [24, true], [25, true]]);
  });
});

describe('parseDocument edge cases', () => {
  it('handles CRLF and a BOM with the same line numbers as LF', () => {
    const lf = '# Title\n\nText\n\n## Next\n- a\n- b\n';
    const expected = outline(parseDocument(lf).sections);
    for (const variant of [lf.replace(/\n/g, '\r\n'), `\ufeff${lf}`]) {
      const doc = parseDocument(variant);
      expect(outline(doc.sections)).toEqual(expected);
      expect(doc.lineCount).toBe(7);
      expect(doc.lines[0]).toBe('# Title');
      expect((doc.sections[1]!.blocks[0] as List).items.map((i) => i.line)).toEqual([6, 7]);
    }
    expect(splitLines('a\n')).toEqual(['a']);
    expect(splitLines('a\n\n')).toEqual(['a', '']);
    expect(splitLines('')).toEqual([]);
  });

  it('gives an empty document an empty model', () => {
    const doc = parseDocument('');
    expect(doc.lineCount).toBe(0);
    expect(doc.sections).toEqual([]);
    expect(doc.title).toBe('');
    expect(parseDocument('\n\n  \n').sections).toEqual([]);
  });

  it('reads headings without blank lines, setext headings and closing hashes', () => {
    const doc = parseDocument('Intro\n# One #\ntext\n## Two\nTitle\n=====\nSub\n---\n#NotAHeading\n');
    expect(outline(doc.sections)).toEqual(['1 2-4 One', '2 4-4 Two', '1 5-9 Title', '2 7-9 Sub']);
    expect(doc.root.blocks[0]).toMatchObject({ kind: 'paragraph', line: 1, text: 'Intro' });
    expect(blocksOf(doc.sections[3]!, 'paragraph')[0]).toMatchObject({ line: 9, text: '#NotAHeading' });
  });

  it('turns an emphasis-only line into a level-7 pseudo-section', () => {
    const doc = parseDocument('## Project\n\n*Name of project:*\nKubeFoo\n\n**Maintainers**\n\n- Ada\n\n## Next\n');
    expect(outline(doc.sections)).toEqual(['2 1-8 Project', '7 3-4 Name of project:', '7 6-8 Maintainers', '2 10-10 Next']);
    expect(doc.sections[1]!.blocks[0]).toMatchObject({ kind: 'paragraph', line: 4, text: 'KubeFoo' });
    // Emphasis inside a sentence is not a heading.
    expect(parseDocument('Some *very* important text\n').sections).toEqual([]);
  });

  it('skips HTML comments, even when they hold headings', () => {
    const doc = parseDocument('# A\n<!--\n# Not a heading\n- not an item\n-->\nafter\n<!-- one line -->\n## B\n');
    expect(outline(doc.sections)).toEqual(['1 1-8 A', '2 8-8 B']);
    const kinds = doc.sections[0]!.blocks.map((b) => `${b.kind}@${b.line}`);
    expect(kinds).toEqual(['html@2', 'paragraph@6', 'html@7']);
  });

  it('keeps fenced code out of the structure', () => {
    const doc = parseDocument('# A\n```md\n# not heading\n| a | b |\n|---|---|\n```\n~~~\nunclosed\n');
    expect(doc.sections).toHaveLength(1);
    expect(doc.sections[0]!.blocks.map((b) => [b.kind, b.line, b.endLine])).toEqual([['code', 2, 6], ['code', 7, 8]]);
  });

  it('reads tables with missing and extra cells, escaped pipes and link-heavy cells', () => {
    const md = [
      '| Name | GitHub | Company |',
      '|:-----|:------:|--------:|',
      '| Ada | [@ada](https://github.com/ada) |',
      'Bob | [@bob](https://github.com/bob), [@bob2](https://x.io/b) | Acme \\| Co | extra',
      '| | | |',
      '',
      'after',
    ].join('\n');
    const table = parseDocument(md).root.blocks[0] as Table;
    expect(table).toMatchObject({ kind: 'table', line: 1, endLine: 5 });
    expect(table.rows).toEqual([
      { line: 3, cells: ['Ada', '[@ada](https://github.com/ada)', ''] },
      { line: 4, cells: ['Bob', '[@bob](https://github.com/bob), [@bob2](https://x.io/b)', 'Acme | Co'] },
      { line: 5, cells: ['', '', ''] },
    ]);
    // Header and delimiter must agree on the column count.
    expect(parseDocument('| a | b |\n|---|\n| 1 | 2 |\n').root.blocks[0]!.kind).toBe('paragraph');
  });

  it('lets a table interrupt a paragraph and ends it at a heading', () => {
    const doc = parseDocument('Intro line\n| a | b |\n| - | - |\n| 1 | 2 |\n# H\n');
    expect(doc.root.blocks.map((b) => [b.kind, b.line, b.endLine])).toEqual([['paragraph', 1, 1], ['table', 2, 4]]);
    expect(doc.sections.map((s) => s.line)).toEqual([5]);
  });

  it('reads nested, loose, ordered and empty list items with tabs', () => {
    const md = ['- one', '\t- tab child', '    - four-space child', '  continued', '', '- ', '-', '* other bullet char', '', '1. first', '2) second', 'lazy line'].join('\n');
    const doc = parseDocument(md);
    const lists = doc.root.blocks as List[];
    expect(lists.map((l) => [l.line, l.endLine, l.ordered])).toEqual([[1, 8, false], [10, 12, true]]);
    const [one, empty1, empty2, other] = lists[0]!.items;
    expect(one!.children.map((c) => [c.line, c.text])).toEqual([[2, 'tab child'], [3, 'four-space child\ncontinued']]);
    expect(one!.endLine).toBe(4);
    expect([empty1!.empty, empty2!.empty, other!.empty]).toEqual([true, true, false]);
    expect(lists[1]!.items.map((i) => [i.line, i.text])).toEqual([[10, 'first'], [11, 'second\nlazy line']]);
  });

  it('keeps the later paragraphs of an item and stops at an unindented paragraph', () => {
    const doc = parseDocument('- item\n\n  more about it\n\nplain paragraph\n');
    const list = doc.root.blocks[0] as List;
    expect(list.items[0]).toMatchObject({ line: 1, endLine: 3, text: 'item\n\nmore about it' });
    expect(doc.root.blocks[1]).toMatchObject({ kind: 'paragraph', line: 5 });
  });

  it('strips web-page chrome generically: a diff hunk and a comment box', () => {
    const md = ['Skip to content', 'Some commit message', '@@ -0,0 +1,4 @@', '# Proposal', '', '- item', 'last line', '', '2 comments on commit abc', 'Please sign in to comment.'].join('\n');
    const doc = parseDocument(md);
    expect(doc.content).toEqual({ startLine: 4, endLine: 7 });
    expect(doc.title).toBe('Proposal');
    expect(outline(doc.sections)).toEqual(['1 4-7 Proposal']);
    // Page capture without a diff: markdown starts at the first heading and stops at the footer.
    const page = parseDocument('Skip to content\nNavigation\n\n# Doc\ntext\n\nYou can’t perform that action at this time.\n');
    expect(page.content).toEqual({ startLine: 4, endLine: 5 });
    // A plain document that mentions a hunk later keeps its full range.
    expect(parseDocument('# Doc\n@@ -1 +1 @@\n').content).toEqual({ startLine: 1, endLine: 2 });
  });

  it('takes the first line as the title when there is no heading', () => {
    expect(parseDocument('\n**Project** self-assessment\n\nbody\n').title).toBe('Project self-assessment');
    expect(parseDocument('## Second level\n# First level\n').title).toBe('First level');
    expect(parseDocument('# Table of Contents\n- [About](#about)\n# About Proj\n').title).toBe('About Proj');
  });
});

describe('parseDocument on pathological input (bounded, no stack overflow)', () => {
  it('reads a table of 100k rows', () => {
    const md = `| a | b |\n|---|---|\n${Array.from({ length: 100_000 }, (_, i) => `| ${i} | x |`).join('\n')}`;
    const table = parseDocument(md).root.blocks[0] as Table;
    expect(table.rows).toHaveLength(100_000);
    expect(table.rows.at(-1)).toEqual({ line: 100_002, cells: ['99999', 'x'] });
  });

  it('flattens 10k-deep list nesting to a bounded depth', () => {
    const md = Array.from({ length: 10_000 }, (_, i) => `${' '.repeat(i * 2)}- x${i}`).join('\n');
    const list = parseDocument(md).root.blocks[0] as List;
    let depth = 0;
    let count = 0;
    const stack: Array<[ListItem, number]> = list.items.map((item) => [item, 1]);
    while (stack.length) {
      const [item, d] = stack.pop()!;
      depth = Math.max(depth, d);
      count++;
      for (const child of item.children) stack.push([child, d + 1]);
    }
    expect(count).toBe(10_000);
    expect(depth).toBe(MAX_LIST_DEPTH);
  });

  it('reads 10k-deep blockquotes and a 5 MB single line', () => {
    expect(parseDocument(`${'>'.repeat(10_000)} deep`).root.blocks[0]).toMatchObject({ kind: 'paragraph', text: 'deep' });
    for (const unit of ['word *em* [l](u) ', '`a', '<a ', '[', '**a', '| ', '\\|']) {
      const doc = parseDocument(unit.repeat(Math.ceil(5_000_000 / unit.length)));
      expect(doc.lineCount).toBe(1);
      expect(doc.title.length).toBeLessThanOrEqual(200);
    }
  });
});
