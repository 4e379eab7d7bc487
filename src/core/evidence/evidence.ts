// Evidence per criterion: the sections (line ranges) that matter most, best first, each with a
// short reason. Driven only by the criterion's hints (heading words, body keywords, fact kinds),
// so a user's own criteria set works the same way as the shipped one.
import type { CriteriaItem, FactKind } from '../criteria/criteria.js';
import type { Block, DocumentModel, ListItem, Section } from '../document/document-types.js';
import type { EvidencePassage, Facts } from './extract-types.js';
import { blockText, sectionPaths } from '../document/doc-query.js';
import { stripInline } from '../document/inline.js';
import { FACT_REGISTRY, factLines } from '../facts/registry.js';

export { factLines };

export const MAX_EVIDENCE = 3;

/** Navigation sections repeat every heading's words and are never evidence. */
const NAVIGATION_HEADING = /^(?:table of )?contents$|^toc$|^index$/i;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Case-insensitive matcher for a hint phrase. Heading hints match at a word start ("contribut"
 * matches "Contributors"); keywords match whole words ("commit" does not count "commits" twice).
 */
function hintPattern(hint: string, wholeWord: boolean): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(hint.toLowerCase())}${wholeWord ? '(?![\\p{L}\\p{N}])' : ''}`, 'giu');
}

// Counting a section's facts must not cost facts x blocks per section (quadratic on a long
// document): fact lines are sorted once per fact list, block ranges merged once per section,
// and each range counted by binary search.
const sortedLines = new WeakMap<object, number[]>();
const mergedRanges = new WeakMap<Block[], Array<[number, number]>>();

function sortedFactLines(facts: Facts, kind: FactKind): number[] {
  const list = facts[kind];
  let lines = sortedLines.get(list);
  if (!lines) {
    lines = factLines(facts, kind).sort((a, b) => a - b);
    sortedLines.set(list, lines);
  }
  return lines;
}

/** Index of the first element of sorted `lines` that is >= `line`. */
function lowerBound(lines: number[], line: number): number {
  let lo = 0;
  let hi = lines.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (lines[mid]! < line) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** How many of the sorted lines fall inside any of the blocks (each line counted once). */
function countInBlocks(lines: number[], blocks: Block[], onLine?: (line: number) => void): number {
  if (lines.length === 0) return 0;
  let ranges = mergedRanges.get(blocks);
  if (!ranges) {
    ranges = [];
    for (const b of [...blocks].sort((x, y) => x.line - y.line)) {
      const last = ranges[ranges.length - 1];
      if (last && b.line <= last[1] + 1) last[1] = Math.max(last[1], b.endLine);
      else if (b.endLine >= b.line) ranges.push([b.line, b.endLine]);
    }
    mergedRanges.set(blocks, ranges);
  }
  let count = 0;
  for (const [start, end] of ranges) {
    const from = lowerBound(lines, start);
    const to = lowerBound(lines, end + 1);
    count += to - from;
    if (onLine) for (let k = from; k < to; k++) onLine(lines[k]!);
  }
  return count;
}

interface Candidate {
  section: Section;
  score: number;
  reason: string;
}

/** A hint with its matcher, compiled only when first needed (Unicode regexes cost to build). */
interface Hint {
  text: string;
  lower: string;
  ascii: boolean;
  wholeWord: boolean;
  re: RegExp | null;
}

function hint(text: string, wholeWord: boolean): Hint {
  const lower = text.toLowerCase();
  return { text, lower, ascii: /^[\x00-\x7f]*$/.test(lower), wholeWord, re: null };
}

function hintRe(entry: Hint): RegExp {
  entry.re ??= hintPattern(entry.text, entry.wholeWord);
  entry.re.lastIndex = 0;
  return entry.re;
}

/**
 * Whether the hint may occur in `lower` (the lower-cased text): false only when it surely does
 * not, so the regex can be skipped. Exact for ASCII hints in text without characters that
 * case-fold to ASCII (ſ, K).
 */
function mayOccur(entry: Hint, lower: string, foldsToAscii: boolean): boolean {
  return !entry.ascii || foldsToAscii || lower.includes(entry.lower);
}

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

/** Whether the code point ending just before `index` (or starting at it, `after`) is a letter or digit. */
function wordCharAt(text: string, index: number, after: boolean): boolean {
  if (after) {
    const code = text.codePointAt(index);
    return code !== undefined && LETTER_OR_DIGIT.test(String.fromCodePoint(code));
  }
  if (index <= 0) return false;
  let start = index - 1;
  const low = text.charCodeAt(start);
  if (low >= 0xdc00 && low <= 0xdfff && start > 0) {
    const high = text.charCodeAt(start - 1);
    if (high >= 0xd800 && high <= 0xdbff) start--;
  }
  return LETTER_OR_DIGIT.test(String.fromCodePoint(text.codePointAt(start)!));
}

/**
 * Occurrences of a lower-case ASCII keyword in lower-case text as a whole word, counted as
 * text.match(hintPattern(keyword, true)) would (non-overlapping, left to right) without
 * building that Unicode regex. Exact when the text has no characters that case-fold to ASCII.
 */
export function countWholeWord(text: string, keyword: string): number {
  let count = 0;
  let from = 0;
  for (;;) {
    const at = text.indexOf(keyword, from);
    if (at < 0) return count;
    if (!wordCharAt(text, at, false) && !wordCharAt(text, at + keyword.length, true)) {
      count++;
      from = at + keyword.length;
    } else from = at + 1;
  }
}

interface Patterns {
  headings: Hint[];
  keywords: Hint[];
  /** Content words of the criterion's title and question, stemmed. */
  criterionWords: Set<string>;
  /** Per document, whether each fact line names one of the keywords. */
  keyedLines: WeakMap<DocumentModel, Map<number, boolean>>;
}

const STOP_WORDS = new Set(
  'the and for with from that this its are does have has there what how which any all some been being into than then project projects least more most their our your'.split(' '),
);

/** Content words, lower-case, with a plural "s" dropped ("Adopters" -> "adopter"). */
function contentWords(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])
    .filter((w) => w.length >= 3 && !STOP_WORDS.has(w))
    .map((w) => (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w));
}

/**
 * Whether a heading restates the criterion ("Flow of Contributions", "Have a healthy number of
 * committers"): most of its words come from the criterion's title and question. Documents
 * written against a template answer each criterion under such a heading.
 */
function restatesCriterion(heading: string, criterionWords: Set<string>): boolean {
  const words = [...new Set(contentWords(heading))];
  const shared = words.filter((w) => criterionWords.has(w)).length;
  return shared >= 2 && shared / words.length >= 0.6;
}

// Scoring runs once per criterion over every section: lower-case each section's text once per
// document (keyed by its block list, which the root's copy shares), and compile each item's
// patterns once per criteria set.
const textByBlocks = new WeakMap<Block[], { text: string; foldsToAscii: boolean }>();
const patternsByItem = new WeakMap<CriteriaItem, Patterns>();

function sectionText(blocks: Block[]): { text: string; foldsToAscii: boolean } {
  let entry = textByBlocks.get(blocks);
  if (!entry) {
    const text = blocks.map(blockText).join('\n').toLowerCase();
    entry = { text, foldsToAscii: /[\u017f\u212a]/.test(text) };
    textByBlocks.set(blocks, entry);
  }
  return entry;
}

function itemPatterns(item: CriteriaItem): Patterns {
  let patterns = patternsByItem.get(item);
  if (!patterns) {
    patterns = {
      headings: item.hints.headings.map((h) => hint(h, false)),
      // Longer phrases first so "pull requests" is counted before "pull".
      keywords: [...new Set(item.hints.keywords.map((k) => k.toLowerCase()))].sort((a, b) => b.length - a.length).map((k) => hint(k, true)),
      criterionWords: new Set(contentWords(`${item.title} ${item.question}`)),
      keyedLines: new WeakMap(),
    };
    patternsByItem.set(item, patterns);
  }
  return patterns;
}

/** Whether a line of the document names one of the criterion's keywords (checked once per line). */
function lineNamesKeyword(doc: DocumentModel, line: number, patterns: Patterns): boolean {
  let cache = patterns.keyedLines.get(doc);
  if (!cache) {
    cache = new Map();
    patterns.keyedLines.set(doc, cache);
  }
  let hit = cache.get(line);
  if (hit === undefined) {
    const lower = (doc.lines[line - 1] ?? '').toLowerCase();
    const folds = /[\u017f\u212a]/.test(lower);
    hit = patterns.keywords.some((entry) =>
      !mayOccur(entry, lower, folds) ? false : entry.ascii && !folds ? countWholeWord(lower, entry.lower) > 0 : hintRe(entry).test(lower),
    );
    cache.set(line, hit);
  }
  return hit;
}

function scoreSection(doc: DocumentModel, section: Section, item: CriteriaItem, facts: Facts, patterns: Patterns): Candidate | null {
  const heading = stripInline(section.heading);
  if (NAVIGATION_HEADING.test(heading.trim())) return null;
  const reasons: string[] = [];
  let score = 0;

  const headingLower = heading.toLowerCase();
  const headingFolds = /[\u017f\u212a]/.test(heading);
  const headingHits = item.hints.headings.filter((_, k) => {
    const entry = patterns.headings[k]!;
    return mayOccur(entry, headingLower, headingFolds) && hintRe(entry).test(heading);
  });
  if (headingHits.length > 0) {
    // Hints are listed most specific first ("maintainer" before "governance"): an earlier hint
    // weighs a little more, which also breaks ties between two headings with no body.
    const first = item.hints.headings.indexOf(headingHits[0]!);
    score += 6 + Math.min(headingHits.length - 1, 2) + (item.hints.headings.length - first) / item.hints.headings.length;
    reasons.push(`heading matches "${headingHits[0]}"`);
  }

  const restates = restatesCriterion(heading, patterns.criterionWords);
  if (restates) {
    // A criterion restated as a bullet inside a checklist ("- Have a healthy number of committers"
    // answered in a line or two) weighs like a matching heading: a section of its own on the
    // subject, when the document has one, is the main evidence.
    score += CRITERION_BULLETS.has(section) ? 6 : 15;
    reasons.unshift('heading restates the criterion');
  }

  let factCount = 0;
  let factWeight = 0;
  // Metrics span several subjects: a figure whose line names the criterion's subject ("Commits |
  // 3051 | 2382") weighs twice one of another subject in the same section ("Slack members | 1436").
  // Adopters, maintainers and release statements are about their criterion by construction.
  let unkeyed = 0;
  const countUnkeyed = (line: number) => {
    if (!lineNamesKeyword(doc, line, patterns)) unkeyed++;
  };
  for (const kind of item.hints.facts) {
    unkeyed = 0;
    const count = countInBlocks(sortedFactLines(facts, kind), section.blocks, kind === 'metrics' && patterns.keywords.length > 0 ? countUnkeyed : undefined);
    if (count > 0) {
      factCount += count;
      factWeight += 2 * count - unkeyed;
      reasons.push(`${count} ${FACT_REGISTRY[kind].label[count === 1 ? 0 : 1]}`);
    }
  }
  score += Math.min(factWeight, 20);

  const { text, foldsToAscii } = sectionText(section.blocks);
  let keywordCount = 0;
  const words: string[] = [];
  for (const entry of patterns.keywords) {
    // A keyword absent from the text cannot match: skip the (costly, Unicode-aware) regex.
    if (!mayOccur(entry, text, foldsToAscii)) continue;
    const n = entry.ascii && !foldsToAscii ? countWholeWord(text, entry.lower) : (text.match(hintRe(entry))?.length ?? 0);
    if (n > 0) {
      keywordCount += n;
      if (words.length < 3) words.push(entry.lower);
    }
  }
  score += 0.5 * Math.min(keywordCount, 12);
  if (keywordCount > 0) reasons.push(`${keywordCount} mention${keywordCount === 1 ? '' : 's'} of ${words.join(', ')}`);

  if (!restates && headingHits.length === 0 && factCount === 0 && keywordCount < 2) return null;
  // A heading that matches a broad hint ("Features & Roadmap" for versioning) over a body that
  // never speaks of the criterion is weak evidence: it ranks below a section whose body has the
  // criterion's facts or words. A heading over subsections only (no body of its own) keeps its weight.
  if (!restates && headingHits.length > 0 && factCount === 0 && keywordCount === 0 && section.blocks.length > 0) {
    score /= 3;
    reasons.push('nothing on the criterion in its own text');
  }
  return { section, score, reason: reasons.join('; ') };
}

/** The opening paragraph of a list item, as plain text. */
function openingOf(item: ListItem): string {
  return stripInline(item.text.split('\n\n')[0]!).trim();
}

/** An item that carries an answer under its opening paragraph: sub-bullets or further paragraphs. */
function hasAnswer(item: ListItem): boolean {
  return item.children.length > 0 || item.text.includes('\n\n');
}

/**
 * A CNCF criterion restated as a bullet and answered under it ("- Have a healthy number of
 * committers" with sub-bullets, or with the answer after a markdown hard break): read like a
 * template question. Returns the criterion as the subsection heading, or null.
 */
const CRITERION_OPENING = /^(?:document that|have a healthy|demonstrate (?:a )?substantial|(?:have )?a clear versioning|clearly documented|specifications must|(?:use|used|usage) (?:successfully )?in production)/i;

function answeredCriterion(item: ListItem, lines: string[]): string | null {
  const first = item.text.split('\n')[0]!;
  if (!CRITERION_OPENING.test(stripInline(first).trim())) return null;
  // "- A clear versioning scheme   \n  Our answer …": the answer follows a hard line break
  // (the trailing spaces are only in the raw line).
  const hardBreak = item.text.includes('\n') && /(?: {2,}|\\)$/.test(lines[item.line - 1] ?? '');
  if (hardBreak) return stripInline(first).trim();
  return hasAnswer(item) ? openingOf(item) : null;
}

/** The heading an answered question or criterion item gives its subsection, or null. */
function questionOf(item: ListItem, lines: string[]): string | null {
  if (hasAnswer(item) && openingOf(item).includes('?')) return openingOf(item);
  return answeredCriterion(item, lines);
}

const MAX_QUESTION_HEADING = 100;
/** Subsections made from criteria restated as bullets (see answeredCriterion). */
const CRITERION_BULLETS = new WeakSet<Section>();

/**
 * Sections as evidence sees them. A list of template questions written as bullets ("* How many
 * maintainers do you have …?" with the answer nested under each) is read like the same questions
 * written as headings: each answered item becomes a subsection, and the list leaves its section's
 * own body. A list counts when at least two of its top-level items ask a question.
 */
const evidenceSectionsCache = new WeakMap<DocumentModel, Section[]>();

function evidenceSections(doc: DocumentModel): Section[] {
  const cached = evidenceSectionsCache.get(doc);
  if (cached) return cached;
  const out: Section[] = [];
  for (const section of sectionPaths(doc).map((p) => p.section)) {
    const questions: Section[] = [];
    const own: Block[] = [];
    for (const block of section.blocks) {
      const asked = block.kind === 'list' ? block.items.map((it) => questionOf(it, doc.lines)) : [];
      if (block.kind !== 'list' || asked.filter((q) => q !== null).length < 2) {
        own.push(block);
        continue;
      }
      for (const [k, it] of block.items.entries()) {
        const part: Block = { kind: 'list', line: it.line, endLine: it.endLine, ordered: block.ordered, items: [it] };
        // Once the list is a question list, every answered item is a subsection.
        const opening = asked[k] ?? (hasAnswer(it) ? openingOf(it) : null);
        if (!opening) {
          own.push(part);
          continue;
        }
        const heading = opening.length <= MAX_QUESTION_HEADING ? opening : `${opening.slice(0, MAX_QUESTION_HEADING - 1)}…`;
        const sub: Section = { heading, level: Math.min(section.level + 1, 7), line: it.line, endLine: it.endLine, blocks: [part], children: [] };
        if (asked[k] && !asked[k]!.includes('?')) CRITERION_BULLETS.add(sub);
        questions.push(sub);
      }
    }
    out.push(questions.length > 0 ? { ...section, blocks: own } : section);
    out.push(...questions);
  }
  evidenceSectionsCache.set(doc, out);
  return out;
}

/** The best sections for one criterion, best first (ties in document order). */
export function findEvidence(doc: DocumentModel, item: CriteriaItem, facts: Facts, limit = MAX_EVIDENCE): EvidencePassage[] {
  const patterns = itemPatterns(item);
  const candidates: Candidate[] = [];
  const sections = [...evidenceSections(doc)];
  // Text before the first heading counts too, when there is any.
  if (doc.root.blocks.length > 0) sections.unshift({ ...doc.root, heading: '', endLine: doc.root.blocks[doc.root.blocks.length - 1]!.endLine });
  for (const section of sections) {
    const candidate = scoreSection(doc, section, item, facts, patterns);
    if (candidate) candidates.push(candidate);
  }
  candidates.sort((a, b) => b.score - a.score || a.section.line - b.section.line);
  return candidates.slice(0, limit).map(({ section, reason }) => ({
    startLine: section.level === 0 ? section.blocks[0]!.line : section.line,
    endLine: section.endLine,
    heading: section.level === 0 ? '(before the first heading)' : stripInline(section.heading),
    reason,
  }));
}
