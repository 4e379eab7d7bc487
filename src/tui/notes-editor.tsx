// The notes editor: a box in place of the evidence pane (or the summary) holding one note,
// which may run over several lines. Enter saves, Alt-Enter or Ctrl-J starts a new line, pasted
// text keeps its newlines, Esc cancels; the parent saves through the score-file store.
import { Box, Text } from 'ink';
import { EditorView, bindEditorKeys } from './editor-view.js';
import type { KeySlot } from './key-slot.js';
import { editorOf, type EditorState } from './state/editor.js';
import { fit } from './text.js';
import { useTheme } from './theme.js';
import { useRefState } from './use-ref-state.js';

/** Reads the text being typed, so a quit in the middle of a note can keep it. */
export interface DraftSlot {
  current: (() => string) | null;
}

export const NOTES_HINT = 'Enter saves, Alt-Enter new line, Esc cancels';

export function NotesEditor(props: {
  title: string;
  initial: string;
  width: number;
  height: number;
  keys: KeySlot;
  draft?: DraftSlot;
  onSave: (text: string) => void;
  onCancel: () => void;
}) {
  const theme = useTheme();
  const [state, setState, ref] = useRefState<EditorState>(() => editorOf(props.initial));
  bindEditorKeys(props.keys, ref, setState, { onSubmit: props.onSave, onCancel: props.onCancel, multiline: true });
  if (props.draft) props.draft.current = () => ref.current.text;
  const inner = Math.max(6, props.width - 4);
  return (
    <Box flexDirection="column" borderStyle="round" borderColor={theme.focus} width={props.width} height={props.height} paddingX={1}>
      <Text bold wrap="truncate-end">
        {fit(`● ${props.title}`, inner)}
      </Text>
      <Text color={theme.dim} wrap="truncate-end">
        {fit(NOTES_HINT, inner)}
      </Text>
      <EditorView state={state} width={inner} height={Math.max(1, props.height - 4)} />
    </Box>
  );
}
