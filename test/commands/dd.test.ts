// export --format dd and score --from-dd through the CLI (in-process).
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCriteriaSet } from '../../src/core/criteria/criteria.js';
import type { ScoreFile } from '../../src/core/scores/score-file.js';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { tempWorkspace, writePlannedScoreFile, type ScorePlan } from '../helpers/export-fixtures.js';

const NAME = 'kube-ovn-2022-annual';
const IDS = ['production-users', 'committer-health', 'commit-flow', 'versioning'];

function plan(scores: (number | null)[]): ScorePlan {
  return {
    reviewer: { name: 'Ada Lovelace', handle: 'ada' },
    items: Object.fromEntries(IDS.map((id, i) => [id, { score: scores[i]!, notes: i === 1 ? '' : `Ada on ${id}`, cite: i === 0 ? ([[44, 46]] as [number, number][]) : [] }])),
    verdict: 'ready',
    recommendation: 'Ready once the release notes are public.',
  };
}

describe('export --format dd', () => {
  it('writes the DD of one score file, with the project and level given', async () => {
    const ws = tempWorkspace(NAME);
    const ada = writePlannedScoreFile(ws, NAME, plan([2, 1, null, 0]));
    const result = await runCli(['export', ada, '--format', 'dd', '--project', 'Kube-OVN', '--date', '2026-01-01'], { env: ws.env, cwd: ws.root });
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe('# Kube-OVN Incubation Due Diligence');
    expect(lines).toContain('## Criteria');
    // cncf-incubation: 2 and 3 count as met, so only production-users is ticked.
    expect(lines.filter((line) => line.startsWith('- [x] '))).toEqual(['- [x] **Production users**']);
    expect(lines.filter((line) => line.startsWith('- [ ] '))).toHaveLength(3);
    expect(result.stdout).toContain('**Recommendation:** Ready');
    expect(result.stdout).toContain('Ready once the release notes are public.');
  });

  it('refuses a panel', async () => {
    const ws = tempWorkspace(NAME);
    writePlannedScoreFile(ws, NAME, plan([2, 1, null, 0]));
    const result = await runCli(['export', ws.doc, '--panel', '--format', 'dd'], { env: ws.env, cwd: ws.root });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^toc-review: export: --format dd writes one reviewer's due diligence/);
    expect(readFileSync(ws.doc, 'utf8')).toContain('Kube-OVN');
  });
});

const TEMPLATE = join(import.meta.dirname, '../fixtures/templates/checklist-v1.md');
const FIFTY = join(import.meta.dirname, '../fixtures/templates/grouped-50.yaml');

// A DD filled by hand from the checklist-v1 fixture template, in our own words: a few ticks,
// evaluations under some items, one "Not met:" and one evaluation left unticked.
const HAND_DD = [
  '# Example Level Due Diligence', // 1
  '', // 2
  '## Process Basics', // 3
  '', // 4
  '- [x] **Present the design to a technical group.**', // 5
  '  - Presented on DD-MMM-YYYY, recording at $LINK.', // 6
  '', // 7
  'Presented to the storage group in May; the recording is linked from the issue.', // 8
  '', // 9
  '- [ ] **Write a technical review.**', // 10
  '', // 11
  'Not met: the review is still a draft.', // 12
  '', // 13
  '- [X] **Keep project resources free of any one vendor.**', // 14
  '', // 15
  '<!-- (TOC Evaluation goes here) -->', // 16
  '', // 17
  '## People and Governance', // 18
  '', // 19
  '- [ ] **Governance has changed as the project learned from using it, and its history shows that.**', // 20
  '', // 21
  'Two governance revisions in the last year, both after elections.', // 22
  '', // 23
  '- [x] **List every maintainer with name, contact, area and employer.**', // 24
  '- [ ] **Have enough active maintainers for the size of the project.**', // 25
  '', // 26
  '## Engineering', // 27
  '', // 28
  '- [ ] **Publish a roadmap.**', // 29
  '- [ ] **Document how releases are made.**', // 30
  '', // 31
].join('\n');

function ddWorkspace(text: string) {
  const root = mkdtempSync(join(tmpdir(), 'toc-dd-'));
  mkdirSync(join(root, 'reviews'));
  const doc = join(root, 'reviews', 'example-dd.md');
  writeFileSync(doc, text);
  const env: NodeJS.ProcessEnv = { ...process.env, TOC_REVIEW_CONFIG_DIR: join(root, 'config') };
  delete env.TOC_REVIEW_REVIEWER;
  return { root, doc, env };
}

describe('score --from-dd', () => {
  it('reads a hand-filled DD: ticks as met, "Not met:" as 0, other evaluations as notes of unscored items', async () => {
    const ws = ddWorkspace(HAND_DD);
    const result = await runCli(['score', ws.doc, '--from-dd', '--criteria', TEMPLATE, '--reviewer', 'Bea', '--json'], { env: ws.env, cwd: ws.root });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('read as a DD of');
    expect(result.stderr).toContain('8 of 8 items found');
    const file = JSON.parse(result.stdout) as ScoreFile;
    const byId = Object.fromEntries(file.items.map((item) => [item.id, item]));
    expect(byId['present-design-technical-group']).toMatchObject({ score: 1, notes: 'Presented to the storage group in May; the recording is linked from the issue.', cited: [{ startLine: 5, endLine: 8 }] });
    expect(byId['write-technical-review']).toMatchObject({ score: 0, notes: 'Not met: the review is still a draft.' });
    expect(byId['keep-resources-free-one-vendor']).toMatchObject({ score: 1, notes: '' });
    expect(byId['governance-changed-learned-using-history-shows']).toMatchObject({ score: null, notes: 'Two governance revisions in the last year, both after elections.' });
    expect(byId['list-every-maintainer-name-contact-area']!.score).toBe(1);
    expect(byId['publish-roadmap']).toMatchObject({ score: null, notes: '', cited: [] });
  });

  it('refuses a document that is not a DD of the set, in one line, creating nothing', async () => {
    const ws = ddWorkspace('# Notes\n\nNo checklist here.\n');
    const result = await runCli(['score', ws.doc, '--from-dd', '--criteria', TEMPLATE, '--reviewer', 'Bea'], { env: ws.env, cwd: ws.root });
    expect(result.code).toBe(1);
    // The first line says the template was imported on the fly; the error is the last one.
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(2);
    expect(result.stderr).toMatch(/\ntoc-review: score: .*example-dd\.md: not a filled DD of "[^"]+": too few of its 8 items match a checkbox item; give the set it was written from with --criteria SET\n$/);
    expect(existsSync(join(ws.root, 'reviews', 'scores'))).toBe(false);
  });

  it('reads an exported 50-item DD back to the same scores; refuses to replace different scores unless --force, then says what it replaced', async () => {
    // Ada scores the hand DD's twin: an exported DD of the 50-item set made through the CLI.
    const criteria = parseCriteriaSet(readFileSync(FIFTY, 'utf8'), FIFTY);
    const seed = ddWorkspace(HAND_DD);
    const sets = criteria.items.flatMap((item, i) => (i % 4 === 3 ? [] : ['--set', `${item.id}=${i % 3 === 0 ? 0 : 1}`]));
    const ada = await runCli(['score', seed.doc, '--criteria', FIFTY, '--reviewer', 'Ada', ...sets, '--note', `${criteria.items[0]!.id}=Checked *twice*.`, '--recommend', 'ready', '--json'], { env: seed.env, cwd: seed.root });
    expect(ada.code).toBe(0);
    const adaFile = JSON.parse(ada.stdout) as ScoreFile;
    const scorePath = join(seed.root, 'reviews', 'scores', 'example-dd', 'ada.score.json');
    const exported = await runCli(['export', scorePath, '--format', 'dd', '--criteria', FIFTY, '--project', 'Example'], { env: seed.env, cwd: seed.root });
    expect(exported.code).toBe(0);

    const ws = ddWorkspace(exported.stdout);
    // extract reads back every item, ticked exactly where Ada's score counts as met.
    const extract = await runCli(['extract', ws.doc, '--criteria', FIFTY, '--json'], { env: ws.env, cwd: ws.root });
    const read = (JSON.parse(extract.stdout) as { criteria: { id: string; template: { checked: boolean } | null }[] }).criteria;
    expect(read.map((c) => c.template?.checked ?? 'missing')).toEqual(adaFile.items.map((item) => item.score === 1));
    const bea = await runCli(['score', ws.doc, '--from-dd', '--criteria', FIFTY, '--reviewer', 'Bea', '--json'], { env: ws.env, cwd: ws.root });
    expect(bea.code).toBe(0);
    const beaFile = JSON.parse(bea.stdout) as ScoreFile;
    expect(beaFile.items.map((item) => item.score)).toEqual(adaFile.items.map((item) => item.score));
    expect(beaFile.items[0]!.notes).toBe('Checked *twice*.');
    expect(beaFile.recommendation.verdict).toBe('ready');

    // Bea changes her mind on one item; reading the DD again would undo that, so it is refused.
    const changedId = criteria.items[1]!.id;
    expect((await runCli(['score', ws.doc, '--criteria', FIFTY, '--reviewer', 'Bea', '--set', `${changedId}=0`], { env: ws.env, cwd: ws.root })).code).toBe(0);
    const beaPath = join(ws.root, 'reviews', 'scores', 'example-dd', 'bea.score.json');
    const before = readFileSync(beaPath, 'utf8');
    const refused = await runCli(['score', ws.doc, '--from-dd', '--criteria', FIFTY, '--reviewer', 'Bea'], { env: ws.env, cwd: ws.root });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`already holds scores or notes the DD would replace (${changedId}); nothing changed; add --force`);
    expect(readFileSync(beaPath, 'utf8')).toBe(before);
    const forced = await runCli(['score', ws.doc, '--from-dd', '--criteria', FIFTY, '--reviewer', 'Bea', '--force'], { env: ws.env, cwd: ws.root });
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain(`changed ${changedId}: score 1 (Met), replacing 0 (Not met)`);
  });

  it('with a shipped DD set: its own titles footnoted with their template source, read back by extract and --from-dd', async () => {
    const seed = ddWorkspace(HAND_DD);
    const shipped = (await runCli(['criteria', 'show', 'cncf-incubation-dd', '--json'], { env: seed.env, cwd: seed.root })).stdout;
    const criteria = JSON.parse(shipped) as { items: { id: string; title: string; source: { template: string; section: string; position: number } }[] };
    const sets = criteria.items.flatMap((item, i) => (i % 5 === 4 ? [] : ['--set', `${item.id}=${i % 2}`]));
    const ada = await runCli(['score', seed.doc, '--criteria', 'cncf-incubation-dd', '--reviewer', 'Ada', ...sets, '--json'], { env: seed.env, cwd: seed.root });
    expect(ada.code).toBe(0);
    const adaFile = JSON.parse(ada.stdout) as ScoreFile;
    const scorePath = join(seed.root, 'reviews', 'scores', 'example-dd', 'ada.score.json');
    const exported = await runCli(['export', scorePath, '--format', 'dd', '--project', 'Example'], { env: seed.env, cwd: seed.root });
    expect(exported.code).toBe(0);
    const lines = exported.stdout.split('\n');
    const first = criteria.items[0]!;
    expect(lines).toContain(`- [ ] **${first.title}**[^1]`);
    expect(lines).toContain(`[^1]: \`${first.source.template}\` 56477dd4 (2026-06-29), ${first.source.section}, item 1.`);
    expect(lines.filter((line) => /^- \[[ x]\] \*\*/.test(line))).toHaveLength(criteria.items.length);

    const ws = ddWorkspace(exported.stdout);
    const extract = await runCli(['extract', ws.doc, '--criteria', 'cncf-incubation-dd', '--json'], { env: ws.env, cwd: ws.root });
    const read = (JSON.parse(extract.stdout) as { criteria: { id: string; template: { checked: boolean } | null }[] }).criteria;
    expect(read.map((c) => c.template?.checked ?? 'missing')).toEqual(adaFile.items.map((item) => item.score === 1));
    const bea = await runCli(['score', ws.doc, '--from-dd', '--criteria', 'cncf-incubation-dd', '--reviewer', 'Bea', '--json'], { env: ws.env, cwd: ws.root });
    expect(bea.code).toBe(0);
    expect((JSON.parse(bea.stdout) as ScoreFile).items.map((item) => item.score)).toEqual(adaFile.items.map((item) => item.score));
  });
});
