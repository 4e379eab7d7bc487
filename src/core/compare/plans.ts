// Statements of plans in a document ("next year we will ...", "we plan to ...", "the roadmap
// ... will ...") and whether a later document speaks of the planned thing again. The test is
// word overlap: the plan's distinctive words (stop words, words of the plan phrasing itself and
// words found all over the later document left out) looked up sentence by sentence.
import type { DocumentModel } from '../document/document-types.js';
import { readingUnits, sentenceSpans } from '../facts/text-units.js';
import type { PlanDiff } from './diff-types.js';

export interface Sentence {
  text: string;
  line: number;
  underPlan: boolean;
}

const FUTURE = String.raw`(?:next|coming|upcoming|following) (?:one |two |\d+ )?(?:year|twelve months|months|quarters?|releases?)`;
const INTENT = String.raw`(?:will|'ll|shall|going to|(?:would|'d) like to|plan|planning|hope|goals?|priorit(?:y|ies)|aims?|want|intend|expect|anticipat)`;

const PLAN_PATTERNS: RegExp[] = [
  new RegExp(String.raw`\b${FUTURE}\b[^.?!]*\b${INTENT}`, 'i'),
  new RegExp(String.raw`\b${INTENT}\b[^.?!]*\b${FUTURE}\b`, 'i'),
  /\b(?:we|team|project|maintainers|community)\b[^.?!]{0,40}\b(?:plans?|planning|intends?|aims?|hopes?|expects?|wants?|(?:would|'d) like) to\b/i,
  /\broadmap\b[^.?!]*\b(?:will|'ll)\b/i,
  /\b(?:is|are) planned\b|\bplanned (?:for|in)\b/i,
];

/** Words of the plan phrasing itself and common words: no evidence that the plan was reported. */
const STOP_WORDS = new Set(
  (
    'the a an and or of to in on for with by from at as is are was were be been being this that these those it its ' +
    'we our us will would shall should can could may might must plan plans planned planning intend intends aim aims hope ' +
    'expect expects next year years coming upcoming following month months quarter quarters roadmap goal goals focus ' +
    'also more most into over about than then there their they them which who what when where how all any each other ' +
    'such new some many much very just like make made work working continue continued further well have has had do does ' +
    'done not no yes one two three first second last project projects community team maintainers help support ' +
    'see want wants like would before after yet still now get use using used need needs way able'
  ).split(' '),
);

/**
 * Sentences of the document's text (paragraphs, list items, table rows), with their first line.
 * `underPlan` marks the items of a list a plan introduces ("Our goals for next year are:").
 */
export function documentSentences(doc: DocumentModel): Sentence[] {
  const out: Sentence[] = [];
  for (const unit of readingUnits(doc)) {
    const intro = unit.kind === 'item' && unit.intro !== null ? unit.intro.text.trim() : '';
    const underPlan = intro.endsWith(':') && isPlanStatement(lastSentence(intro));
    for (const span of sentenceSpans(unit.text)) {
      const text = unit.text.slice(span.start, span.end).replace(/\s+/g, ' ').trim();
      if (text !== '') out.push({ text, line: unit.lineOf[span.start]!, underPlan });
    }
  }
  return out;
}

function lastSentence(text: string): string {
  const spans = sentenceSpans(text);
  const last = spans[spans.length - 1];
  return last ? text.slice(last.start, last.end) : text;
}

export function isPlanStatement(sentence: string): boolean {
  // Questions of a template ("What do you plan to ...?") ask; they state no plan.
  if (/\?\s*$/.test(sentence) || sentence.length > 600) return false;
  // A list intro ending in ":" is a plan only as the head of its items (see documentSentences).
  return PLAN_PATTERNS.some((pattern) => pattern.test(sentence));
}

/** A crude stem: enough to meet "release", "releases" and "released" as one word. */
function stem(word: string): string {
  return word.length > 5 ? word.slice(0, 5) : word;
}

/** A version ("v2.0.0", "2.0") as one token, trailing ".0"s dropped: "2.0" meets "2.0.0". */
const VERSION = /\bv?(\d+(?:\.\d+)+)\b/g;

function words(text: string): string[] {
  const lower = text.toLowerCase();
  const versions = [...lower.matchAll(VERSION)].map((m) => `v${m[1]!.replace(/(?:\.0)+$/, '')}`);
  const plain = (lower.replace(VERSION, ' ').match(/[a-z][a-z0-9+-]{2,}/g) ?? []).filter((w) => !STOP_WORDS.has(w));
  return [...versions, ...plain];
}

/** Distinct stems of a sentence, mapped to the first word that gave each. */
function stemsOf(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const word of words(text)) {
    const key = /^v\d/.test(word) ? word : stem(word);
    if (!out.has(key)) out.set(key, word);
  }
  return out;
}

/** A version names one thing exactly: it weighs as two words. */
function weight(key: string): number {
  return /^v\d/.test(key) ? 2 : 1;
}

/** Enough shared words to call it the same subject: two, and half the plan's words or four. */
function isMention(shared: number, planned: number): boolean {
  return shared >= 2 && (shared * 2 >= planned || shared >= 4);
}

/**
 * Each plan of the earlier document and what the later one says of it: "reported" when a
 * sentence that is not itself a plan shares enough words, "planned-again" when only plan
 * sentences do, else "not-mentioned".
 */
export function diffPlans(oldDoc: DocumentModel, newDoc: DocumentModel): PlanDiff[] {
  const later = documentSentences(newDoc).map((s) => ({ ...s, stems: stemsOf(s.text), plan: s.underPlan || isPlanStatement(s.text) }));
  // A word on more than one sentence in eight of the later document (the project's name, say)
  // says nothing particular; short documents are too small to tell.
  const frequency = new Map<string, number>();
  for (const s of later) for (const key of s.stems.keys()) frequency.set(key, (frequency.get(key) ?? 0) + 1);
  const common = (key: string) => later.length >= 40 && (frequency.get(key) ?? 0) * 8 > later.length;
  const plans: PlanDiff[] = [];
  const seen = new Set<string>();
  for (const sentence of documentSentences(oldDoc)) {
    const plan = sentence.underPlan || (isPlanStatement(sentence.text) && !sentence.text.trim().endsWith(':'));
    if (!plan || seen.has(sentence.text)) continue;
    seen.add(sentence.text);
    const planned = [...stemsOf(sentence.text)].filter(([key]) => !common(key));
    const total = planned.reduce((sum, [key]) => sum + weight(key), 0);
    if (total < 2) continue;
    const byLine = new Map<number, { s: (typeof later)[number]; shared: string[]; score: number }>();
    for (const s of later) {
      const hits = planned.filter(([key]) => s.stems.has(key));
      const score = hits.reduce((sum, [key]) => sum + weight(key), 0);
      if (!isMention(score, total)) continue;
      // One mention per line: two sentences of one line are one place to read.
      const known = byLine.get(s.line);
      if (!known || score > known.score) byLine.set(s.line, { s, shared: hits.map(([, word]) => word), score });
    }
    const mentions = [...byLine.values()].sort((x, y) => y.score - x.score || Number(x.s.plan) - Number(y.s.plan) || x.s.line - y.s.line);
    const reported = mentions.some((m) => !m.s.plan);
    const best = (reported ? mentions.filter((m) => !m.s.plan) : mentions).slice(0, 3);
    plans.push({
      statement: sentence.text,
      words: planned.map(([, word]) => word),
      status: mentions.length === 0 ? 'not-mentioned' : reported ? 'reported' : 'planned-again',
      mentions: best.map((m) => ({ line: m.s.line, text: m.s.text, shared: m.shared })),
      lines: { old: [sentence.line], new: best.map((m) => m.s.line) },
    });
  }
  return plans;
}
