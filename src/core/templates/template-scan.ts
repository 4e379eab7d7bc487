// Line scanning shared by the template shapes: hidden regions (code fences, HTML comments, front
// matter), headings and the group / Required-Suggested context each line sits in, item blocks
// and guidance text. Pure.
import { stripInline } from '../document/inline.js';
import { isPlaceholderOnly, requiredOfHeading } from './template-text.js';
import type { ScannedLine, TemplateLine } from './template-types.js';

const HEADING = /^ {0,3}(#{1,6})[ \t]+(.*?)[ \t#]*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const RULE = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;

/** Every line with its context: hidden regions, headings and the group/required in force. */
export function scanLines(lines: readonly string[]): ScannedLine[] {
  const out: ScannedLine[] = [];
  let fence: string | null = null;
  let comment = false;
  let group: string | null = null;
  let subsection: string | null = null;
  let required: boolean | null = null;
  const frontMatterEnd = lines[0]?.trim() === '---' ? lines.findIndex((l, i) => i > 0 && /^(?:---|\.\.\.)\s*$/.test(l)) : -1;
  lines.forEach((text, index) => {
    let hidden = index <= frontMatterEnd || fence !== null || comment;
    const fenceMatch = FENCE.exec(text);
    if (fenceMatch && !comment && index > frontMatterEnd) {
      if (fence === null) fence = fenceMatch[1]![0]!;
      else if (fenceMatch[1]![0] === fence) fence = null;
      hidden = true;
    }
    if (!hidden && fence === null) {
      // A comment that opens and does not close on this line hides the lines after it.
      const open = text.lastIndexOf('<!--');
      if (open >= 0 && text.indexOf('-->', open) < 0) comment = true;
      // A line that is only a comment is hidden too (it is a placeholder, not content).
      if (/^\s*<!--/.test(text) && (text.includes('-->') ? /-->\s*$/.test(text) : true)) hidden = true;
    } else if (comment && text.includes('-->')) {
      comment = false;
      hidden = true;
    }
    const match = hidden ? null : HEADING.exec(text);
    const heading = match ? { level: match[1]!.length, text: stripInline(match[2]!) } : null;
    if (heading) {
      if (heading.level <= 2) {
        group = heading.level === 2 ? heading.text : null;
        subsection = null;
        required = null;
      } else if (heading.level === 3) {
        const marks = requiredOfHeading(heading.text);
        if (marks !== null) required = marks;
        else {
          subsection = heading.text;
          required = null;
        }
      }
    }
    out.push({ line: index + 1, text, hidden, heading, rule: !hidden && RULE.test(text), group, subsection, required });
  });
  return out;
}

export function sectionName(group: string | null, subsection: string | null): string {
  return [group, subsection].filter((part) => part !== null && part !== '').join(' / ');
}

/** The block after an item's title: up to the next item (per `isItemStart`), heading or rule. */
export function itemBlock(scanned: readonly ScannedLine[], from: number, isItemStart: (s: ScannedLine) => boolean): { body: TemplateLine[]; end: number } {
  const body: TemplateLine[] = [];
  let end = from;
  for (let i = from + 1; i < scanned.length; i++) {
    const s = scanned[i]!;
    if (s.heading || s.rule || (!s.hidden && isItemStart(s))) break;
    if (s.text.trim() === '') continue;
    body.push({ line: s.line, text: s.text });
    end = i;
  }
  return { body, end };
}

/** Body lines as guidance: placeholders and comments dropped, list marks and markup stripped. */
export function guidanceOf(body: readonly TemplateLine[]): string[] {
  return body
    .filter((b) => !isPlaceholderOnly(b.text))
    .map((b) => stripInline(b.text.replace(/^\s*(?:[-*+]|\d{1,3}[.)])\s+(?:\[[ xX]\]\s*)?/, '')))
    .filter((text) => text !== '');
}

