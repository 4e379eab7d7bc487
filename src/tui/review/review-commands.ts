// Carries out the review view's commands (state/review-keys.ts says which key means which):
// scoring, accepting the suggestion, notes, citing the passage on screen, opening the document
// or the summary. Changes to the score file go through the pure updaters and `change`.
import type { CriteriaItem, CriteriaSet } from '../../core/criteria/criteria.js';
import { scaleLabel } from '../../core/criteria/criteria-scale.js';
import type { ExtractResult } from '../../core/evidence/extract-types.js';
import { sanitizeLine } from '../../core/sanitize.js';
import { setItemScore, toggleCitation, type ScoreFile } from '../../core/scores/score-file.js';
import { citationQuote, type EvidenceLayout } from '../evidence-lines.js';
import { neighbour, nextUnscored, visibleItems } from '../state/criteria-rows.js';
import type { ReviewCommand } from '../state/review-keys.js';
import type { Mode, ReviewScreenAction } from '../state/review-screen.js';
import type { ReviewViewAction } from '../state/review-view.js';
import type { Status } from '../status-bar.js';

export interface ReviewContext {
  criteria: CriteriaSet;
  extract: ExtractResult | null;
  lines: string[];
  readOnly: boolean;
  file(): ScoreFile;
  item(): CriteriaItem;
  selected(): number;
  change(next: ScoreFile, label: string): void;
  setStatus(status: Status): void;
  dispatch(action: ReviewViewAction): void;
  screenDo(action: ReviewScreenAction): void;
  setMode(mode: Mode): void;
  setHelp(open: boolean): void;
  back(): void;
  openDocument(search: boolean): void;
  passageOnScreen(): EvidenceLayout['passages'][number] | null;
  /** Whether the list shows Required items only. */
  requiredOnly(): boolean;
  /** Evidence pane: its evidence, or what changed since the predecessor. */
  toggleSince(): void;
}

const LOCKED = 'read-only: another session holds the lock, nothing was changed';

export function runReviewCommand(command: ReviewCommand | null, ctx: ReviewContext): void {
  const { criteria } = ctx;
  const score = (value: number | null) => {
    const { id, title } = ctx.item();
    const name = sanitizeLine(title);
    ctx.change(setItemScore(ctx.file(), id, value, new Date()), value === null ? `${name}: score cleared` : `${name}: ${value} ${scaleLabel(criteria, value)}`);
  };
  switch (command?.kind) {
    case 'back':
      return ctx.back();
    case 'help':
      return ctx.setHelp(true);
    case 'view':
      return ctx.dispatch(command.action);
    case 'openDocument':
      return ctx.openDocument(command.search);
    case 'score':
      return score(command.value);
    case 'offScale':
      return ctx.setStatus({ text: `${command.value} is not on the scale (${criteria.scale.map((s) => `${s.value} ${s.label}`).join(', ')})`, tone: 'warn' });
    case 'accept': {
      const suggestion = ctx.extract?.criteria.find((c) => c.id === ctx.item().id)?.suggestion.score ?? null;
      if (suggestion === null) return ctx.setStatus({ text: 'no suggestion to accept for this criterion', tone: 'warn' });
      return score(suggestion);
    }
    case 'note':
      if (ctx.readOnly) return ctx.setStatus({ text: 'read-only: notes cannot be edited', tone: 'warn' });
      return ctx.setMode('notes');
    case 'cite': {
      if (ctx.readOnly) return ctx.setStatus({ text: LOCKED, tone: 'warn' });
      const passage = ctx.passageOnScreen();
      if (!passage) return ctx.setStatus({ text: 'no passage on screen to cite (] jumps to the next one)', tone: 'warn' });
      const id = ctx.item().id;
      const file = ctx.file();
      const was = file.items.find((i) => i.id === id)?.cited.some((c) => c.startLine === passage.startLine && c.endLine === passage.endLine);
      const next = toggleCitation(file, id, { startLine: passage.startLine, endLine: passage.endLine, quote: citationQuote(ctx.lines, passage) }, new Date());
      return ctx.change(next, `${was ? 'uncited' : 'cited'} lines ${passage.startLine}-${passage.endLine}`);
    }
    case 'nextUnscored': {
      const required = command.required;
      const visible = visibleItems(criteria, ctx.requiredOnly());
      const target = nextUnscored(criteria, ctx.file(), visible, ctx.selected(), required);
      if (target === null) return ctx.setStatus({ text: `no unscored ${required ? 'Required ' : ''}item left${ctx.requiredOnly() ? ' among those shown' : ''}`, tone: 'good' });
      return ctx.dispatch({ type: 'select', index: target, count: criteria.items.length });
    }
    case 'requiredOnly': {
      const on = !ctx.requiredOnly();
      const visible = visibleItems(criteria, on);
      if (on && visible.length === 0) return ctx.setStatus({ text: 'this set has no Required items', tone: 'warn' });
      ctx.screenDo({ type: 'requiredOnly', on });
      // A Suggested item selected when the filter goes on gives way to the nearest Required one.
      if (on && !visible.includes(ctx.selected())) ctx.dispatch({ type: 'select', index: neighbour(visible, ctx.selected(), 1), count: criteria.items.length });
      return ctx.setStatus({ text: on ? `Required only: ${visible.length} of ${criteria.items.length} items (f shows all)` : `all ${criteria.items.length} items shown`, tone: 'info' });
    }
    case 'notApplicable':
      if (ctx.readOnly) return ctx.setStatus({ text: LOCKED, tone: 'warn' });
      return ctx.setMode('nareason');
    case 'since':
      ctx.toggleSince();
      // Either pane starts at its top.
      return ctx.dispatch({ type: 'scrollTo', row: 0, total: 0, height: 1 });
    case 'summary':
      ctx.screenDo({ type: 'summaryAt', index: ctx.selected() });
      return ctx.setMode('summary');
  }
}
