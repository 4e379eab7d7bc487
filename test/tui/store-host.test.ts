// The real host behind the UI, on a temp workspace: document list with progress and other
// reviewers, opening a document (extraction, session, other reviewers' files), the reviewer
// name kept in settings (TOC_REVIEW_CONFIG_DIR), export next to the score file, locks released.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/core/document/document.js';
import { extractEvidence } from '../../src/core/evidence/extract.js';
import { sha256 } from '../../src/core/hash.js';
import { offlineLinkProblems, withLinkGaps } from '../../src/core/links/evidence-links.js';
import { setItemScore } from '../../src/core/scores/score-file.js';
import { triageRow } from '../../src/core/triage/triage-row.js';
import { loadCriteria } from '../../src/store/criteria-files.js';
import { openSettings } from '../../src/store/settings.js';
import { createStoreHost } from '../../src/tui/store-host.js';
import { CORPUS } from './helpers.js';

let dir = '';
let env: NodeJS.ProcessEnv = {};
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'toc-host-'));
  mkdirSync(join(dir, 'ws'));
  mkdirSync(join(dir, 'config'));
  for (const name of ['kube-ovn-2022-annual.md', 'karmada-2022-annual.md']) copyFileSync(join(CORPUS, name), join(dir, 'ws', name));
  env = { TOC_REVIEW_CONFIG_DIR: join(dir, 'config') };
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function host(reviewer: { name: string; handle: string } | null) {
  const criteria = await loadCriteria('cncf-incubation');
  return createStoreHost({ workspace: join(dir, 'ws'), criteria, reviewer, readOnly: false, settings: () => openSettings(env), env });
}

describe('store host', () => {
  it('keeps a new reviewer name in the settings', async () => {
    const h = await host(null);
    expect(await h.setReviewer('Grace Hopper')).toEqual({ name: 'Grace Hopper', handle: 'grace-hopper' });
    expect(h.reviewer?.handle).toBe('grace-hopper');
    expect(openSettings(env).get('reviewer.name')).toBe('Grace Hopper');
  });

  it('opens a document, saves through the session, and shows progress and other reviewers', async () => {
    const ada = await host({ name: 'Ada', handle: 'ada' });
    const doc = join(dir, 'ws', 'kube-ovn-2022-annual.md');
    const review = await ada.openReview(doc);
    expect(review.displayPath).toBe('kube-ovn-2022-annual.md');
    expect(review.extract?.criteria.map((c) => c.id)).toEqual(['production-users', 'committer-health', 'commit-flow', 'versioning']);
    expect(review.lines.length).toBe(90);
    await review.session.save(setItemScore(review.session.file, 'production-users', 2));
    await review.session.close();
    expect(readdirSync(join(dir, 'ws', 'scores', 'kube-ovn-2022-annual'))).toEqual(['ada.score.json']);

    const grace = await host({ name: 'Grace', handle: 'grace' });
    const list = await grace.listDocuments();
    expect(list.map((e) => [e.name, e.started, e.others])).toEqual([
      ['karmada-2022-annual.md', false, []],
      ['kube-ovn-2022-annual.md', false, ['ada']],
    ]);
    const graceReview = await grace.openReview(doc);
    expect(graceReview.others.map((f) => [f.reviewer.handle, f.items[0]!.score])).toEqual([['ada', 2]]);
    // A score file is written on the first change, not on opening.
    expect(readdirSync(join(dir, 'ws', 'scores', 'kube-ovn-2022-annual'))).not.toContain('grace.score.json');
    await graceReview.session.save(setItemScore(graceReview.session.file, 'versioning', 1));
    await grace.closeAll();

    const adaList = await ada.listDocuments();
    expect(adaList[1]).toMatchObject({ started: true, scored: 1, total: 4, others: ['grace'] });
  });

  it('opens read-only when the lock is held, and closeAll releases every lock', async () => {
    const doc = join(dir, 'ws', 'karmada-2022-annual.md');
    const first = await host({ name: 'Ada', handle: 'ada' });
    const second = await host({ name: 'Ada', handle: 'ada' });
    const held = await first.openReview(doc);
    expect(held.session.readOnly).toBe(false);
    const blocked = await second.openReview(doc);
    expect(blocked.session.readOnly).toBe(true);
    expect(blocked.session.lockHolder).toMatchObject({ pid: process.pid });
    await first.closeAll();
    await second.closeAll();
    expect(readdirSync(join(dir, 'ws', 'scores', 'karmada-2022-annual')).filter((n) => n.endsWith('.lock'))).toEqual([]);
  });

  it('exports the summary next to the score file', async () => {
    env.TOC_REVIEW_NOW = '2031-05-06T10:00:00Z';
    const h = await host({ name: 'Ada', handle: 'ada' });
    const review = await h.openReview(join(dir, 'ws', 'kube-ovn-2022-annual.md'));
    const file = setItemScore(review.session.file, 'versioning', 1);
    await review.session.save(file);
    const path = await h.exportSummary!(review, file);
    expect(path).toBe(join(dir, 'ws', 'scores', 'kube-ovn-2022-annual', 'ada.summary.md'));
    expect(existsSync(path)).toBe(true);
    expect(readFileSync(path, 'utf8')).toContain('Versioning');
    // The UI dates its export like the command does, so TOC_REVIEW_NOW pins it.
    expect(readFileSync(path, 'utf8')).toContain('2031-05-06');
    await h.closeAll();
  });

  it("gives a listed document's triage row, as `triage` computes it, and fails on an unreadable one", async () => {
    const h = await host({ name: 'Ada', handle: 'ada' });
    const criteria = await loadCriteria('cncf-incubation');
    const path = join(dir, 'ws', 'karmada-2022-annual.md');
    const text = readFileSync(path, 'utf8');
    const doc = parseDocument(text);
    const extract = extractEvidence(doc, criteria, { path: 'karmada-2022-annual.md', sha256: sha256(text) });
    const { problems } = offlineLinkProblems(doc, extract, 'Karmada');
    const row = await h.triageDocument!(path);
    // The figures of `triage --offline`: placeholder and other-project links are gaps too.
    expect(row).toEqual(triageRow(withLinkGaps(extract, problems), doc, criteria, problems));
    expect(row.links!.length).toBeGreaterThan(0);
    expect(row.gaps).toBeGreaterThan(triageRow(extract, doc, criteria).gaps);
    expect(row.kind).toBe('annual-review');
    expect(row.maintainers).toBeGreaterThan(0);
    await expect(h.triageDocument!(join(dir, 'ws', 'gone.md'))).rejects.toThrow(/gone\.md/);
  });
});
