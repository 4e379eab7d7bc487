// The evidence pane on a filled DD: the project's tick shown as its claim, apart from the
// reviewer's score, and the aligned block with its placeholders marked as not answered.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { parseDocument } from '../../src/core/document/document.js';
import { extractEvidence } from '../../src/core/evidence/extract.js';
import { sha256 } from '../../src/core/hash.js';
import { loadMarkdownRenderer } from '../../src/tui/markdown.js';
import { KEY, expectRowsFit, memoryHost, openedReview, press, renderApp, waitFor } from './helpers.js';

afterEach(() => cleanup());

const FIXTURES = join(import.meta.dirname, '../fixtures/templates');
const SIZE = { columns: 80, rows: 24 };

async function openFilledDd() {
  await loadMarkdownRenderer({ color: false });
  const name = 'dd-filled-old.md';
  const text = readFileSync(join(FIXTURES, name), 'utf8');
  const { review, criteria } = await openedReview(name, { text, criteria: join(FIXTURES, 'dd-template-v3.md') });
  const real = { ...review, extract: extractEvidence(parseDocument(text), criteria, { path: name, sha256: sha256(text) }) };
  const app = renderApp({ host: memoryHost({ [name]: real }), start: { kind: 'document', path: name, review: real }, size: SIZE });
  await waitFor(() => expect(app.lastFrame()).toContain('Evidence · Present the project'));
  return { ...app, text };
}

/** Every frame seen while paging the evidence pane down. */
async function pageThrough(app: Awaited<ReturnType<typeof openFilledDd>>, pages: number): Promise<string> {
  const seen: string[] = [app.lastFrame()!];
  for (let i = 0; i < pages; i++) {
    const before = app.lastFrame();
    await press(app.stdin, KEY.pageDown);
    // A loaded machine may not have drawn the new page yet; the last page does not move.
    await waitFor(() => expect(app.lastFrame()).not.toBe(before), 1000).catch(() => undefined);
    seen.push(app.lastFrame()!);
  }
  return seen.join('\n');
}

describe('evidence pane on a filled template', () => {
  it('shows the tick as the project claim and marks each placeholder of an unanswered item', async () => {
    const app = await openFilledDd();
    // The third item: "Complete a technical review", unticked, only placeholders under it.
    await press(app.stdin, 'j', 'j');
    await waitFor(() => expect(app.lastFrame()).toContain('Evidence · Complete a technical'));
    const line = app.text.split('\n').findIndex((l) => l.includes('Complete a technical review')) + 1;
    await press(app.stdin, KEY.tab);
    const seen = (await pageThrough(app, 3)).replace(/[│\s]+/g, ' ');
    expect(seen).toContain('Your score: unscored');
    expect(seen).toContain(`Project claims: not ticked (line ${line}) · not answered`);
    expect(seen).toContain('[not answered: DD-MMM-YYYY]');
    expect(seen).toContain('[not answered: $LINK]');
    // The empty evaluation comment, which rendered markdown would hide, is shown and marked.
    expect(seen).toContain('[not answered: TOC Evaluation goes here]');
    expectRowsFit(app.lastFrame()!, SIZE.columns);
  });

  it('says "met" for a ticked, answered item and marks nothing in its block', async () => {
    const app = await openFilledDd();
    const line = app.text.split('\n').findIndex((l) => l.includes('Give a presentation')) + 1;
    await press(app.stdin, KEY.tab);
    const seen = (await pageThrough(app, 3)).replace(/[│\s]+/g, ' ');
    expect(seen).toContain(`Project claims: met (line ${line}) · answered`);
    expect(seen).toContain('The reviewer watched the talk');
    expect(seen).not.toContain('[not answered');
    // The claim is not the reviewer's score.
    expect(seen).toContain('Your score: unscored');
  });
});
