// The rows at the bottom of every screen: what just happened (saved, errors) with the score
// file's state at the right, and the keys that work in the current view (one or two rows, from
// keyHints; the screen reserves the room for them).
import { Box, Text } from 'ink';
import { displayWidth, fit, truncateMiddle } from './text.js';
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

export function StatusBar(props: { width: number; status: Status | null; hints: string[]; save?: SaveState }) {
  const theme = useTheme();
  const tone = props.status?.tone ?? 'info';
  const color = tone === 'good' ? theme.good : tone === 'warn' ? theme.warn : tone === 'bad' ? theme.bad : undefined;
  const save = saveText(props.save ?? null);
  const saveColor = props.save?.kind === 'saved' ? theme.good : props.save?.kind === 'failed' ? theme.bad : theme.warn;
  const messageWidth = Math.max(0, props.width - (save ? displayWidth(save) + 1 : 0));
  return (
    <Box flexDirection="column" width={props.width}>
      <Text wrap="truncate-end">
        {/* Cut in the middle: the start says what happened, the end which file or why. */}
        <Text color={color}>{fit(truncateMiddle(props.status?.text ?? '', messageWidth), messageWidth)}</Text>
        {save ? <Text color={saveColor}>{` ${save}`}</Text> : null}
      </Text>
      {props.hints.map((row, index) => (
        <Text key={index} color={theme.dim} wrap="truncate-end">
          {fit(row, props.width)}
        </Text>
      ))}
    </Box>
  );
}
