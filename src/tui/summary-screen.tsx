// The summary: every criterion's score and note, the progress, and the overall recommendation,
// which the reviewer sets here. Rendering only; keys are handled by the review screen.
import { Box, Text } from 'ink';
import type { CriteriaSet } from '../core/criteria/criteria.js';
import { scoreWithLabel } from '../core/criteria/criteria-scale.js';
import type { ScoreFile, Verdict } from '../core/scores/score-file.js';
import { sanitizeLine, sanitizeText } from '../core/sanitize.js';
import { scoredCount } from './criteria-list.js';
import { fit, truncate, wrapText } from './text.js';
import { useTheme } from './theme.js';

/** Lines of one item's note shown in the summary; the rest is counted. */
const NOTE_ROWS = 4;

export const VERDICT_TEXT: Record<Verdict, string> = {
  ready: 'Ready',
  'not-ready': 'Not ready',
  'needs-more-info': 'Needs more information',
};

export function SummaryScreen(props: { criteria: CriteriaSet; file: ScoreFile; selected: number; width: number; height: number }) {
  const theme = useTheme();
  const inner = Math.max(10, props.width - 4);
  const { file, criteria } = props;
  const byId = new Map(file.items.map((item) => [item.id, item]));
  const titleWidth = Math.min(30, Math.max(12, Math.floor(inner * 0.4)));
  const rec = file.recommendation;
  const recNotes = rec.notes.trim() ? wrapText(sanitizeText(rec.notes), inner - 2) : [];
  // Border, title, rule, verdict and notes rows are fixed; the items get what is left: a title
  // row each and the note's lines (a few per item, so one long note cannot hide the rest).
  const itemRoom = Math.max(2, props.height - 5 - Math.max(1, Math.min(recNotes.length, 4)));
  const rows: { item: number; kind: 'title' | 'note'; text: string }[] = [];
  criteria.items.forEach((item, index) => {
    rows.push({ item: index, kind: 'title', text: '' });
    const notes = byId.get(item.id)?.notes.trim() ?? '';
    const lines = notes ? wrapText(sanitizeText(notes), Math.max(1, inner - 4)) : ['(no note)'];
    const shown = lines.length > NOTE_ROWS ? [...lines.slice(0, NOTE_ROWS - 1), `… ${lines.length - NOTE_ROWS + 1} more lines (Enter, then n)`] : lines;
    for (const line of shown) rows.push({ item: index, kind: 'note', text: line });
  });
  // Window the rows so the selected item is whole on screen, as near the middle as it goes.
  const first = rows.findIndex((r) => r.item === props.selected);
  const last = rows.findLastIndex((r) => r.item === props.selected);
  const start = Math.max(0, Math.min(first - Math.floor((itemRoom - (last - first + 1)) / 2), rows.length - itemRoom, first));
  return (
    <Box flexDirection="column" borderStyle="round" borderColor={theme.focus} width={props.width} height={props.height} paddingX={1}>
      <Text bold wrap="truncate-end">
        {fit(`● Summary · ${scoredCount(file)}/${criteria.items.length} scored`, inner)}
      </Text>
      {rows.slice(start, start + itemRoom).map((row, offset) => {
        const item = criteria.items[row.item]!;
        const key = `${item.id}-${start + offset}`;
        if (row.kind === 'note') {
          return (
            <Text key={key} color={theme.dim} wrap="truncate-end">
              {truncate(`    ${row.text}`, inner)}
            </Text>
          );
        }
        const scored = byId.get(item.id);
        const score = scored?.score ?? null;
        const isSelected = row.item === props.selected;
        const cited = scored && scored.cited.length > 0 ? ` · ${scored.cited.length} cited` : '';
        return (
          <Text key={key} wrap="truncate-end" bold={isSelected}>
            <Text color={isSelected ? theme.accent : undefined}>{fit(`${isSelected ? '›' : ' '} ${sanitizeLine(item.title)}`, titleWidth)}</Text>
            <Text color={score === null ? theme.warn : theme.good}>
              {truncate(` ${scoreWithLabel(criteria, score)}${cited}`, inner - titleWidth)}
            </Text>
          </Text>
        );
      })}
      <Box flexGrow={1} />
      <Text wrap="truncate-end">{fit('─'.repeat(inner), inner)}</Text>
      <Text bold wrap="truncate-end">
        Recommendation:{' '}
        <Text color={rec.verdict === 'ready' ? theme.good : rec.verdict ? theme.warn : theme.dim}>{rec.verdict ? VERDICT_TEXT[rec.verdict] : 'not set (r/n/i)'}</Text>
      </Text>
      {recNotes.slice(0, 4).map((row, index) => (
        <Text key={index} wrap="truncate-end">
          {'  '}
          {row}
        </Text>
      ))}
      {recNotes.length === 0 ? <Text color={theme.dim}>{truncate('  (no recommendation notes: e to write)', inner)}</Text> : null}
    </Box>
  );
}
