// A panel of reviewers' scored summaries as paste-ready GitHub-flavoured markdown: one column per
// reviewer plus the aggregate and disagreement flags, then each reviewer's notes per criterion.
// Pure; untrusted text goes through markdown-escape like the single-reviewer export.
import type { CriteriaSet } from '../criteria/criteria.js';
import type { ExtractResult } from '../evidence/extract-types.js';
import { codeSpan, escapeInline, escapeParagraphs, tableCell } from './markdown-escape.js';
import { buildPanelSummary, type PanelCriterion, type PanelSummary } from './panel-summary.js';
import type { ScoreFile } from '../scores/score-file.js';
import { criteriaLine, documentLine, gapsSection, lineRef, scaleLine, scoreText, shortSha, statusNotes } from './summary-markdown.js';
import type { SummaryOptions } from './summary.js';
import { diffMarkdown } from '../compare/diff-markdown.js';
import type { SummaryMarkdownOptions } from './summary-markdown.js';

/** Reviewer names are shown in table headers; long ones are cut so the table stays readable. */
const MAX_REVIEWER_HEADER = 40;

/** 2 -> "2", 2.3333 -> "2.3"; null -> "—". */
export function formatNumber(value: number | null): string {
  if (value === null) return '—';
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

function rangeText(item: PanelCriterion): string {
  if (item.min === null || item.max === null) return '—';
  return item.min === item.max ? String(item.min) : `${item.min}–${item.max}`;
}

function agreementText(item: PanelCriterion): string {
  if (item.disagreement) return '⚠️ disagree';
  return item.scored >= 2 ? 'agree' : '—';
}

function scoreTable(summary: PanelSummary): string {
  const names = summary.reviewers.map((r) => tableCell(r.name, MAX_REVIEWER_HEADER));
  const header = `| Criterion | ${names.join(' | ')} | Mean | Median | Range | Agreement |`;
  const align = `| --- | ${names.map(() => '---').join(' | ')} | ---: | ---: | --- | --- |`;
  const rows = summary.items.map((item) => {
    const cells = item.reviewers.map((r) => tableCell(scoreText(r.score, r.scoreLabel)));
    return `| ${tableCell(item.title)} | ${cells.join(' | ')} | ${formatNumber(item.mean)} | ${formatNumber(item.median)} | ${rangeText(item)} | ${agreementText(item)} |`;
  });
  return [header, align, ...rows].join('\n');
}

function reviewerLabel(summary: PanelSummary, handle: string): string {
  const reviewer = summary.reviewers.find((r) => r.handle === handle);
  return `**${escapeInline(reviewer?.name ?? handle)}** (${codeSpan(handle)})`;
}

function criterionSection(summary: PanelSummary, item: PanelCriterion): string[] {
  const blocks = [`#### ${escapeInline(item.title)}`, `_${escapeInline(item.question)}_`];
  const aggregate = `**Panel:** mean ${formatNumber(item.mean)}, median ${formatNumber(item.median)}, range ${rangeText(item)}, ${item.scored} of ${item.reviewers.length} scored${item.na > 0 ? `, ${item.na} N/A` : ''}`;
  blocks.push(item.disagreement ? `${aggregate}. ⚠️ **Reviewers disagree** (${escapeInline(item.reasons.join(', '))}).` : `${aggregate}.`);
  for (const entry of item.reviewers) {
    blocks.push(`${reviewerLabel(summary, entry.handle)}: ${escapeInline(scoreText(entry.score, entry.scoreLabel))}`);
    const notes = escapeParagraphs(entry.notes);
    blocks.push(notes === '' ? '_No notes._' : notes);
    if (entry.cited.length > 0) blocks.push(`Cited: ${entry.cited.map(lineRef).join(', ')}.`);
  }
  return blocks;
}

/** Markdown of a panel summary built by buildPanelSummary. */
export function panelSummaryToMarkdown(summary: PanelSummary, options: SummaryMarkdownOptions = {}): string {
  const blocks: string[] = [];
  blocks.push(`## ${escapeInline(summary.criteria.title)} panel review: ${escapeInline(summary.document.title || summary.document.path)}`);
  const reviewers = summary.reviewers.map((r) => `${escapeInline(r.name)} (${codeSpan(r.handle)})`).join(', ');
  blocks.push(
    [
      documentLine(summary.document),
      `- **Reviewers:** ${reviewers}`,
      criteriaLine(summary.criteria),
      `- **Date:** exported ${escapeInline(summary.exportedOn)}`,
    ].join('\n'),
  );
  if (summary.document.shas.length > 1) {
    blocks.push(
      `**Note:** the reviewers scored different versions of the document (sha256 ${summary.document.shas.map((sha) => codeSpan(shortSha(sha))).join(', ')}); line references may not match.`,
    );
  }
  blocks.push(...statusNotes(summary));

  blocks.push('### Scores');
  blocks.push(scoreTable(summary));
  const flagged = summary.disagreements;
  blocks.push(`${flagged} of ${summary.items.length} criteria flagged for disagreement (a spread of 2 or more points, or met by some reviewers and not by others).`);
  blocks.push(scaleLine(summary.criteria));

  blocks.push('### Recommendations');
  blocks.push(
    summary.reviewers
      .map((r) => `- ${reviewerLabel(summary, r.handle)}: ${r.verdictLabel ? `**${escapeInline(r.verdictLabel)}**` : '_none yet_'}`)
      .join('\n'),
  );
  for (const reviewer of summary.reviewers) {
    const notes = escapeParagraphs(reviewer.recommendationNotes);
    if (notes !== '') blocks.push(`${reviewerLabel(summary, reviewer.handle)}:`, notes);
  }

  blocks.push('### Notes by criterion');
  for (const item of summary.items) blocks.push(...criterionSection(summary, item));

  // As in one reviewer's export: what changed since the last review, before the questions.
  if (options.since) blocks.push(diffMarkdown(options.since, { level: 3 }).trimEnd());

  blocks.push('### Gaps and questions for the project');
  blocks.push(...gapsSection(summary.items, summary.gapsComputed));
  return `${blocks.join('\n\n')}\n`;
}

/** Score files of one document (same criteria set) + a fresh extraction (or null) -> panel markdown. */
export function renderPanelMarkdown(files: readonly ScoreFile[], criteria: CriteriaSet, extract: ExtractResult | null, options: SummaryOptions): string {
  return panelSummaryToMarkdown(buildPanelSummary(files, criteria, extract, options));
}
