// The `?` overlay: every key of the view it was opened from, from the same table as the status
// bar, long actions wrapped under their key. Taller than the room it has, it scrolls (j/k) with a
// row saying how much is above and below.
import { Box, Text } from 'ink';
import { BINDINGS, type View } from './keys.js';
import { displayWidth, fit, truncate, wrapText } from './text.js';
import { useTheme } from './theme.js';

const TITLES: Record<View, string> = {
  workspace: 'Workspace',
  predecessor: 'Choose the predecessor',
  review: 'Review',
  document: 'Document viewer',
  search: 'Search',
  summary: 'Summary',
  notes: 'Notes editor',
  prompt: 'Reviewer name',
  help: 'Help',
};

interface HelpOptions {
  /** The scale's digits (keys.ts scaleKeys), in place of "0-9". */
  scaleHint?: string;
  readOnly?: boolean;
}

/** The overlay's rows at `width`: each key with its action, wrapped under it when long. */
function helpLines(view: View, width: number, options: HelpOptions): { rows: { key: string; text: string }[]; keyWidth: number } {
  const bindings = BINDINGS[view].map((b) => ({
    key: b.keys === '0-9' && options.scaleHint ? options.scaleHint : b.keys,
    text: options.readOnly && b.edits ? `${b.action} (not in read-only)` : b.action,
  }));
  const inner = Math.max(10, width - 4);
  const keyWidth = Math.min(18, Math.max(...bindings.map((l) => displayWidth(l.key))) + 2);
  const rows = bindings.flatMap((b) => wrapText(b.text, Math.max(1, inner - keyWidth)).map((text, i) => ({ key: i === 0 ? b.key : '', text })));
  rows.push({ key: '', text: '' });
  for (const text of wrapText('Every change is saved at once. Esc or ? closes this help.', Math.max(1, inner - keyWidth))) rows.push({ key: '', text });
  return { rows, keyWidth };
}

/** Rows of keys the overlay has room for at `height`, and the most it can scroll. */
function helpWindow(total: number, height: number): { room: number; max: number } {
  const room = Math.max(1, height - 3);
  // When it does not fit, one row goes to saying what is above or below.
  return total <= room ? { room, max: 0 } : { room: Math.max(1, room - 1), max: total - Math.max(1, room - 1) };
}

export function helpScrollMax(view: View, width: number, height: number, options: HelpOptions = {}): number {
  return helpWindow(helpLines(view, width, options).rows.length, height).max;
}

export function HelpOverlay(props: { view: View; width: number; height: number; scroll?: number } & HelpOptions) {
  const theme = useTheme();
  const inner = Math.max(10, props.width - 4);
  const { rows: lines, keyWidth } = helpLines(props.view, props.width, props);
  const { room, max } = helpWindow(lines.length, props.height);
  const scroll = Math.max(0, Math.min(props.scroll ?? 0, max));
  const shown = lines.slice(scroll, scroll + room);
  const below = lines.length - scroll - shown.length;
  const more = max === 0 ? null : [scroll > 0 ? `↑ ${scroll} above` : '', below > 0 ? `↓ ${below} more` : ''].filter(Boolean).join(' · ') + ' (j/k scroll)';
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
      {more ? (
        <Text color={theme.dim} wrap="truncate-end">
          {truncate(more, inner)}
        </Text>
      ) : null}
    </Box>
  );
}
