// The whole document, raw, with line numbers: opened at the current passage (`o`) or to search
// (`/`). It scrolls by wrapped rows, so every part of a line longer than the screen can be
// reached. Only the lines around the window are sanitised and wrapped (and kept for the next
// keypress), so a 1 MB document costs the same as a small one per keypress.
import { useMemo, useRef } from 'react';
import { Box, Text } from 'ink';
import { sanitizeLine, sanitizeText } from '../core/sanitize.js';
import { EditorView, editorActionFor } from './editor-view.js';
import type { KeySlot } from './key-slot.js';
import { editorOf, editorReducer, type EditorState } from './state/editor.js';
import { clampPos, lastPage, matchLines, rowCache, stepMatch, stepRows, topFor, type RowPos } from './state/document-view.js';
import type { Status } from './status-bar.js';
import { expandTabs, fit, wrapText } from './text.js';
import { useTheme } from './theme.js';
import { eachKey, useRefState } from './use-ref-state.js';

export interface DocumentViewerProps {
  lines: readonly string[];
  name: string;
  /** Line to show first (1-based). */
  startLine: number;
  /** Lines of the passage it was opened at, marked in the gutter. */
  highlight: { startLine: number; endLine: number } | null;
  searchFirst: boolean;
  width: number;
  height: number;
  keys: KeySlot;
  onBack: (line: number) => void;
  onHelp: () => void;
  onStatus: (status: Status) => void;
  onSearching: (searching: boolean) => void;
}

interface ViewerState {
  top: RowPos;
  query: string;
  match: number | null;
  editor: EditorState | null;
}

export function DocumentViewer(props: DocumentViewerProps) {
  const theme = useTheme();
  const count = props.lines.length;
  const bodyHeight = Math.max(1, props.height - 3);
  const inner = Math.max(10, props.width - 4);
  const digits = String(Math.max(1, count)).length;
  const textWidth = Math.max(4, inner - digits - 2);
  // Raw text, made safe, tabs expanded to 4-column stops (a raw tab would move the border).
  const rowsOf = useMemo(() => rowCache(props.lines, (line) => expandTabs(sanitizeText(line)).replace(/\n/g, ' '), (text) => wrapText(text, textWidth)), [props.lines, textWidth]);
  const lineTop = (line: number): RowPos => clampPos({ line: topFor(line, bodyHeight, count), row: 0 }, count, bodyHeight, rowsOf);
  const [, setState, state] = useRefState<ViewerState>(() => ({
    top: lineTop(props.startLine),
    query: '',
    match: null,
    editor: props.searchFirst ? editorOf('') : null,
  }));

  // The match's line near the top; within a line longer than the window, the row holding it.
  const matchTop = (line: number, query: string): RowPos => {
    const needle = query.toLowerCase();
    const row = rowsOf(line).findIndex((text) => text.toLowerCase().includes(needle));
    return row >= bodyHeight - 1 ? clampPos({ line, row: row - 1 }, count, bodyHeight, rowsOf) : lineTop(line);
  };

  // The matching lines of the last query: found once per query, then n/N step through them.
  const matches = useRef<{ query: string; lines: number[] } | null>(null);
  const search = (query: string, from: number, direction: 1 | -1) => {
    if (matches.current?.query !== query) matches.current = { query, lines: matchLines(props.lines, query) };
    const all = matches.current.lines;
    const step = stepMatch(all, from, direction);
    if (step === null) {
      props.onStatus({ text: `no match for "${sanitizeLine(query)}"`, tone: 'warn' });
      setState((s) => ({ ...s, query, editor: null }));
    } else {
      const wrapped = step.wrapped === 1 ? ' · wrapped to top' : step.wrapped === -1 ? ' · wrapped to bottom' : '';
      props.onStatus({ text: `"${sanitizeLine(query)}" match ${step.index}/${all.length} at line ${step.line}${wrapped}`, tone: step.wrapped ? 'warn' : 'info' });
      setState((s) => ({ ...s, query, match: step.line, editor: null, top: matchTop(step.line, query) }));
    }
    props.onSearching(false);
  };

  props.keys.current = (input, key) => {
      const s = state.current;
      if (s.editor) {
        if (key.return) {
          const query = s.editor.text;
          if (query === '') {
            setState((v) => ({ ...v, editor: null }));
            props.onSearching(false);
          } else search(query, (s.match ?? s.top.line - 1) || 0, 1);
          return;
        }
        if (key.escape) {
          setState((v) => ({ ...v, editor: null }));
          props.onSearching(false);
          return;
        }
        const action = editorActionFor(input, key);
        if (action) setState((v) => ({ ...v, editor: editorReducer(v.editor!, action) }));
        return;
      }
      if (key.paste) return props.onStatus({ text: 'pasted text ignored: / opens the search to paste into', tone: 'warn' });
      const scrollBy = (delta: number) => setState((v) => ({ ...v, top: stepRows(v.top, delta, count, bodyHeight, rowsOf) }));
      const scrollTo = (top: RowPos) => setState((v) => ({ ...v, top: clampPos(top, count, bodyHeight, rowsOf) }));
      const end = () => lastPage(count, bodyHeight, rowsOf);
      if (key.escape) return props.onBack(state.current.top.line);
      if (key.downArrow) return scrollBy(1);
      if (key.upArrow) return scrollBy(-1);
      if (key.pageDown) return scrollBy(bodyHeight);
      if (key.pageUp) return scrollBy(-bodyHeight);
      if (key.home) return scrollTo({ line: 1, row: 0 });
      if (key.end) return scrollTo(end());
      for (const ch of eachKey(input)) {
        const v = state.current;
        if (ch === 'q') return props.onBack(v.top.line);
        if (ch === '?') return props.onHelp();
        if (ch === 'j') scrollBy(1);
        else if (ch === 'k') scrollBy(-1);
        else if (ch === ' ') scrollBy(bodyHeight);
        else if (ch === 'b') scrollBy(-bodyHeight);
        else if (ch === 'g') scrollTo({ line: 1, row: 0 });
        else if (ch === 'G') scrollTo(end());
        else if (ch === '/') {
          setState((x) => ({ ...x, editor: editorOf('') }));
          props.onSearching(true);
          return;
        } else if ((ch === 'n' || ch === 'N') && v.query) search(v.query, v.match ?? v.top.line, ch === 'n' ? 1 : -1);
      }
  };

  const s = state.current;
  // Clamped again here: after a resize the rows of a line are not the ones the top was set for.
  const top = clampPos(s.top, count, bodyHeight, rowsOf);
  const rows: { gutter: string; text: string; mark: 'match' | 'passage' | null }[] = [];
  let lastLine = top.line;
  for (let line = top.line; line <= count && rows.length < bodyHeight; line++) {
    const inPassage = props.highlight !== null && line >= props.highlight.startLine && line <= props.highlight.endLine;
    const mark = line === s.match ? 'match' : inPassage ? 'passage' : null;
    const sep = mark === 'match' ? '>' : mark === 'passage' ? '┃' : '│';
    const wrapped = rowsOf(line);
    for (let i = line === top.line ? top.row : 0; i < wrapped.length && rows.length < bodyHeight; i++) {
      rows.push({ gutter: i === 0 ? `${String(line).padStart(digits)}${sep} ` : `${' '.repeat(digits)}${sep} `, text: wrapped[i]!, mark });
      lastLine = line;
    }
  }
  // Inside a line that wraps past the window, say where: the gutter only numbers a line's first row.
  const within = top.row > 0 ? ` · line ${top.line} row ${top.row + 1}/${rowsOf(top.line).length}` : '';
  const title = `● ${props.name} · lines ${count === 0 ? 0 : top.line}-${count === 0 ? 0 : lastLine} of ${count}${within}${s.query ? ` · /${sanitizeLine(s.query)}` : ''}`;
  return (
    <Box flexDirection="column" borderStyle="round" borderColor={theme.focus} width={props.width} height={props.height} paddingX={1}>
      <Text bold wrap="truncate-end">
        {fit(title, inner)}
      </Text>
      {s.editor ? (
        <Box height={1} width={inner}>
          <Text wrap="truncate-end">Search: </Text>
          <EditorView state={s.editor} width={Math.max(4, inner - 8)} height={1} />
        </Box>
      ) : null}
      {rows.slice(0, s.editor ? bodyHeight - 1 : bodyHeight).map((row, index) => (
        <Text key={index} wrap="truncate-end">
          <Text color={row.mark === 'match' ? theme.warn : row.mark === 'passage' ? theme.accent : theme.dim}>{row.gutter}</Text>
          <Text bold={row.mark === 'match'}>{row.text === '' ? ' ' : row.text}</Text>
        </Text>
      ))}
    </Box>
  );
}
