// Golden files: a single-reviewer export of each corpus document and a three-reviewer panel,
// produced by the real command (score files on disk, the document re-extracted for the gaps).
// Each is also rendered back to HTML with marked to check the table's rows and columns.
// Regenerate after an intended change with: UPDATE_GOLDEN=1 npx vitest run test/commands/export-golden.test.ts
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { CORPUS, CORPUS_DIR, GOLDEN_DIR, tempWorkspace, writePlannedScoreFile, type CorpusName, type ScorePlan } from '../helpers/export-fixtures.js';
import { htmlTables, renderHtml, tableShapes } from '../helpers/markdown-check.js';

const UPDATE = process.env.UPDATE_GOLDEN === '1';
const DATE = '2026-11-21';

type Sections = Record<'production_users' | 'committer_health' | 'commit_flow' | 'versioning', [number, number] | null>;

function sections(name: CorpusName): Sections {
  return (JSON.parse(readFileSync(join(CORPUS_DIR, 'gold', `${name}.json`), 'utf8')) as { sections: Sections }).sections;
}

/** The first few lines of a gold section, as a reviewer would select them. */
function excerpt(range: [number, number] | null, lines = 5): [number, number][] {
  if (!range) return [];
  return [[range[0], Math.min(range[1], range[0] + lines - 1)]];
}

const ADA = { name: 'Ada Lovelace', handle: 'ada' };

// One reviewer's plan per document: realistic scores and notes, some unscored items, a
// suggestion that differs, and (in openkruise) notes full of markdown syntax.
const PLANS: Record<CorpusName, (s: Sections) => ScorePlan> = {
  'karmada-2022-annual': (s) => ({
    reviewer: ADA,
    items: {
      'production-users': { score: 1, suggested: 2, notes: 'Names 6 adopters but claims 11 in production.\nAsk for the other five.', cite: excerpt(s.production_users) },
      'committer-health': { score: 2, suggested: 2, notes: 'Seven maintainers from four organisations; Huawei holds 4 of 7 seats.', cite: excerpt(s.committer_health) },
      'commit-flow': { score: 3, suggested: 2, notes: '330+ contributors, 30+ PRs per week.', cite: excerpt(s.commit_flow, 8) },
      versioning: { score: 2, notes: 'Monthly releases, then a quarterly cadence.', cite: excerpt(s.versioning, 3) },
    },
    verdict: 'needs-more-info',
    recommendation: 'Strong activity. Before incubation: the remaining adopters, named.',
  }),
  'kube-ovn-2022-annual': (s) => ({
    reviewer: ADA,
    items: {
      'production-users': { score: 2, suggested: 2, notes: 'Ten adopters named.', cite: excerpt(s.production_users) },
      'committer-health': { score: 1, suggested: 1, notes: 'Five maintainers, four of them from Alauda.', cite: excerpt(s.committer_health) },
      'commit-flow': { score: null, suggested: 1, notes: 'Only new-committer counts; asked for monthly figures.' },
      versioning: { score: 2, cite: excerpt(s.versioning, 3) },
    },
    verdict: 'not-ready',
    recommendation: 'Committer diversity first.',
  }),
  'kubevirt-incubation-commit-page': (s) => ({
    reviewer: ADA,
    items: {
      'production-users': { score: 3, suggested: 2, notes: 'Ten organisations named, including NVIDIA and SUSE.', cite: excerpt(s.production_users, 6) },
      'committer-health': { score: 0, suggested: 0, notes: 'Only a link to the OWNERS file; no names or affiliations.', cite: excerpt(s.committer_health) },
      'commit-flow': { score: 2, cite: excerpt(s.commit_flow) },
      versioning: { score: 2, suggested: 2, notes: 'Documented release process.', cite: excerpt(s.versioning, 2) },
    },
    verdict: 'ready',
    recommendation: '',
  }),
  'kubevirt-incubation-draft': (s) => ({
    reviewer: ADA,
    items: {
      'production-users': { score: 2, cite: excerpt(s.production_users) },
      'committer-health': { score: null, notes: 'Three empty bullets where the maintainers should be.' },
      'commit-flow': { score: null },
      versioning: { score: null },
    },
    verdict: null,
  }),
  'openkruise-sandbox-annual': (s) => ({
    reviewer: ADA,
    items: {
      'production-users': {
        score: 3,
        suggested: 2,
        notes: '30 adopters | see the table.\n\n- not a list\n# not a heading\n<b>not bold</b> and `not code` and *not em*\n1. not ordered',
        cite: excerpt(s.production_users, 10),
      },
      'committer-health': { score: 2, notes: 'Maintainers from Alibaba, Lyft, Tencent, MeiTuan and Trip.', cite: excerpt(s.committer_health) },
      'commit-flow': { score: 2, cite: excerpt(s.commit_flow) },
      versioning: { score: 2, notes: 'Three-month cadence: https://github.com/openkruise/kruise/releases', cite: excerpt(s.versioning, 4) },
    },
    verdict: 'ready',
    recommendation: 'Meets all four criteria.',
  }),
};

function checkGolden(name: string, actual: string): void {
  const path = join(GOLDEN_DIR, name);
  if (UPDATE || !existsSync(path)) {
    mkdirSync(GOLDEN_DIR, { recursive: true });
    writeFileSync(path, actual);
    if (!UPDATE) throw new Error(`golden file ${name} was missing and has been written; review it and rerun`);
  }
  expect(
    actual,
    `${name} differs from its golden file; if the change is intended (say, extraction found other gaps), review the diff and regenerate with UPDATE_GOLDEN=1 npx vitest run test/commands/export-golden.test.ts`,
  ).toBe(readFileSync(path, 'utf8'));
}

describe('export golden files: one reviewer, each corpus document', () => {
  it.each(CORPUS)('%s', async (name) => {
    const ws = tempWorkspace(name);
    const origin = name === 'karmada-2022-annual' ? `https://github.com/cncf/toc/blob/main/reviews/${name}.md` : null;
    const scorePath = writePlannedScoreFile(ws, name, PLANS[name](sections(name)), origin);
    const result = await runCli(['export', scorePath, '--date', DATE], { env: ws.env, cwd: ws.root });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    checkGolden(`${name}.summary.md`, result.stdout);

    // One table: header plus one row per criterion, three columns each.
    expect(tableShapes(result.stdout)).toEqual([{ header: 3, rows: [3, 3, 3, 3] }]);
    expect(htmlTables(renderHtml(result.stdout))).toEqual([[3, 3, 3, 3, 3]]);
    expect(renderHtml(result.stdout)).not.toMatch(/<(?!\/?(h2|h3|h4|p|ul|li|strong|em|code|table|thead|tbody|tr|th|td|blockquote|a)\b)[a-z]/);
  });
});

describe('export golden files: three-reviewer panel', () => {
  it('karmada-2022-annual with ada, grace and linus', async () => {
    const name = 'karmada-2022-annual';
    const ws = tempWorkspace(name);
    const s = sections(name);
    const ada = writePlannedScoreFile(ws, name, PLANS[name](s));
    const grace = writePlannedScoreFile(ws, name, {
      reviewer: { name: 'Grace Hopper', handle: 'grace' },
      items: {
        'production-users': { score: 2, notes: 'Six named is enough; the claim of 11 is plausible.', cite: excerpt(s.production_users, 3) },
        'committer-health': { score: 2, notes: 'Four organisations.' },
        'commit-flow': { score: 2 },
        versioning: { score: null, notes: 'Did not get to this.' },
      },
      verdict: 'ready',
      recommendation: 'Ready.',
    });
    const linus = writePlannedScoreFile(ws, name, {
      reviewer: { name: 'Linus | <Torvalds>', handle: 'linus' },
      items: {
        'production-users': { score: 0, notes: 'Adopter names without any production detail.' },
        'committer-health': { score: 1, notes: 'Huawei dominates: 4 of 7.', cite: excerpt(s.committer_health, 2) },
        'commit-flow': { score: 3 },
        versioning: { score: 2 },
      },
      verdict: 'not-ready',
      recommendation: 'Not yet.\n\nRevisit in six months.',
    });
    const result = await runCli(['export', ada, grace, linus, '--date', DATE, '--origin', `https://github.com/cncf/toc/blob/main/reviews/${name}.md`], {
      env: ws.env,
      cwd: ws.root,
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    checkGolden(`${name}.panel.md`, result.stdout);

    // Criterion + 3 reviewers + mean, median, range, agreement = 8 columns; 4 criteria rows.
    expect(tableShapes(result.stdout)).toEqual([{ header: 8, rows: [8, 8, 8, 8] }]);
    expect(htmlTables(renderHtml(result.stdout))).toEqual([[8, 8, 8, 8, 8]]);
    expect(renderHtml(result.stdout)).toContain('<th>Linus | &lt;Torvalds&gt;</th>');

    // The same panel as JSON, pinned too: scripts read this shape.
    const json = await runCli(['export', ada, grace, linus, '--format', 'json', '--date', DATE], { env: ws.env, cwd: ws.root });
    expect(json.code).toBe(0);
    // The criteria file's hash changes with any edit to it (a new search hint, say); pin the rest.
    const criteriaSha = (JSON.parse(json.stdout) as { criteria: { sha256: string } }).criteria.sha256;
    checkGolden(`${name}.panel.json`, json.stdout.replaceAll(criteriaSha, '<criteria sha256>'));
    const data = JSON.parse(json.stdout) as { items: { id: string; reviewers: unknown[]; disagreement: boolean }[] };
    expect(data.items.map((item) => [item.id, item.reviewers.length, item.disagreement])).toEqual([
      ['production-users', 3, true],
      ['committer-health', 3, true],
      ['commit-flow', 3, false],
      ['versioning', 3, false],
    ]);
  });
});
