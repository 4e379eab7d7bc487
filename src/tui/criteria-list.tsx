// Left pane of the review screen: every criterion with its score (or "unscored"), a note and
// citation mark, and the progress count. Two rows per criterion; windowed around the selection
// when the set is longer than the pane.
import { Box, Text } from 'ink';
import type { CriteriaSet } from '../core/criteria/criteria.js';
import { scoreWithLabel } from '../core/criteria/criteria-scale.js';
import type { ScoreFile } from '../core/scores/score-file.js';
import { sanitizeLine } from '../core/sanitize.js';
import { displayWidth, fit, truncate } from './text.js';
import { useTheme } from './theme.js';

export function scoredCount(file: ScoreFile): number {
  return file.items.filter((item) => item.score !== null).length;
}

export function CriteriaList(props: {
  criteria: CriteriaSet;
  file: ScoreFile;
  selected: number;
  focused: boolean;
  width: number;
  height: number;
}) {
  const theme = useTheme();
  const inner = Math.max(6, props.width - 4);
  const rowsAvailable = Math.max(2, props.height - 4);
  const perPage = Math.max(1, Math.floor(rowsAvailable / 2));
  const items = props.criteria.items;
  const start = Math.max(0, Math.min(props.selected - Math.floor(perPage / 2), items.length - perPage));
  const visible = items.slice(start, start + perPage);
  const byId = new Map(props.file.items.map((item) => [item.id, item]));
  return (
    <Box flexDirection="column" borderStyle="round" borderColor={props.focused ? theme.focus : theme.dim} width={props.width} height={props.height} paddingX={1}>
      <Text bold={props.focused} wrap="truncate-end">
        {fit(`${props.focused ? '●' : '○'} Criteria`, inner)}
      </Text>
      {visible.map((item, offset) => {
        const index = start + offset;
        const scored = byId.get(item.id);
        const score = scored?.score ?? null;
        const isSelected = index === props.selected;
        const marks = [scored?.notes.trim() ? 'note' : '', scored && scored.cited.length > 0 ? `${scored.cited.length} cited` : ''].filter(Boolean).join(' · ');
        const scoreText = scoreWithLabel(props.criteria, score);
        return (
          <Box key={item.id} flexDirection="column">
            <Text bold={isSelected} color={isSelected ? theme.accent : undefined} inverse={isSelected && props.focused && theme.color} wrap="truncate-end">
              {fit(`${isSelected ? '›' : ' '} ${sanitizeLine(item.title)}`, inner)}
            </Text>
            <Text wrap="truncate-end">
              <Text color={score === null ? theme.warn : theme.good}>{truncate(`    ${scoreText}`, inner)}</Text>
              <Text color={theme.dim}>{truncate(marks ? ` · ${marks}` : '', Math.max(0, inner - 4 - displayWidth(scoreText)))}</Text>
            </Text>
          </Box>
        );
      })}
      <Box flexGrow={1} />
      <Text color={theme.dim} wrap="truncate-end">
        {fit(`${scoredCount(props.file)}/${items.length} scored${items.length > perPage ? ` · ${start + 1}-${start + visible.length} shown` : ''}`, inner)}
      </Text>
    </Box>
  );
}
