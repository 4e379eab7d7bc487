import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { setItemNotes, setItemScore, setSelectedItem } from '../../src/core/scores/score-file.js';
import { PASTE_END, PASTE_START } from '../../src/tui/input-decoder.js';
import { displayWidth } from '../../src/tui/text.js';
import { KEY, memoryHost, openedReview, press, renderApp, waitFor } from './helpers.js';

afterEach(() => cleanup());

async function openDirect(options: Parameters<typeof openedReview>[1] = {}, size = { columns: 100, rows: 30 }) {
  const { review, session, criteria } = await openedReview('kube-ovn-2022-annual.md', options);
  const host = memoryHost({ [review.sourcePath]: review });
  const app = renderApp({ host, start: { kind: 'document', path: review.sourcePath, review }, size });
  await waitFor(() => expect(app.lastFrame()).toContain('scored'));
  return { ...app, review, session, criteria, host };
}

describe('review screen', () => {
  it('shows every criterion unscored and the evidence of the first', async () => {
    const app = await openDirect();
    await waitFor(() => expect(app.lastFrame()).toContain('Passage 1/2'));
    const frame = app.lastFrame()!;
    for (const title of ['Production users', 'Committer health', 'Commit flow', 'Versioning']) expect(frame).toContain(title);
    expect(frame.match(/unscored/g)!.length).toBeGreaterThanOrEqual(4);
    expect(frame).toContain('0/4 scored');
    expect(frame).toContain('Suggested: 2 Met');
    expect(frame).toContain('Adopters named: 2');
    // Line numbers of the passage in the gutter.
    const adopterLine = app.review.extract!.criteria[0]!.evidence[0]!.startLine;
    expect(frame).toMatch(new RegExp(`\\b${adopterLine} │`));
  });

  it('moves between criteria with j/k and arrows', async () => {
    const app = await openDirect();
    await press(app.stdin, 'j');
    await waitFor(() => expect(app.lastFrame()).toContain('Evidence · Committer health'));
    await press(app.stdin, KEY.down, KEY.down);
    await waitFor(() => expect(app.lastFrame()).toContain('Evidence · Versioning'));
    expect(app.lastFrame()).toContain('Missing: no documented release process');
    await press(app.stdin, 'k');
    await waitFor(() => expect(app.lastFrame()).toContain('Evidence · Commit flow'));
    expect(app.lastFrame()).toContain('No evidence passages found');
  });

  it('scores with a digit, accepts the suggestion, clears, and saves each change', async () => {
    const app = await openDirect();
    await press(app.stdin, '3');
    await waitFor(() => expect(app.lastFrame()).toContain('3 Exceeded'));
    await waitFor(() => expect(app.lastFrame()).toMatch(/saved \d\d:\d\d:\d\d/));
    expect(app.session.file.items[0]!.score).toBe(3);
    await press(app.stdin, 'a');
    await waitFor(() => expect(app.session.file.items[0]!.score).toBe(2));
    await press(app.stdin, 'x');
    await waitFor(() => expect(app.session.file.items[0]!.score).toBeNull());
    // A digit off the scale is refused with a reason.
    await press(app.stdin, '7');
    await waitFor(() => expect(app.lastFrame()).toContain('7 is not on the scale'));
    expect(app.session.file.items[0]!.score).toBeNull();
    expect(app.session.saves.length).toBe(3);
  });

  it('handles keys typed ahead in one chunk in order', async () => {
    const app = await openDirect();
    await press(app.stdin, '2j1j0j3');
    await waitFor(() => expect(app.session.file.items.map((i) => i.score)).toEqual([2, 1, 0, 3]));
    expect(app.lastFrame()).toContain('4/4 scored');
  });

  it('writes a note with the notes editor', async () => {
    const app = await openDirect();
    await press(app.stdin, 'n');
    await waitFor(() => expect(app.lastFrame()).toContain('Note · Production users'));
    await press(app.stdin, 'Ten adopters, checked', KEY.backspace, 'd', KEY.enter);
    await waitFor(() => expect(app.session.file.items[0]!.notes).toBe('Ten adopters, checked'));
    await waitFor(() => expect(app.lastFrame()).toContain('Note: Ten adopters, checked'));
    expect(app.lastFrame()).toContain('· note');
    // Esc leaves the saved note alone.
    await press(app.stdin, 'n', ' and more', KEY.escape);
    await waitFor(() => expect(app.lastFrame()).toContain('note not changed'));
    expect(app.session.file.items[0]!.notes).toBe('Ten adopters, checked');
  });

  it('sends keys typed ahead to the editor they open, Enter included', async () => {
    const app = await openDirect();
    await press(app.stdin, 'nQuick note\r2');
    await waitFor(() => expect(app.session.file.items[0]!.notes).toBe('Quick note'));
    await waitFor(() => expect(app.session.file.items[0]!.score).toBe(2));
  });

  it('keeps a bracketed paste as text in the note: its lines are never run as keys', async () => {
    const app = await openDirect();
    await press(app.stdin, 'n');
    await waitFor(() => expect(app.lastFrame()).toContain('Note · Production users'));
    // What tmux paste-buffer -p sends: the text wrapped in paste markers, newlines as CR.
    await press(app.stdin, '\u0015', `${PASTE_START}first line\rsecond 2 line\rthird${PASTE_END}`);
    await waitFor(() => expect(app.lastFrame()).toContain('third'));
    expect(app.lastFrame()).toContain('Note · Production users');
    expect(app.session.saves).toHaveLength(0);
    await press(app.stdin, KEY.enter);
    await waitFor(() => expect(app.session.file.items[0]!.notes).toBe('first line\nsecond 2 line\nthird'));
    expect(app.session.file.items.map((i) => i.score)).toEqual([null, null, null, null]);
    expect(app.session.file.recommendation.verdict).toBeNull();
    // Outside an editor a paste is refused with a word, not run.
    await press(app.stdin, `${PASTE_START}s2q${PASTE_END}`);
    await waitFor(() => expect(app.lastFrame()).toContain('pasted text ignored'));
    expect(app.session.file.items[0]!.score).toBeNull();
    expect(app.exits).toEqual([]);
    expect(app.lastFrame()).toContain('Evidence · Production users');
  });

  it('starts a new line in a note with Alt-Enter or Ctrl-J, and shows every line in the summary', async () => {
    const app = await openDirect();
    await press(app.stdin, 'n', 'one', '\u001B\r', 'two', '\n', 'three', KEY.enter);
    await waitFor(() => expect(app.session.file.items[0]!.notes).toBe('one\ntwo\nthree'));
    await press(app.stdin, 's');
    await waitFor(() => expect(app.lastFrame()).toContain('Summary ·'));
    for (const line of ['one', 'two', 'three']) expect(app.lastFrame()).toMatch(new RegExp(`^│\\s+${line}\\s+│$`, 'm'));
  });

  it('keeps the note being typed when Ctrl-C quits', async () => {
    const app = await openDirect();
    await press(app.stdin, 'n', 'half a thought');
    await waitFor(() => expect(app.lastFrame()).toContain('half a thought'));
    await press(app.stdin, KEY.ctrlC);
    await waitFor(() => expect(app.exits[0]?.code).toBe(130));
    expect(app.session.file.items[0]!.notes).toBe('half a thought');
  });

  it('quits non-zero naming the score file when changes could not be saved', async () => {
    const app = await openDirect();
    app.session.save = async () => {
      throw Object.assign(new Error("EACCES: permission denied, open '/tmp/ws/scores/doc/.ada.score.json.tmp'"), { code: 'EACCES' });
    };
    await press(app.stdin, '2');
    await waitFor(() => expect(app.lastFrame()).toContain('NOT SAVED'));
    await press(app.stdin, 'q');
    await waitFor(() => expect(app.exits).toHaveLength(1));
    expect(app.exits[0]!.code).toBe(1);
    expect(app.exits[0]!.message).toContain('/tmp/ws/scores/doc/ada.score.json');
    expect(app.exits[0]!.message).toContain('Production users: 2 Met');
    expect(app.exits[0]!.message).not.toContain('\n');
  });

  it('reads Esc and a key sent together as Esc, then the key', async () => {
    const app = await openDirect();
    await press(app.stdin, '?');
    await waitFor(() => expect(app.lastFrame()).toContain('Help: Review keys'));
    await press(app.stdin, '\u001Bj');
    await waitFor(() => expect(app.lastFrame()).toContain('Evidence · Committer health'));
    await press(app.stdin, '?', '\u001B?');
    await waitFor(() => expect(app.lastFrame()).toContain('Help: Review keys'));
  });

  it('cites the passage on screen and uncites it again', async () => {
    const app = await openDirect();
    const first = app.review.extract!.criteria[0]!.evidence[0]!;
    await press(app.stdin, 'c');
    await waitFor(() => expect(app.session.file.items[0]!.cited).toHaveLength(1));
    expect(app.session.file.items[0]!.cited[0]).toMatchObject({ startLine: first.startLine, endLine: first.endLine });
    expect(app.session.file.items[0]!.cited[0]!.quote.length).toBeGreaterThan(0);
    await waitFor(() => expect(app.lastFrame()).toContain('[cited]'));
    // Next passage, cite it too.
    await press(app.stdin, ']');
    await press(app.stdin, 'c');
    await waitFor(() => expect(app.session.file.items[0]!.cited).toHaveLength(2));
    await press(app.stdin, 'c');
    await waitFor(() => expect(app.session.file.items[0]!.cited).toHaveLength(1));
    expect(app.lastFrame()).toContain('uncited lines 1-4');
  });

  it('scrolls the evidence pane when it has focus', async () => {
    const app = await openDirect({}, { columns: 80, rows: 24 });
    await press(app.stdin, KEY.tab);
    await waitFor(() => expect(app.lastFrame()).toContain('● Evidence'));
    const before = app.lastFrame()!;
    await press(app.stdin, 'j', 'j', 'j');
    await waitFor(() => expect(app.lastFrame()).toMatch(/Evidence · Production users · 4-/));
    expect(app.lastFrame()).not.toEqual(before);
    // Selection did not move.
    expect(app.lastFrame()).toContain('› Production users');
  });

  it('opens the whole document at the passage and searches it', async () => {
    const app = await openDirect();
    const first = app.review.extract!.criteria[0]!.evidence[0]!;
    await press(app.stdin, 'o');
    await waitFor(() => expect(app.lastFrame()).toContain(`of ${app.review.lines.length}`));
    expect(app.lastFrame()).toMatch(new RegExp(`\\b${first.startLine}┃`));
    await press(app.stdin, '/');
    await waitFor(() => expect(app.lastFrame()).toContain('Search:'));
    await press(app.stdin, 'kubernetes', KEY.enter);
    await waitFor(() => expect(app.lastFrame()).toMatch(/"kubernetes" match \d+\/\d+ at line \d+/));
    const line = Number(/ at line (\d+)/.exec(app.lastFrame()!)![1]);
    expect(app.review.lines[line - 1]!.toLowerCase()).toContain('kubernetes');
    await press(app.stdin, 'q');
    await waitFor(() => expect(app.lastFrame()).toContain('Evidence · Production users'));
  });

  it('sets the recommendation on the summary screen', async () => {
    const app = await openDirect({ file: (f) => setItemNotes(setItemScore(f, 'production-users', 2, '2026-01-02T00:00:00.000Z'), 'production-users', 'solid list', '2026-01-02T00:00:00.000Z') });
    await press(app.stdin, 's');
    await waitFor(() => expect(app.lastFrame()).toContain('Summary · 1/4 scored'));
    expect(app.lastFrame()).toContain('solid list');
    expect(app.lastFrame()).toContain('not set');
    await press(app.stdin, 'i');
    await waitFor(() => expect(app.session.file.recommendation.verdict).toBe('needs-more-info'));
    await waitFor(() => expect(app.lastFrame()).toContain('Needs more information'));
    await press(app.stdin, 'e', 'Ask for maintainer list', KEY.enter);
    await waitFor(() => expect(app.session.file.recommendation.notes).toBe('Ask for maintainer list'));
    // Enter on an item goes back to the review at that item.
    await press(app.stdin, 'j', 'j', KEY.enter);
    await waitFor(() => expect(app.lastFrame()).toContain('Evidence · Commit flow'));
  });

  it('shows help for the current view and closes it', async () => {
    const app = await openDirect();
    await press(app.stdin, '?');
    await waitFor(() => expect(app.lastFrame()).toContain('Help: Review keys'));
    expect(app.lastFrame()).toContain('cite the passage on screen');
    await press(app.stdin, KEY.escape);
    await waitFor(() => expect(app.lastFrame()).toContain('Evidence · Production users'));
  });

  it('resumes where the reviewer left off: scores, notes and the selected criterion', async () => {
    const app = await openDirect({
      file: (f) => setSelectedItem(setItemNotes(setItemScore(setItemScore(f, 'production-users', 2), 'commit-flow', 1), 'commit-flow', 'slowing down'), 'commit-flow'),
    });
    const frame = app.lastFrame()!;
    expect(frame).toContain('Evidence · Commit flow');
    expect(frame).toContain('› Commit flow');
    expect(frame).toContain('2/4 scored');
    expect(frame).toContain('Note: slowing down');
    expect(frame).toContain('resumed: 2/4 scored');
  });

  it('remembers the selected criterion in the score file, once the reviewer stops moving', async () => {
    const app = await openDirect();
    const before = app.session.saves.length;
    await press(app.stdin, 'j', 'j', 'k', 'j');
    // Stepping through criteria writes nothing yet: one write for the place the reviewer stopped.
    expect(app.session.saves.length).toBe(before);
    await waitFor(() => expect(app.session.file.ui.selected).toBe('commit-flow'));
    expect(app.session.saves.length).toBe(before + 1);
  });

  it('writes the selection at once on leaving, and with the next score', async () => {
    const app = await openDirect();
    await press(app.stdin, 'j');
    await press(app.stdin, '2');
    await waitFor(() => expect(app.session.saves.at(-1)?.ui.selected).toBe('committer-health'));
    await press(app.stdin, 'j', 'q');
    await waitFor(() => expect(app.session.file.ui.selected).toBe('commit-flow'));
  });

  it('opens read-only when another session holds the lock, saying who', async () => {
    const app = await openDirect({ session: { readOnly: true, lockHolder: { pid: 4242, host: 'build-box', since: '2026-01-01T10:00:00.000Z' } } });
    expect(app.lastFrame()).toContain('READ-ONLY: locked by pid 4242 on build-box since 2026-01-01T10:00:00.000Z');
    await press(app.stdin, '2');
    await waitFor(() => expect(app.lastFrame()).toContain('read-only'));
    expect(app.session.saves).toHaveLength(0);
    expect(app.lastFrame()).toContain('0/4 scored');
  });

  it('flags a document that changed since it was scored', async () => {
    const app = await openDirect({ session: { documentChanged: true } });
    expect(app.lastFrame()).toContain('DOCUMENT CHANGED since these scores were saved');
  });

  it("shows other reviewers' scores", async () => {
    const { review: other } = await openedReview('kube-ovn-2022-annual.md', { file: (f) => setItemScore({ ...f, reviewer: { name: 'Grace Hopper', handle: 'grace' } }, 'production-users', 1) });
    const app = await openDirect({ others: [other.session.file] });
    expect(app.lastFrame()).toContain('Other reviewers: Grace Hopper 1 Partially met');
  });

  it('quits with q when opened directly, and on Ctrl-C', async () => {
    const app = await openDirect();
    await press(app.stdin, 'q');
    await waitFor(() => expect(app.exits).toEqual([{ code: 0, message: undefined }]));
    expect(app.session.closed).toBe(true);
    const again = await openDirect();
    await press(again.stdin, KEY.ctrlC);
    await waitFor(() => expect(again.exits[0]?.code).toBe(130));
  });

  it('reports a render crash as one line and exits 1 instead of leaving a broken screen', async () => {
    const { review } = await openedReview();
    const broken = { ...review, lines: undefined as unknown as string[] };
    const app = renderApp({ host: memoryHost({ x: broken }), start: { kind: 'document', path: 'x', review: broken } });
    await waitFor(() => expect(app.exits[0]?.code).toBe(1));
    expect(app.exits[0]!.message).toMatch(/^internal error: .+/);
    expect(app.exits[0]!.message).not.toContain('\n');
  });
});

describe('review screen at 80x24: what fits and what it says', () => {
  const SMALL = { columns: 80, rows: 24 };

  it('shows every main key in the status bar, q and ? included, and "scroll" when the evidence pane has focus', async () => {
    const app = await openDirect({}, SMALL);
    const frame = app.lastFrame()!;
    for (const hint of ['j/k move', '0-3 score', '] [ passage', 'o open', '/ search', 's summary', '? help', 'q back']) expect(frame).toContain(hint);
    await press(app.stdin, KEY.tab);
    await waitFor(() => expect(app.lastFrame()).toContain('j/k scroll'));
    await press(app.stdin, KEY.tab, 's');
    await waitFor(() => expect(app.lastFrame()).toContain('Summary ·'));
    for (const hint of ['w export', 'q back', '? help']) expect(app.lastFrame()).toContain(hint);
  });

  it('keeps the save state and both ends of a long message visible', async () => {
    const app = await openDirect({}, SMALL);
    app.session.save = async () => {
      throw Object.assign(new Error("EACCES: permission denied, open '/tmp/ws/scores/kube-ovn-2022-annual/.ada-lovelace.score.json.tmp-1234'"), {
        code: 'EACCES',
        path: '/tmp/ws/scores/kube-ovn-2022-annual/.ada-lovelace.score.json.tmp-1234',
      });
    };
    await press(app.stdin, '2');
    await waitFor(() => expect(app.lastFrame()).toContain('✗ NOT SAVED'));
    expect(app.lastFrame()).toContain('NOT SAVED: permission denied (EACCES) writing ada.score.json');
  });

  it('fits the header by display width: a wide-character name keeps the progress whole', async () => {
    const app = await openDirect({ file: (f) => ({ ...f, reviewer: { name: '张伟 Zhang Wei 🚀 研究员 审查', handle: 'zw' } }) }, SMALL);
    const header = app.lastFrame()!.split('\n')[0]!;
    expect(header).toContain('· 0/4 scored');
    expect(displayWidth(header)).toBeLessThanOrEqual(80);
  });

  it('read-only: offers only keys that work, says why c is refused, and fits the lock banner', async () => {
    const app = await openDirect({ session: { readOnly: true, lockHolder: { pid: 14117, host: 'vm', since: '2026-11-21T14:02:33.634Z' } } }, SMALL);
    const frame = app.lastFrame()!;
    const keysRows = frame.split('\n').slice(-2).join('\n');
    for (const hint of ['score', 'a accept', 'x clear', 'n note', 'c cite']) expect(keysRows).not.toContain(hint);
    for (const hint of ['j/k move', 's summary', 'q back', '? help']) expect(keysRows).toContain(hint);
    expect(frame).toContain('READ-ONLY: locked by pid 14117 on vm since 2026-11-21T14:02:33.634Z');
    expect(frame).toContain('nothing you do here is saved.');
    await press(app.stdin, 'c');
    await waitFor(() => expect(app.lastFrame()).toContain('read-only: another session holds the lock'));
  });

  it('says "resumed" for a file with notes but no scores, and drops the last message on moving on', async () => {
    const app = await openDirect({ file: (f) => setItemNotes(f, 'commit-flow', 'ask for devstats', '2026-01-02T00:00:00.000Z') }, SMALL);
    expect(app.lastFrame()).toContain('resumed: 0/4 scored (1 note)');
    await press(app.stdin, '7');
    await waitFor(() => expect(app.lastFrame()).toContain('7 is not on the scale'));
    await press(app.stdin, 'j');
    await waitFor(() => expect(app.lastFrame()).toContain('Evidence · Committer health'));
    expect(app.lastFrame()).not.toContain('7 is not on the scale');
  });

  it('help and Enter agree: Enter in the criteria pane goes to the evidence, in the evidence pane opens the document', async () => {
    const app = await openDirect({}, SMALL);
    await press(app.stdin, '?');
    await waitFor(() => expect(app.lastFrame()).toContain('Help: Review keys'));
    expect(app.lastFrame()).toContain('criteria pane: read its evidence');
    await press(app.stdin, KEY.escape, KEY.enter);
    await waitFor(() => expect(app.lastFrame()).toContain('● Evidence'));
    await press(app.stdin, KEY.enter);
    await waitFor(() => expect(app.lastFrame()).toMatch(/lines \d+-\d+ of \d+/));
  });

  it('counts search matches and says when the search wrapped', async () => {
    const app = await openDirect({}, SMALL);
    await press(app.stdin, '/', 'kube-ovn', KEY.enter);
    await waitFor(() => expect(app.lastFrame()).toMatch(/"kube-ovn" match \d+\/\d+ at line \d+/));
    const total = Number(/match \d+\/(\d+)/.exec(app.lastFrame()!)![1]);
    expect(total).toBe(app.review.lines.filter((l) => l.toLowerCase().includes('kube-ovn')).length);
    await press(app.stdin, 'N');
    for (let i = 0; i < total + 1 && !app.lastFrame()!.includes('wrapped'); i++) await press(app.stdin, 'N');
    await waitFor(() => expect(app.lastFrame()).toMatch(/match (\d+)\/\1 at line \d+ · wrapped to bottom/));
  });

  it('scrolls help with j/k when it does not fit (60x16)', async () => {
    const app = await openDirect({}, { columns: 60, rows: 16 });
    await press(app.stdin, '?');
    await waitFor(() => expect(app.lastFrame()).toContain('Help: Review keys'));
    expect(app.lastFrame()).toMatch(/↓ \d+ more \(j\/k scroll\)/);
    expect(app.lastFrame()).not.toContain('quit at once');
    for (let i = 0; i < 40 && !app.lastFrame()!.includes('quit at once'); i++) await press(app.stdin, 'j');
    expect(app.lastFrame()).toContain('quit at once');
    expect(app.lastFrame()).toMatch(/↑ \d+ above/);
    expect(app.lastFrame()).toContain('Help: Review keys');
  });

  it('shows the scale digits as they are, not a range that invites 3 and 4', async () => {
    const { review, session, criteria } = await openedReview();
    const scale = [
      { value: 1, label: 'Low', meets: false },
      { value: 2, label: 'Some', meets: true },
      { value: 5, label: 'Full', meets: true },
    ];
    const odd = { ...review, criteria: { ...criteria, scale } };
    const app = renderApp({ host: memoryHost({ x: odd }), start: { kind: 'document', path: 'x', review: odd }, size: SMALL });
    await waitFor(() => expect(app.lastFrame()).toContain('1/2/5 score'));
    expect(session.saves).toHaveLength(0);
  });
});
