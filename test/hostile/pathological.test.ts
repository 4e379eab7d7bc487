// Pathological markdown is handled in bounded time. No timed assertions here (speed is the
// bench script's job): the inputs are big enough that quadratic behaviour would blow the test
// timeout, and each test checks the result is right, not merely that it returned.
import { describe, expect, it } from 'vitest';
import { parseCriteriaSet } from '../../src/core/criteria/criteria.js';
import { parseDocument } from '../../src/core/document/document.js';
import { extractEvidence } from '../../src/core/evidence/extract.js';
import type { Block, List, ListItem, Table } from '../../src/core/document/document-types.js';
import { sanitizeText } from '../../src/core/sanitize.js';
import { PAYLOADS } from '../../scripts/make-hostile-fixtures.mjs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONTROL, REPO } from './helpers.js';

const allBlocks = (doc: ReturnType<typeof parseDocument>): Block[] => [doc.root, ...doc.sections].flatMap((s) => s.blocks);
const listDepth = (items: ListItem[]): number => {
  // Iterative: the point is that deep input must not need deep recursion.
  let depth = 0;
  let level = items;
  while (level.length > 0) {
    depth++;
    level = level.flatMap((item) => item.children);
  }
  return depth;
};

export const PATHOLOGICAL = {
  bigTable: () => `# Maintainers\n\n| Name | Org |\n|---|---|\n${Array.from({ length: 100_000 }, (_, i) => `| Person ${i} | Org ${i % 7} |`).join('\n')}\n`,
  dashNesting: () => `# Deep\n\n${'- '.repeat(10_000)}x\n`,
  indentNesting: () => `# Deep\n\n${Array.from({ length: 2_000 }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n')}\n`,
  quoteNesting: () => `# Quotes\n\n${'>'.repeat(10_000)} deep\n`,
  bracketNesting: () => `# Brackets\n\n${'['.repeat(10_000)}x${']('.repeat(10_000)}\n${'*_'.repeat(10_000)}\n${'<div>'.repeat(10_000)}\n`,
  longLine: () => `# Long\n\n${'word '.repeat(1_000_000)}\n`,
  longSpecialLine: () => `${'*_[`(|<\\'.repeat(625_000)}\n`,
  longPipeRow: () => `| a | b |\n|---|---|\n${'| x '.repeat(1_250_000)}|\n`,
  manyHeadings: () => Array.from({ length: 50_000 }, (_, i) => `${'#'.repeat((i % 6) + 1)} Heading ${i}\n\ntext ${i}\n`).join('\n'),
  escapeStorm: () => `${PAYLOADS.osc52}${`${'\x1b]'}${'a'.repeat(50)}`.repeat(100_000)}\n`,
};

describe('parseDocument on pathological markdown', () => {
  it('a 100,000-row table: every row kept, as wide as the header', () => {
    const doc = parseDocument(PATHOLOGICAL.bigTable());
    expect(doc.lineCount).toBe(100_004);
    const table = allBlocks(doc).find((b): b is Table => b.kind === 'table')!;
    expect(table.header).toEqual(['Name', 'Org']);
    expect(table.rows).toHaveLength(100_000);
    expect(table.rows.at(-1)).toEqual({ line: 100_004, cells: ['Person 99999', 'Org 4'] });
  });

  it('10,000 nested "- " markers on one line and 2,000 indented levels', () => {
    const dashes = parseDocument(PATHOLOGICAL.dashNesting());
    expect(dashes.lineCount).toBe(3);
    expect(dashes.sections.map((s) => s.heading)).toEqual(['Deep']);
    const indented = parseDocument(PATHOLOGICAL.indentNesting());
    expect(indented.lineCount).toBe(2_002);
    const list = allBlocks(indented).find((b): b is List => b.kind === 'list')!;
    expect(list.line).toBe(3);
    expect(list.endLine).toBe(2_002);
    const depth = listDepth(list.items);
    expect(depth).toBeGreaterThan(1);
    expect(depth).toBeLessThanOrEqual(2_000);
  });

  it('10,000-deep block quotes, brackets, emphasis and HTML', () => {
    expect(parseDocument(PATHOLOGICAL.quoteNesting()).lineCount).toBe(3);
    const doc = parseDocument(PATHOLOGICAL.bracketNesting());
    expect(doc.lineCount).toBe(5);
    expect(doc.title).toBe('Brackets');
  });

  it('a 5 MB single line, plain and full of markdown specials', () => {
    const plain = parseDocument(PATHOLOGICAL.longLine());
    expect(plain.lineCount).toBe(3);
    expect(plain.lines[2]!.length).toBe(5_000_000);
    const special = parseDocument(PATHOLOGICAL.longSpecialLine());
    expect(special.lineCount).toBe(1);
    expect(special.lines[0]!.length).toBe(5_000_000);
    expect(special.title.length).toBeLessThanOrEqual(200);
  });

  it('a 5 MB table row with 1.25 million cells is cut to the header width', () => {
    const doc = parseDocument(PATHOLOGICAL.longPipeRow());
    const table = allBlocks(doc).find((b): b is Table => b.kind === 'table')!;
    expect(table.rows).toHaveLength(1);
    expect(table.rows[0]!.cells).toHaveLength(2);
  });

  it('50,000 headings become 50,000 sections', () => {
    const doc = parseDocument(PATHOLOGICAL.manyHeadings());
    expect(doc.sections).toHaveLength(50_000);
    expect(doc.sections.at(-1)!.heading).toBe('Heading 49999');
  });
});

describe('sanitizeText on pathological input', () => {
  it('a 5 MB run of unterminated OSC introducers is removed in one pass', () => {
    const out = sanitizeText(PATHOLOGICAL.escapeStorm());
    expect(out).not.toMatch(CONTROL);
    // An OSC cut short by the next ESC loses only its introducer; the last one, never
    // terminated, runs to the end of the text (as it would in a terminal).
    expect(out).toBe('a'.repeat(50 * 99_999));
  });

  it('a 5 MB line of lone controls becomes visible escapes', () => {
    const out = sanitizeText('\x07\u202e'.repeat(1_000_000));
    expect(out).toHaveLength(1_000_000 * (4 + 6));
    expect(out).not.toMatch(CONTROL);
  });
});

describe('extractEvidence on pathological markdown', () => {
  // Smaller inputs than above: extraction does much more per line. Still big enough that
  // quadratic behaviour would take minutes and fail on the test timeout.
  const criteria = parseCriteriaSet(readFileSync(join(REPO, 'criteria', 'cncf-incubation.yaml'), 'utf8'), 'cncf-incubation.yaml');
  const extract = (text: string) => {
    const doc = parseDocument(text);
    const result = extractEvidence(doc, criteria, { path: 'p.md', sha256: 'd'.repeat(64) });
    expect(result.criteria.map((c) => c.id)).toEqual(criteria.items.map((i) => i.id));
    expect(result.document.lineCount).toBe(doc.lineCount);
    return result;
  };

  it('a 20,000-row maintainer table: every maintainer found', () => {
    const text = `# Maintainers\n\n| Name | GitHub | Organisation |\n|---|---|---|\n${Array.from({ length: 20_000 }, (_, i) => `| Person ${i} | @p${i} | Org ${i % 7} |`).join('\n')}\n`;
    const result = extract(text);
    expect(result.facts.maintainers.length).toBe(20_000);
  });

  it('a 0.5 MB line of prose with figures, and 1 MB of markdown specials', () => {
    const prose = extract(`# Activity\n\n${'We merged 28 PRs per month. '.repeat(20_000)}\n`);
    expect(prose.facts.metrics.length).toBeGreaterThan(0);
    extract(`${'*_[`(|<\\'.repeat(125_000)}\n`);
  });

  it('10,000-deep nesting and 10,000 headings', () => {
    extract(PATHOLOGICAL.dashNesting());
    extract(PATHOLOGICAL.quoteNesting());
    extract(PATHOLOGICAL.bracketNesting());
    const headings = extract(Array.from({ length: 10_000 }, (_, i) => `## Adopters ${i}\n\n- Org ${i}\n`).join('\n'));
    expect(headings.criteria[0]!.evidence.length).toBeGreaterThan(0);
  });

  it('a 4 MB table row of a million cells', () => {
    // Each cell is its own segment of the line: searching the rest of the row for every cell
    // (as reading units once did) takes minutes here, not seconds.
    const result = extract(`| a | b |\n|---|---|\n${'| x '.repeat(1_000_000)}|\n`);
    expect(result.document.lineCount).toBe(3);
  });

  it('a 40,000-line paragraph and a 40,000-line HTML block with no full stop', () => {
    // One "sentence" of 2 MB: per-number work proportional to the sentence took minutes.
    const paragraph = extract(`# Activity\n\n${Array.from({ length: 40_000 }, (_, i) => `line ${i} has 28 commits per month and v1.${i}.0`).join('\n')}\n`);
    expect(paragraph.facts.metrics.length).toBeGreaterThan(1000);
    extract(`<div>\n${'text with 12 commits so far\n'.repeat(40_000)}</div>\n`);
  });

  it('0.4 MB of escape sequences in a list', () => {
    extract(`# Adopters${PAYLOADS.osc52}\n\n${`- Org${PAYLOADS.osc8Open}x${PAYLOADS.osc8Close}\n`.repeat(8_000)}`);
  });
});
