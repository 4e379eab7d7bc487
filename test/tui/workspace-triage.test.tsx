// The workspace list's triage figures: compact cells per document and the selected one's
// figures spelt out under the list, computed after the list is drawn, fitting 80 columns.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import type { TriageRow } from '../../src/core/triage/triage-row.js';
import { displayWidth } from '../../src/tui/text.js';
import { compactSuggestions, triageCells, triageLayout } from '../../src/tui/workspace/triage-text.js';
import type { WorkspaceEntry } from '../../src/tui/types.js';
import { memoryHost, press, renderApp, waitFor } from './helpers.js';

afterEach(() => cleanup());

function row(document: string, over: Partial<TriageRow> = {}): TriageRow {
  return {
    document,
    title: document,
    project: 'Karmada',
    kind: 'annual-review',
    suggestions: { 'production-users': 2, 'committer-health': 1, 'commit-flow': null, versioning: 3 },
    adopters: 12,
    maintainers: 7,
    organisations: 4,
    gaps: 3,
    required: null,
    ...over,
  };
}

function entry(name: string, title = `Title of ${name}`): WorkspaceEntry {
  return { path: name, name, title, scored: 0, total: 4, started: false, others: [] };
}

describe('triage text', () => {
  it('gives one character per criterion for short sets and counts per score for long ones', () => {
    expect(compactSuggestions({ a: 2, b: 1, c: null, d: 3 })).toBe('21·3');
    const fifty: Record<string, number | null> = {};
    for (let i = 0; i < 50; i++) fifty[`item-${i}`] = i < 30 ? 1 : i < 42 ? 0 : null;
    expect(compactSuggestions(fifty)).toBe('1×30 0×12 -×8');
  });

  it('sizes the columns to what the rows hold and marks rows still computing or failed', () => {
    const layout = triageLayout([{ status: 'done', row: row('a.md', { adopters: 120 }) }, { status: 'pending' }, { status: 'failed', reason: 'x' }])!;
    expect(layout.columns.map((c) => [c.header, c.width])).toEqual([
      ['kind', 6],
      ['sugg', 4],
      ['a/m/o', 7],
      ['gaps', 4],
    ]);
    expect(triageCells({ status: 'pending' }, layout)).toBe('  …       …     …        …   ');
    expect(triageCells({ status: 'failed', reason: 'x' }, layout)).toContain('?');
    expect(displayWidth(triageCells({ status: 'done', row: row('a.md') }, layout))).toBe(layout.width);
    expect(triageLayout([undefined, undefined])).toBeNull();
  });
});

describe('workspace list with triage figures', () => {
  it('shows kind, suggestions, counts and gaps per document at 80x24, and the selected one spelt out', async () => {
    const host = memoryHost(
      {},
      {
        entries: [entry('karmada-2022-annual.md'), entry('kubevirt-incubation-commit-page.md')],
        triage: {
          'karmada-2022-annual.md': row('karmada-2022-annual.md'),
          'kubevirt-incubation-commit-page.md': row('kubevirt-incubation-commit-page.md', {
            project: 'KubeVirt',
            kind: 'application',
            gaps: 1,
            adopters: 0,
            links: [{ line: 9, url: '$LINK', kind: 'placeholder', detail: 'placeholder $LINK not filled in', criterion: null }],
          }),
        },
      },
    );
    const app = renderApp({ host, start: { kind: 'workspace' }, size: { columns: 80, rows: 24 } });
    await waitFor(() => expect(app.lastFrame()).toMatch(/kubevirt-incub\S*…\S*page\.md\s+not started\s+appl\s+21·3\s+0\/7\/4\s+1/));
    const frame = app.lastFrame()!;
    expect(frame).toMatch(/karmada-2022-annual\.md\s+not started\s+annual\s+21·3\s+12\/7\/4\s+3/);
    expect(frame).toMatch(/document\s+progress\s+kind\s+sugg\s+a\/m\/o\s+gaps/);
    expect(frame).toMatch(/kubevirt-incub\S*…\S*page\.md\s+not started\s+appl\s+21·3\s+0\/7\/4\s+1/);
    expect(frame).toContain('Karmada · annual review · 12 adopters, 7 maintainers, 4 orgs · 3 gaps');
    expect(frame).toContain('suggested production-users 2, committer-health 1, commit-flow -, versi');
    for (const line of frame.split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(80);
    await press(app.stdin, 'j');
    await waitFor(() => expect(app.lastFrame()).toContain('KubeVirt · application · 0 adopters, 7 maintainers, 4 orgs · 1 gap (1 link)'));
  });

  it('adds Required answered/total for a template set and counts a long set per score', async () => {
    const suggestions: Record<string, number | null> = {};
    for (let i = 0; i < 50; i++) suggestions[`item-${i}`] = i < 30 ? 1 : i < 42 ? 0 : null;
    const host = memoryHost(
      {},
      {
        entries: [entry('dd.md'), entry('notes.md')],
        triage: {
          'dd.md': row('dd.md', { kind: 'dd', suggestions, required: { answered: 12, unanswered: 18 } }),
          'notes.md': row('notes.md', { kind: 'other', suggestions }),
        },
      },
    );
    const app = renderApp({ host, start: { kind: 'workspace' }, size: { columns: 80, rows: 24 } });
    await waitFor(() => expect(app.lastFrame()).toMatch(/dd\.md\s+not started\s+DD\s+1×30 0×12 -×8\s+12\/7\/4\s+3\s+12\/30/));
    const frame = app.lastFrame()!;
    expect(frame).toMatch(/gaps\s+req/);
    expect(frame).toMatch(/notes\.md\s+not started\s+other\s+1×30 0×12 -×8\s+12\/7\/4\s+3\s+-/);
    expect(frame).toContain('Required answered 12/30 · suggested 1×30 0×12 -×8');
    for (const line of frame.split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(80);
  });

  it('draws the list before the figures arrive and answers keys meanwhile', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const host = memoryHost({}, { entries: [entry('a.md'), entry('b.md')] });
    host.triageDocument = async (path) => {
      await gate;
      return row(path, { project: path === 'a.md' ? 'Alpha' : 'Beta' });
    };
    const app = renderApp({ host, start: { kind: 'workspace' }, size: { columns: 80, rows: 24 } });
    await waitFor(() => expect(app.lastFrame()).toContain('triage figures: computing…'));
    expect(app.lastFrame()).toMatch(/a\.md\s+not started\s+…/);
    await press(app.stdin, 'j');
    await waitFor(() => expect(app.lastFrame()).toMatch(/› b\.md/));
    release();
    await waitFor(() => expect(app.lastFrame()).toContain('Beta · annual review'));
  });

  it('marks a document whose figures failed and says why, sanitised, when it is selected', async () => {
    const host = memoryHost(
      {},
      { entries: [entry('bad.md'), entry('ok.md')], triage: { 'bad.md': new Error('bad.md: not UTF-8 text\u001b[31m'), 'ok.md': row('ok.md') } },
    );
    const app = renderApp({ host, start: { kind: 'workspace' }, size: { columns: 80, rows: 24 } });
    await waitFor(() => expect(app.lastFrame()).toContain('triage figures: bad.md: not UTF-8 text'));
    expect(app.lastFrame()).toMatch(/bad\.md\s+not started\s+\?/);
    expect(app.lastFrame()).not.toContain('\u001b[31m');
  });

  it('shows no figure columns when the host has none to give', async () => {
    const app = renderApp({ host: memoryHost({}, { entries: [entry('a.md')] }), start: { kind: 'workspace' }, size: { columns: 80, rows: 24 } });
    await waitFor(() => expect(app.lastFrame()).toContain('Review documents (1)'));
    expect(app.lastFrame()).not.toContain('a/m/o');
    expect(app.lastFrame()).not.toContain('triage figures');
  });
});
