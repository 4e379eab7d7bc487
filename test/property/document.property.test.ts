// Property tests for parseDocument: no input makes it throw, and the model it returns is
// consistent (line numbers inside the file, ranges in order, table rows as wide as the header).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_LIST_DEPTH, parseDocument, splitLines } from '../../src/core/document/document.js';
import type { Block, DocumentModel, ListItem, Section } from '../../src/core/document/document-types.js';
import { markdownText } from './markdown-arbitrary.js';

const RUNS = { seed: 424242, numRuns: 300 };

function checkModel(text: string, doc: DocumentModel): void {
  expect(doc.lines).toEqual(splitLines(text));
  expect(doc.lineCount).toBe(doc.lines.length);
  const n = doc.lineCount;
  const inFile = (line: number) => Number.isInteger(line) && line >= 1 && line <= n;
  expect(typeof doc.title).toBe('string');
  if (n > 0) {
    expect(doc.content.startLine).toBeGreaterThanOrEqual(1);
    expect(doc.content.endLine).toBeLessThanOrEqual(n);
  }

  const checkItems = (items: ListItem[], depth: number) => {
    expect(depth).toBeLessThanOrEqual(MAX_LIST_DEPTH + 1);
    for (const item of items) {
      expect(inFile(item.line) && inFile(item.endLine) && item.endLine >= item.line).toBe(true);
      checkItems(item.children, depth + 1);
    }
  };
  const checkBlock = (block: Block) => {
    expect(inFile(block.line) && inFile(block.endLine) && block.endLine >= block.line, `${block.kind} ${block.line}-${block.endLine}`).toBe(true);
    if (block.kind === 'table') for (const row of block.rows) expect(row.cells.length).toBe(block.header.length);
    if (block.kind === 'list') checkItems(block.items, 1);
  };
  let previous = 0;
  for (const section of doc.sections) {
    expect(inFile(section.line)).toBe(true);
    expect(section.line).toBeGreaterThanOrEqual(previous);
    expect(section.endLine).toBeGreaterThanOrEqual(section.line);
    expect(section.endLine).toBeLessThanOrEqual(n);
    previous = section.line;
    section.blocks.forEach(checkBlock);
  }
  doc.root.blocks.forEach(checkBlock);
  const count = (s: Section): number => s.children.reduce((sum, c) => sum + 1 + count(c), 0);
  expect(count(doc.root)).toBe(doc.sections.length);
}

describe('parseDocument (property)', () => {
  it('never throws on arbitrary Unicode, and the model is consistent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        checkModel(text, parseDocument(text));
      }),
      RUNS,
    );
  });

  it('never throws on markdown-shaped text with escapes and mixed line endings', () => {
    fc.assert(
      fc.property(markdownText, (text) => {
        checkModel(text, parseDocument(text));
      }),
      RUNS,
    );
  });
});
