// Carries out the summary's commands (state/review-keys.ts says which key means which): moving,
// going to an item, setting the recommendation, opening its notes, exporting.
import { sanitizeLine } from '../../core/sanitize.js';
import { setRecommendation, type ScoreFile } from '../../core/scores/score-file.js';
import type { SummaryCommand } from '../state/review-keys.js';
import type { Mode, ReviewScreenAction } from '../state/review-screen.js';
import type { Status } from '../status-bar.js';
import { VERDICT_TEXT } from '../summary-screen.js';
import { errorText } from './status-text.js';

export interface SummaryContext {
  file(): ScoreFile;
  change(next: ScoreFile, label: string): void;
  setStatus(status: Status): void;
  readOnly: boolean;
  itemCount: number;
  summarySelected(): number;
  screenDo(action: ReviewScreenAction): void;
  setMode(mode: Mode): void;
  setHelp(open: boolean): void;
  /** Select the item (by its index in the set) in the review. */
  goTo(index: number): void;
  exportSummary?: (file: ScoreFile) => Promise<string>;
  flush(): Promise<void>;
}

export function runSummaryCommand(command: SummaryCommand | null, ctx: SummaryContext): void {
  switch (command?.kind) {
    case 'back':
      return ctx.setMode('review');
    case 'help':
      return ctx.setHelp(true);
    case 'move':
      return ctx.screenDo({ type: 'summaryMove', delta: command.delta, count: ctx.itemCount });
    case 'go':
      ctx.goTo(ctx.summarySelected());
      return ctx.setMode('review');
    case 'verdict': {
      const f = ctx.file();
      const value = command.value;
      return ctx.change(setRecommendation(f, value, f.recommendation.notes, new Date()), value ? `recommendation: ${VERDICT_TEXT[value]}` : 'recommendation cleared');
    }
    case 'recommendationNotes':
      if (ctx.readOnly) return ctx.setStatus({ text: 'read-only: notes cannot be edited', tone: 'warn' });
      return ctx.setMode('recnotes');
    case 'export': {
      const exportSummary = ctx.exportSummary;
      if (!exportSummary) return ctx.setStatus({ text: 'export is not available in this build', tone: 'warn' });
      ctx.setStatus({ text: 'exporting…', tone: 'info' });
      void ctx
        .flush()
        .then(() => exportSummary(ctx.file()))
        .then(
          (path) => ctx.setStatus({ text: `summary written to ${sanitizeLine(path)}`, tone: 'good' }),
          (error) => ctx.setStatus({ text: `export failed: ${errorText(error)}`, tone: 'bad' }),
        );
    }
  }
}
