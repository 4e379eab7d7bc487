// `toc-review diff --format md`, and the "Since the last review" section of an export: the
// report's sections as markdown to paste into a review. Document and score-file text is escaped
// so it renders as written (core/summary/markdown-escape.ts).
import { escapeInline } from '../summary/markdown-escape.js';
import { diffReport, type ReportSection } from './diff-report.js';
import type { DocumentDiff } from './diff-types.js';
import type { ScoreDiff } from './score-diff.js';
import { scoreDiffHead, scoreDiffReport } from './score-diff-report.js';

export interface DiffMarkdownOptions {
  /** Heading level of the title (its parts are one level below). */
  level?: number;
  title?: string;
}

const esc = (text: string) => escapeInline(text);

function layout(title: string, level: number, intro: string[], sections: ReportSection[]): string {
  const hashes = '#'.repeat(Math.min(Math.max(level, 1), 5));
  const out = [`${hashes} ${title}`, '', ...intro];
  for (const section of sections) {
    out.push('', `${hashes}# ${section.title}`, '');
    if (section.lines.length === 0) out.push('No changes found.');
    // Sub-lines (a rationale, a mention, notes) nest under the entry before them.
    for (const line of section.lines) out.push(line.startsWith('  ') ? `  - ${line.trim()}` : `- ${line}`);
  }
  return `${out.join('\n')}\n`;
}

export function diffMarkdown(diff: DocumentDiff, options: DiffMarkdownOptions = {}): string {
  const intro = `Compared with ${esc(diff.old.title || diff.old.path)} (${esc(diff.old.path)}, ${diff.old.lineCount} lines); each entry cites its lines in the old and the new document.`;
  return layout(options.title ?? 'Since the last review', options.level ?? 2, [intro], diffReport(diff, esc));
}

export function scoreDiffMarkdown(diff: ScoreDiff, options: DiffMarkdownOptions = {}): string {
  const intro = scoreDiffHead(diff, esc).map((line) => `${line}  `);
  return layout(options.title ?? (diff.mode === 'reviewers' ? 'Where the reviewers differ' : 'Score changes'), options.level ?? 2, intro, scoreDiffReport(diff, esc));
}
