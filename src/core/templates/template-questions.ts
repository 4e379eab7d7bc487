// The two review-template shapes without task boxes: bulleted questions under headings (General
// Technical Review, domain technical review) and whole-bold statements followed by a level line
// (Governance Review). Pure; used by template-parse.ts, which documents the API.
import { stripInline } from '../document/inline.js';
import { guidanceOf, itemBlock, sectionName } from './template-scan.js';
import type { ScannedLine, TemplateItem } from './template-types.js';
import { cleanTitle, indentOf } from './template-text.js';

const BULLET = /^(\s*)(?:[-*+]|\d{1,3}[.)])[ \t]+(.*\S)\s*$/;

// First words of a question or an ask in these templates ("Describe…", "How…", "Please…").
const ASKING = new Set(
  'describe explain how what which why who whom whose when where is are does do did can could will would should has have please outline define list provide identify document give state share summarise summarize detail'.split(' '),
);

/** Whether a bullet's text asks something: ends with "?" or starts with an asking word. */
export function isQuestion(text: string): boolean {
  const plain = cleanTitle(text);
  if (plain.split(/\s+/).length < 3) return false;
  if (/\?\s*$/.test(plain)) return true;
  const first = /^[\p{L}]+/u.exec(plain)?.[0]?.toLowerCase();
  return first !== undefined && ASKING.has(first);
}

interface Bullet {
  index: number;
  indent: number;
  text: string;
}

function bulletOf(s: ScannedLine, index: number): Bullet | null {
  if (s.hidden) return null;
  const match = BULLET.exec(s.text);
  return match ? { index, indent: indentOf(match[1]!), text: match[2]! } : null;
}

/**
 * Questions: a bullet that asks is an item, the bullets under it its guidance; a bullet that
 * does not ask ("Security Hygiene") is a label, and the questions nested under it are items.
 */
export function questionItems(scanned: readonly ScannedLine[]): TemplateItem[] {
  const items: TemplateItem[] = [];
  // The label bullets currently open, innermost last.
  let labels: Bullet[] = [];
  let until = -1;
  scanned.forEach((s, index) => {
    if (s.heading || s.rule) labels = [];
    const bullet = bulletOf(s, index);
    if (!bullet || index <= until) return;
    labels = labels.filter((label) => label.indent < bullet.indent);
    if (!isQuestion(bullet.text)) {
      labels.push(bullet);
      return;
    }
    const block = itemBlock(scanned, index, (t) => {
      const other = BULLET.exec(t.text);
      return other !== null && indentOf(other[1]!) <= bullet.indent;
    });
    until = block.end;
    const label = labels.map((l) => cleanTitle(l.text)).join(' / ');
    items.push({
      title: cleanTitle(bullet.text),
      rawTitle: bullet.text,
      emphasised: false,
      line: s.line,
      titleEndLine: s.line,
      endLine: scanned[block.end]!.line,
      body: block.body,
      guidance: guidanceOf(block.body),
      checked: null,
      required: null,
      group: s.group,
      subsection: s.subsection,
      section: [sectionName(s.group, s.subsection), label].filter(Boolean).join(' / '),
      position: 0,
      levels: {},
    });
  });
  return items;
}

// `**Incubating:** Suggested | **Graduated:** Required`
const LEVEL_PAIR = /\*\*([^*:\n]{1,40}):\*\*\s*([^|*\n]{1,40})/g;

function levelsOf(text: string): Record<string, string> | null {
  if (!/^\s*\*\*[^*:\n]{1,40}:\*\*/.test(text)) return null;
  const levels: Record<string, string> = {};
  for (const match of text.matchAll(LEVEL_PAIR)) levels[match[1]!.trim()] = match[2]!.trim();
  // A level line names at least one level with a Required/Suggested/N/A value.
  return Object.values(levels).some((value) => /^(required|suggested|n\/a)$/i.test(value)) ? levels : null;
}

/**
 * Statements: a paragraph that is wholly bold, followed (within a few lines) by its level line.
 * A bold paragraph without a level line (a section's intro) is not an item.
 */
export function statementItems(scanned: readonly ScannedLine[]): TemplateItem[] {
  const items: TemplateItem[] = [];
  const starts: number[] = [];
  const found: { start: number; end: number; levels: Record<string, string>; raw: string }[] = [];
  for (let i = 0; i < scanned.length; i++) {
    const s = scanned[i]!;
    if (s.hidden || s.heading || !/^\s*\*\*(?![^*\n]{1,40}:\*\*)/.test(s.text)) continue;
    if (i > 0 && scanned[i - 1]!.text.trim() !== '' && !scanned[i - 1]!.heading) continue;
    // The paragraph: this line and the non-blank lines after it, up to a closing "**".
    let end = i;
    let raw = s.text.trim();
    while (!/\*\*\s*(?:<br\s*\/?>)?\s*$/.test(scanned[end]!.text) && end + 1 < scanned.length && scanned[end + 1]!.text.trim() !== '' && end - i < 8) {
      end++;
      raw += ` ${scanned[end]!.text.trim()}`;
    }
    let levels: Record<string, string> | null = null;
    let levelLine = end;
    for (let j = end + 1; j < Math.min(scanned.length, end + 4) && levels === null; j++) {
      const text = scanned[j]!.text.replace(/<br\s*\/?>/gi, '').trim();
      if (text === '') continue;
      levels = levelsOf(text);
      levelLine = j;
      if (levels === null) break;
    }
    if (levels === null) continue;
    starts.push(i);
    found.push({ start: i, end: levelLine, levels, raw: raw.replace(/<br\s*\/?>\s*$/i, '').replace(/^\*\*|\*\*$/g, '') });
    i = levelLine;
  }
  const startSet = new Set(starts);
  for (const entry of found) {
    const s = scanned[entry.start]!;
    const block = itemBlock(scanned, entry.end, (t) => startSet.has(t.line - 1));
    const body = block.body;
    items.push({
      title: cleanTitle(stripInline(entry.raw)),
      rawTitle: entry.raw,
      emphasised: true,
      line: s.line,
      titleEndLine: scanned[entry.end]!.line,
      endLine: scanned[Math.max(block.end, entry.end)]!.line,
      body,
      guidance: guidanceOf(body),
      checked: null,
      required: null,
      group: s.group,
      subsection: s.subsection,
      section: sectionName(s.group, s.subsection),
      position: 0,
      levels: entry.levels,
    });
  }
  return items;
}
