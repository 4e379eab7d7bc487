// A pure parser of the shapes the CNCF TOC's review templates are written in, for importing a
// template as a criteria set and for finding a template's items in a filled application or DD.
//
// API (all line numbers 1-based lines of the text as given, split by core/document/lines.ts):
//
//   parseTemplate(text): ParsedTemplate
//     { title, titles, version, shape, items, groups }
//     shape 'checklist'  `- [ ] **Title.**` task items (also `[x]`/`[X]`, no bold, numbered,
//                        emoji, titles over several lines, a bare `[ ]`), grouped by `##`
//                        sections, `### Required` / `### Suggested` setting `required`
//     shape 'questions'  bulleted questions under headings (the General Technical Review and
//                        domain review templates): each question an item, nested bullets its
//                        guidance; a label bullet ("Security Hygiene") lends its name to the
//                        questions under it
//     shape 'statements' whole-bold statements each followed by a level line
//                        (`**Incubating:** Suggested | **Graduated:** Required`: the
//                        Governance Review template); `levels` holds that line
//     shape null         no items: not a template
//   Each TemplateItem: title (plain), rawTitle (as written), emphasised (bold title), line/titleEndLine/endLine, body
//   (the block's other non-blank lines, as written), guidance (body lines without placeholders,
//   as plain text), checked (the box's state; null when there is no box), required (null when
//   the template does not say), group (`##` title), subsection, section ("Group / Sub"),
//   position (1-based among items), levels.
//   template-text.ts exports the placeholder, title and version rules used here.
import { splitLines } from '../document/lines.js';
import { checkboxLine, cleanTitle, versionOf } from './template-text.js';
import { questionItems, statementItems } from './template-questions.js';
import { guidanceOf, itemBlock, scanLines, sectionName } from './template-scan.js';
import type { ParsedTemplate, ScannedLine, TemplateGroup, TemplateItem, TemplateShape } from './template-types.js';

export type { ParsedTemplate, TemplateGroup, TemplateItem, TemplateLine, TemplateShape } from './template-types.js';

/** Split a checkbox's text into its title (the bold run, else the line) and what follows. */
function checkboxTitle(scanned: readonly ScannedLine[], index: number, rest: string): { raw: string; endIndex: number; after: string; bold: boolean } {
  const open = rest.search(/\*\*|__/);
  if (open >= 0 && /^[^\p{L}\p{N}]*$/u.test(cleanTitle(rest.slice(0, open)) || '')) {
    const mark = rest.slice(open, open + 2);
    let raw = rest.slice(open + 2);
    let endIndex = index;
    // The bold run may wrap onto following lines; it ends at its closing mark.
    for (let close = raw.indexOf(mark); close < 0; close = raw.indexOf(mark)) {
      const next = scanned[endIndex + 1];
      if (!next || next.hidden || next.heading || next.text.trim() === '' || checkboxLine(next.text) || endIndex - index >= 8) {
        return { raw: `${rest.slice(0, open)}${raw}`, endIndex, after: '', bold: false };
      }
      raw += ` ${next.text.trim()}`;
      endIndex++;
    }
    const close = raw.indexOf(mark);
    return { raw: `${rest.slice(0, open)}${raw.slice(0, close)}`, endIndex, after: raw.slice(close + 2).trim(), bold: true };
  }
  // No bold: the title is the line and any lines that continue its paragraph.
  let raw = rest;
  let endIndex = index;
  for (let next = scanned[index + 1]; next && !next.hidden && !next.heading && next.text.trim() !== '' && !/^\s*(?:[-*+]|\d{1,3}[.)])\s/.test(next.text); next = scanned[endIndex + 1]) {
    if (endIndex - index >= 8) break;
    raw += ` ${next.text.trim()}`;
    endIndex++;
  }
  return { raw, endIndex, after: '', bold: false };
}

function checklistItems(scanned: readonly ScannedLine[]): TemplateItem[] {
  const items: TemplateItem[] = [];
  let i = 0;
  while (i < scanned.length) {
    const s = scanned[i]!;
    const box = s.hidden ? null : checkboxLine(s.text);
    if (!box) {
      i++;
      continue;
    }
    const title = checkboxTitle(scanned, i, box.rest);
    // A box indented deeper than this item's own is part of its block (a sub-check), not an item.
    const isItemStart = (t: ScannedLine) => {
      const other = checkboxLine(t.text);
      return other !== null && other.indent <= box.indent;
    };
    const block = itemBlock(scanned, title.endIndex, isItemStart);
    const body = title.after ? [{ line: s.line, text: title.after }, ...block.body] : block.body;
    items.push({
      title: cleanTitle(title.raw),
      rawTitle: title.raw.trim(),
      emphasised: title.bold,
      line: s.line,
      titleEndLine: scanned[title.endIndex]!.line,
      endLine: scanned[Math.max(block.end, title.endIndex)]!.line,
      body,
      guidance: guidanceOf(body),
      checked: box.checked,
      required: s.required,
      group: s.group,
      subsection: s.subsection,
      section: sectionName(s.group, s.subsection),
      position: 0,
      levels: {},
    });
    i = Math.max(block.end, title.endIndex) + 1;
  }
  return items.filter((item) => item.title !== '');
}

function versionOfTemplate(scanned: readonly ScannedLine[]): string | null {
  for (const s of scanned) {
    if (s.hidden) continue;
    const version = versionOf(s.text);
    if (version !== null) return version;
  }
  return null;
}

/** Parse a template (or a document filled from one); see the header for the shapes. */
export function parseTemplate(text: string): ParsedTemplate {
  const scanned = scanLines(splitLines(text));
  const titles = scanned.flatMap((s) => (s.heading?.level === 1 ? [{ text: s.heading.text, line: s.line }] : []));
  const title = titles[0]?.text ?? null;
  let shape: TemplateShape | null = null;
  let items = checklistItems(scanned);
  if (items.length > 0) shape = 'checklist';
  else {
    items = statementItems(scanned);
    if (items.length > 0) shape = 'statements';
    else {
      items = questionItems(scanned);
      if (items.length > 0) shape = 'questions';
    }
  }
  items.forEach((item, index) => (item.position = index + 1));
  const groups: TemplateGroup[] = [];
  for (const item of items) {
    if (item.group === null || groups.some((g) => g.title === item.group)) continue;
    const heading = [...scanned].reverse().find((s) => s.line <= item.line && s.heading?.level === 2);
    groups.push({ title: item.group, line: heading?.line ?? item.line });
  }
  return { title, titles, version: versionOfTemplate(scanned), shape, items, groups };
}
