// A text box for the notes editor and the prompts: the text wrapped to the width, with a
// visible cursor mark, windowed to the last rows when it grows taller than the box. The text may
// be a note from a shared score file or pasted input, so each row is sanitised for display.
import { Box, Text } from 'ink';
import type { InputKey } from './input-decoder.js';
import { sanitizeLine } from '../core/sanitize.js';
import { editorReducer, type EditorAction, type EditorState } from './state/editor.js';
import type { KeySlot } from './key-slot.js';
import { wrapText } from './text.js';
import { useTheme } from './theme.js';

const CURSOR = '▏';

export function EditorView(props: { state: EditorState; width: number; height: number }) {
  const theme = useTheme();
  const { text, cursor } = props.state;
  const withCursor = text.slice(0, cursor) + CURSOR + text.slice(cursor);
  const rows = wrapText(withCursor, Math.max(1, props.width));
  // Keep the row with the cursor visible.
  let cursorRow = 0;
  let seen = 0;
  const before = text.slice(0, cursor).length + 1;
  for (let i = 0; i < rows.length; i++) {
    seen += rows[i]!.length + 1;
    if (seen >= before) {
      cursorRow = i;
      break;
    }
  }
  const height = Math.max(1, props.height);
  const start = Math.max(0, Math.min(cursorRow - height + 1, rows.length - height));
  return (
    <Box flexDirection="column">
      {rows.slice(Math.max(0, start), Math.max(0, start) + height).map((row, index) => (
        <Text key={index} color={theme.accent} wrap="truncate-end">
          {row === '' ? ' ' : sanitizeLine(row)}
        </Text>
      ))}
    </Box>
  );
}

/**
 * Map a keypress to an editor action, or null when the key is not for the editor. `multiline`
 * editors (notes) take Alt-Enter or Ctrl-J as a newline and keep pasted newlines; one-line ones
 * (search, name) turn pasted newlines into spaces.
 */
export function editorActionFor(input: string, key: InputKey, multiline = false): EditorAction | null {
  if (key.paste) return { type: 'insert', text: multiline ? input : input.replace(/\s*\n\s*/g, ' ') };
  if (key.backspace || key.delete) return { type: 'backspace' };
  if (key.leftArrow) return { type: 'left' };
  if (key.rightArrow) return { type: 'right' };
  if (multiline && key.upArrow) return { type: 'up' };
  if (multiline && key.downArrow) return { type: 'down' };
  if (key.home || (key.ctrl && input === 'a')) return { type: 'home' };
  if (key.end || (key.ctrl && input === 'e')) return { type: 'end' };
  if (key.ctrl && input === 'w') return { type: 'deleteWord' };
  if (key.ctrl && input === 'u') return { type: 'clear' };
  if (multiline && ((key.return && key.meta) || (input === '\n' && !key.ctrl))) return { type: 'insert', text: '\n' };
  if (key.ctrl || key.meta || key.tab || key.return || key.upArrow || key.downArrow || key.pageUp || key.pageDown) return null;
  if (input === '' || input === '\n') return null;
  return { type: 'insert', text: input };
}

/**
 * Keys for an editor, put in `slot`: Enter submits, Esc cancels, the rest edits (a multiline
 * editor takes Alt-Enter/Ctrl-J as a newline).
 */
export function bindEditorKeys(
  slot: KeySlot,
  state: { readonly current: EditorState },
  setState: (next: EditorState) => void,
  handlers: { onSubmit: (text: string) => void; onCancel: () => void; multiline?: boolean },
): void {
  slot.current = (input, key) => {
    if (key.return && !key.meta && !key.paste) return handlers.onSubmit(state.current.text);
    if (key.escape) return handlers.onCancel();
    const action = editorActionFor(input, key, handlers.multiline ?? false);
    if (action) setState(editorReducer(state.current, action));
  };
}
