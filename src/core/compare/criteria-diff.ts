// Each criterion's suggested score before and after, with the lines each suggestion rests on.
import type { CriterionEvidence, ExtractResult } from '../evidence/extract-types.js';
import type { CriterionDiff, SuggestionSide } from './diff-types.js';

/** The lines a suggestion was computed from (its signals), else where its evidence starts. */
function suggestionLines(entry: CriterionEvidence | undefined): number[] {
  if (!entry) return [];
  const fromSignals = (entry.signals ?? []).flatMap((signal) => signal.lines);
  const lines = fromSignals.length > 0 ? fromSignals : entry.evidence.map((passage) => passage.startLine);
  return [...new Set(lines)].sort((a, b) => a - b);
}

function side(entry: CriterionEvidence | undefined): SuggestionSide | null {
  return entry ? { score: entry.suggestion.score, rationale: entry.suggestion.rationale } : null;
}

export function diffCriteria(before: ExtractResult, after: ExtractResult): CriterionDiff[] {
  const ids = [...new Set([...after.criteria.map((c) => c.id), ...before.criteria.map((c) => c.id)])];
  return ids.map((id) => {
    const a = before.criteria.find((c) => c.id === id);
    const b = after.criteria.find((c) => c.id === id);
    return {
      id,
      before: side(a),
      after: side(b),
      changed: a?.suggestion.score !== b?.suggestion.score,
      lines: { old: suggestionLines(a), new: suggestionLines(b) },
    };
  });
}
