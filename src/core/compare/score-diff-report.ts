// A score-file diff as readable sections (the same layout as a document diff's, see
// diff-report.ts): the recommendation, then one entry per item that differs, with its scores,
// notes and the lines each file cites.
import { citeLabel, type Escape, type ReportSection } from './diff-report.js';
import type { ScoreDiff, ScoreItemDiff } from './score-diff.js';

const NOTE_MAX = 300;

function clip(text: string): string {
  const folded = text.replace(/\s+/g, ' ').trim();
  return folded.length > NOTE_MAX ? `${folded.slice(0, NOTE_MAX - 1)}…` : folded;
}

function itemLines(item: ScoreItemDiff, diff: ScoreDiff, esc: Escape): string[] {
  const cites = item.lines.old.length + item.lines.new.length > 0 ? ` (cited: ${citeLabel(item.lines)})` : '';
  const who = (side: 'old' | 'new') => (diff.mode === 'reviewers' ? esc(diff[side].reviewer.handle) : side === 'old' ? 'before' : 'after');
  const flags = [item.scoreChanged ? 'score' : '', item.notesChanged ? 'notes' : '', item.citedChanged ? 'citations' : ''].filter(Boolean).join(', ');
  const out = [`${item.id}: ${esc(item.old.label)} -> ${esc(item.new.label)} (${flags || 'same'} ${diff.mode === 'reviewers' ? 'differ' : 'changed'})${cites}`];
  if (item.disagreement.length > 0) out.push(`  disagreement: ${item.disagreement.join('; ')}`);
  if (item.notesChanged) {
    out.push(`  ${who('old')} notes: ${item.old.notes.trim() === '' ? '(none)' : `"${esc(clip(item.old.notes))}"`}`);
    out.push(`  ${who('new')} notes: ${item.new.notes.trim() === '' ? '(none)' : `"${esc(clip(item.new.notes))}"`}`);
  }
  return out;
}

export function scoreDiffReport(diff: ScoreDiff, esc: Escape): ReportSection[] {
  const changed = diff.items.filter((i) => i.scoreChanged || i.notesChanged || i.citedChanged);
  const same = diff.items.length - changed.length;
  const verdict = (v: string | null) => v ?? 'none';
  const lines = changed.flatMap((item) => itemLines(item, diff, esc));
  if (same > 0) lines.push(`the same in both: ${same} of ${diff.items.length}`);
  return [
    {
      title: 'Recommendation',
      lines: [
        diff.mode === 'reviewers'
          ? `${esc(diff.old.reviewer.handle)}: ${verdict(diff.recommendation.old)}, ${esc(diff.new.reviewer.handle)}: ${verdict(diff.recommendation.new)}${diff.recommendation.changed ? ' (differ)' : ''}`
          : `${verdict(diff.recommendation.old)} -> ${verdict(diff.recommendation.new)}${diff.recommendation.changed ? ' (changed)' : ''}`,
      ],
    },
    { title: diff.mode === 'reviewers' ? `Where the reviewers differ (${diff.criteriaSet.id})` : `Items changed (${diff.criteriaSet.id})`, lines },
  ];
}

/** The head lines naming both files. */
export function scoreDiffHead(diff: ScoreDiff, esc: Escape): string[] {
  const side = (label: string, s: ScoreDiff['old']) => `${label} ${esc(s.path)}: ${esc(s.reviewer.name)} (${esc(`@${s.reviewer.handle}`)}), ${esc(s.document.title || s.document.path)}, updated ${s.updatedAt}`;
  const head = [side('old:', diff.old), side('new:', diff.new)];
  if (diff.mode === 'reviewers') head.push('two reviewers of the same document');
  else if (!diff.sameDocument) head.push(`scored on different versions of the document (sha256 ${diff.old.document.sha256.slice(0, 12)} -> ${diff.new.document.sha256.slice(0, 12)})`);
  else head.push('the same reviewer and document');
  return head;
}
