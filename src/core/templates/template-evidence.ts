// Template-aware evidence for extract: when the document is a filled application or DD of the
// set's template, each criterion's aligned checkbox block becomes its first evidence passage,
// the tick is reported as the project's claim (a signal, never a suggested score), and an item
// left unanswered or missing becomes a gap. Pure; template-field.ts does the matching.
import type { CriteriaItem } from '../criteria/criteria.js';
import type { DocumentModel } from '../document/document-types.js';
import type { EvidencePassage, Signal } from '../evidence/extract-types.js';
import { linesLabel } from '../document/doc-query.js';
import { templateMatches, type TemplateMatch } from './template-field.js';

export type { TemplateMatch };

/** Evidence passages per criterion stay at most this many, the template block included. */
const MAX_PASSAGES = 3;

/** The document's template matches per item id, or null when it is not a filled template. */
export function documentTemplate(doc: DocumentModel, items: readonly CriteriaItem[]): Map<string, TemplateMatch | null> | null {
  return templateMatches(doc.lines, items);
}

/**
 * The heading above a line: the innermost one, led by its `##` section when it is deeper
 * ("Process / Required"), since templates repeat `### Required` under every section.
 */
function headingAt(doc: DocumentModel, line: number): string {
  const chain: { level: number; heading: string }[] = [];
  for (const section of doc.sections) {
    if (section.line > line) break;
    if (section.endLine < line || section.level > 6) continue;
    while (chain.length > 0 && chain[chain.length - 1]!.level >= section.level) chain.pop();
    chain.push(section);
  }
  const inner = chain[chain.length - 1];
  if (!inner) return '';
  const outer = chain.find((s) => s.level === 2);
  return outer && outer !== inner ? `${outer.heading} / ${inner.heading}` : inner.heading;
}

/** "met" / "not ticked": how the tick is worded everywhere (extract, the review pane). */
export function claimWord(match: Pick<TemplateMatch, 'checked'>): string {
  return match.checked ? 'met' : 'not ticked';
}

function passageOf(doc: DocumentModel, match: TemplateMatch): EvidencePassage {
  const answer = match.answered ? 'answered' : 'not answered (only the template text and placeholders)';
  return {
    startLine: match.line,
    endLine: match.endLine,
    heading: headingAt(doc, match.line),
    reason: `template item; project claims: ${claimWord(match)}; ${answer}`,
  };
}

/** The template block first, then the ranked passages that do not repeat it. */
export function withTemplatePassage(doc: DocumentModel, match: TemplateMatch | null, ranked: EvidencePassage[]): EvidencePassage[] {
  if (!match) return ranked;
  const rest = ranked.filter((p) => p.startLine !== match.line || p.endLine !== match.endLine);
  return [passageOf(doc, match), ...rest].slice(0, MAX_PASSAGES);
}

/** The project's tick as a signal: what the document claims, with the checkbox line. */
export function claimSignal(match: TemplateMatch | null): Signal[] {
  return match ? [{ name: 'project claims', value: claimWord(match), lines: [match.line] }] : [];
}

/** Gaps a filled template shows: an item with no answer, or no item at all. */
export function templateGaps(match: TemplateMatch | null): string[] {
  if (!match) return ['the document has no item of the template for this criterion'];
  if (match.answered) return [];
  const claim = match.checked ? ' although the project ticks it' : '';
  return [`template item at ${linesLabel(match.line, match.endLine)} is not answered${claim}: only the template's text and placeholders`];
}
