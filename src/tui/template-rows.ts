// The review pane's view of a filled template item: the project's tick as its claim (never the
// reviewer's score), and the item's block shown as written with every placeholder ($LINK,
// DD-MMM-YYYY, an empty assertion comment) marked as not answered. Pure.
import type { TemplateField } from '../core/evidence/extract-types.js';
import { sanitizeText } from '../core/sanitize.js';
import { claimWord } from '../core/templates/template-evidence.js';
import { placeholderSpans } from '../core/templates/template-field.js';

/** How a placeholder reads on screen: the markdown renderer would hide a comment altogether. */
export function markPlaceholder(text: string): string {
  const comment = /^<!--\s*\(([^)]*)\)\s*-->$/.exec(text);
  return `[not answered: ${comment ? comment[1]!.trim() : text}]`;
}

/** One source line with its placeholders marked, or null when it has none. */
export function markedLine(text: string): string | null {
  const spans = placeholderSpans(text);
  if (spans.length === 0) return null;
  let out = '';
  let at = 0;
  for (const [start, end] of spans) {
    if (start < at) continue;
    out += text.slice(at, start) + markPlaceholder(text.slice(start, end));
    at = end;
  }
  return sanitizeText(out + text.slice(at));
}

/** The head line: what the document ticks, where, and whether the item was answered. */
export function claimLine(template: TemplateField | null): { text: string; warn: boolean } {
  if (!template) return { text: 'Project claims: no item for this criterion in the document', warn: true };
  const answer = template.answered ? 'answered' : 'not answered (template text and placeholders only)';
  return { text: `Project claims: ${claimWord(template)} (line ${template.line}) · ${answer}`, warn: !template.answered };
}
