// Left pane of the review screen: every criterion with its score (or "unscored"), a note and
// citation mark, and the progress count. Two rows per criterion; windowed around the selection
// when the set is longer than the pane. A grouped set (a TOC template) also gets a heading per
// group with its met/total and a Req/Sug mark per item; the list can show Required items only.
import { Box, Text } from 'ink';
import type { CriteriaSet } from '../core/criteria/criteria.js';
import { scoreWithLabel } from '../core/criteria/criteria-scale.js';
import type { ScoreFile } from '../core/scores/score-file.js';
import { sanitizeLine } from '../core/sanitize.js';
import { isGroupedSet, listRows, visibleItems, windowRows } from './state/criteria-rows.js';
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
  /** Show Required items only. */
  requiredOnly?: boolean;
}) {
  const theme = useTheme();
  const inner = Math.max(6, props.width - 4);
  const rowsAvailable = Math.max(2, props.height - 4);
  const items = props.criteria.items;
  const grouped = isGroupedSet(props.criteria);
  const visible = visibleItems(props.criteria, props.requiredOnly ?? false);
  const shown = windowRows(listRows(props.criteria, props.file, visible), props.selected, rowsAvailable);
  const shownItems = shown.flatMap((row) => (row.kind === 'item' ? [row.index] : []));
  const byId = new Map(props.file.items.map((item) => [item.id, item]));
  const position = (index: number | undefined) => (index === undefined ? 0 : visible.indexOf(index) + 1);
  const range = shownItems.length < visible.length ? `${position(shownItems[0])}-${position(shownItems[shownItems.length - 1])}` : '';
  // The progress and the window; shorter forms when the pane is narrow (80 columns).
  const scored = `${scoredCount(props.file)}/${items.length}`;
  const footer = !range ? `${scored} scored` : [`${scored} scored · ${range} shown`, `${scored} scored · ${range}`, `${scored} · ${range}`].find((text) => displayWidth(text) <= inner) ?? `${scored} · ${range}`;
  return (
    <Box flexDirection="column" borderStyle="round" borderColor={props.focused ? theme.focus : theme.dim} width={props.width} height={props.height} paddingX={1}>
      <Text bold={props.focused} wrap="truncate-end">
        {fit(`${props.focused ? '●' : '○'} ${props.requiredOnly ? 'Required only' : 'Criteria'}`, inner)}
      </Text>
      {shown.map((row) => {
        if (row.kind === 'group') {
          const count = ` ${row.met}/${row.total}`;
          return (
            <Text key={`group-${row.title}`} bold color={theme.accent} wrap="truncate-end">
              {fit(truncate(sanitizeLine(row.title), Math.max(1, inner - displayWidth(count))) + count, inner)}
            </Text>
          );
        }
        const index = row.index;
        const item = items[index]!;
        const scored = byId.get(item.id);
        const score = scored?.score ?? null;
        const isSelected = index === props.selected;
        const marks = [scored?.notes.trim() ? 'note' : '', scored && scored.cited.length > 0 ? `${scored.cited.length} cited` : ''].filter(Boolean).join(' · ');
        const scoreText = scoreWithLabel(props.criteria, score);
        const lead = grouped ? `  ${item.required ? 'Req' : 'Sug'} ` : '    ';
        return (
          <Box key={item.id} flexDirection="column">
            <Text bold={isSelected} color={isSelected ? theme.accent : undefined} inverse={isSelected && props.focused && theme.color} wrap="truncate-end">
              {fit(`${isSelected ? '›' : ' '} ${sanitizeLine(item.title)}`, inner)}
            </Text>
            <Text wrap="truncate-end">
              <Text color={score === null ? theme.warn : score === 'na' ? theme.dim : theme.good}>{truncate(`${lead}${scoreText}`, inner)}</Text>
              <Text color={theme.dim}>{truncate(marks ? ` · ${marks}` : '', Math.max(0, inner - displayWidth(lead) - displayWidth(scoreText)))}</Text>
            </Text>
          </Box>
        );
      })}
      <Box flexGrow={1} />
      <Text color={theme.dim} wrap="truncate-end">
        {fit(footer, inner)}
      </Text>
    </Box>
  );
}
