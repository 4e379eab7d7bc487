// `export --format dd`: one reviewer's scores as a filled due-diligence document in the shape of
// the TOC's DD template (title, application link, the three summary sections, then every group
// and item in set order, ticked when met). Pure: a Summary (summary.ts) and the set in, markdown
// out. Everything from the document, the score file or the set is escaped (markdown-escape.ts).
// The result is valid input again: templateMatches reads back the same ticks, and dd-read.ts the
// same scores, so the item lines follow a fixed shape (see EVALUATION_LABEL).
import type { CriteriaItem, CriteriaSet } from '../criteria/criteria.js';
import { codeSpan, escapeInline, escapeParagraphs, link } from '../summary/markdown-escape.js';
import { lineRef, refList } from '../summary/summary-markdown.js';
import type { Summary, SummaryItem } from '../summary/summary.js';

/** The bold label that opens the reviewer's evaluation under an item; dd-read.ts looks for it. */
export const EVALUATION_LABEL = 'TOC evaluation';
/** Where the template leaves the evaluation; kept for items nobody has evaluated yet. */
export const EVALUATION_PLACEHOLDER = '<!-- (TOC Evaluation goes here) -->';
/** A comment naming the criteria set, so `score --from-dd` can pick it without --criteria. */
export const DD_MARKER = 'toc-review dd export';
export const NO_RECOMMENDATION = '_No recommendation recorded yet._';

export interface DdOptions {
  /** Project name in the title; default: from the document title, else its file name. */
  project?: string;
  /** Level applied for ("Incubation"); default: from the set, else the document title. */
  level?: string;
  /** Footnote each item with where it comes from in the TOC template (shipped sets: own words). */
  sourceReferences: boolean;
}

// Words of a self-report's title that are not the project's name.
const TITLE_NOISE =
  /\b(?:cncf|toc|project|proposal|application|applies|applying|apply|for|to|the|annual|review|due|diligence|dd|incubation|graduation|sandbox|level|moving|move|request|self-assessment|assessment)\b|\$[A-Z_]+|[:|–—-]/gi;

/** "Karmada Incubation Application" -> "Karmada"; null when nothing is left. */
export function projectFromTitle(title: string): string | null {
  const name = title.replace(TITLE_NOISE, ' ').replace(/\s+/g, ' ').trim();
  return name === '' ? null : name;
}

/** Incubation / Graduation / Sandbox from the set's id and title, then the document's title. */
export function levelOf(summary: Pick<Summary, 'criteria' | 'document'>): string | null {
  for (const text of [`${summary.criteria.id} ${summary.criteria.title}`, summary.document.title]) {
    if (/graduat/i.test(text)) return 'Graduation';
    if (/incubat/i.test(text)) return 'Incubation';
    if (/sandbox/i.test(text)) return 'Sandbox';
  }
  return null;
}

function projectName(summary: Summary, options: DdOptions): string {
  if (options.project) return options.project;
  const fromTitle = projectFromTitle(summary.document.title);
  if (fromTitle) return fromTitle;
  return summary.document.path.replace(/^.*\//, '').replace(/\.[a-z]+$/i, '');
}

/** "Met", "Not met", "N/A", "not yet scored": the word after the evaluation label. */
function statusOf(item: SummaryItem): string {
  if (item.score === 'na') return 'N/A';
  if (item.score === null) return 'not yet scored';
  return `${item.scoreLabel}, score ${item.score}`;
}

function firstSentence(notes: string): string {
  const flat = notes.trim().replace(/\s+/g, ' ');
  const end = flat.search(/[.!?](\s|$)/);
  return end > 0 && end < 200 ? flat.slice(0, end + 1) : flat.slice(0, 200);
}

function criteriaEvaluation(summary: Summary, project: string, level: string | null): string[] {
  const { counts } = summary;
  const unscored = summary.items.filter((item) => item.score === null);
  const blocks = [
    `${escapeInline(summary.reviewer.name)} (${codeSpan(summary.reviewer.handle)}) conducted the due diligence of ${escapeInline(project)}` +
      `${level ? `, which applied for ${escapeInline(level)}` : ''}, against ${escapeInline(summary.criteria.title)} ` +
      `(${codeSpan(summary.criteria.id)}, version ${escapeInline(String(summary.criteria.version))}): ` +
      `${counts.met} of ${counts.total} items met${counts.na > 0 ? `, ${counts.na} N/A` : ''}${unscored.length > 0 ? `, ${unscored.length} not yet scored` : ''}.`,
  ];
  if (summary.groups.some((g) => g.title !== null)) {
    blocks.push(summary.groups.map((g) => `- ${escapeInline(g.title ?? 'Other')}: ${g.met} of ${g.total} met`).join('\n'));
  }
  const notable = summary.items.filter((item) => item.meets === true && item.notes.trim() !== '');
  blocks.push('**Notable** (met, with an evaluation):', refList(notable.map((item) => ({ ...item, notes: firstSentence(item.notes) })), '_None._'));
  blocks.push('**Blockers** (Required items not met):', refList(summary.blockers, '_None._'));
  blocks.push('**Non-blocking recommendations** (Suggested items not met):', refList(summary.recommendations, '_None._'));
  if (summary.notApplicable.length > 0) blocks.push('**Not applicable** (with the reason):', refList(summary.notApplicable, ''));
  if (unscored.length > 0) blocks.push('**Not yet scored:**', refList(unscored.map((item) => ({ ...item, notes: '' })), ''));
  return blocks;
}

/** Items whose evidence is adopters (the set's hints say so): their evaluations. */
function adoptionEvaluation(summary: Summary, criteria: CriteriaSet): string[] {
  const adoption = new Set(criteria.items.filter((item) => item.hints.facts.includes('adopters')).map((item) => item.id));
  const items = summary.items.filter((item) => adoption.has(item.id));
  if (items.length === 0) return ['_No adoption item in this criteria set: the adopter interview summary is written by hand._'];
  return [items.map((item) => `- **${escapeInline(item.title)}:** ${escapeInline(statusOf(item))}${item.notes.trim() ? `. ${escapeInline(item.notes)}` : ''}`).join('\n')];
}

function finalAssessment(summary: Summary): string[] {
  const { label, notes } = summary.recommendation;
  const blocks = [label ? `**Recommendation:** ${escapeInline(label)}` : NO_RECOMMENDATION];
  const text = escapeParagraphs(notes);
  if (text !== '') blocks.push(text);
  return blocks;
}

function sourceFootnote(index: number, item: CriteriaItem | undefined): string | null {
  const source = item?.source;
  if (!source) return null;
  const version = source.version ? ` ${escapeInline(source.version)}` : '';
  return `[^${index}]: ${codeSpan(source.template)}${version}, ${escapeInline(source.section || 'no section')}, item ${source.position}.`;
}

function itemBlocks(item: SummaryItem, footnote: string): string[] {
  const blocks = [`- [${item.meets === true ? 'x' : ' '}] **${escapeInline(item.title)}**${footnote}`];
  const notes = escapeParagraphs(item.notes);
  if (item.score === null && notes === '') blocks.push(EVALUATION_PLACEHOLDER);
  else blocks.push(`**${EVALUATION_LABEL}** (${escapeInline(statusOf(item))}):${notes === '' ? '' : ` ${notes}`}`);
  if (item.cited.length > 0) blocks.push(`Cited: ${item.cited.map((citation) => lineRef(citation)).join(', ')}`);
  return blocks;
}

/** The filled DD for a summary built by buildSummary with the same criteria set. */
export function summaryToDd(summary: Summary, criteria: CriteriaSet, options: DdOptions): string {
  const project = projectName(summary, options);
  const level = options.level ?? levelOf(summary);
  const heading = `${escapeInline(project)}${level ? ` ${escapeInline(level)}` : ''}`;
  const applied = `${level ? `${escapeInline(level)} ` : ''}application`;
  const blocks: string[] = [`# ${heading} Due Diligence`, `<!-- ${DD_MARKER}: criteria ${criteria.id} -->`];
  blocks.push(summary.document.origin ? `- Link to ${link(`${applied}`, summary.document.origin)}` : `- Link to the ${applied}: not recorded (the score file has no origin; give --origin URL)`);
  blocks.push(`## ${heading} Evaluation Summary`);
  blocks.push('### Criteria Evaluation', ...criteriaEvaluation(summary, project, level));
  blocks.push('### Adoption Evaluation', ...adoptionEvaluation(summary, criteria));
  blocks.push('### Final Assessment', ...finalAssessment(summary));

  const byId = new Map(criteria.items.map((item) => [item.id, item]));
  const footnotes: string[] = [];
  let group: string | null | undefined;
  let required: boolean | undefined;
  summary.items.forEach((item, index) => {
    if (item.group !== group || group === undefined) {
      blocks.push(`## ${escapeInline(item.group ?? 'Criteria')}`);
      group = item.group;
      required = undefined;
    }
    if (item.required !== required) {
      blocks.push(item.required ? '### Required' : '### Suggested');
      required = item.required;
    }
    const note = options.sourceReferences ? sourceFootnote(index + 1, byId.get(item.id)) : null;
    if (note) footnotes.push(note);
    blocks.push(...itemBlocks(item, note ? `[^${index + 1}]` : ''));
  });
  // A heading ends the last item's block, so the footnotes are never read as its evaluation.
  if (footnotes.length > 0) blocks.push('## Template sources', footnotes.join('\n'));
  return `${blocks.join('\n\n')}\n`;
}
