// Two rows at the bottom of every screen: what just happened (saved, errors) and the keys that
// work in the current view.
import { Box, Text } from 'ink';
import { keyHints, type View } from './keys.js';
import { fit } from './text.js';
import { useTheme } from './theme.js';

export type StatusTone = 'info' | 'good' | 'warn' | 'bad';

export interface Status {
  text: string;
  tone: StatusTone;
}

/** Where the score file stands, shown at the right of the message row. */
export type SaveState = { kind: 'saved'; at: string } | { kind: 'saving' } | { kind: 'failed' } | { kind: 'read-only' } | null;

function saveText(save: SaveState): string {
  if (!save) return '';
  if (save.kind === 'saved') return `✓ saved ${save.at}`;
  if (save.kind === 'saving') return 'saving…';
  if (save.kind === 'failed') return '✗ NOT SAVED';
  return 'read-only';
}

export function StatusBar(props: { width: number; status: Status | null; view: View; scaleHint?: string; save?: SaveState }) {
  const theme = useTheme();
  const tone = props.status?.tone ?? 'info';
  const color = tone === 'good' ? theme.good : tone === 'warn' ? theme.warn : tone === 'bad' ? theme.bad : undefined;
  const save = saveText(props.save ?? null);
  const saveColor = props.save?.kind === 'saved' ? theme.good : props.save?.kind === 'failed' ? theme.bad : theme.warn;
  const messageWidth = Math.max(0, props.width - (save ? save.length + 1 : 0));
  return (
    <Box flexDirection="column" width={props.width}>
      <Text wrap="truncate-end">
        <Text color={color}>{fit(props.status?.text ?? '', messageWidth)}</Text>
        {save ? <Text color={saveColor}>{` ${save}`}</Text> : null}
      </Text>
      <Text color={theme.dim} wrap="truncate-end">
        {fit(keyHints(props.view, props.width, props.scaleHint), props.width)}
      </Text>
    </Box>
  );
}
