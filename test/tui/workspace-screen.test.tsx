import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { setItemScore } from '../../src/core/scores/score-file.js';
import { displayWidth } from '../../src/tui/text.js';
import { KEY, memoryHost, openedReview, press, renderApp, waitFor } from './helpers.js';

afterEach(() => cleanup());

describe('workspace list', () => {
  it("lists documents with the reviewer's progress and opens one with Enter", async () => {
    const a = await openedReview('kube-ovn-2022-annual.md', { file: (f) => setItemScore(setItemScore(f, 'production-users', 2), 'versioning', 1) });
    const b = await openedReview('karmada-2022-annual.md');
    const host = memoryHost({ 'kube-ovn-2022-annual.md': a.review, 'karmada-2022-annual.md': b.review });
    const app = renderApp({ host, start: { kind: 'workspace' } });
    await waitFor(() => expect(app.lastFrame()).toContain('Review documents (2)'));
    expect(app.lastFrame()).toMatch(/kube-ovn-2022-annual\.md\s+2\/4 scored/);
    expect(app.lastFrame()).toMatch(/karmada-2022-annual\.md\s+0\/4 scored/);
    await press(app.stdin, 'j', KEY.enter);
    await waitFor(() => expect(app.lastFrame()).toContain('Evidence · Production users'));
    expect(host.opened).toEqual([b.review.sourcePath]);
    // q goes back to the list (closing the session), q again quits.
    await press(app.stdin, 'q');
    await waitFor(() => expect(app.lastFrame()).toContain('Review documents (2)'));
    expect(b.session.closed).toBe(true);
    expect(app.lastFrame()).toMatch(/› karmada/);
    await press(app.stdin, 'q');
    await waitFor(() => expect(app.exits).toEqual([{ code: 0, message: undefined }]));
  });

  it('hands keys typed while a document opens to its review screen, in order', async () => {
    const a = await openedReview('kube-ovn-2022-annual.md');
    const host = memoryHost({ 'kube-ovn-2022-annual.md': a.review });
    const open = host.openReview.bind(host);
    // Opening takes a moment (reading, extraction): keys keep coming meanwhile.
    host.openReview = async (path) => {
      await new Promise((resolve) => setTimeout(resolve, 150));
      return open(path);
    };
    const app = renderApp({ host, start: { kind: 'workspace' } });
    await waitFor(() => expect(app.lastFrame()).toContain('Review documents (1)'));
    await press(app.stdin, KEY.enter, '2', 'q');
    await waitFor(() => expect(app.lastFrame()).toContain('Review documents (1)'));
    await waitFor(() => expect(a.session.file.items[0]!.score).toBe(2));
    expect(a.session.closed).toBe(true);
    expect(app.exits).toEqual([]);
  });

  it('remembers a review whose changes could not be saved and quits non-zero naming it', async () => {
    const a = await openedReview('kube-ovn-2022-annual.md');
    a.session.save = async () => {
      throw new Error('disk full');
    };
    const host = memoryHost({ 'kube-ovn-2022-annual.md': a.review });
    const app = renderApp({ host, start: { kind: 'workspace' } });
    await waitFor(() => expect(app.lastFrame()).toContain('Review documents (1)'));
    await press(app.stdin, KEY.enter);
    await waitFor(() => expect(app.lastFrame()).toContain('Evidence · Production users'));
    await press(app.stdin, '2');
    await waitFor(() => expect(app.lastFrame()).toContain('✗ NOT SAVED'));
    await press(app.stdin, 'q');
    await waitFor(() => expect(app.lastFrame()).toContain('NOT SAVED to /tmp/ws/scores/doc/ada.score.json'));
    await press(app.stdin, 'q');
    await waitFor(() => expect(app.exits).toHaveLength(1));
    expect(app.exits[0]!.code).toBe(1);
    expect(app.exits[0]!.message).toMatch(/NOT SAVED to \/tmp\/ws\/scores\/doc\/ada\.score\.json: Production users: 2 Met — disk full/);
  });

  it('shows who else scored a document and a problem with a score file', async () => {
    const host = memoryHost(
      {},
      {
        entries: [
          { path: 'a.md', name: 'a.md', title: 'Project A', scored: 1, total: 4, started: true, others: ['grace', 'linus'] },
          { path: 'b.md', name: 'b.md', title: 'Project B', scored: 0, total: 4, started: false, others: [] },
          { path: 'c.md', name: 'c.md', title: 'Project C', scored: 0, total: 4, started: true, others: [], problem: 'bad file' },
        ],
      },
    );
    const app = renderApp({ host, start: { kind: 'workspace' } });
    await waitFor(() => expect(app.lastFrame()).toContain('Review documents (3)'));
    expect(app.lastFrame()).toContain('also grace, linus');
    expect(app.lastFrame()).toMatch(/b\.md\s+not started/);
    expect(app.lastFrame()).toMatch(/c\.md\s+score file unreadable/);
  });

  it('fits at 80 columns: whole file names, who else scored, and no stray cut with an emoji name', async () => {
    const host = memoryHost(
      {},
      {
        reviewer: { name: 'Ada 🚀 Lovelace ✅', handle: 'ada' },
        entries: [
          { path: 'kubevirt-incubation-commit-page.md', name: 'kubevirt-incubation-commit-page.md', title: 'KubeVirt incubation', scored: 1, total: 4, started: true, others: ['grace', 'linus'] },
          { path: 'b.md', name: 'b.md', title: 'Project B', scored: 0, total: 4, started: false, others: [] },
        ],
      },
    );
    const app = renderApp({ host, start: { kind: 'workspace' }, size: { columns: 80, rows: 24 } });
    await waitFor(() => expect(app.lastFrame()).toContain('Review documents (2)'));
    const frame = app.lastFrame()!;
    expect(frame).toContain('● Review documents (2) · reviewer Ada 🚀 Lovelace ✅ ');
    expect(frame).toMatch(/kubevirt-incubation-commit-page\.md\s+1\/4 scored\s+also grace, linus\s+KubeV/);
    for (const row of frame.split('\n')) expect(displayWidth(row)).toBeLessThanOrEqual(80);
  });

  it('reports a document that fails to open and stays on the list', async () => {
    const host = memoryHost({}, { entries: [{ path: 'gone.md', name: 'gone.md', title: 'Gone', scored: 0, total: 4, started: false, others: [] }] });
    const app = renderApp({ host, start: { kind: 'workspace' } });
    await waitFor(() => expect(app.lastFrame()).toContain('gone.md'));
    await press(app.stdin, KEY.enter);
    await waitFor(() => expect(app.lastFrame()).toContain('gone.md: no such file'));
    expect(app.exits).toEqual([]);
  });

  it('says so when the workspace holds no documents', async () => {
    const app = renderApp({ host: memoryHost({}), start: { kind: 'workspace' } });
    await waitFor(() => expect(app.lastFrame()).toContain('No markdown documents here'));
  });
});

describe('reviewer prompt', () => {
  it('asks for a name once, stores it, then continues to the document', async () => {
    const { review } = await openedReview();
    const host = memoryHost({ [review.sourcePath]: review }, { reviewer: null });
    const app = renderApp({ host, start: { kind: 'document', path: review.sourcePath } });
    await waitFor(() => expect(app.lastFrame()).toContain('Your name:'));
    await press(app.stdin, KEY.enter);
    await waitFor(() => expect(app.lastFrame()).toContain('type your name first'));
    await press(app.stdin, 'Grace Hopper', KEY.enter);
    await waitFor(() => expect(app.lastFrame()).toContain('Evidence · Production users'));
    expect(host.reviewerSaved).toBe('Grace Hopper');
    expect(host.reviewer).toEqual({ name: 'Grace Hopper', handle: 'grace-hopper' });
  });
});
