// `score <filled-dd.md> --from-dd`: a filled due-diligence document read back as scores, so a
// second TOC member can continue a DD written by hand or exported by someone else. Pure: the
// DD's lines and a criteria set in, one reading per item out. Items pair through templateMatches
// (the same alignment `extract` uses), so the ticks read here are the ticks extract reports.
//
// The rule (docs/templates.md): ticked = met (the lowest scale value counted as met); an
// evaluation opening "TOC evaluation (Not met...)" or "(N/A)" as export --format dd writes it, or
// a note starting "Not met" / "N/A:", says so explicitly; an unticked box is otherwise unscored,
// because many hand-written DDs never tick anything and a missing tick is not a verdict.
import type { CriteriaSet } from '../criteria/criteria.js';
import { NA_SCORE, VERDICTS, type Verdict } from '../scores/score-file.js';
import { VERDICT_LABELS } from '../summary/summary.js';
import { EVALUATION_LABEL, NO_RECOMMENDATION } from './dd-export.js';
import { templateMatches, type TemplateMatch } from './template-field.js';
import { titleWords } from './align.js';

export interface DdItemReading {
  id: string;
  /** The item's checkbox block in the DD, or null when the DD has no such item. */
  match: TemplateMatch | null;
  score: number | typeof NA_SCORE | null;
  /** The evaluation written under the item (markdown escapes undone); '' when none. */
  notes: string;
}

export interface DdReading {
  items: DdItemReading[];
  /** The Final Assessment section's text, '' when only template text is there. */
  assessment: string;
  /** The verdict an exported DD states ("**Recommendation:** Ready"); null when none is stated. */
  verdict: Verdict | null;
  /** Items of the set that pair with a checkbox of the DD. */
  aligned: number;
}

const STATUS = new RegExp(`^\\*\\*${EVALUATION_LABEL}\\*\\*\\s*\\(([^)]*)\\):?\\s*`, 'i');
const CITED_LINE = /^Cited: (?:\[?Lines? \d+)/;
const FOOTNOTE_REF = /(?<!\\)\[\^[^\]\s\\]+\]/g;

/** CommonMark backslash escapes and the code spans markdown-escape puts around @mentions and #refs. */
export function unescapeMarkdown(text: string): string {
  return text.replace(/`([@#][^`\s]+)`/g, '$1').replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

// An escaped `\<!--` (an exported note) is text, not a comment.
function withoutComments(text: string): string {
  return text.replace(/(?<!\\)<!--[\s\S]*?(?:-->|$)/g, ' ');
}

/** The lines under the item's title that are neither template text, placeholders nor our own marks. */
function evaluationLines(lines: readonly string[], match: TemplateMatch, templateWords: ReadonlySet<string>): string[] {
  const block = lines.slice(match.line - 1, match.endLine).join('\n');
  const out: string[] = [];
  for (const [index, raw] of withoutComments(block).split('\n').entries()) {
    // The title line (and the wrapped rest of a bold title) is the template's, not the evaluation.
    if (index === 0) continue;
    const text = raw.replace(FOOTNOTE_REF, '').trim();
    if (text === '' || CITED_LINE.test(text)) {
      if (text === '' && out.length > 0 && out.at(-1) !== '') out.push('');
      continue;
    }
    const words = [...titleWords(text)];
    const own = words.filter((word) => templateWords.has(word)).length;
    // Guidance copied from the template (nearly all its own words) and placeholder-only lines.
    if (words.length === 0 || own / words.length >= 0.8 || /\$[A-Z][A-Z_]+|DD-MMM-YYYY/.test(text)) continue;
    out.push(text.replace(/^[-*+]\s+/, ''));
  }
  while (out.at(-1) === '') out.pop();
  return out;
}

/** A scale value from "Met, score 1" / "Not met" / "N/A", or undefined when the text does not say. */
function statedScore(status: string, criteria: CriteriaSet): number | typeof NA_SCORE | null | undefined {
  const text = status.trim().toLowerCase();
  if (/^n\/?a\b/.test(text)) return NA_SCORE;
  if (/not yet scored|unscored/.test(text)) return null;
  const number = /score (\d+)/.exec(text);
  if (number && criteria.scale.some((entry) => entry.value === Number(number[1]))) return Number(number[1]);
  if (/^not met\b/.test(text)) return [...criteria.scale].reverse().find((entry) => !entry.meets)?.value;
  if (/^met\b/.test(text)) return criteria.scale.find((entry) => entry.meets)?.value;
  return undefined;
}

function readItem(lines: readonly string[], criteria: CriteriaSet, item: CriteriaSet['items'][number], match: TemplateMatch | null): DdItemReading {
  if (match === null) return { id: item.id, match, score: null, notes: '' };
  const evaluation = evaluationLines(lines, match, titleWords(`${item.title} ${item.guidance}`));
  let stated: number | typeof NA_SCORE | null | undefined;
  const first = evaluation[0];
  const status = first === undefined ? null : STATUS.exec(first);
  if (status && first !== undefined) {
    stated = statedScore(status[1]!, criteria);
    evaluation[0] = first.slice(status[0].length);
    if (evaluation[0] === '') evaluation.splice(0, evaluation[1] === '' ? 2 : 1);
  } else if (first !== undefined) {
    const plain = /^(?:\*\*)?(n\/a|not met)(?:\*\*)?\s*[:.,-]\s*/i.exec(unescapeMarkdown(first));
    if (plain) stated = statedScore(plain[1]!, criteria);
  }
  const notes = unescapeMarkdown(evaluation.join('\n')).trim();
  const ticked = criteria.scale.find((entry) => entry.meets)?.value ?? null;
  let score: DdItemReading['score'] = stated !== undefined ? stated : match.checked ? ticked : null;
  // N/A needs its reason (the score file refuses one without); no reason, no N/A.
  if (score === NA_SCORE && notes === '') score = null;
  return { id: item.id, match, score, notes };
}

/** The Final Assessment section's own words (its template sentence is placeholder text). */
function assessmentOf(lines: readonly string[]): string {
  const start = lines.findIndex((line) => /^#{2,4}\s+Final Assessment\b/i.test(line));
  if (start < 0) return '';
  const body: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (/^#{1,4}\s/.test(line)) break;
    body.push(line);
  }
  let text = withoutComments(body.join('\n')).trim();
  if (text.startsWith(NO_RECOMMENDATION)) text = text.slice(NO_RECOMMENDATION.length).trim();
  // The template's bracketed either/or sentence with $CONDITIONS is not an assessment.
  if (text === '' || /\$[A-Z][A-Z_]+/.test(text)) return '';
  return unescapeMarkdown(text);
}

/** "**Recommendation:** Not ready" (what export --format dd writes) -> its verdict and the rest. */
function verdictOf(assessment: string): { verdict: Verdict | null; notes: string } {
  const match = /^\*\*Recommendation:\*\*\s*(.+)(?:\n|$)/i.exec(assessment);
  const verdict = VERDICTS.find((v) => match && VERDICT_LABELS[v].toLowerCase() === match[1]!.trim().toLowerCase()) ?? null;
  return verdict ? { verdict, notes: assessment.slice(match![0].length).trim() } : { verdict: null, notes: assessment };
}

/** Each item of the set read from the DD; null when the DD is not shaped like the set's template. */
export function readDd(lines: readonly string[], criteria: CriteriaSet): DdReading | null {
  const matches = templateMatches(lines, criteria.items);
  if (matches === null) return null;
  const items = criteria.items.map((item) => readItem(lines, criteria, item, matches.get(item.id) ?? null));
  const { verdict, notes } = verdictOf(assessmentOf(lines));
  return { items, assessment: notes, verdict, aligned: items.filter((item) => item.match !== null).length };
}
