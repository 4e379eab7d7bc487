// Issue 16 part 3 in the review UI, on the real host and a temp workspace holding the Driftwood
// pair (test/fixtures/compare/, written for the tests) and a document of another project: the
// workspace list marks the document with a predecessor, p chooses or clears it (kept in the
// workspace state file), and d in the review shows what changed for the criterion since it.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanup } from 'ink-testing-library';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCriteria } from '../../src/store/criteria-files.js';
import { openSettings } from '../../src/store/settings.js';
import { WORKSPACE_STATE_FILE } from '../../src/store/workspace-state.js';
import { createStoreHost } from '../../src/tui/store-host.js';
import type { ReviewHost } from '../../src/tui/types.js';
import { KEY, press, renderApp, waitFor } from './helpers.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'compare');
let dir = '';
let ws = '';

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'toc-since-ui-'));
  ws = join(dir, 'ws');
  mkdirSync(ws);
  mkdirSync(join(dir, 'config'));
  for (const name of ['driftwood-2024-annual.md', 'driftwood-2025-annual.md']) copyFileSync(join(FIXTURES, name), join(ws, name));
  writeFileSync(join(ws, 'ember-2025-annual.md'), '# Ember 2025 Annual Review\n\nEmber is a made-up build cache.\n\n## Adopters\n\n- Orbit Labs\n');
});
afterEach(() => {
  cleanup();
  rmSync(dir, { recursive: true, force: true });
});

async function storeHost(): Promise<ReviewHost & { sinceCalls: number }> {
  const env = { TOC_REVIEW_CONFIG_DIR: join(dir, 'config'), TOC_REVIEW_NO_CACHE: '1' };
  const criteria = await loadCriteria('cncf-incubation');
  const host = createStoreHost({ workspace: ws, criteria, reviewer: { name: 'Ada', handle: 'ada' }, readOnly: false, settings: () => openSettings(env), env });
  // Counts how often the review asks for the comparison.
  const counted = Object.assign(host, { sinceCalls: 0 });
  const since = host.since!.bind(host);
  counted.since = (review) => {
    counted.sinceCalls++;
    return since(review);
  };
  return counted;
}

/** The evidence pane's text, its wrapped rows joined again (the pane is right of the "││" seam). */
function pane(frame: string | undefined): string {
  const rows = (frame ?? '').split('\n').filter((l) => l.includes('││'));
  return rows.map((l) => l.slice(l.indexOf('││') + 2).replace(/│\s*$/, '').trim()).join(' ').replace(/\s+/g, ' ');
}

const row = (frame: string, name: string) => frame.split('\n').find((l) => l.includes(name)) ?? '';

describe('workspace list: predecessors', () => {
  it('marks the later Driftwood review with its predecessor and names it under the list', async () => {
    const app = renderApp({ host: await storeHost(), start: { kind: 'workspace' }, size: { columns: 100, rows: 30 } });
    await waitFor(() => expect(row(app.lastFrame()!, 'driftwood-2025-annual.md')).toMatch(/«\s+driftwood-2025-annual\.md/));
    const frame = app.lastFrame()!;
    expect(row(frame, 'driftwood-2024-annual.md')).not.toContain('«');
    expect(row(frame, 'ember-2025-annual.md')).not.toContain('«');
    // The first document is selected: it has none.
    expect(frame).toContain('no predecessor (p chooses one)');
    await press(app.stdin, 'j');
    await waitFor(() => expect(app.lastFrame()).toContain('« since driftwood-2024-annual.md (same project, earlier'));
    expect(app.lastFrame()).toContain('p predecessor');
  });

  it('p chooses none or another document, kept in the workspace state file', async () => {
    const app = renderApp({ host: await storeHost(), start: { kind: 'workspace' }, size: { columns: 100, rows: 30 } });
    await waitFor(() => expect(row(app.lastFrame()!, 'driftwood-2025-annual.md')).toContain('«'));
    await press(app.stdin, 'j', 'p');
    await waitFor(() => expect(app.lastFrame()).toContain('Predecessor of driftwood-2025-annual.md'));
    let frame = app.lastFrame()!;
    expect(frame).toContain('› automatic (driftwood-2024-annual.md)');
    expect(frame).toContain('none: do not compare');
    expect(frame).toContain('ember-2025-annual.md');
    expect(row(frame, 'automatic')).not.toContain('driftwood-2025-annual.md');
    expect(frame).toContain('Enter choose');

    await press(app.stdin, 'j', KEY.enter);
    await waitFor(() => expect(app.lastFrame()).toContain('driftwood-2025-annual.md: no predecessor'));
    expect(JSON.parse(readFileSync(join(ws, WORKSPACE_STATE_FILE), 'utf8'))).toEqual({ schema: 'toc-review/workspace@1', predecessors: { 'driftwood-2025-annual.md': null } });
    frame = app.lastFrame()!;
    expect(row(frame, 'driftwood-2025-annual.md')).not.toContain('«');

    // Opened again at the choice kept; the third document this time.
    await press(app.stdin, 'p');
    await waitFor(() => expect(app.lastFrame()).toContain('› none: do not compare'));
    await press(app.stdin, 'j', 'j', 'j', KEY.enter);
    await waitFor(() => expect(app.lastFrame()).toContain('« since ember-2025-annual.md (chosen by hand'));
    expect(JSON.parse(readFileSync(join(ws, WORKSPACE_STATE_FILE), 'utf8')).predecessors).toEqual({ 'driftwood-2025-annual.md': 'ember-2025-annual.md' });

    // Esc leaves the choice as it was.
    await press(app.stdin, 'p', 'k', KEY.escape);
    await waitFor(() => expect(app.lastFrame()).not.toContain('Predecessor of'));
    expect(app.lastFrame()).toContain('« since ember-2025-annual.md (chosen by hand');
  });

  it('refuses to choose while the state file is broken, naming it, and leaves it as it is', async () => {
    const broken = '{ "schema": "toc-review/workspace@1", "predecessors": { "../x.md": "a.md" } }\n';
    writeFileSync(join(ws, WORKSPACE_STATE_FILE), broken);
    const app = renderApp({ host: await storeHost(), start: { kind: 'workspace' }, size: { columns: 100, rows: 30 } });
    // The status line loses the middle of a long message: the file and the reason stay.
    const said = /\.toc-review-workspace\.json: pre.*be a document path inside the workspace/;
    await waitFor(() => expect(app.lastFrame()).toMatch(said));
    await press(app.stdin, 'p');
    await waitFor(() => expect(app.lastFrame()).toMatch(said));
    expect(app.lastFrame()).not.toContain('Predecessor of');
    expect(readFileSync(join(ws, WORKSPACE_STATE_FILE), 'utf8')).toBe(broken);
  });
});

describe('review screen: d shows what changed since the predecessor', () => {
  it('toggles the evidence pane per criterion, asking the host once', async () => {
    const host = await storeHost();
    const app = renderApp({ host, start: { kind: 'workspace' }, size: { columns: 100, rows: 40 } });
    await waitFor(() => expect(row(app.lastFrame()!, 'driftwood-2025-annual.md')).toContain('«'));
    await press(app.stdin, 'j', KEY.enter);
    await waitFor(() => expect(pane(app.lastFrame())).toContain('Evidence · '));
    expect(app.lastFrame()).toContain('d since');

    await press(app.stdin, 'd');
    await waitFor(() => expect(pane(app.lastFrame())).toContain('added: Northwind GmbH (new line 13)'));
    let frame = pane(app.lastFrame());
    expect(frame).toContain('Since driftwood-2024-annual.md · ');
    expect(frame).toContain('old: driftwood-2024-annual.md (same project, earlier), 32 lines');
    expect(frame).toContain('renamed: Acme Corp -> ACME Corporation (old line 10, new line 10)');
    expect(frame).toContain('Suggested score');
    expect(frame).not.toContain('Maintainers:');

    await press(app.stdin, 'j');
    await waitFor(() => expect(pane(app.lastFrame())).toContain('changed: Ana Souza: affiliation Acme Corp -> Globex (old line 19, new line 19)'));
    expect(pane(app.lastFrame())).toContain('Acme Corp: 2 (50%) -> 0 (0%) (old lines 19, 21)');
    expect(pane(app.lastFrame())).not.toContain('Northwind GmbH (new line 13)');

    await press(app.stdin, 'j');
    await waitFor(() => expect(pane(app.lastFrame())).toContain('merged PRs per month: 120 -> 150 (+30, +25%) (old line 26, new line 26)'));
    expect(pane(app.lastFrame())).toContain('2 -> 3 (changed) (old lines 26-27, new lines 26-27)');

    await press(app.stdin, 'j');
    await waitFor(() => expect(pane(app.lastFrame())).toContain('Nothing this criterion rests on changed: suggested score 0 -> 0'));

    await press(app.stdin, 'd');
    await waitFor(() => expect(pane(app.lastFrame())).toContain('Evidence · '));
    frame = pane(app.lastFrame());
    expect(frame).not.toContain('Since driftwood-2024-annual.md');
    await press(app.stdin, 'd', 'k');
    await waitFor(() => expect(pane(app.lastFrame())).toContain('merged PRs per month: 120 -> 150'));
    expect(host.sinceCalls).toBe(1);
  });

  it('shows what docs/compare.md shows for committer-health at 100x30', async () => {
    const page = readFileSync(join(import.meta.dirname, '../../docs/compare.md'), 'utf8');
    const block = /Here `d` on committer-health[\s\S]*?```text\n([\s\S]*?)```/.exec(page)![1]!.split('\n');
    const panes = (lines: string[]) => lines.slice(lines.findIndex((l) => l.startsWith('╭')), lines.findIndex((l) => l.startsWith('╰')) + 1);
    const app = renderApp({ host: await storeHost(), start: { kind: 'workspace' }, size: { columns: 100, rows: 30 } });
    await waitFor(() => expect(row(app.lastFrame()!, 'driftwood-2025-annual.md')).toContain('«'));
    await press(app.stdin, 'j', KEY.enter);
    await waitFor(() => expect(pane(app.lastFrame())).toContain('Evidence · '));
    await press(app.stdin, 'j', 'd');
    await waitFor(() => expect(pane(app.lastFrame())).toContain('Acme Corp: 2 (50%) -> 0 (0%)'));
    expect(panes(app.lastFrame()!.split('\n')).map((l) => l.trimEnd())).toEqual(panes(block).map((l) => l.trimEnd()));
  });

  it('says why when the document has no predecessor', async () => {
    const app = renderApp({ host: await storeHost(), start: { kind: 'workspace' }, size: { columns: 100, rows: 40 } });
    await waitFor(() => expect(app.lastFrame()).toContain('no predecessor (p chooses one)'));
    await press(app.stdin, KEY.enter);
    await waitFor(() => expect(pane(app.lastFrame())).toContain('Evidence · '));
    await press(app.stdin, 'd');
    await waitFor(() => expect(pane(app.lastFrame())).toContain('no earlier document of Driftwood in the workspace'));
    expect(pane(app.lastFrame())).toContain('Since the predecessor · ');
  });
});
