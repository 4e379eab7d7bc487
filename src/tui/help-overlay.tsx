// The `?` overlay: every key of the view it was opened from, from the same table as the status
// bar. Rows beyond the available height are cut with a note rather than overflowing.
import { Box, Text } from 'ink';
import { BINDINGS, type View } from './keys.js';
import { fit, truncate } from './text.js';
import { useTheme } from './theme.js';

const TITLES: Record<View, string> = {
  workspace: 'Workspace',
  review: 'Review',
  document: 'Document viewer',
  search: 'Search',
  summary: 'Summary',
  notes: 'Notes editor',
  prompt: 'Reviewer name',
  help: 'Help',
};

export function HelpOverlay(props: { view: View; width: number; height: number }) {
  const theme = useTheme();
  const inner = Math.max(10, props.width - 4);
  const bindings = BINDINGS[props.view];
  const keyWidth = Math.min(18, Math.max(...bindings.map((b) => b.keys.length)) + 2);
  const lines: { key: string; text: string }[] = bindings.map((b) => ({ key: b.keys, text: b.action }));
  lines.push({ key: '', text: '' });
  lines.push({ key: '', text: 'Every change is saved at once. Esc or ? closes this help.' });
  const room = Math.max(1, props.height - 3);
  const shown = lines.length > room ? [...lines.slice(0, room - 1), { key: '', text: `… ${lines.length - room + 1} more (enlarge the terminal)` }] : lines;
  return (
    <Box flexDirection="column" borderStyle="round" borderColor={theme.focus} width={props.width} height={props.height} paddingX={1}>
      <Text bold wrap="truncate-end">
        {truncate(`Help: ${TITLES[props.view]} keys`, inner)}
      </Text>
      {shown.map((line, index) => (
        <Text key={index} wrap="truncate-end">
          <Text color={theme.accent}>{fit(line.key, keyWidth)}</Text>
          {truncate(line.text, Math.max(1, inner - keyWidth))}
        </Text>
      ))}
    </Box>
  );
}
