// The summary: every criterion's score and note, the progress, and the overall recommendation,
// which the reviewer sets here. Rendering only; keys are handled by the review screen.
import { Box, Text } from 'ink';
import type { CriteriaSet } from '../core/criteria.js';
import { scaleLabel } from '../core/criteria-scale.js';
import type { ScoreFile, Verdict } from '../core/score-file.js';
import { sanitizeLine, sanitizeText } from '../core/sanitize.js';
import { scoredCount } from './criteria-list.js';
import { fit, truncate, wrapText } from './text.js';
import { useTheme } from './theme.js';

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
  // Border, title, rule, verdict and notes rows are fixed; the item list gets what is left,
  // two rows per item.
  const itemRoom = Math.max(2, props.height - 5 - Math.max(1, Math.min(recNotes.length, 4)));
  const perPage = Math.max(1, Math.floor(itemRoom / 2));
  const start = Math.max(0, Math.min(props.selected - Math.floor(perPage / 2), criteria.items.length - perPage));
  return (
    <Box flexDirection="column" borderStyle="round" borderColor={theme.focus} width={props.width} height={props.height} paddingX={1}>
      <Text bold wrap="truncate-end">
        {fit(`● Summary · ${scoredCount(file)}/${criteria.items.length} scored`, inner)}
      </Text>
      {criteria.items.slice(start, start + perPage).map((item, offset) => {
        const index = start + offset;
        const scored = byId.get(item.id);
        const score = scored?.score ?? null;
        const isSelected = index === props.selected;
        const note = scored?.notes.trim() ? sanitizeLine(scored.notes) : '(no note)';
        const cited = scored && scored.cited.length > 0 ? ` · ${scored.cited.length} cited` : '';
        return (
          <Box key={item.id} flexDirection="column">
            <Text wrap="truncate-end" bold={isSelected}>
              <Text color={isSelected ? theme.accent : undefined}>{fit(`${isSelected ? '›' : ' '} ${sanitizeLine(item.title)}`, titleWidth)}</Text>
              <Text color={score === null ? theme.warn : theme.good}>
                {truncate(` ${score === null ? 'unscored' : `${score} ${scaleLabel(criteria, score)}`}${cited}`, inner - titleWidth)}
              </Text>
            </Text>
            <Text color={theme.dim} wrap="truncate-end">
              {truncate(`    ${note}`, inner)}
            </Text>
          </Box>
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
