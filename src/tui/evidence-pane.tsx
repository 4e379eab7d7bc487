// Right pane of the review screen: the evidence rows of the selected criterion, windowed (Ink
// has no scroll box, so only the visible rows are rendered). The header row of the passage
// being read is marked; `c` cites that passage.
import { Box, Text } from 'ink';
import type { Row, Tone } from './evidence-lines.js';
import { fit, truncate } from './text.js';
import { useTheme, type Theme } from './theme.js';

function toneColor(theme: Theme, tone: Tone): string | undefined {
  switch (tone) {
    case 'title':
    case 'header':
      return theme.accent;
    case 'dim':
      return theme.dim;
    case 'warn':
      return theme.warn;
    case 'good':
      return theme.good;
    default:
      return undefined;
  }
}

export function EvidencePane(props: {
  rows: Row[];
  scroll: number;
  focused: boolean;
  width: number;
  height: number;
  currentPassage: number | null;
  /** Per passage: cited by the reviewer (marked on its header). */
  cited: boolean[];
  title: string;
}) {
  const theme = useTheme();
  const inner = Math.max(6, props.width - 4);
  const visibleCount = Math.max(1, props.height - 3);
  const visible = props.rows.slice(props.scroll, props.scroll + visibleCount);
  const last = Math.min(props.rows.length, props.scroll + visibleCount);
  const position = props.rows.length > visibleCount ? ` · ${props.scroll + 1}-${last}/${props.rows.length}` : '';
  return (
    <Box flexDirection="column" borderStyle="round" borderColor={props.focused ? theme.focus : theme.dim} width={props.width} height={props.height} paddingX={1}>
      <Text bold={props.focused} wrap="truncate-end">
        {fit(`${props.focused ? '●' : '○'} ${props.title}${position}`, inner)}
      </Text>
      {visible.map((row, index) => {
        const isCurrentHeader = row.tone === 'header' && row.passage === props.currentPassage;
        if (row.tone === 'ansi') {
          // Rendered markdown keeps its own styling; Ink truncates by visible width.
          return (
            <Text key={props.scroll + index} wrap="truncate-end">
              {row.text === '' ? ' ' : row.text}
            </Text>
          );
        }
        const firstHeaderRow = row.tone === 'header' && props.rows[props.scroll + index - 1]?.tone !== 'header';
        const citedMark = firstHeaderRow && row.passage !== undefined && props.cited[row.passage] ? ' [cited]' : '';
        const marker = firstHeaderRow ? (isCurrentHeader ? '▶' : '▷') : ' ';
        const text = row.tone === 'header' ? `${marker} ${row.text}${citedMark}` : row.text;
        return (
          <Text key={props.scroll + index} color={toneColor(theme, row.tone)} bold={row.tone === 'title' || isCurrentHeader} wrap="truncate-end">
            {text === '' ? ' ' : truncate(text, inner)}
          </Text>
        );
      })}
    </Box>
  );
}
