// `toc-review diff --format md`, and the "Since the last review" section of an export: the
// report's sections as markdown to paste into a review. Document and score-file text is escaped
// so it renders as written (core/summary/markdown-escape.ts).
import { lineSetLabel } from '../document/doc-query.js';
import { isPinnedOrigin } from '../scores/origin.js';
import { escapeInline, lineRangeUrl } from '../summary/markdown-escape.js';
import { cite, diffReport, type Cite, type ReportSection } from './diff-report.js';
import type { DocumentDiff, Lines } from './diff-types.js';
import type { ScoreDiff } from './score-diff.js';
import { scoreDiffHead, scoreDiffReport } from './score-diff-report.js';

export interface DiffMarkdownOptions {
  /** Heading level of the title (its parts are one level below). */
  level?: number;
  title?: string;
  /**
   * Where each document lives on the web, to link cited lines: only an origin pinned to a commit
   * (a GitHub blob read at its commit, a file committed unchanged), so a link shows the text compared.
   */
  origins?: { old: string | null; new: string | null };
}

/** ` ([old line 13](…#L13), new lines 19-20)`: each side linked to its span when its origin is pinned. */
function linkedCite(origins: { old: string | null; new: string | null }): Cite {
  const pinned = { old: isPinnedOrigin(origins.old) ? origins.old : null, new: isPinnedOrigin(origins.new) ? origins.new : null };
  if (!pinned.old && !pinned.new) return cite;
  return (lines: Lines) => {
    const parts: string[] = [];
    for (const side of ['old', 'new'] as const) {
      const set = lines[side];
      if (set.length === 0) continue;
      const label = `${side} ${lineSetLabel(set)}`;
      const url = pinned[side] ? lineRangeUrl(pinned[side], Math.min(...set), Math.max(...set)) : null;
      parts.push(url ? `[${label}](${url})` : label);
    }
    return ` (${parts.join(', ')})`;
  };
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
  const c = options.origins ? linkedCite(options.origins) : cite;
  return layout(options.title ?? 'Since the last review', options.level ?? 2, [intro], diffReport(diff, esc, c));
}

export function scoreDiffMarkdown(diff: ScoreDiff, options: DiffMarkdownOptions = {}): string {
  const intro = scoreDiffHead(diff, esc).map((line) => `${line}  `);
  return layout(options.title ?? (diff.mode === 'reviewers' ? 'Where the reviewers differ' : 'Score changes'), options.level ?? 2, intro, scoreDiffReport(diff, esc));
}
