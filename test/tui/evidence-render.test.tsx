// The evidence pane on real documents with real extraction, at 80x24: what the reviewer sees
// of tables, list items and tabs (the frame must stay a frame).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { parseDocument } from '../../src/core/document/document.js';
import { extractEvidence } from '../../src/core/evidence/extract.js';
import { sha256 } from '../../src/core/hash.js';
import { loadMarkdownRenderer } from '../../src/tui/markdown.js';
import { CORPUS, KEY, memoryHost, openedReview, press, renderApp, waitFor, expectRowsFit } from './helpers.js';

afterEach(() => cleanup());

const SIZE = { columns: 80, rows: 24 };

async function open(docName: string, text = readFileSync(join(CORPUS, docName), 'utf8')) {
  // Rendered markdown from the first frame (as when the review command preloads it).
  await loadMarkdownRenderer({ color: false });
  const { review, criteria } = await openedReview(docName, { text });
  const real = { ...review, extract: extractEvidence(parseDocument(text), criteria, { path: docName, sha256: sha256(text) }) };
  const app = renderApp({ host: memoryHost({ [docName]: real }), start: { kind: 'document', path: docName, review: real }, size: SIZE });
  await waitFor(() => expect(app.lastFrame()).toContain('Evidence · Production users'));
  return app;
}

const expectFrame = (frame: string) => expectRowsFit(frame, SIZE.columns);

describe('evidence pane rendering', () => {
  it('fits the kube-ovn maintainer table to the pane: one maintainer per row, numbered', async () => {
    const app = await open('kube-ovn-2022-annual.md');
    await press(app.stdin, 'j', KEY.tab, ']', KEY.pageDown);
    // Wait for the page the keys lead to (a loaded machine can show one frame in between).
    await waitFor(() => expect(app.lastFrame()).toMatch(/39 │ │ Riming Fan +│ @fanriming +│ China Telecom │/));
    const frame = app.lastFrame()!;
    expectFrame(frame);
    expect(frame).toMatch(/40 │ │ Tao Liu +│ @lut777 +│ Alauda +│/);
    expect(frame).not.toContain('(https://github.com/');
  });

  it('shows inline markdown in list items rendered, as in paragraphs', async () => {
    const app = await open('karmada-2022-annual.md');
    await press(app.stdin, KEY.tab, ']');
    await waitFor(() => expect(app.lastFrame()).toContain('▶ Passage 1/'));
    // Page through the passage (the adopter list), looking at each screen.
    const seen: string[] = [];
    for (let i = 0; i < 8; i++) {
      seen.push(app.lastFrame()!);
      await press(app.stdin, KEY.pageDown);
    }
    const text = seen.join('\n');
    expect(text).toMatch(/\* VIPKID is an online/);
    expect(text).not.toContain('**VIPKID**');
  });

  it('keeps the frame whole when the document has tabs', async () => {
    const text = ['# Tabs', '', '## Adopters', '', '\tAcme runs it\tin production.', '', '| Adopter | Since |', '|---|---|', '| Acme\tCorp | 2021 |', '', '```', 'kubectl\tapply', '```', ''].join('\n');
    const app = await open('tabs.md', text);
    await press(app.stdin, KEY.tab, 'G');
    await waitFor(() => expect(app.lastFrame()).toContain('kubectl'));
    expectFrame(app.lastFrame()!);
    expect(app.lastFrame()).toMatch(/│ Acme {2}Corp │ 2021 {2}│/);
  });
});
