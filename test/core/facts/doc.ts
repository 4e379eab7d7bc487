// A bare document model for fact-extraction tests: lines and content range only. The fact
// extractors read lines themselves, so tests do not depend on the markdown parser.
import type { DocumentModel } from '../../../src/core/document/document-types.js';
import { splitLines } from '../../../src/core/document/lines.js';

export function docOf(text: string, content?: { startLine: number; endLine: number }): DocumentModel {
  const lines = splitLines(text);
  const root = { heading: '', level: 0, line: 1, endLine: lines.length, blocks: [], children: [] };
  return {
    lines,
    lineCount: lines.length,
    title: '',
    root,
    sections: [],
    content: content ?? { startLine: 1, endLine: lines.length },
  };
}
