// Builds the evidence pane of one criterion as rows of terminal text: the reviewer's score and
// note, the suggestion and its rationale, explicit gaps, the extracted facts, other reviewers'
// scores, then each evidence passage as rendered markdown with source line numbers in a gutter.
// Pure given the markdown renderer; the pane windows these rows.
import type { CriteriaItem, CriteriaSet } from '../core/criteria/criteria.js';
import { scaleLabel, scoreWithLabel } from '../core/criteria/criteria-scale.js';
import type { CriterionEvidence, EvidencePassage, Facts } from '../core/evidence/extract-types.js';
import { FACT_REGISTRY } from '../core/facts/registry.js';
import { sanitizeLine, sanitizeText } from '../core/sanitize.js';
import type { MarkdownRenderer, RenderedRow } from './markdown.js';
import { claimLine, markedLine } from './template-rows.js';
import { wrapText } from './text.js';

export type Tone = 'title' | 'label' | 'dim' | 'warn' | 'good' | 'header' | 'plain' | 'ansi';

export interface Row {
  text: string;
  tone: Tone;
  /** Index of the passage this row belongs to, if any. */
  passage?: number;
}

export interface Citation {
  startLine: number;
  endLine: number;
  quote: string;
}

/** What the pane needs of the reviewer's item in the score file. */
export interface ItemView {
  score: number | 'na' | null;
  notes: string;
  cited: Citation[];
}

export interface OtherScore {
  reviewer: string;
  score: number | 'na' | null;
  notes: string;
}

export interface EvidenceLayout {
  rows: Row[];
  /** Row index of each passage's header. */
  passageStarts: number[];
  passages: EvidencePassage[];
}

export interface EvidenceInput {
  criteria: CriteriaSet;
  item: CriteriaItem;
  evidence: CriterionEvidence | undefined;
  facts: Facts | undefined;
  lines: readonly string[];
  view: ItemView;
  others: OtherScore[];
  width: number;
  render: MarkdownRenderer | null;
}

/** Passages longer than this are cut; the document viewer shows the rest. */
export const MAX_PASSAGE_LINES = 150;
/** Facts listed per kind; a huge document can yield thousands, which help nobody on screen. */
export const MAX_FACTS = 40;

export function isCited(view: ItemView, passage: { startLine: number; endLine: number }): boolean {
  return view.cited.some((c) => c.startLine === passage.startLine && c.endLine === passage.endLine);
}

/** Split source lines into markdown blocks at blank lines, keeping fenced code whole. */
export function splitBlocks(lines: readonly string[], firstLine: number): { line: number; source: string }[] {
  const blocks: { line: number; source: string }[] = [];
  let current: string[] = [];
  let start = firstLine;
  let fence: string | null = null;
  lines.forEach((text, index) => {
    const fenceMatch = /^\s{0,3}(`{3,}|~{3,})/.exec(text);
    if (fenceMatch) {
      if (fence === null) fence = fenceMatch[1]![0]!;
      else if (fenceMatch[1]![0] === fence) fence = null;
    }
    if (text.trim() === '' && fence === null) {
      if (current.length > 0) blocks.push({ line: start, source: current.join('\n') });
      current = [];
      return;
    }
    if (current.length === 0) start = firstLine + index;
    current.push(text);
  });
  if (current.length > 0) blocks.push({ line: start, source: current.join('\n') });
  return blocks;
}

/** A block as plain text (before the markdown renderer has loaded), each source line numbered. */
function plainRows(source: string, width: number): RenderedRow[] {
  return source.split('\n').flatMap((line, index) => wrapText(sanitizeText(line), width).map((text, i) => (i === 0 ? { text, line: index } : { text })));
}

function factRows(item: CriteriaItem, facts: Facts | undefined, width: number): Row[] {
  if (!facts) return [];
  const rows: Row[] = [];
  for (const kind of item.hints.facts) {
    for (const line of FACT_REGISTRY[kind].pane(facts, MAX_FACTS)) {
      // A kind's label row is the tool's own text; the rest quote the document, so wrap and sanitise.
      if (line.tone === 'label') rows.push({ text: line.text, tone: 'label' });
      else for (const row of wrapText(sanitizeText(line.text), width)) rows.push({ text: row, tone: line.tone });
    }
  }
  return rows;
}

/** The part that depends on the reviewer's item (score, note, citations) and other reviewers. */
export function buildEvidenceHead(input: Pick<EvidenceInput, 'criteria' | 'item' | 'evidence' | 'view' | 'others' | 'width'>): Row[] {
  const { criteria, item, evidence, view } = input;
  const w = Math.max(10, input.width);
  const rows: Row[] = [];
  const add = (text: string, tone: Tone = 'plain') => {
    for (const row of wrapText(text, w)) rows.push({ text: row, tone });
  };
  add(sanitizeLine(item.title), 'title');
  add(sanitizeLine(item.question), 'dim');
  rows.push({ text: '', tone: 'plain' });
  const scoreText = scoreWithLabel(criteria, view.score);
  add(`Your score: ${scoreText}`, view.score === null ? 'warn' : 'good');
  if (evidence) {
    const s = evidence.suggestion;
    const suggested = s.score === null ? 'none' : `${s.score} ${scaleLabel(criteria, s.score)}`;
    add(`Suggested: ${suggested}`, 'label');
    if (s.rationale) add(sanitizeText(s.rationale), 'dim');
    // A filled template: the document's tick is the project's claim, shown apart from the score.
    if (evidence.template !== undefined) {
      const claim = claimLine(evidence.template);
      add(claim.text, claim.warn ? 'warn' : 'label');
    }
    for (const gap of evidence.gaps ?? []) add(`Missing: ${sanitizeText(gap)}`, 'warn');
  } else {
    add('Suggested: none (no extraction for this criterion)', 'dim');
  }
  if (view.notes.trim() !== '') add(`Note: ${sanitizeText(view.notes)}`, 'plain');
  if (view.cited.length > 0) add(`Cited: ${view.cited.map((c) => (c.startLine === c.endLine ? `line ${c.startLine}` : `lines ${c.startLine}-${c.endLine}`)).join(', ')}`, 'good');
  if (input.others.length > 0) {
    add(
      `Other reviewers: ${input.others.map((o) => `${sanitizeLine(o.reviewer)} ${scoreWithLabel(criteria, o.score)}`).join(' · ')}`,
      'label',
    );
  }
  // What "met" looks like, from the criteria set: the bar the reviewer scores against. After the
  // scores, so the first screen at 80x24 still shows the suggestion.
  if (item.guidance) {
    rows.push({ text: '', tone: 'plain' });
    add(sanitizeLine(item.guidance), 'dim');
  }
  return rows;
}

/**
 * The part that depends only on the document, the criterion and the width: facts and passages.
 * The expensive part (markdown rendering), so the screen caches it per criterion and width.
 */
export function buildEvidenceBody(input: Omit<EvidenceInput, 'view' | 'others'>): EvidenceLayout {
  const { item, evidence } = input;
  const w = Math.max(10, input.width);
  const rows: Row[] = [];
  const add = (text: string, tone: Tone = 'plain') => {
    for (const row of wrapText(text, w)) rows.push({ text: row, tone });
  };
  const facts = factRows(item, input.facts, w);
  if (facts.length > 0) {
    rows.push({ text: '', tone: 'plain' });
    for (const row of facts) rows.push(row);
  }
  const passages = evidence?.evidence ?? [];
  const passageStarts: number[] = [];
  rows.push({ text: '', tone: 'plain' });
  if (passages.length === 0) add('No evidence passages found for this criterion.', 'warn');

  const digits = String(Math.max(1, input.lines.length)).length;
  const gutterWidth = digits + 3;
  const bodyWidth = Math.max(10, w - gutterWidth);
  passages.forEach((passage, index) => {
    passageStarts.push(rows.length);
    const range = passage.startLine === passage.endLine ? `line ${passage.startLine}` : `lines ${passage.startLine}-${passage.endLine}`;
    const heading = passage.heading ? ` · ${sanitizeLine(passage.heading)}` : '';
    // Two cells narrower: the pane puts a marker before header rows, and " [cited]" after.
    for (const row of wrapText(`Passage ${index + 1}/${passages.length} · ${range}${heading}`, w - 11)) {
      rows.push({ text: row, tone: 'header', passage: index });
    }
    if (passage.reason) for (const row of wrapText(sanitizeLine(passage.reason), w)) rows.push({ text: row, tone: 'dim', passage: index });
    const last = Math.min(passage.endLine, passage.startLine + MAX_PASSAGE_LINES - 1, input.lines.length);
    const source = input.lines.slice(passage.startLine - 1, last);
    const template = evidence?.template;
    const isTemplateBlock = index === 0 && !!template && template.line === passage.startLine;
    for (const block of splitBlocks(source, passage.startLine)) {
      if (isTemplateBlock && pushMarked(rows, block, digits, bodyWidth, index)) continue;
      const rendered = input.render ? input.render(block.source, bodyWidth) : plainRows(block.source, bodyWidth);
      // Every row that starts a source line (paragraph line, list item, table row) is numbered.
      const numbered = rendered.some((row) => row.line !== undefined);
      rendered.forEach((row, i) => {
        const line = row.line !== undefined ? block.line + row.line : !numbered && i === 0 ? block.line : null;
        const gutter = line !== null ? `${String(line).padStart(digits)} │ ` : `${' '.repeat(digits)} │ `;
        rows.push({ text: gutter + row.text, tone: input.render ? 'ansi' : 'plain', passage: index });
      });
    }
    if (last < passage.endLine) {
      rows.push({ text: `… ${passage.endLine - last} more lines (o opens the document here)`, tone: 'dim', passage: index });
    }
    rows.push({ text: '', tone: 'plain', passage: index });
  });
  return { rows, passageStarts, passages };
}

/**
 * A block of the template item holding placeholders, as written (the renderer would drop a
 * comment), each placeholder marked as not answered. False when the block has none.
 */
function pushMarked(rows: Row[], block: { line: number; source: string }, digits: number, width: number, passage: number): boolean {
  const lines = block.source.split('\n');
  const marked = lines.map(markedLine);
  if (marked.every((m) => m === null)) return false;
  lines.forEach((text, i) => {
    const shown = marked[i] ?? sanitizeText(text);
    wrapText(shown, width).forEach((row, k) => {
      const gutter = k === 0 ? `${String(block.line + i).padStart(digits)} │ ` : `${' '.repeat(digits)} │ `;
      rows.push({ text: gutter + row, tone: marked[i] !== null ? 'warn' : 'plain', passage });
    });
  });
  return true;
}

/** Head and body together, passage rows offset by the head. */
export function joinLayout(head: Row[], body: EvidenceLayout): EvidenceLayout {
  return { rows: head.concat(body.rows), passageStarts: body.passageStarts.map((row) => row + head.length), passages: body.passages };
}

export function buildEvidenceLayout(input: EvidenceInput): EvidenceLayout {
  return joinLayout(buildEvidenceHead(input), buildEvidenceBody(input));
}

/** The quote stored with a citation: the passage's first non-blank source line, trimmed. */
export function citationQuote(lines: readonly string[], passage: { startLine: number; endLine: number }): string {
  for (let line = passage.startLine; line <= Math.min(passage.endLine, lines.length); line++) {
    const text = lines[line - 1]!.trim();
    if (text !== '') return text.length > 200 ? `${text.slice(0, 199)}…` : text;
  }
  return '';
}
