// Small read-only queries over the document model shared by the fact extractors and the evidence
// finder. Walks are iterative so a pathological tree cannot overflow the stack.
import type { Block, DocumentModel, ListItem, Section } from './document-types.js';

/** Sections in document order, each with the headings above it (outermost first). */
export interface SectionPath {
  section: Section;
  ancestors: Section[];
}

export function sectionPaths(doc: DocumentModel): SectionPath[] {
  const out: SectionPath[] = [];
  const stack: SectionPath[] = [...doc.root.children].reverse().map((section) => ({ section, ancestors: [] }));
  while (stack.length > 0) {
    const entry = stack.pop()!;
    out.push(entry);
    const ancestors = [...entry.ancestors, entry.section];
    for (let k = entry.section.children.length - 1; k >= 0; k--) stack.push({ section: entry.section.children[k]!, ancestors });
  }
  return out;
}

/** Items of a list, depth first in document order, with their depth (0 = top level). */
export function walkItems(items: ListItem[]): Array<{ item: ListItem; depth: number; parent: ListItem | null }> {
  const out: Array<{ item: ListItem; depth: number; parent: ListItem | null }> = [];
  const stack = [...items].reverse().map((item) => ({ item, depth: 0, parent: null as ListItem | null }));
  while (stack.length > 0) {
    const entry = stack.pop()!;
    out.push(entry);
    for (let k = entry.item.children.length - 1; k >= 0; k--) stack.push({ item: entry.item.children[k]!, depth: entry.depth + 1, parent: entry.item });
  }
  return out;
}

/** Plain text of a block (list items and table cells included), for keyword searches. */
export function blockText(block: Block): string {
  switch (block.kind) {
    case 'paragraph':
      return block.text;
    case 'list':
      return walkItems(block.items)
        .map((e) => e.item.text)
        .join('\n');
    case 'table':
      return [block.header.join(' | '), ...block.rows.map((r) => r.cells.join(' | '))].join('\n');
    default:
      return '';
  }
}

/** A compact "lines 12-18" / "line 12" label. */
export function linesLabel(start: number, end: number = start): string {
  return start === end ? `line ${start}` : `lines ${start}-${end}`;
}

/** A set of line numbers as runs of consecutive lines, in order: [3, 1, 2, 7] -> 1-3, 7. */
export function lineRuns(lines: number[]): Array<{ startLine: number; endLine: number }> {
  const runs: Array<{ startLine: number; endLine: number }> = [];
  for (const line of [...new Set(lines)].sort((a, b) => a - b)) {
    const last = runs[runs.length - 1];
    if (last && line === last.endLine + 1) last.endLine = line;
    else runs.push({ startLine: line, endLine: line });
  }
  return runs;
}

/** Labels for a set of line numbers, merging consecutive ones: "lines 50-59, 88". */
export function lineSetLabel(lines: number[]): string {
  const runs = lineRuns(lines);
  if (runs.length === 0) return '';
  const parts = runs.map((run) => (run.startLine === run.endLine ? String(run.startLine) : `${run.startLine}-${run.endLine}`));
  const single = runs.length === 1 && runs[0]!.startLine === runs[0]!.endLine;
  return `${single ? 'line' : 'lines'} ${parts.join(', ')}`;
}
