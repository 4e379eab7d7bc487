// The workspace list's picker for one document's predecessor, in place of the list: automatic,
// none, or one of the other documents. Keys are the workspace screen's (state/predecessor-picker.ts).
import { Box, Text } from 'ink';
import { sanitizeLine } from '../../core/sanitize.js';
import type { PickerState } from '../state/predecessor-picker.js';
import { fit } from '../text.js';
import { useTheme } from '../theme.js';

export function PredecessorPicker(props: { picker: PickerState; width: number; height: number }) {
  const theme = useTheme();
  const { picker } = props;
  const inner = Math.max(10, props.width - 4);
  // Border (2), title, and the line saying what the choice is for.
  const room = Math.max(1, props.height - 4);
  const start = Math.max(0, Math.min(picker.selected - Math.floor(room / 2), picker.options.length - room));
  return (
    <Box flexDirection="column" borderStyle="round" borderColor={theme.focus} width={props.width} height={props.height} paddingX={1}>
      <Text bold wrap="truncate-end">
        {fit(`● Predecessor of ${sanitizeLine(picker.target)}`, inner)}
      </Text>
      {picker.options.slice(start, start + room).map((option, offset) => {
        const selected = start + offset === picker.selected;
        return (
          <Text key={start + offset} wrap="truncate-end" bold={selected} inverse={selected && theme.color} color={option.value === undefined || option.value === null ? theme.dim : undefined}>
            {fit(`${selected ? '› ' : '  '}${sanitizeLine(option.label)}`, inner)}
          </Text>
        );
      })}
      <Box flexGrow={1} flexDirection="column" justifyContent="flex-end">
        <Text color={theme.accent} wrap="truncate-end">
          {fit('In the review, d shows what changed per criterion since the predecessor.', inner)}
        </Text>
      </Box>
    </Box>
  );
}
