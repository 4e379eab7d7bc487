// The whole document, raw, with line numbers: opened at the current passage (`o`) or to search
// (`/`). Only the lines that fit are sanitised and wrapped, so a 1 MB document costs the same as
// a small one per keypress.
import { Box, Text } from 'ink';
import { sanitizeLine } from '../core/sanitize.js';
import { EditorView, editorActionFor } from './editor-view.js';
import type { KeySlot } from './key-slot.js';
import { editorOf, editorReducer, type EditorState } from './state/editor.js';
import { clampTop, findMatch, topFor } from './state/document-view.js';
import type { Status } from './status-bar.js';
import { fit, wrapText } from './text.js';
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
  top: number;
  query: string;
  match: number | null;
  editor: EditorState | null;
}

export function DocumentViewer(props: DocumentViewerProps) {
  const theme = useTheme();
  const count = props.lines.length;
  const bodyHeight = Math.max(1, props.height - 3);
  const inner = Math.max(10, props.width - 4);
  const [, setState, state] = useRefState<ViewerState>(() => ({
    top: topFor(props.startLine, bodyHeight, count),
    query: '',
    match: null,
    editor: props.searchFirst ? editorOf('') : null,
  }));

  const search = (query: string, from: number, direction: 1 | -1) => {
    const line = findMatch(props.lines, query, from, direction);
    if (line === null) {
      props.onStatus({ text: `no match for "${sanitizeLine(query)}"`, tone: 'warn' });
      setState((s) => ({ ...s, query, editor: null }));
    } else {
      props.onStatus({ text: `"${sanitizeLine(query)}" found at line ${line}`, tone: 'info' });
      setState((s) => ({ ...s, query, match: line, editor: null, top: topFor(line, bodyHeight, count) }));
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
          } else search(query, (s.match ?? s.top - 1) || 0, 1);
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
      const scrollTo = (top: number) => setState((v) => ({ ...v, top: clampTop(top, count) }));
      if (key.escape) return props.onBack(state.current.top);
      if (key.downArrow) return scrollTo(state.current.top + 1);
      if (key.upArrow) return scrollTo(state.current.top - 1);
      if (key.pageDown) return scrollTo(state.current.top + bodyHeight);
      if (key.pageUp) return scrollTo(state.current.top - bodyHeight);
      if (key.home) return scrollTo(1);
      if (key.end) return scrollTo(count - bodyHeight + 1);
      for (const ch of eachKey(input)) {
        const v = state.current;
        if (ch === 'q') return props.onBack(v.top);
        if (ch === '?') return props.onHelp();
        if (ch === 'j') scrollTo(v.top + 1);
        else if (ch === 'k') scrollTo(v.top - 1);
        else if (ch === ' ') scrollTo(v.top + bodyHeight);
        else if (ch === 'b') scrollTo(v.top - bodyHeight);
        else if (ch === 'g') scrollTo(1);
        else if (ch === 'G') scrollTo(count - bodyHeight + 1);
        else if (ch === '/') {
          setState((x) => ({ ...x, editor: editorOf('') }));
          props.onSearching(true);
          return;
        } else if ((ch === 'n' || ch === 'N') && v.query) search(v.query, v.match ?? v.top, ch === 'n' ? 1 : -1);
      }
  };

  const s = state.current;
  const digits = String(Math.max(1, count)).length;
  const textWidth = Math.max(4, inner - digits - 2);
  const rows: { gutter: string; text: string; mark: 'match' | 'passage' | null }[] = [];
  for (let line = s.top; line <= count && rows.length < bodyHeight; line++) {
    const inPassage = props.highlight !== null && line >= props.highlight.startLine && line <= props.highlight.endLine;
    const mark = line === s.match ? 'match' : inPassage ? 'passage' : null;
    const sep = mark === 'match' ? '>' : mark === 'passage' ? '┃' : '│';
    wrapText(sanitizeLine(props.lines[line - 1]!), textWidth).forEach((text, i) => {
      if (rows.length < bodyHeight) rows.push({ gutter: i === 0 ? `${String(line).padStart(digits)}${sep} ` : `${' '.repeat(digits)}${sep} `, text, mark });
    });
  }
  const lastLine = Math.min(count, s.top + bodyHeight - 1);
  const title = `● ${props.name} · lines ${count === 0 ? 0 : s.top}-${lastLine} of ${count}${s.query ? ` · /${sanitizeLine(s.query)}` : ''}`;
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
