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

export function StatusBar(props: { width: number; status: Status | null; view: View; scaleHint?: string }) {
  const theme = useTheme();
  const tone = props.status?.tone ?? 'info';
  const color = tone === 'good' ? theme.good : tone === 'warn' ? theme.warn : tone === 'bad' ? theme.bad : undefined;
  return (
    <Box flexDirection="column" width={props.width}>
      <Text color={color} wrap="truncate-end">
        {fit(props.status?.text ?? '', props.width)}
      </Text>
      <Text color={theme.dim} wrap="truncate-end">
        {fit(keyHints(props.view, props.width, props.scaleHint), props.width)}
      </Text>
    </Box>
  );
}
