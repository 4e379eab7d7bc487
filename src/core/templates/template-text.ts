// Text rules shared by the template parser and by whoever compares a filled document with its
// template: what a placeholder is, how a checkbox or question title is cleaned, where the
// version line is. Pure; every pattern is linear (document text is untrusted).
import { stripInline } from '../document/inline.js';

/**
 * The template's own fill-in marks: HTML comments (`<!-- (Project assertion goes here) -->`),
 * `$LINK` / `$PROJECT`-style variables, date masks, empty links and `[has/has not]` choices.
 */
const PLACEHOLDERS: readonly RegExp[] = [
  /<!--[\s\S]*?(?:-->|$)/g,
  /\$[A-Z][A-Z0-9_]*/g,
  /\b(?:DD-MMM-YYYY|YYYY-MM-DD|YYYYMMDD|MM\/DD\/YYYY|MONTH YEAR)\b/g,
  /\[[^\]\n]*\]\(\s*\)/g,
  /\[(?:[^\]\n/]*\/)+[^\]\n]*\](?!\()/g,
];

/** The text with every placeholder removed (whitespace collapsed). */
export function stripPlaceholders(text: string): string {
  let out = text;
  for (const pattern of PLACEHOLDERS) out = out.replace(pattern, ' ');
  return out.replace(/\s+/g, ' ').trim();
}

/** True when a line (or block) holds nothing but placeholders, list marks and punctuation. */
export function isPlaceholderOnly(text: string): boolean {
  return !/[\p{L}\p{N}]/u.test(stripInline(stripPlaceholders(text)));
}

/** Whether a line is (part of) an HTML comment that the template leaves for the answer. */
export function isCommentLine(line: string): boolean {
  return /^\s*<!--/.test(line) || /-->\s*$/.test(line);
}

// A list item with a task box: `- [ ]`, `* [x]`, `1. [X]`, or a bare `[ ]` at the line start.
const CHECKBOX = /^(\s*)(?:(?:[-*+]|\d{1,3}[.)])[ \t]+)?\[([ xX])\][ \t]*(.*)$/;

export interface CheckboxLine {
  indent: number;
  checked: boolean;
  /** The text after the box, as written. */
  rest: string;
}

export function checkboxLine(line: string): CheckboxLine | null {
  const match = CHECKBOX.exec(line);
  if (!match) return null;
  return { indent: indentOf(match[1]!), checked: match[2] !== ' ', rest: match[3]! };
}

/** Columns of leading white space (a tab counts four, as in CommonMark list nesting). */
export function indentOf(space: string): number {
  let width = 0;
  for (const ch of space) {
    if (ch === ' ') width++;
    else if (ch === '\t') width += 4 - (width % 4);
    else break;
  }
  return width;
}

// Leading numbering ("1.", "2)", "(3)", "A.") and emoji or :shortcodes: reviewers add to titles.
const LEAD_NUMBER = /^(?:\(?\d{1,3}[.)]|\(?[A-Za-z][.)](?=\s))\s*/;
const LEAD_EMOJI = /^(?:[\p{Extended_Pictographic}\u{1F1E6}-\u{1F1FF}\u200d\ufe0f\u20e3]+|:[a-z0-9_+-]+:)\s*/u;

/** A title without list numbering, emoji, markup and surrounding space. */
export function cleanTitle(markdown: string): string {
  let text = stripInline(markdown);
  for (let i = 0; i < 4; i++) {
    const next = text.replace(LEAD_EMOJI, '').replace(LEAD_NUMBER, '');
    if (next === text) break;
    text = next;
  }
  return text.replace(/\s*[\p{Extended_Pictographic}\ufe0f]+\s*$/u, '').trim();
}

/**
 * A title as words for matching: lower case, letters and digits only. Two titles that differ
 * only in markup, numbering, emoji, case or punctuation have the same key.
 */
export function titleKey(title: string): string {
  return cleanTitle(title)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const VERSION_LINE = /^\s*(?:[-*+]\s+)?(?:\*\*|__)?(?:template\s+)?version(?:\*\*|__)?\s*:?\s*(?:\*\*|__)?\s*(v?\d+(?:\.\d+){0,3})\b/i;
const BARE_VERSION = /^\s*(v\d+(?:\.\d+){0,3})\s*$/i;

/** The version a line states ("v1.6", "Template Version: v1.0", "Version 2"), or null. */
export function versionOf(line: string): string | null {
  const match = BARE_VERSION.exec(line) ?? VERSION_LINE.exec(line);
  return match ? match[1]! : null;
}

const REQUIRED_HEADING = /^(required|suggested)\b/i;

/** `### Required` -> true, `### Suggested` -> false, other headings -> null. */
export function requiredOfHeading(text: string): boolean | null {
  const match = REQUIRED_HEADING.exec(cleanTitle(text));
  if (!match) return null;
  return match[1]!.toLowerCase() === 'required';
}
