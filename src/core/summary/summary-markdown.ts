// One reviewer's scored summary as paste-ready GitHub-flavoured markdown (a TOC issue comment,
// a due-diligence PR section). Pure. Everything that came from the document, the score file or
// a criteria file goes through markdown-escape, so it renders as text and never as markup.
import type { CriteriaSet } from '../criteria/criteria.js';
import type { ExtractResult } from '../evidence/extract-types.js';
import { blockquote, codeSpan, escapeInline, escapeParagraphs, link, tableCell } from './markdown-escape.js';
import type { ScoreFile } from '../scores/score-file.js';
import { diffMarkdown } from '../compare/diff-markdown.js';
import type { DocumentDiff } from '../compare/diff-types.js';
import { buildSummary, type Summary, type SummaryCitation, type SummaryItem, type SummaryOptions } from './summary.js';

/** Characters of the sha256 shown (like git's short hashes, long enough to be unambiguous). */
export const SHORT_SHA = 12;

export function shortSha(sha: string): string {
  return sha.slice(0, SHORT_SHA);
}

/** "2 (Met)", "N/A", or "unscored". */
export function scoreText(score: number | 'na' | null, label: string): string {
  if (score === 'na') return label;
  return score === null ? 'unscored' : `${score} (${label})`;
}

export function metText(meets: boolean | null, score: number | 'na' | null = null): string {
  if (score === 'na') return '— N/A';
  if (meets === null) return '— unscored';
  return meets ? '✅ met' : '❌ not met';
}

/** "3 of 4 met" (", 1 N/A" when some are): the count line of a whole set or one group. */
function metCount(counts: Summary['counts']): string {
  return `${counts.met} of ${counts.total} met${counts.na > 0 ? `, ${counts.na} N/A` : ''}`;
}

/** One bullet per listed item: its title (group) and the reviewer's notes as the reason. */
export function refList(refs: readonly Pick<Summary['blockers'][number], 'title' | 'group' | 'notes'>[], empty: string): string {
  if (refs.length === 0) return empty;
  return refs
    .map((r) => {
      const group = r.group ? ` (${escapeInline(r.group)})` : '';
      const notes = r.notes.trim() === '' ? '' : `: ${escapeInline(r.notes.trim().replace(/\s*\n\s*/g, ' '))}`;
      return `- **${escapeInline(r.title)}**${group}${notes}`;
    })
    .join('\n');
}

/**
 * The sections a template-style set (groups, or Suggested items) adds: met items per group,
 * Required items not met as blockers, Suggested ones as recommendations, and N/A items with
 * their reasons. A plain all-Required set without groups gets only the N/A list, when it has one.
 */
function outcomeSections(summary: Summary): string[] {
  const templateStyle = summary.items.some((item) => item.group !== null || !item.required);
  const blocks: string[] = [];
  if (templateStyle) {
    if (summary.groups.some((g) => g.title !== null)) {
      blocks.push('**Met per group:**', summary.groups.map((g) => `- ${escapeInline(g.title ?? 'Other')}: ${metCount(g)}`).join('\n'));
    }
    blocks.push('**Blockers** (Required items not met):', refList(summary.blockers, '_None._'));
    blocks.push('**Recommendations** (Suggested items not met, non-blocking):', refList(summary.recommendations, '_None._'));
  }
  if (summary.notApplicable.length > 0) blocks.push('**Not applicable:**', refList(summary.notApplicable, ''));
  return blocks;
}

function dateOf(timestamp: string): string {
  return timestamp.slice(0, 10);
}

export function lineRefText(startLine: number, endLine: number): string {
  return startLine === endLine ? `Line ${startLine}` : `Lines ${startLine}–${endLine}`;
}

/** "Lines 40–52", linked to the exact lines when the origin is known; a bad range says why. */
export function lineRef(citation: Pick<SummaryCitation, 'startLine' | 'endLine' | 'url' | 'problem'>): string {
  const text = link(lineRefText(citation.startLine, citation.endLine), citation.url);
  return citation.problem ? `${text} (⚠️ ${escapeInline(citation.problem)})` : text;
}

/** The "Document:" line shared by single and panel exports. */
export function documentLine(document: Summary['document']): string {
  const source = document.origin ? ` (${link('source', document.origin)})` : '';
  return `- **Document:** ${codeSpan(document.path)}${source}, sha256 ${codeSpan(shortSha(document.sha256))}`;
}

export function criteriaLine(criteria: Summary['criteria']): string {
  return `- **Criteria:** ${escapeInline(criteria.title)} (${codeSpan(criteria.id)}, version ${criteria.version})`;
}

export function scaleLine(criteria: Summary['criteria']): string {
  const values = criteria.scale.map((s) => `${s.value} ${escapeInline(s.label)}`);
  const met = criteria.scale.filter((s) => s.meets).map((s) => s.value);
  return `**Scale:** ${values.join(', ')}${met.length > 0 ? ` (counted as met: ${met.join(', ')})` : ''}.`;
}

/** Paragraphs explaining a document or criteria set that is not the one scored; [] when all is current. */
export function statusNotes(summary: Pick<Summary, 'document' | 'criteria'>): string[] {
  const notes: string[] = [];
  const { document } = summary;
  if (document.status === 'changed') {
    notes.push(
      `**Note:** the document has changed since it was scored (now sha256 ${codeSpan(shortSha(document.currentSha256 ?? ''))}). ` +
        'Quotes and line references are from the version scored; the gaps below are from the current version.',
    );
  } else if (document.status === 'unavailable') {
    notes.push(`**Note:** the document could not be read (${escapeInline(document.problem ?? 'unknown reason')}), so the gaps list was not computed.`);
  }
  if (document.linksOmitted) notes.push(`**Note:** cited lines are not linked: ${escapeInline(document.linksOmitted)}.`);
  if (!summary.criteria.sameAsScored) {
    notes.push(`**Note:** the criteria set ${codeSpan(summary.criteria.id)} has changed since the document was scored.`);
  }
  return notes;
}

/** "no cadence stated" -> "No cadence stated." (a question keeps its "?"). */
function sentence(text: string): string {
  const capitalised = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.?!]$/.test(capitalised) ? capitalised : `${capitalised}.`;
}

/** The "Gaps and questions for the project" section body, shared with the panel export. */
export function gapsSection(items: Pick<SummaryItem, 'title' | 'gaps'>[], computed: boolean): string[] {
  if (!computed) return ['_Not computed: the document could not be read._'];
  // One bullet per criterion; extraction phrases gaps as fragments, so join them as a sentence.
  const lines = items
    .filter((item) => item.gaps.length > 0)
    .map((item) => `- **${escapeInline(item.title)}:** ${escapeInline(sentence(item.gaps.map((gap) => gap.trim().replace(/[.;]+$/, '')).join('; ')))}`);
  return lines.length > 0 ? [lines.join('\n')] : ['_None: the document has evidence for every criterion._'];
}

function citationBlock(citation: SummaryCitation): string {
  return `${lineRef(citation)}:\n\n${blockquote(citation.quote)}`;
}

/** "3 (Exceeded)", with ", suggested 2 (Met)" when the reviewer chose differently from the suggestion. */
export function scoreWithSuggestion(item: Pick<SummaryItem, 'score' | 'scoreLabel' | 'suggested' | 'suggestedLabel'>): string {
  const final = scoreText(item.score, item.scoreLabel);
  if (item.suggested === null || item.suggested === item.score) return final;
  return `${final}, suggested ${scoreText(item.suggested, item.suggestedLabel ?? String(item.suggested))}`;
}

/**
 * "**toc-review's suggestion:** Met: 6 named adopters (lines 40, 88) …", beside the reviewer's
 * score; the lines it rests on are linked when the document's origin gives links.
 */
function suggestionLine(item: SummaryItem): string | null {
  if (!item.suggestion) return null;
  const linked = item.suggestion.lines.filter((line) => line.url !== null);
  const links = linked.length > 0 ? ` (${linked.map((line) => lineRef(line)).join(', ')})` : '';
  return `**toc-review's suggestion:** ${escapeInline(item.suggestion.rationale)}${links}`;
}

function itemSection(item: SummaryItem): string[] {
  const blocks: string[] = [`#### ${escapeInline(item.title)}: ${escapeInline(scoreWithSuggestion(item))}`];
  blocks.push(`_${escapeInline(item.question)}_`);
  const suggestion = suggestionLine(item);
  if (suggestion) blocks.push(suggestion);
  const notes = escapeParagraphs(item.notes);
  if (notes === '' && item.cited.length === 0) {
    blocks.push('_No notes or cited evidence._');
    return blocks;
  }
  blocks.push('**Notes:**', notes === '' ? '_No notes._' : notes);
  if (item.cited.length === 0) blocks.push('**Cited evidence:** _none._');
  else {
    // One push per citation: a shared score file may cite 100,000s of passages.
    blocks.push('**Cited evidence:**');
    for (const citation of item.cited) blocks.push(citationBlock(citation));
  }
  return blocks;
}

export interface SummaryMarkdownOptions {
  /** The reviewed document compared with an earlier one (export --since): its own section. */
  since?: DocumentDiff;
}

/** Markdown of a summary built by buildSummary. */
export function summaryToMarkdown(summary: Summary, options: SummaryMarkdownOptions = {}): string {
  const blocks: string[] = [];
  blocks.push(`## ${escapeInline(summary.criteria.title)} review: ${escapeInline(summary.document.title || summary.document.path)}`);
  const verdict = summary.recommendation.label ? `**${escapeInline(summary.recommendation.label)}**` : '_none yet_';
  blocks.push(
    [
      documentLine(summary.document),
      `- **Reviewer:** ${escapeInline(summary.reviewer.name)} (${codeSpan(summary.reviewer.handle)})`,
      criteriaLine(summary.criteria),
      `- **Date:** exported ${escapeInline(summary.exportedOn)}, scores last changed ${escapeInline(dateOf(summary.scoredAt))}`,
      `- **Recommendation:** ${verdict}`,
    ].join('\n'),
  );
  blocks.push(...statusNotes(summary));

  blocks.push('### Summary');
  const grouped = summary.items.some((item) => item.group !== null);
  const rows = summary.items.map(
    (item) =>
      `| ${grouped ? `${tableCell(item.group ?? '')} | ` : ''}${tableCell(item.title)} | ${tableCell(scoreText(item.score, item.scoreLabel))} | ${metText(item.meets, item.score)} |`,
  );
  const header = grouped ? ['| Group | Criterion | Score | Met |', '| --- | --- | --- | --- |'] : ['| Criterion | Score | Met |', '| --- | --- | --- |'];
  blocks.push([...header, ...rows].join('\n'));
  const { total, scored, met, na } = summary.counts;
  blocks.push(`${scored} of ${total} criteria scored, ${met} met${na > 0 ? ` (${na} N/A, not counted)` : ''}.`);
  blocks.push(...outcomeSections(summary));
  blocks.push(scaleLine(summary.criteria));

  blocks.push('### Criteria');
  for (const item of summary.items) blocks.push(...itemSection(item));

  // Read against the previous review before the questions: what changed may answer some.
  if (options.since) blocks.push(diffMarkdown(options.since, { level: 3 }).trimEnd());

  blocks.push('### Gaps and questions for the project');
  blocks.push(...gapsSection(summary.items, summary.gapsComputed));

  blocks.push('### Recommendation');
  blocks.push(summary.recommendation.label ? `**${escapeInline(summary.recommendation.label)}**` : '_No recommendation yet._');
  const notes = escapeParagraphs(summary.recommendation.notes);
  if (notes !== '') blocks.push(notes);
  return `${blocks.join('\n\n')}\n`;
}

/**
 * The export the UI and the CLI share: score file + criteria set + a fresh extraction of the
 * document (null when it could not be read) -> markdown.
 */
export function renderSummaryMarkdown(file: ScoreFile, criteria: CriteriaSet, extract: ExtractResult | null, options: SummaryOptions): string {
  return summaryToMarkdown(buildSummary(file, criteria, extract, options));
}
