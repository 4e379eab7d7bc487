// The review screen on a 50-item grouped checklist set: group headings with met/total, Req/Sug
// marks, jumping to the next unscored (Required) item, the Required-only filter, N/A with its
// reason, all at 80x24.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { GROUPED_50, KEY, expectRowsFit, memoryHost, openedReview, press, renderApp, waitFor } from './helpers.js';

afterEach(() => cleanup());

async function openGrouped(size = { columns: 80, rows: 24 }) {
  const { review, session, criteria } = await openedReview('kube-ovn-2022-annual.md', { criteria: GROUPED_50 });
  const host = memoryHost({ [review.sourcePath]: review });
  const app = renderApp({ host, start: { kind: 'document', path: review.sourcePath, review }, size });
  await waitFor(() => expect(app.lastFrame()).toContain('0/50 scored'));
  return { ...app, review, session, criteria };
}

describe('review screen, 50-item grouped set at 80x24', () => {
  it('shows the first group heading with its met/total and a Req/Sug mark per item, and fits', async () => {
    const app = await openGrouped();
    const frame = app.lastFrame()!;
    expect(frame).toMatch(/Process\s+0\/5/);
    expect(frame).toContain('Req unscored');
    expectRowsFit(frame, 80);
    // Scoring the first item Met counts in its group.
    await press(app.stdin, '1');
    await waitFor(() => expect(app.lastFrame()).toMatch(/Process\s+1\/5/));
    expect(app.lastFrame()).toContain('Req 1 Met');
  });

  it('keeps the selected item and its group heading on screen far down the list', async () => {
    const app = await openGrouped();
    for (let i = 0; i < 30; i++) await press(app.stdin, 'j');
    const item = app.criteria.items[30]!;
    await waitFor(() => expect(app.lastFrame()).toContain(`Evidence · ${item.title}`));
    const frame = app.lastFrame()!;
    expect(frame).toContain(`› ${item.title.slice(0, 15)}`);
    expect(frame).toContain(`${item.group} `);
    // Which of the 50 are on screen, in the narrow pane's short form.
    expect(frame).toMatch(/0\/50 scored · \d+-\d+/);
    expectRowsFit(frame, 80);
  });

  it('u jumps to the next unscored item, U to the next unscored Required one', async () => {
    const app = await openGrouped();
    const items = app.criteria.items;
    // Score the first two: u goes to the third (a Suggested one), U past it to the fourth.
    await press(app.stdin, '1', 'j', '0', 'k');
    await waitFor(() => expect(app.session.file.items.slice(0, 2).map((i) => i.score)).toEqual([1, 0]));
    expect(items[2]!.required).toBe(false);
    await press(app.stdin, 'u');
    await waitFor(() => expect(app.lastFrame()).toContain(`Evidence · ${items[2]!.title}`));
    await press(app.stdin, 'k', 'k', 'U');
    await waitFor(() => expect(app.lastFrame()).toContain(`Evidence · ${items[3]!.title}`));
  });

  it('f shows Required items only; j/k step among them; f again shows all', async () => {
    const app = await openGrouped();
    const items = app.criteria.items;
    await press(app.stdin, 'f');
    await waitFor(() => expect(app.lastFrame()).toContain('Required only: 36 of 50 items'));
    expect(app.lastFrame()).not.toContain('Sug ');
    // From the second item, j skips the Suggested third.
    await press(app.stdin, 'j', 'j');
    await waitFor(() => expect(app.lastFrame()).toContain(`Evidence · ${items[3]!.title}`));
    await press(app.stdin, 'f');
    await waitFor(() => expect(app.lastFrame()).toContain('all 50 items shown'));
    await press(app.stdin, 'k');
    await waitFor(() => expect(app.lastFrame()).toContain(`Evidence · ${items[2]!.title}`));
  });

  it('N marks N/A after asking for the reason; an empty reason changes nothing', async () => {
    const app = await openGrouped();
    await press(app.stdin, 'N');
    await waitFor(() => expect(app.lastFrame()).toContain('N/A: why does it not apply?'));
    await press(app.stdin, KEY.enter);
    await waitFor(() => expect(app.lastFrame()).toContain('N/A needs a reason: nothing changed'));
    expect(app.session.file.items[0]!.score).toBeNull();
    await press(app.stdin, 'N', 'No sponsor step for this level', KEY.enter);
    await waitFor(() => expect(app.session.file.items[0]).toMatchObject({ score: 'na', notes: 'No sponsor step for this level' }));
    await waitFor(() => expect(app.lastFrame()).toContain('Req N/A'));
    // N/A leaves the item out of its group's total.
    expect(app.lastFrame()).toMatch(/Process\s+0\/4/);
    // Clearing the note of an N/A item is refused with the reason, not a crash.
    await press(app.stdin, 'n', '\u0015', KEY.enter);
    await waitFor(() => expect(app.lastFrame()).toContain('nothing changed'));
    expect(app.session.file.items[0]!.notes).toBe('No sponsor step for this level');
  });

  it('offers the new keys in the status bar and lists them in help', async () => {
    const app = await openGrouped({ columns: 100, rows: 30 });
    expect(app.lastFrame()).toContain('u/U unscored');
    await press(app.stdin, '?');
    await waitFor(() => expect(app.lastFrame()).toContain('next unscored Required item'));
    expect(app.lastFrame()).toContain('mark N/A and write the reason');
  });
});
