// Versioning statements: sentences about releases, versions, release cadence and the release
// process ("published 3 major releases", "we follow a three month release cycle", "The latest
// release is v1.0.0", "We do not anticipate breaking changes in minor and patch releases").
// Headings, bare version labels heading a feature list, and bullets that only link to release
// docs are not statements. One statement per line; sentences of one line are merged.
import type { DocumentModel } from '../document/document-types.js';
import type { Reasoned, VersioningStatement } from '../evidence/extract-types.js';
import { readingUnits, sentenceSpans, type TextUnit } from './text-units.js';

const NUMBER_WORD = '(?:(?<![\\w.])\\d+\\+?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|many|multiple)';

/** Each pattern alone marks a sentence as a versioning statement. All are linear. */
export const SIGNALS: RegExp[] = [
  // "release process and cadence", "release and support patterns", "release cycle"
  /\breleas(?:e|es|ing)\b(?:\s+[a-z-]+){0,2}?\s+(?:process(?:es)?|cadence|cycles?|schedules?|train|policy|policies|patterns?|calendar|strategy|model|branches|versioning|captains?|managers?|team)\b/i,
  // "3 major releases", "minor and patch releases", "dev and stable releases", "1 major version"
  /\b(?:major|minor|patch|stable|dev|development|beta|alpha|lts|feature|bug-?fix|maintenance|point|security)\s+(?:and\s+(?:[a-z]+\s+)?)?(?:releases?|versions)\b/i,
  new RegExp(`\\b${NUMBER_WORD}\\s+(?:new\\s+|official\\s+|public\\s+)?releases?\\b`, 'i'),
  // "has released five versions since joining"
  new RegExp(`\\breleas(?:e|ed|es|ing)\\s+(?:\\w+\\s+){0,3}${NUMBER_WORD}\\s+(?:new\\s+|major\\s+|minor\\s+)?versions\\b`, 'i'),
  // "released a major version for all components"
  /\breleas(?:e|ed|es|ing)\b[^.;]{0,30}?\b(?:major|minor|patch|stable|first)\s+version\b/i,
  // Compatibility promises across releases: "backward compatible with existing 1.x releases"
  /\bbackwards?[- ]compatib\w*\b[^;]{0,80}?\b(?:releases?|versions?)\b|\b(?:releases?|versions?)\b[^;]{0,80}?\bbackwards?[- ]compatib/i,
  /\bbreaking changes?\b[^;]{0,80}?\b(?:releases?|versions?)\b/i,
  // "the release of v1.0.0", "released version 2.0", "release 1.4 shipped", "the release of Strimzi 1.0"
  /\breleas(?:e|es|ed)\s+(?:of\s+(?:[\w-]+\s+)?)?(?:version\s+)?v?\d+\.\d+/i,
  // "The latest release is v1.4.0", "Next scheduled release is v1.3.0", "v0.4.3 is the latest releases"
  /\b(?:latest|current|newest|recent|first|next|upcoming|last)\s+(?:stable\s+|major\s+|minor\s+|GA\s+|scheduled\s+|planned\s+)?releases?\b/i,
  /\b(?:latest|current|newest)\s+(?:stable\s+)?version\s+(?:is\s+)?v?\d+\.\d+/i,
  /\bversioning\b|\bsemver\b|\bsemantic version/i,
  // A specific release: "in the `0.12` release", "The V0.12 release will be the final release",
  // "a Strimzi 1.0 version after ZooKeeper was removed"
  /(?<![\w.])v?\d+\.(?:\d+|x)(?:\.(?:\d+|x))?\s+(?:release|version)\b/i,
  /\b(?:monthly|quarterly|weekly|yearly|annual|bi-?annual|bi-?weekly|bi-?monthly|regular|periodic|time-based)\s+releases?\b/i,
  /\b(?:release|releases|released|releasing|ship|ships|shipped)\b[^.;]{0,60}?\b(?:every|each|once a|twice a|per)\s+(?:\d+(?:[-–]\d+)?\s+|two\s+|three\s+|four\s+|six\s+|few\s+)?(?:weeks?|months?|quarters?|years?)\b/i,
  /\brelease cadence\b|\bcadence\b[^.;]{0,40}\breleas/i,
  /\blong[- ]term support\b|\bLTS\b/,
  /\brelease candidates?\b/i,
  // A planned release: "Preparing for a new Proj release in early 2022"
  /\b(?:a|the|our)\s+new\s+(?:[\w-]+\s+)?(?:major\s+|minor\s+|stable\s+)?release\b/i,
];

const VERSION_LITERAL = /\bv?\d+\.\d+(?:\.\d+)?\b/;

/**
 * Signals that need a version number ("1.0"), tried only on sentences that have one.
 * "Chaos Mesh 1.0 released", "Version 1.0.0 was released on …"; the project's own version
 * history, "Moved from 0.6.0 to 1.4.0", "moved to 1.3.0", where the version follows the verb
 * directly, so "upgraded Go to 1.17" (a dependency) is not one.
 */
const VERSION_SIGNALS: RegExp[] = [
  // ("version `1.0.0` has just been released")
  /(?<![\w.])v?\d+\.\d+(?:\.\d+)?\s+(?:(?:is|was|has|have|had|got)\s+(?:(?:just|now|finally|recently|officially)\s+)?(?:been\s+)?)?(?:released|shipped|published|launched)\b/i,
  /\b(?:moved|went|progressed|advanced|evolved|jumped)\s+(?:from\s+v?\d+\.\d+(?:\.\d+)?\s+)?to\s+v?\d+\.\d+/i,
  // "v1.1.0 slated for release in late November"
  /(?<![\w.])v?\d+\.\d+(?:\.\d+)?\b[^.;]{0,40}?\b(?:slated|scheduled|planned|targeted|due|expected)\s+(?:for\s+(?:a\s+)?release|to be released|to ship)\b/i,
];
const DIGIT_DOT_DIGIT = /\d\.\d/;

// "maintaining cadence with upstream": a cadence with no other subject is the release cadence.
const BARE_CADENCE = /\bcadence\b/i;
const OTHER_CADENCE = /meeting|\bcalls?\b|sync|stand-?up|sprint|review|newsletter|blog|office hours?|triage|retro/i;
// Press releases are announcements, not software releases.
const PRESS_RELEASE = /\bpress[- ]releases?\b/gi;

/**
 * Every pattern of SIGNALS and BARE_CADENCE needs one of these (lower-cased) words, so a sentence
 * without any of them, most sentences, skips the regex list. Kept in step with SIGNALS by a
 * property test over words taken from the patterns themselves.
 */
export const SIGNAL_WORDS = ['releas', 'version', 'semver', 'ship', 'cadence', 'long', 'lts'];

function isSignal(text: string): boolean {
  const lower = text.toLowerCase();
  const mayMatch = SIGNAL_WORDS.some((word) => lower.includes(word));
  if (!mayMatch && !DIGIT_DOT_DIGIT.test(text)) return false;
  const sentence = text.replace(PRESS_RELEASE, '');
  return (
    (mayMatch && SIGNALS.some((pattern) => pattern.test(sentence))) ||
    (DIGIT_DOT_DIGIT.test(sentence) && VERSION_SIGNALS.some((pattern) => pattern.test(sentence))) ||
    (mayMatch && BARE_CADENCE.test(sentence) && !OTHER_CADENCE.test(sentence))
  );
}

const SCHEME_PART = /^\s*(?:major|minor|patch|pre-?releases?|alpha|beta|rc|release candidates?|stable|lts|nightly|dev(?:elopment)?)\b[\w\s()]{0,24}?[:–-]/i;

/** A table row labelled with releases or versions that gives figures: "| Releases | 100 | 171 |". */
function isReleaseRow(unit: TextUnit): boolean {
  const cells = unit.cells ?? [];
  const label = cells[0] ? unit.text.slice(cells[0].start, cells[0].end).trim() : '';
  return /^(?:releases?|release cadence|latest release|versions?|versioning)\b/i.test(label) && cells.slice(1).some((c) => /\d/.test(unit.text.slice(c.start, c.end)));
}

/** A bullet whose visible text is essentially just links ("[Release process](...)"). */
function isLinkPointer(unit: TextUnit): boolean {
  // Most units hold no link text: a native search settles them.
  if (unit.linkText.indexOf(1) === -1) return false;
  let linked = 0;
  let plain = '';
  for (let i = 0; i < unit.text.length; i++) {
    if (unit.linkText[i]) linked++;
    else plain += unit.text[i];
  }
  if (linked === 0) return false;
  const words = plain.match(/[A-Za-z]{2,}/g) ?? [];
  // "libbuildpack has [42 releases](…)" states something; "See [release process](…)" points.
  if (words.some((w) => /^(?:has|have|had|is|are|was|were)$/i.test(w))) return false;
  return words.filter((w) => !/^(?:see|here|at|in|the|and|our|link|docs?)$/i.test(w)).length <= 2;
}

/** The reasons, in one place: what found a versioning statement. */
export const VERSIONING_REASONS = {
  row: 'table row labelled releases or versions, with figures',
  scheme: 'part of a versioning scheme listed under its introduction',
  sentence: 'sentence with a release, version or cadence phrase',
} as const;

/** Statements about releases, versions, cadence and release process, one per line, in document order. */
export function extractVersioning(doc: DocumentModel): Array<VersioningStatement & Reasoned> {
  const byLine = new Map<number, { from: number; to: number; reason: string }>();
  for (const unit of readingUnits(doc)) {
    if (unit.kind === 'row') {
      // The row from its label to its last figure (rows are one line).
      if (isReleaseRow(unit)) byLine.set(unit.startLine, { ...rawSpan(unit, doc.lines, 0, unit.text.length, 0), reason: VERSIONING_REASONS.row });
      continue;
    }
    if (isLinkPointer(unit)) continue;
    // "- Minor: is incremented for new features" under "Our versioning scheme … as follows".
    if (unit.kind === 'item' && SCHEME_PART.test(unit.text) && unit.intro !== null && isSignal(unit.intro.text)) {
      byLine.set(unit.startLine, { ...rawSpan(unit, doc.lines, 0, unit.text.length, 0), reason: VERSIONING_REASONS.scheme });
      continue;
    }
    const spans = sentenceSpans(unit.text);
    for (const [index, span] of spans.entries()) {
      const sentence = unit.text.slice(span.start, span.end);
      if (!isSignal(sentence)) continue;
      let end = span.end;
      // "... released 1 major version and 6 minor versions. Version 1.0.0 marks ..." stays one statement.
      const next = spans[index + 1];
      if (next && VERSION_LITERAL.test(unit.text.slice(next.start, next.end)) && unit.lineOf[next.start] === unit.lineOf[span.start]) {
        end = next.end;
      }
      const signal = firstSignalIndex(sentence);
      const anchor = Math.min(span.start + signal, end - 1);
      const { line, from, to } = rawSpan(unit, doc.lines, span.start, end, anchor);
      const known = byLine.get(line);
      const merged = known ? { ...known, from: Math.min(known.from, from), to: Math.max(known.to, to) } : { from, to, reason: VERSIONING_REASONS.sentence };
      byLine.set(line, merged);
    }
  }
  return [...byLine.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([line, { from, to, reason }]) => ({ line, quote: clip(doc.lines[line - 1]!.slice(from, to)), reason }));
}

/**
 * Columns of the sentence's part on the anchor's line, widened to whole links and emphasis so
 * the quote reads as written ("See the [release process](...)." keeps its link).
 */
function rawSpan(unit: TextUnit, raw: string[], start: number, end: number, anchor: number): { line: number; from: number; to: number } {
  const line = unit.lineOf[anchor]!;
  const text = raw[line - 1] ?? '';
  let s = start;
  while (s < anchor && unit.lineOf[s] !== line) s++;
  let e = end;
  while (e > anchor + 1 && unit.lineOf[e - 1] !== line) e--;
  while (e > s + 1 && /\s/.test(unit.text[e - 1]!)) e--;
  let from = unit.colOf[s]!;
  let to = Math.min(text.length, unit.colOf[e - 1]! + 1);
  const opens = (q: string): number => (q.match(/\[/g) ?? []).length - (q.match(/\]/g) ?? []).length;
  // Searches are bounded so that many statements on one huge line stay linear.
  const nextOf = (char: string, from: number): number => {
    const found = text.slice(from, from + 2048).indexOf(char);
    return found < 0 ? -1 : from + found;
  };
  for (let guard = 0; guard < 8 && opens(text.slice(from, to)) > 0; guard++) {
    const close = nextOf(']', to);
    if (close < 0) break;
    to = close + 1;
    if (text[to] === '(') {
      const paren = nextOf(')', to);
      if (paren > 0) to = paren + 1;
    }
  }
  while (from > 0 && text[from - 1] === '[' && opens(text.slice(from, to)) < 0) from--;
  if (((text.slice(from, to).match(/\*+/g) ?? []).length % 2) === 1) {
    if (text[to] === '*') while (text[to] === '*') to++;
    else while (from > 0 && text[from - 1] === '*') from--;
  }
  while (from < to && /\s/.test(text[from]!)) from++;
  while (to > from && /\s/.test(text[to - 1]!)) to--;
  return { line, from, to };
}

function firstSignalIndex(sentence: string): number {
  let best = sentence.length;
  for (const pattern of DIGIT_DOT_DIGIT.test(sentence) ? [...SIGNALS, ...VERSION_SIGNALS] : SIGNALS) {
    const match = pattern.exec(sentence);
    if (match && match.index < best) best = match.index;
  }
  return best === sentence.length ? 0 : best;
}

/** Keep quotes readable on pathological one-line documents; a prefix is still a substring. */
function clip(quote: string): string {
  return quote.length <= 400 ? quote : quote.slice(0, 400);
}
