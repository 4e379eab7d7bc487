// Saving what the review's editors produce: an item's note, its N/A reason, the recommendation
// notes. An updater that refuses (an N/A left without its reason) is said in the status line,
// never thrown into the UI.
import type { CriteriaItem } from '../../core/criteria/criteria.js';
import { UserError } from '../../core/errors.js';
import { sanitizeLine } from '../../core/sanitize.js';
import { markNotApplicable, setItemNotes, setRecommendation, type ScoreFile } from '../../core/scores/score-file.js';
import type { Mode } from '../state/review-screen.js';
import type { Status } from '../status-bar.js';

export function textSaves(ctx: { file(): ScoreFile; item(): CriteriaItem; change(next: ScoreFile, label: string): void; setStatus(status: Status): void }) {
  const attempt = (update: () => ScoreFile, label: string) => {
    try {
      ctx.change(update(), label);
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      ctx.setStatus({ text: `${sanitizeLine(error.message)}: nothing changed`, tone: 'warn' });
    }
  };
  const title = () => sanitizeLine(ctx.item().title);
  const saves = {
    note: (text: string) => attempt(() => setItemNotes(ctx.file(), ctx.item().id, text, new Date()), `${title()}: note`),
    naReason: (text: string) => {
      if (text.trim() === '') return ctx.setStatus({ text: 'N/A needs a reason: nothing changed', tone: 'warn' });
      attempt(() => markNotApplicable(ctx.file(), ctx.item().id, text, new Date()), `${title()}: N/A`);
    },
    recommendationNotes: (text: string) => {
      const f = ctx.file();
      ctx.change(setRecommendation(f, f.recommendation.verdict, text, new Date()), 'recommendation notes');
    },
    /** What the editor open in `mode` saves, if any. */
    forMode: (mode: Mode): ((text: string) => void) | null => (mode === 'notes' ? saves.note : mode === 'nareason' ? saves.naReason : mode === 'recnotes' ? saves.recommendationNotes : null),
  };
  return saves;
}
