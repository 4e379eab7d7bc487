// The pure pieces under the screens: text measuring and wrapping, the editor reducer, the review
// view reducer, document search, evidence layout, key hints and the saver.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createMarkdownRenderer } from '../../src/tui/markdown.js';
import stringWidth from 'string-width';
import { displayWidth, expandTabs, fit, TAB_STOP, truncate, truncateMiddle, wrapText } from '../../src/tui/text.js';
import { editorOf, editorReducer, type EditorAction } from '../../src/tui/state/editor.js';
import { activePassage, currentPassage, initialReviewView, passageJump, reviewViewReducer } from '../../src/tui/state/review-view.js';
import { clampPos, lastPage, matchLines, stepMatch, stepRows, topFor } from '../../src/tui/state/document-view.js';
import { buildEvidenceLayout, citationQuote, MAX_FACTS, splitBlocks } from '../../src/tui/evidence-lines.js';
import { BINDINGS, keyHints, scaleKeys } from '../../src/tui/keys.js';
import { createSaver } from '../../src/tui/saver.js';
import { createInputDecoder, NO_KEY, splitChunk } from '../../src/tui/input-decoder.js';
import { loadCriteria } from '../../src/store/criteria-files.js';

// A high or low surrogate without its other half (what a cut emoji leaves).
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

describe('text', () => {
  it('measures wide characters as two cells', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('日本')).toBe(4);
    expect(displayWidth('e\u0301')).toBe(1);
  });

  it('wraps to the width without losing words, and splits words that cannot fit', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.integer({ min: 1, max: 60 }), (text, width) => {
        const clean = text.replace(/[\x00-\x1f\x7f-\x9f]/g, ' ');
        const rows = wrapText(clean, width);
        for (const row of rows) expect(displayWidth(row)).toBeLessThanOrEqual(Math.max(width, 2));
        expect(rows.join('').replace(/\s/g, '')).toBe(clean.replace(/\s/g, ''));
      }),
    );
    expect(wrapText('aaaa bbbb cccc', 9)).toEqual(['aaaa bbbb', 'cccc']);
    expect(wrapText('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
    expect(wrapText('one\n\ntwo', 10)).toEqual(['one', '', 'two']);
  });

  it('measures emoji as Ink does and wraps between grapheme clusters, never inside a surrogate pair', () => {
    expect(displayWidth('🚀')).toBe(stringWidth('🚀'));
    expect(displayWidth('a🚀b👍🏽c')).toBe(stringWidth('a🚀b👍🏽c'));
    const text = `Emoji ${'🚀'.repeat(30)} then a${'😀'.repeat(25)} and e\u0301${'🇫🇷'.repeat(9)}`;
    for (const width of [5, 6, 7, 15, 16]) {
      const rows = wrapText(text, width);
      for (const row of rows) {
        expect(row).not.toMatch(LONE_SURROGATE);
        expect(row).not.toContain('\ufffd');
        expect(stringWidth(row)).toBeLessThanOrEqual(width);
      }
      expect(rows.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
    }
  });

  it('expands tabs to the next multiple of four columns, counted in cells', () => {
    expect(TAB_STOP).toBe(4);
    expect(expandTabs('\tx')).toBe('    x');
    expect(expandTabs('ab\tc\td')).toBe('ab  c   d');
    expect(expandTabs('日\tx')).toBe('日  x');
    expect(expandTabs('a\tb\n\tc')).toBe('a   b\n    c');
    expect(wrapText('x\ty', 20)).toEqual(['x   y']);
    expect(wrapText('\tindented', 20)).toEqual(['    indented']);
  });

  it('measures emoji as terminals and Ink do: presentation emoji, VS16 and ZWJ sequences are two cells', () => {
    expect(displayWidth('🚀')).toBe(2);
    expect(displayWidth('✅⚡')).toBe(4);
    expect(displayWidth('❤️')).toBe(2);
    expect(displayWidth('👨‍👩‍👧')).toBe(2);
    expect(displayWidth('👍🏽')).toBe(2);
    expect(displayWidth('🇩🇪')).toBe(2);
    expect(displayWidth('❤')).toBe(1);
    // Cutting never splits a sequence.
    expect(truncate('ab👨‍👩‍👧cd', 4)).toBe('ab…');
    expect(displayWidth(fit('Ada 🚀 Lovelace', 10))).toBe(10);
  });

  it('cuts in the middle when both ends matter', () => {
    const cut = truncateMiddle("NOT SAVED: ENOTDIR: not a directory, open '/tmp/ws/scores/kube-ovn/test.score.json'", 50);
    expect(displayWidth(cut)).toBeLessThanOrEqual(50);
    expect(cut.startsWith('NOT SAVED: ENOTDIR')).toBe(true);
    expect(cut.endsWith("test.score.json'")).toBe(true);
    expect(truncateMiddle('short', 10)).toBe('short');
  });

  it('truncates with an ellipsis and fits to an exact width', () => {
    expect(truncate('hello world', 8)).toBe('hello w…');
    expect(truncate('short', 8)).toBe('short');
    expect(fit('ab', 4)).toBe('ab  ');
    expect(displayWidth(fit('日本語テキスト', 5))).toBe(5);
  });
});

describe('editor reducer', () => {
  const run = (text: string, actions: EditorAction[]) => actions.reduce(editorReducer, editorOf(text));

  it('inserts, deletes and moves the cursor', () => {
    expect(run('', [{ type: 'insert', text: 'helo' }, { type: 'left' }, { type: 'insert', text: 'l' }]).text).toBe('hello');
    expect(run('hello', [{ type: 'backspace' }, { type: 'home' }, { type: 'delete' }]).text).toBe('ell');
    expect(run('one two  ', [{ type: 'deleteWord' }]).text).toBe('one ');
    expect(run('abc', [{ type: 'clear' }])).toEqual({ text: '', cursor: 0 });
    expect(run('a\r\nb', [{ type: 'insert', text: 'x\r\ny' }]).text).toBe('a\r\nbx\ny');
  });

  it('never splits a surrogate pair', () => {
    const state = run('a😀', [{ type: 'backspace' }]);
    expect(state.text).toBe('a');
    expect(run('😀b', [{ type: 'home' }, { type: 'right' }]).cursor).toBe(2);
  });

  it('keeps the cursor inside the text whatever the keys', () => {
    const action = fc.oneof(
      fc.string({ maxLength: 5 }).map((text): EditorAction => ({ type: 'insert', text })),
      fc.constantFrom<EditorAction>({ type: 'backspace' }, { type: 'delete' }, { type: 'left' }, { type: 'right' }, { type: 'home' }, { type: 'end' }, { type: 'deleteWord' }),
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), fc.array(action, { maxLength: 30 }), (text, actions) => {
        const state = run(text, actions);
        expect(state.cursor).toBeGreaterThanOrEqual(0);
        expect(state.cursor).toBeLessThanOrEqual(state.text.length);
      }),
    );
  });
});

describe('review view reducer', () => {
  it('moves the selection within bounds and resets the scroll on a new criterion', () => {
    let state = { ...initialReviewView(0), scroll: 5 };
    state = reviewViewReducer(state, { type: 'move', delta: 1, count: 4 });
    expect(state).toMatchObject({ selected: 1, scroll: 0 });
    state = reviewViewReducer(state, { type: 'move', delta: 10, count: 4 });
    expect(state.selected).toBe(3);
    state = reviewViewReducer(state, { type: 'move', delta: -10, count: 4 });
    expect(state.selected).toBe(0);
  });

  it('clamps scrolling to the content', () => {
    let state = initialReviewView();
    state = reviewViewReducer(state, { type: 'scroll', delta: 100, total: 30, height: 10 });
    expect(state.scroll).toBe(20);
    state = reviewViewReducer(state, { type: 'scroll', delta: -100, total: 30, height: 10 });
    expect(state.scroll).toBe(0);
    state = reviewViewReducer(state, { type: 'scroll', delta: 5, total: 8, height: 10 });
    expect(state.scroll).toBe(0);
  });

  it('jumps between passages and keeps the chosen one current even when it cannot scroll', () => {
    const starts = [10, 20, 40];
    expect(passageJump(starts, 0, 1)).toBe(10);
    expect(passageJump(starts, 20, -1)).toBe(10);
    expect(passageJump(starts, 40, 1)).toBeNull();
    expect(currentPassage(starts, 25, 5)).toBe(1);
    expect(currentPassage(starts, 0, 5)).toBeNull();
    expect(currentPassage(starts, 0, 15)).toBe(0);
    // Content 45 rows, window 30: the last passage's header cannot reach the top.
    let state = initialReviewView();
    for (let i = 0; i < 3; i++) state = reviewViewReducer(state, { type: 'passage', direction: 1, starts, total: 45, height: 30 });
    expect(state.scroll).toBe(15);
    expect(activePassage(state, starts, 30)).toBe(2);
    state = reviewViewReducer(state, { type: 'passage', direction: -1, starts, total: 45, height: 30 });
    expect(activePassage(state, starts, 30)).toBe(1);
    // Scrolling by hand hands the choice back to the scroll position.
    state = reviewViewReducer(state, { type: 'scroll', delta: -15, total: 45, height: 30 });
    expect(activePassage(state, starts, 30)).toBe(0);
  });
});

describe('document search', () => {
  const lines = ['Alpha', 'beta', 'GAMMA alpha', 'delta'];
  it('finds the next and previous match, case-insensitive, wrapping around', () => {
    const all = matchLines(lines, 'alpha');
    expect(all).toEqual([1, 3]);
    expect(stepMatch(all, 1, 1)).toEqual({ line: 3, index: 2, wrapped: null });
    expect(stepMatch(all, 3, 1)).toEqual({ line: 1, index: 1, wrapped: 1 });
    expect(stepMatch(all, 1, -1)).toEqual({ line: 3, index: 2, wrapped: -1 });
    expect(stepMatch(all, 3, -1)).toEqual({ line: 1, index: 1, wrapped: null });
    expect(stepMatch(matchLines(lines, 'zeta'), 1, 1)).toBeNull();
    expect(matchLines(lines, '')).toEqual([]);
    expect(stepMatch(all, 0, 1)).toEqual({ line: 1, index: 1, wrapped: null });
  });
  it('places a line near the top of the window with some context', () => {
    expect(topFor(50, 20, 100)).toBe(47);
    expect(topFor(1, 20, 100)).toBe(1);
  });
});

describe('document rows', () => {
  // Line 2 wraps into 5 rows, the others into 1; a window of 3 rows.
  const counts = [1, 5, 1, 1];
  const rowsOf = (line: number) => Array.from({ length: counts[line - 1]! }, (_, i) => `${line}.${i}`);

  it('scrolls by wrapped rows, through a line longer than the window, within the document', () => {
    let pos = { line: 1, row: 0 };
    const seen: string[] = [];
    for (let i = 0; i < 10; i++) {
      seen.push(`${pos.line}.${pos.row}`);
      pos = stepRows(pos, 1, 4, 3, rowsOf);
    }
    expect(seen).toEqual(['1.0', '2.0', '2.1', '2.2', '2.3', '2.4', '2.4', '2.4', '2.4', '2.4']);
    expect(stepRows({ line: 2, row: 4 }, -3, 4, 3, rowsOf)).toEqual({ line: 2, row: 1 });
    expect(stepRows({ line: 2, row: 1 }, -2, 4, 3, rowsOf)).toEqual({ line: 1, row: 0 });
    expect(stepRows({ line: 2, row: 0 }, -9, 4, 3, rowsOf)).toEqual({ line: 1, row: 0 });
  });

  it('puts the last row at the bottom for G, and clamps tops past it', () => {
    expect(lastPage(4, 3, rowsOf)).toEqual({ line: 2, row: 4 });
    expect(lastPage(4, 30, rowsOf)).toEqual({ line: 1, row: 0 });
    expect(clampPos({ line: 4, row: 0 }, 4, 3, rowsOf)).toEqual({ line: 2, row: 4 });
    expect(clampPos({ line: 2, row: 99 }, 4, 3, rowsOf)).toEqual({ line: 2, row: 4 });
    expect(lastPage(0, 3, rowsOf)).toEqual({ line: 1, row: 0 });
  });

  it('asks for the rows of no more lines than the window needs', () => {
    const asked = new Set<number>();
    const big = (line: number) => (asked.add(line), ['x']);
    stepRows({ line: 500_000, row: 0 }, 20, 1_000_000, 20, big);
    lastPage(1_000_000, 20, big);
    expect(asked.size).toBeLessThanOrEqual(45);
  });
});

describe('evidence layout', async () => {
  const criteria = await loadCriteria('cncf-incubation');
  const item = criteria.items[0]!;
  const lines = ['# Title', '', 'Adopters:', '', '- Acme', '- Globex', '', '```', 'code', '', 'more code', '```', 'end'];
  const base = {
    criteria,
    item,
    facts: { adopters: Array.from({ length: 100 }, (_, i) => ({ name: `Org${i}`, line: 5, reason: 'list in an adoption section' })), maintainers: [], metrics: [], versioning: [] },
    lines,
    view: { score: 2, notes: 'good \u001b]52;c;aGk=\u0007list', cited: [{ startLine: 3, endLine: 6, quote: 'Adopters:' }] },
    others: [{ reviewer: 'Grace', score: 1, notes: '' }],
    width: 60,
    render: null,
    evidence: {
      id: item.id,
      evidence: [
        { startLine: 3, endLine: 6, heading: 'Adopters', reason: 'names adopters' },
        { startLine: 8, endLine: 13, heading: 'Code', reason: 'x' },
      ],
      suggestion: { score: 2, rationale: 'two named' },
      gaps: ['no case studies'],
    },
  };

  it('lays out score, suggestion, gaps, capped facts and passages with line numbers', () => {
    const layout = buildEvidenceLayout(base);
    const text = layout.rows.map((r) => r.text).join('\n');
    // The criterion and its question come first; what "met" looks like follows the scores.
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain(`${item.title} ${item.question} Your score: 2 Met`);
    expect(flat).toContain(`Other reviewers: Grace 1 Partially met ${item.guidance}`);
    expect(text).toContain('Your score: 2 Met');
    expect(text).toContain('Suggested: 2 Met');
    expect(text).toContain('Missing: no case studies');
    expect(text).toContain('Other reviewers: Grace 1 Partially met');
    expect(text).toContain('Cited: lines 3-6');
    expect(text).toContain(`… and ${100 - MAX_FACTS} more`);
    expect(text).toContain(' 3 │ Adopters:');
    expect(text).toContain(' 5 │ - Acme');
    expect(layout.passageStarts).toHaveLength(2);
    expect(layout.rows[layout.passageStarts[1]!]!.text).toContain('Passage 2/2 · lines 8-13 · Code');
    for (const row of layout.rows) expect(displayWidth(row.text)).toBeLessThanOrEqual(60);
  });

  it('neutralises control sequences from the score file and the document', () => {
    const layout = buildEvidenceLayout({ ...base, lines: lines.map((l, i) => (i === 4 ? '- Acme\u001b[2J\u0007' : l)) });
    const text = layout.rows.map((r) => r.text).join('\n');
    expect(text).not.toMatch(/\u001b|\u0007/);
    expect(text).toContain('Note: good list');
  });

  it('keeps fenced code with blank lines in one block', () => {
    expect(splitBlocks(lines.slice(7), 8)).toEqual([{ line: 8, source: '```\ncode\n\nmore code\n```\nend' }]);
    expect(splitBlocks(['a', '', 'b', 'c'], 1)).toEqual([
      { line: 1, source: 'a' },
      { line: 3, source: 'b\nc' },
    ]);
  });

  it('numbers every row that starts a source line: paragraph lines, list items, table rows', async () => {
    const render = await createMarkdownRenderer({ color: false });
    const karmada = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'corpus', 'seeds', 'karmada-2022-annual.md'), 'utf8').split('\n');
    const evidence = { ...base.evidence, evidence: [{ startLine: 105, endLine: 135, heading: 'Adoption', reason: 'x' }] };
    const layout = buildEvidenceLayout({ ...base, lines: karmada, width: 70, render, evidence });
    const numbered = layout.rows.map((r) => /^ *(\d+) │/.exec(r.text)?.[1]).filter((n) => n !== undefined).map(Number);
    // 105 paragraph, 108 table header, 110-116 its rows, 118 paragraph, 120 heading, 122-125 one
    // paragraph's lines, 127-128 another's, 130, 132-135 a list item and its lines.
    expect(numbered).toEqual([105, 108, 110, 111, 112, 113, 114, 115, 116, 118, 120, 122, 123, 124, 125, 127, 128, 130, 132, 133, 134, 135]);
    const plainLayout = buildEvidenceLayout({ ...base, lines: karmada, width: 70, render: null, evidence });
    // Before the renderer has loaded: every non-blank source line.
    expect(plainLayout.rows.filter((r) => /^ *\d+ │/.test(r.text))).toHaveLength(23);
  });

  it('expands tabs in passages, rendered or not', async () => {
    const render = await createMarkdownRenderer({ color: false });
    const tabbed = ['Adopters:', '\tTab indented', '| a | b |', '|---|---|', '| x\ty | z |', '```', 'foo\tbar', '```'];
    const evidence = { ...base.evidence, evidence: [{ startLine: 1, endLine: 8, heading: 'Tabs', reason: 'x' }] };
    for (const renderer of [render, null]) {
      const layout = buildEvidenceLayout({ ...base, lines: tabbed, width: 40, render: renderer, evidence });
      for (const row of layout.rows) {
        expect(row.text).not.toContain('\t');
        expect(displayWidth(row.text)).toBeLessThanOrEqual(40);
      }
    }
  });

  it('quotes the first non-blank line of a cited passage', () => {
    expect(citationQuote(lines, { startLine: 2, endLine: 4 })).toBe('Adopters:');
    expect(citationQuote(lines, { startLine: 2, endLine: 2 })).toBe('');
  });
});

describe('keys', () => {
  it('shows the short hints that fit, in table order, on at most two rows', () => {
    // 80 columns: every review key fits on two rows, q and ? included.
    const rows = keyHints('review', 80, { scaleHint: '0-3' });
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(displayWidth(row)).toBeLessThanOrEqual(80);
    const all = rows.join('  ');
    for (const hint of ['j/k move', '0-3 score', 'a accept', 'n note', 'c cite', 'Tab pane', '] [ passage', 'o open', '/ search', 's summary', 'd since', '? help', 'q back']) expect(all).toContain(hint);
    // Wide: one row.
    expect(keyHints('workspace', 200)).toEqual(['j/k move  Enter open  r reload  p predecessor  ? help  q quit']);
    expect(keyHints('summary', 80).join('  ')).toContain('w export');
    expect(keyHints('summary', 80).join('  ')).toContain('q back');
  });

  it('drops the least important hints first when two rows are not enough, never help or the way out', () => {
    const rows = keyHints('review', 40, { scaleHint: '0-3' });
    expect(rows.length).toBeLessThanOrEqual(2);
    const all = rows.join('  ');
    expect(all).toContain('? more');
    expect(all).toContain('q back');
    expect(all).toContain('j/k move');
    expect(all).not.toContain('x clear');
  });

  it('offers only what works: read-only leaves out editing keys, the evidence pane scrolls', () => {
    const readOnly = keyHints('review', 200, { readOnly: true }).join('  ');
    for (const hint of ['score', 'a accept', 'x clear', 'n note', 'c cite']) expect(readOnly).not.toContain(hint);
    expect(readOnly).toContain('q back');
    expect(keyHints('review', 200, { evidenceFocus: true })[0]).toMatch(/^j\/k scroll/);
    expect(keyHints('summary', 200, { readOnly: true }).join('  ')).not.toContain('r ready');
  });

  it('names the scale digits as typed', () => {
    expect(scaleKeys([0, 1, 2, 3])).toBe('0-3');
    expect(scaleKeys([1, 2, 5])).toBe('1/2/5');
    expect(keyHints('review', 500, { scaleHint: scaleKeys([1, 2, 5]) })[0]).toContain('1/2/5 score');
    for (const view of Object.keys(BINDINGS) as (keyof typeof BINDINGS)[]) expect(BINDINGS[view].length).toBeGreaterThan(0);
  });

  it('splits typed-ahead chunks into keys, Enter, Tab and Ctrl-letters included', () => {
    expect(splitChunk('ab\r\tc\u0015', NO_KEY)).toEqual([
      ['a', NO_KEY],
      ['b', NO_KEY],
      ['', { ...NO_KEY, return: true }],
      ['', { ...NO_KEY, tab: true }],
      ['c', NO_KEY],
      ['u', { ...NO_KEY, ctrl: true }],
    ]);
  });
});

describe('input decoder', () => {
  it('turns a bracketed paste into one paste event, newlines kept, whatever the chunks', () => {
    const decoder = createInputDecoder();
    expect(decoder.decode('[200~', NO_KEY, '\u001B[200~')).toEqual([]);
    expect(decoder.pasting).toBe(true);
    expect(decoder.decode('first line\rsecond', NO_KEY, 'first line\rsecond')).toEqual([]);
    // A chunk boundary right after a newline: Ink reports the lone "\r" as Enter.
    expect(decoder.decode('', { ...NO_KEY, return: true }, '\r')).toEqual([]);
    expect(decoder.decode('third', NO_KEY, 'third')).toEqual([]);
    expect(decoder.decode('[201~', NO_KEY, '\u001B[201~')).toEqual([['first line\nsecond\nthird', { ...NO_KEY, paste: true }]]);
    expect(decoder.pasting).toBe(false);
    expect(decoder.decode('s', NO_KEY, 's')).toEqual([['s', NO_KEY]]);
  });

  it('reads Esc followed quickly by a key as Esc, then the key', () => {
    const decoder = createInputDecoder();
    const [esc, j] = decoder.decode('j', { ...NO_KEY, meta: true }, '\u001Bj');
    expect(esc![1].escape).toBe(true);
    expect(j).toEqual(['j', NO_KEY]);
    // Ink drops the Esc of ESC ? without a trace: only the raw bytes show it.
    expect(decoder.decode('?', NO_KEY, '\u001B?').map(([input, key]) => (key.escape ? 'Esc' : input))).toEqual(['Esc', '?']);
    // Without the raw bytes, meta+letter is still read as Esc then the letter.
    expect(decoder.decode('k', { ...NO_KEY, meta: true }, null).map(([input, key]) => (key.escape ? 'Esc' : input))).toEqual(['Esc', 'k']);
    // Alt-Enter stays itself (a newline in the notes editor).
    expect(decoder.decode('', { ...NO_KEY, return: true, meta: true }, '\u001B\r')).toEqual([['', { ...NO_KEY, return: true, meta: true }]]);
  });

  it('ends a paste whose end marker never came at the next Esc, without running it', () => {
    const decoder = createInputDecoder();
    decoder.decode('[200~', NO_KEY, '\u001B[200~');
    decoder.decode('q\rs', NO_KEY, 'q\rs');
    const events = decoder.decode('', { ...NO_KEY, escape: true, meta: true }, '\u001B');
    expect(events.map(([input, key]) => (key.paste ? `paste:${input}` : key.escape ? 'Esc' : input))).toEqual(['paste:q\ns', 'Esc']);
  });
});

describe('saver', () => {
  it('writes in order, skips superseded files and reports failures', async () => {
    const written: number[] = [];
    const reports: [string, unknown][] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const saver = createSaver<number>(
      async (value) => {
        if (value === 1) await gate;
        if (value === 4) throw new Error('disk full');
        written.push(value);
      },
      (label, error) => reports.push([label, error]),
    );
    saver.save(1, 'one');
    saver.save(2, 'two');
    saver.save(3, 'three');
    release();
    await saver.flush();
    expect(written).toEqual([1, 3]);
    saver.save(4, 'four');
    await saver.flush();
    expect(reports.map(([label, error]) => [label, error === null ? null : String(error)])).toEqual([
      ['three', null],
      ['four', 'Error: disk full'],
    ]);
  });
});

describe('markdown rows', () => {
  it('wraps wide rows at spaces, keeps indentation, and never exceeds the width', async () => {
    const { wrapAnsiRow } = await import('../../src/tui/ansi-text.js');
    const row = '  * ' + 'word '.repeat(30).trim();
    const rows = wrapAnsiRow(row, 30);
    expect(rows.length).toBeGreaterThan(1);
    for (const r of rows) expect(displayWidth(r)).toBeLessThanOrEqual(30);
    expect(rows.slice(1).every((r) => r.startsWith('    '))).toBe(true);
    expect(rows.join(' ').replace(/\s+/g, ' ').trim()).toBe(row.replace(/\s+/g, ' ').trim());
    const styled = `\u001B[1m${'bold '.repeat(20)}\u001B[0m`;
    const styledRows = wrapAnsiRow(styled, 25);
    for (const r of styledRows) expect(displayWidth(r.replace(/\u001B\[[0-9;]*m/g, ''))).toBeLessThanOrEqual(25);
    expect(styledRows[1]!.includes('\u001B[1m')).toBe(true);
  });

  it('wraps styled rows between grapheme clusters and by display width', async () => {
    const { wrapAnsiRow } = await import('../../src/tui/ansi-text.js');
    for (const row of [`  * a${'🚀'.repeat(30)}`, `\u001B[1m${'😀'.repeat(21)}\u001B[22m x`, `ab ${'日本語'.repeat(8)} x`]) {
      for (const width of [15, 16, 21]) {
        for (const r of wrapAnsiRow(row, width)) {
          const plain = r.replace(/\u001B\[[0-9;]*m/g, '');
          expect(plain).not.toMatch(LONE_SURROGATE);
          expect(stringWidth(plain)).toBeLessThanOrEqual(width);
        }
      }
    }
  });

  it("indents continuation rows under a list item's text", async () => {
    const { wrapAnsiRow } = await import('../../src/tui/ansi-text.js');
    expect(wrapAnsiRow('  12. one two three four', 14)).toEqual(['  12. one two', '      three', '      four']);
    expect(wrapAnsiRow('plain one two three', 10)).toEqual(['plain one', 'two three']);
  });
});
