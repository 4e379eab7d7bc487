// Asked once when no reviewer identity is known (no --reviewer, no TOC_REVIEW_REVIEWER, nothing
// in settings): the name is kept in settings and used for every score file from then on.
import { Box, Text } from 'ink';
import { useState } from 'react';
import type { Reviewer } from '../core/scores/score-file.js';
import { sanitizeLine } from '../core/sanitize.js';
import { EditorView, bindEditorKeys } from './editor-view.js';
import type { KeySlot } from './key-slot.js';
import { keyHints } from './keys.js';
import { editorOf, type EditorState } from './state/editor.js';
import { StatusBar, type Status } from './status-bar.js';
import { fit } from './text.js';
import { useTheme } from './theme.js';
import type { Size } from './use-terminal-size.js';
import { useRefState } from './use-ref-state.js';

export function ReviewerPrompt(props: {
  size: Size;
  keys: KeySlot;
  save: (name: string) => Promise<Reviewer>;
  onDone: (reviewer: Reviewer) => void;
  onQuit: () => void;
}) {
  const theme = useTheme();
  const [state, setState, ref] = useRefState<EditorState>(editorOf(''));
  const [status, setStatus] = useState<Status | null>(null);
  bindEditorKeys(props.keys, ref, setState, {
    onCancel: props.onQuit,
    onSubmit: (text) => {
      const name = text.trim();
      if (name === '') return setStatus({ text: 'type your name first (Esc quits)', tone: 'warn' });
      props.save(name).then(
        (reviewer) => props.onDone(reviewer),
        (error: unknown) => setStatus({ text: sanitizeLine(error instanceof Error ? error.message : String(error)), tone: 'bad' }),
      );
    },
  });
  const { columns, rows } = props.size;
  const inner = Math.max(10, columns - 4);
  const hints = keyHints('prompt', columns);
  const bodyHeight = Math.max(6, rows - 1 - 1 - 1 - hints.length);
  return (
    <Box flexDirection="column" width={columns}>
      <Text bold>{fit(' toc-review · who is reviewing?', columns)}</Text>
      <Box flexDirection="column" borderStyle="round" borderColor={theme.focus} width={columns} height={bodyHeight} paddingX={1}>
        <Text wrap="truncate-end">{fit('Your name goes into every score file you write, so other reviewers know', inner)}</Text>
        <Text wrap="truncate-end">{fit('whose scores they are. It is asked once and kept in your settings', inner)}</Text>
        <Text wrap="truncate-end">{fit('(change it later with: toc-review config set reviewer.name "…").', inner)}</Text>
        <Text> </Text>
        <Text bold>Your name:</Text>
        <EditorView state={state} width={inner} height={1} />
      </Box>
      <StatusBar width={columns} status={status} hints={hints} />
    </Box>
  );
}
