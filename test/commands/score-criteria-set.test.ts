// Reopening a document scored with another criteria set: a shipped set the score file names is
// used without repeating --criteria (here a second shipped set, from a stand-in package root);
// a set of the reviewer's own gets a message saying to pass --criteria.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { sampleWorkspace } from '../helpers/score-fixtures.js';

const root = vi.hoisted(() => {
  const fs = require('node:fs') as typeof import('node:fs');
  const os = require('node:os') as typeof import('node:os');
  const path = require('node:path') as typeof import('node:path');
  return fs.mkdtempSync(path.join(os.tmpdir(), 'toc-package-'));
});
vi.mock('../../src/store/package-root.js', () => ({ packageRoot: () => root, packageVersion: () => '0.0.0-test' }));

const SHIPPED = join(import.meta.dirname, '../../criteria/cncf-incubation.yaml');
mkdirSync(join(root, 'criteria'), { recursive: true });
copyFileSync(SHIPPED, join(root, 'criteria', 'cncf-incubation.yaml'));
writeFileSync(join(root, 'criteria', 'cncf-sandbox.yaml'), readFileSync(SHIPPED, 'utf8').replace(/^id: cncf-incubation$/m, 'id: cncf-sandbox'));

describe('a score file made with another criteria set', () => {
  it('reopens with the shipped set it names, without --criteria', async () => {
    const ws = sampleWorkspace();
    const score = (...args: string[]) => runCli(['score', 'reviews/lanternfish.md', '--workspace', 'reviews', '--reviewer', 'Ada', ...args], { cwd: ws.root, env: ws.env });
    expect((await score('--criteria', 'cncf-sandbox', '--set', 'versioning=2')).code).toBe(0);
    const again = await score('--set', 'commit-flow=1', '--json');
    expect(again.stderr.trim()).toBe('toc-review: saved commit-flow: score 1 (Partially met), replacing unscored');
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout).criteria.id).toBe('cncf-sandbox');
    // Asked for explicitly, the other set is refused, saying what to pass.
    const explicit = await score('--criteria', 'cncf-incubation', '--set', 'commit-flow=2');
    expect(explicit.code).toBe(1);
    expect(explicit.stderr).toMatch(/criteria\.id: "cncf-sandbox" does not match the criteria set in use \("cncf-incubation"\); pass --criteria with the set it was scored with/);
  });

  it('a set from the reviewer\'s own file: the error says to pass --criteria', async () => {
    const ws = sampleWorkspace();
    const own = join(mkdtempSync(join(tmpdir(), 'toc-own-')), 'own.yaml');
    writeFileSync(own, readFileSync(SHIPPED, 'utf8').replace(/^id: cncf-incubation$/m, 'id: my-set'));
    const score = (...args: string[]) => runCli(['score', 'reviews/lanternfish.md', '--workspace', 'reviews', '--reviewer', 'Ada', ...args], { cwd: ws.root, env: ws.env });
    expect((await score('--criteria', own, '--set', 'versioning=2')).code).toBe(0);
    const again = await score('--set', 'commit-flow=1');
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/^toc-review: .*ada\.score\.json: criteria\.id: "my-set" does not match the criteria set in use \("cncf-incubation"\); pass --criteria with the set it was scored with \(its id if shipped, else its file\)\n$/);
    expect((await score('--criteria', own, '--set', 'commit-flow=1')).code).toBe(0);
  });

  it('the review UI\'s host opens and lists it with the shipped set it names', async () => {
    const ws = sampleWorkspace();
    await runCli(['score', 'reviews/lanternfish.md', '--workspace', 'reviews', '--reviewer', 'Ada', '--criteria', 'cncf-sandbox', '--set', 'versioning=2'], { cwd: ws.root, env: ws.env });
    const { createStoreHost } = await import('../../src/tui/store-host.js');
    const { loadCriteria } = await import('../../src/store/criteria-files.js');
    const { openSettings } = await import('../../src/store/settings.js');
    const host = createStoreHost({ workspace: ws.workspace, criteria: await loadCriteria('cncf-incubation'), reviewer: { name: 'Ada', handle: 'ada' }, readOnly: true, settings: () => openSettings(ws.env), env: ws.env });
    const [entry] = await host.listDocuments();
    expect(entry).toMatchObject({ started: true, scored: 1 });
    expect(entry!.problem).toBeUndefined();
    const review = await host.openReview(ws.doc);
    expect(review.criteria.id).toBe('cncf-sandbox');
    await host.closeAll();
  });
});
