// Every key binding, per view, in one table: the status bar shows the short forms that fit and
// the help overlay shows them all, so the two can never disagree.

export type View = 'workspace' | 'review' | 'document' | 'search' | 'summary' | 'notes' | 'prompt' | 'help';

export interface Binding {
  keys: string;
  action: string;
  /** Shown in the status bar when there is room; bindings without it appear only in help. */
  short?: string;
}

export const BINDINGS: Record<View, Binding[]> = {
  workspace: [
    { keys: '↑/↓ j/k', action: 'move between documents', short: 'j/k move' },
    { keys: 'Enter/Space', action: 'open the document for review', short: 'Enter open' },
    { keys: 'r', action: 'reload the list' },
    { keys: '?', action: 'help', short: '? help' },
    { keys: 'q/Esc', action: 'quit', short: 'q quit' },
  ],
  review: [
    { keys: '↑/↓ j/k', action: 'criteria pane: move between criteria; evidence pane: scroll', short: 'j/k move' },
    { keys: '0-9', action: 'score the criterion with that scale value', short: '0-3 score' },
    { keys: 'a', action: 'accept the suggested score', short: 'a accept' },
    { keys: 'x/Del', action: 'clear the score (unscored)', short: 'x clear' },
    { keys: 'n', action: 'write or edit the note for this criterion', short: 'n note' },
    { keys: 'c', action: 'cite the passage on screen as evidence (again to uncite)', short: 'c cite' },
    { keys: 'Tab', action: 'switch between criteria and evidence panes', short: 'Tab pane' },
    { keys: ']/[', action: 'next/previous evidence passage', short: '] [ passage' },
    { keys: 'PgDn/PgUp Space', action: 'scroll the evidence a page' },
    { keys: 'g/G Home/End', action: 'top/bottom of the evidence' },
    { keys: 'o/Enter', action: 'open the whole document at the current passage', short: 'o open' },
    { keys: '/', action: 'search the document', short: '/ search' },
    { keys: 's', action: 'summary and recommendation', short: 's summary' },
    { keys: '?', action: 'help', short: '? help' },
    { keys: 'q/Esc', action: 'back (to the workspace list, or quit)', short: 'q back' },
    { keys: 'Ctrl-C', action: 'quit at once (everything is already saved)' },
  ],
  document: [
    { keys: '↑/↓ j/k', action: 'scroll a row (long lines wrap)', short: 'j/k scroll' },
    { keys: 'PgDn/PgUp Space', action: 'scroll a page', short: 'PgDn page' },
    { keys: 'g/G Home/End', action: 'start/end of the document', short: 'g/G ends' },
    { keys: '/', action: 'search (case-insensitive)', short: '/ search' },
    { keys: 'n/N', action: 'next/previous match', short: 'n/N match' },
    { keys: '?', action: 'help', short: '? help' },
    { keys: 'q/Esc', action: 'back to the review', short: 'q back' },
  ],
  search: [
    { keys: 'Enter', action: 'find the next match', short: 'Enter find' },
    { keys: 'Esc', action: 'cancel the search', short: 'Esc cancel' },
  ],
  summary: [
    { keys: '↑/↓ j/k', action: 'move between criteria', short: 'j/k move' },
    { keys: 'Enter', action: 'go to the criterion in the review', short: 'Enter go' },
    { keys: 'r', action: 'recommend: ready', short: 'r ready' },
    { keys: 'n', action: 'recommend: not ready', short: 'n not ready' },
    { keys: 'i', action: 'recommend: needs more information', short: 'i more info' },
    { keys: 'x', action: 'clear the recommendation', short: 'x clear' },
    { keys: 'e', action: 'edit the recommendation notes', short: 'e notes' },
    { keys: 'w', action: 'export the summary as markdown', short: 'w export' },
    { keys: '?', action: 'help', short: '? help' },
    { keys: 'q/Esc', action: 'back to the review', short: 'q back' },
  ],
  notes: [
    { keys: 'Enter', action: 'save the note', short: 'Enter save' },
    { keys: 'Esc', action: 'cancel (keep the saved note)', short: 'Esc cancel' },
    { keys: '←/→ Home/End', action: 'move the cursor (Ctrl-A/Ctrl-E too)' },
    { keys: 'Ctrl-W/Ctrl-U', action: 'delete a word / clear the note', short: 'Ctrl-U clear' },
  ],
  prompt: [
    { keys: 'Enter', action: 'save your name', short: 'Enter save' },
    { keys: 'Esc', action: 'quit', short: 'Esc quit' },
  ],
  help: [{ keys: '?/q/Esc', action: 'close help', short: 'q close' }],
};

/**
 * Status-bar text for a view: the short bindings that fit in `width` cells, in table order,
 * always ending with "? help" where the view has it (help lists the rest).
 */
export function keyHints(view: View, width: number, scaleHint?: string): string {
  const parts = BINDINGS[view].filter((b) => b.short).map((b) => (b.short === '0-3 score' && scaleHint ? `${scaleHint} score` : b.short!));
  const help = parts.includes('? help') ? '? help' : null;
  const room = help ? width - help.length - 2 : width;
  let out = '';
  let all = true;
  for (const part of parts) {
    if (part === help) continue;
    const next = out === '' ? part : `${out}  ${part}`;
    if (next.length > room) {
      all = false;
      break;
    }
    out = next;
  }
  if (!help) return out;
  // When everything fits, keep the table's order (help before quit); otherwise help goes last.
  if (all) {
    const full = parts.join('  ');
    if (full.length <= width) return full;
  }
  return out === '' ? help : `${out}  ${help}`;
}
