// Which workspace document is the earlier version of another: the same project (by the name
// extract/triage derive), dated before it, of the same kind when there is one (last year's
// annual review before a governance review of the same year). "When" a document is comes from
// the year or date in its file name, else in its title, else a date line of its own ("Date:
// 2024-03-01"), else its file's modification time; the file time only orders documents that
// have no date at all, since a git checkout gives every file the same fresh time. A
// reviewer's choice by hand wins over the match, and can say "none".
// Pure: the caller gathers names, titles, date lines and times.
import type { DocumentModel } from '../document/document-types.js';
import { documentKind, projectName, type DocumentKind } from '../triage/document-kind.js';
import { nameWords } from './names.js';

/** A date as precise as the text gave it: a year, a month of a year, or a day. */
export interface PartialDate {
  year: number;
  month: number | null;
  day: number | null;
}

export type WhenSource = 'name' | 'title' | 'document' | 'modified';

export interface When {
  date: PartialDate;
  source: WhenSource;
}

export interface PredecessorCandidate {
  /** Workspace-relative POSIX path: the identity used in choices too. */
  name: string;
  title: string;
  /** The project's name as extract/triage derive it. */
  project: string;
  /** What the document is, as triage says (annual review, proposal, ...); absent: unknown. */
  kind?: DocumentKind;
  /** The document's own date line, as found by documentDateLine (ISO, partial allowed), or null. */
  dated: string | null;
  /** The file's modification time (ms), or null when unknown. */
  modifiedMs: number | null;
}

/** Choices by hand: document name -> its predecessor's name, or null for "no predecessor". */
export type PredecessorChoices = Readonly<Record<string, string | null>>;

export interface Predecessor {
  name: string;
  /** Chosen by hand, or matched by project and date. */
  how: 'chosen' | 'matched';
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_WORD = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
// Years 2000-2099 only, not inside a number: version numbers (v2024.1) and counts are not dates.
const ISO = /(?<!\d|\d\.)(20\d\d)[-_./](0[1-9]|1[0-2])(?:[-_./](0[1-9]|[12]\d|3[01]))?(?!\d|\.\d)/;
const MONTH_YEAR = new RegExp(`\\b${MONTH_WORD}\\.?\\s+(?:(\\d{1,2})(?:st|nd|rd|th)?,?\\s+)?(20\\d\\d)\\b`, 'i');
const DAY_MONTH_YEAR = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH_WORD}\\.?,?\\s+(20\\d\\d)\\b`, 'i');
const YEAR = /(?<!\d|\d\.)(20\d\d)(?!\d|\.\d)/;

const monthOf = (word: string) => MONTHS.indexOf(word.slice(0, 3).toLowerCase()) + 1;

/** The first date in a piece of text (file name, title, date line), as precise as it is written. */
export function dateInText(text: string): PartialDate | null {
  const iso = ISO.exec(text);
  if (iso) return { year: Number(iso[1]), month: Number(iso[2]), day: iso[3] ? Number(iso[3]) : null };
  const dmy = DAY_MONTH_YEAR.exec(text);
  if (dmy) return { year: Number(dmy[3]), month: monthOf(dmy[2]!), day: Number(dmy[1]) };
  const my = MONTH_YEAR.exec(text);
  if (my) return { year: Number(my[3]), month: monthOf(my[1]!), day: my[2] ? Number(my[2]) : null };
  const year = YEAR.exec(text);
  return year ? { year: Number(year[1]), month: null, day: null } : null;
}

/** "2024", "2024-03", "2024-03-01". */
export function formatPartialDate(date: PartialDate): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${date.year}${date.month === null ? '' : `-${two(date.month)}${date.day === null ? '' : `-${two(date.day)}`}`}`;
}

// A line that says when the document was written or last changed ("**Date:** 12 March 2024").
const DATE_LINE = /^[\s>*_#-]*(?:(?:review|report|submission|submitted|publication|published|last)\s+)?(?:date|dated|updated|last updated|as of|submitted|written)\b[\s*_]*[:\-–—][\s*_]*(.+)$/i;
/** Date lines are looked for in the first lines only: later dates are events, not the document's. */
const DATE_LINE_WINDOW = 40;

/** The document's own date line among its first lines, as a partial ISO date, or null. */
export function documentDateLine(lines: readonly string[]): string | null {
  for (const line of lines.slice(0, DATE_LINE_WINDOW)) {
    const match = DATE_LINE.exec(line);
    const date = match ? dateInText(match[1]!) : null;
    if (date) return formatPartialDate(date);
  }
  return null;
}

/** A document as a candidate, its project named as triage names it. */
export function candidateOf(doc: DocumentModel, name: string, modifiedMs: number | null): PredecessorCandidate {
  return { name, title: doc.title, project: projectName(doc, name), kind: documentKind(doc, name), dated: documentDateLine(doc.lines), modifiedMs };
}

const fileName = (name: string) => name.split('/').pop() ?? name;

/** When a document is, from the best source it has; null when it has none at all. */
export function whenOf(candidate: PredecessorCandidate): When | null {
  const fromName = dateInText(fileName(candidate.name));
  if (fromName) return { date: fromName, source: 'name' };
  const fromTitle = dateInText(candidate.title);
  if (fromTitle) return { date: fromTitle, source: 'title' };
  const fromLine = candidate.dated === null ? null : dateInText(candidate.dated);
  if (fromLine) return { date: fromLine, source: 'document' };
  if (candidate.modifiedMs === null) return null;
  const d = new Date(candidate.modifiedMs);
  return { date: { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() }, source: 'modified' };
}

/**
 * Negative when `a` is before `b`, positive after, 0 when the dates cannot tell them apart: they
 * are compared only as far as both are precise ("2024" and "2024-05-01" are the same year).
 */
export function compareWhen(a: PartialDate, b: PartialDate): number {
  if (a.year !== b.year) return a.year - b.year;
  if (a.month === null || b.month === null) return 0;
  if (a.month !== b.month) return a.month - b.month;
  if (a.day === null || b.day === null) return 0;
  return a.day - b.day;
}

/** A project name as compared: case, spaces and punctuation ignored ("Kube-OVN" = "kube ovn"). */
export function projectKey(project: string): string {
  return nameWords(project).join('');
}

/**
 * Before in time: by date, then by modification time when the dates tie. A document dated only
 * by its file time is compared with other such documents only, never with a dated one.
 */
function isBefore(a: PredecessorCandidate, aWhen: When, b: PredecessorCandidate, bWhen: When): boolean {
  if ((aWhen.source === 'modified') !== (bWhen.source === 'modified')) return false;
  const byDate = compareWhen(aWhen.date, bWhen.date);
  if (byDate !== 0) return byDate < 0;
  return a.modifiedMs !== null && b.modifiedMs !== null && a.modifiedMs < b.modifiedMs;
}

/**
 * The latest document of the same project dated before `target`, or null; among them those of
 * target's kind when there are any (an annual review follows the annual review before it).
 */
export function matchPredecessor(target: PredecessorCandidate, candidates: readonly PredecessorCandidate[]): PredecessorCandidate | null {
  const key = projectKey(target.project);
  const when = whenOf(target);
  if (key === '' || when === null) return null;
  const earlier: Array<{ candidate: PredecessorCandidate; when: When }> = [];
  for (const candidate of candidates) {
    if (candidate.name === target.name || projectKey(candidate.project) !== key) continue;
    const candidateWhen = whenOf(candidate);
    if (candidateWhen && isBefore(candidate, candidateWhen, target, when)) earlier.push({ candidate, when: candidateWhen });
  }
  const sameKind = target.kind && target.kind !== 'other' ? earlier.filter((e) => e.candidate.kind === target.kind) : [];
  let best: { candidate: PredecessorCandidate; when: When } | null = null;
  for (const entry of sameKind.length > 0 ? sameKind : earlier) {
    if (!best || isBefore(best.candidate, best.when, entry.candidate, entry.when)) best = entry;
  }
  return best?.candidate ?? null;
}

/**
 * Every document's predecessor: the one chosen by hand when it is still in the workspace (null
 * chosen: none), else the match. Documents without one are left out of the map.
 */
export function resolvePredecessors(candidates: readonly PredecessorCandidate[], choices: PredecessorChoices): Map<string, Predecessor> {
  const names = new Set(candidates.map((c) => c.name));
  const result = new Map<string, Predecessor>();
  for (const candidate of candidates) {
    if (Object.hasOwn(choices, candidate.name)) {
      const chosen = choices[candidate.name]!;
      if (chosen === null) continue;
      if (chosen !== candidate.name && names.has(chosen)) {
        result.set(candidate.name, { name: chosen, how: 'chosen' });
        continue;
      }
      // A choice naming a document no longer here falls back to the match.
    }
    const matched = matchPredecessor(candidate, candidates);
    if (matched) result.set(candidate.name, { name: matched.name, how: 'matched' });
  }
  return result;
}
