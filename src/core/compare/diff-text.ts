// `toc-review diff` for the terminal: the report's sections as indented plain text. Every piece
// of document or score-file text is sanitised on its way out.
import { sanitizeOneLine } from '../sanitize.js';
import { diffReport, type ReportSection } from './diff-report.js';
import type { DocumentDiff } from './diff-types.js';
import type { ScoreDiff } from './score-diff.js';
import { scoreDiffHead, scoreDiffReport } from './score-diff-report.js';

function layout(head: string[], sections: ReportSection[]): string {
  const out = [...head];
  for (const section of sections) {
    out.push('', section.title);
    if (section.lines.length === 0) out.push('  no changes found');
    for (const line of section.lines) out.push(`  ${line}`);
  }
  return `${out.join('\n')}\n`;
}

export function diffText(diff: DocumentDiff): string {
  const side = (label: string, d: DocumentDiff['old']) => `${label} ${sanitizeOneLine(d.title || '(untitled document)')}  (${sanitizeOneLine(d.path)}, ${d.lineCount} lines)`;
  return layout([side('old:', diff.old), side('new:', diff.new)], diffReport(diff, sanitizeOneLine));
}

export function scoreDiffText(diff: ScoreDiff): string {
  return layout(scoreDiffHead(diff, sanitizeOneLine), scoreDiffReport(diff, sanitizeOneLine));
}
