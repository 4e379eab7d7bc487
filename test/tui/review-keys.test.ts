// The review screen's pure key tables and screen reducer: which command each key means in the
// review, the summary and help, and what state follows which screen action.
import { describe, expect, it } from 'vitest';
import { NO_KEY } from '../../src/tui/input-decoder.js';
import { helpKeyCommand, reviewKeyCommand, summaryKeyCommand, type ReviewKeyContext } from '../../src/tui/state/review-keys.js';
import { helpView, hintView, initialReviewScreen, reviewScreenReducer } from '../../src/tui/state/review-screen.js';

const ctx: ReviewKeyContext = { focus: 'criteria', itemCount: 4, totalRows: 50, evidenceHeight: 10, passageStarts: [3, 20], scale: [0, 1, 2, 3] };
const key = (over: Partial<typeof NO_KEY> = {}) => ({ ...NO_KEY, ...over });

describe('review keys', () => {
  it('moves between criteria in the criteria pane and scrolls in the evidence pane', () => {
    expect(reviewKeyCommand('j', key(), ctx)).toEqual({ kind: 'view', action: { type: 'move', delta: 1, count: 4 } });
    expect(reviewKeyCommand('', key({ upArrow: true }), ctx)).toEqual({ kind: 'view', action: { type: 'move', delta: -1, count: 4 } });
    expect(reviewKeyCommand('j', key(), { ...ctx, focus: 'evidence' })).toEqual({ kind: 'view', action: { type: 'scroll', delta: 1, total: 50, height: 10 } });
  });

  it('pages by the pane height less one row, and jumps to passages and ends', () => {
    expect(reviewKeyCommand(' ', key(), ctx)).toEqual({ kind: 'view', action: { type: 'scroll', delta: 9, total: 50, height: 10 } });
    expect(reviewKeyCommand('u', key({ ctrl: true }), ctx)).toEqual({ kind: 'view', action: { type: 'scroll', delta: -9, total: 50, height: 10 } });
    expect(reviewKeyCommand('G', key(), ctx)).toEqual({ kind: 'view', action: { type: 'scrollTo', row: 50, total: 50, height: 10 } });
    expect(reviewKeyCommand(']', key(), ctx)).toEqual({ kind: 'view', action: { type: 'passage', direction: 1, starts: [3, 20], total: 50, height: 10 } });
    expect(reviewKeyCommand('K', key(), ctx)).toMatchObject({ action: { type: 'passage', direction: -1 } });
  });

  it('scores with digits on the scale only, and clears with x, Backspace and Delete', () => {
    expect(reviewKeyCommand('2', key(), ctx)).toEqual({ kind: 'score', value: 2 });
    expect(reviewKeyCommand('7', key(), ctx)).toEqual({ kind: 'offScale', value: 7 });
    expect(reviewKeyCommand('1', key(), { ...ctx, scale: [0, 2] })).toEqual({ kind: 'offScale', value: 1 });
    for (const k of [key({ backspace: true }), key({ delete: true })]) expect(reviewKeyCommand('', k, ctx)).toEqual({ kind: 'score', value: null });
    expect(reviewKeyCommand('x', key(), ctx)).toEqual({ kind: 'score', value: null });
  });

  it('Enter reads the evidence from the list and opens the document from the evidence', () => {
    expect(reviewKeyCommand('\r', key({ return: true }), ctx)).toEqual({ kind: 'view', action: { type: 'focus', focus: 'evidence' } });
    expect(reviewKeyCommand('\r', key({ return: true }), { ...ctx, focus: 'evidence' })).toEqual({ kind: 'openDocument', search: false });
    expect(reviewKeyCommand('/', key(), ctx)).toEqual({ kind: 'openDocument', search: true });
  });

  it('Esc and q back out before anything else; unbound keys mean nothing', () => {
    expect(reviewKeyCommand('', key({ escape: true }), ctx)).toEqual({ kind: 'back' });
    expect(reviewKeyCommand('q', key(), ctx)).toEqual({ kind: 'back' });
    expect(reviewKeyCommand('z', key(), ctx)).toBeNull();
    expect(['a', 'n', 'c', 's', '?'].map((ch) => reviewKeyCommand(ch, key(), ctx)?.kind)).toEqual(['accept', 'note', 'cite', 'summary', 'help']);
  });

  it('u/U jump to unscored items, f filters, N marks N/A; j/k step among the filtered items', () => {
    expect(['u', 'U', 'f', 'N'].map((ch) => reviewKeyCommand(ch, key(), ctx))).toEqual([
      { kind: 'nextUnscored', required: false },
      { kind: 'nextUnscored', required: true },
      { kind: 'requiredOnly' },
      { kind: 'notApplicable' },
    ]);
    // Ctrl-U still pages up.
    expect(reviewKeyCommand('u', key({ ctrl: true }), ctx)?.kind).toBe('view');
    const filtered = { ...ctx, itemCount: 6, visible: [0, 1, 3, 5], selected: 1 };
    expect(reviewKeyCommand('j', key(), filtered)).toEqual({ kind: 'view', action: { type: 'select', index: 3, count: 6 } });
    expect(reviewKeyCommand('k', key(), { ...filtered, selected: 3 })).toEqual({ kind: 'view', action: { type: 'select', index: 1, count: 6 } });
  });

  it('summary and help keys', () => {
    expect(['r', 'n', 'i', 'x'].map((ch) => summaryKeyCommand(ch, key()))).toEqual([
      { kind: 'verdict', value: 'ready' },
      { kind: 'verdict', value: 'not-ready' },
      { kind: 'verdict', value: 'needs-more-info' },
      { kind: 'verdict', value: null },
    ]);
    expect(summaryKeyCommand('k', key())).toEqual({ kind: 'move', delta: -1 });
    expect(summaryKeyCommand('', key({ return: true }))).toEqual({ kind: 'go' });
    expect(summaryKeyCommand('e', key())?.kind).toBe('recommendationNotes');
    expect(summaryKeyCommand('w', key())?.kind).toBe('export');
    expect(summaryKeyCommand('a', key())).toBeNull();
    expect(helpKeyCommand('?', key())).toBe('close');
    expect(helpKeyCommand('', key({ pageDown: true }))).toBe(5);
    expect(helpKeyCommand('k', key())).toBe(-1);
    expect(helpKeyCommand('z', key())).toBe(0);
  });
});

describe('review screen reducer', () => {
  it('opens help at its top and keeps its scroll inside the content', () => {
    let s = reviewScreenReducer(initialReviewScreen, { type: 'help', open: true });
    s = reviewScreenReducer(s, { type: 'helpScroll', delta: 5, max: 3 });
    expect(s.helpScroll).toBe(3);
    expect(reviewScreenReducer(s, { type: 'helpScroll', delta: -9, max: 3 }).helpScroll).toBe(0);
    s = reviewScreenReducer(reviewScreenReducer(s, { type: 'help', open: false }), { type: 'help', open: true });
    expect(s.helpScroll).toBe(0);
  });

  it('keeps the summary selection on an item, and returns the same state for no change', () => {
    let s = reviewScreenReducer(initialReviewScreen, { type: 'summaryAt', index: 2 });
    s = reviewScreenReducer(s, { type: 'summaryMove', delta: 5, count: 4 });
    expect(s.summarySelected).toBe(3);
    expect(reviewScreenReducer(s, { type: 'summaryMove', delta: 1, count: 4 })).toBe(s);
    expect(reviewScreenReducer(s, { type: 'mode', mode: 'review' })).toBe(s);
  });

  it('names the view whose keys the status bar and help show', () => {
    const doc = reviewScreenReducer(initialReviewScreen, { type: 'mode', mode: 'document' });
    expect(hintView(doc)).toBe('document');
    expect(hintView(reviewScreenReducer(doc, { type: 'searching', on: true }))).toBe('search');
    const rec = reviewScreenReducer(initialReviewScreen, { type: 'mode', mode: 'recnotes' });
    expect([hintView(rec), helpView(rec)]).toEqual(['notes', 'notes']);
    const helpOnSummary = reviewScreenReducer(reviewScreenReducer(initialReviewScreen, { type: 'mode', mode: 'summary' }), { type: 'help', open: true });
    expect([hintView(helpOnSummary), helpView(helpOnSummary)]).toEqual(['help', 'summary']);
  });
});
