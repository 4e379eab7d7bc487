import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { sampleWorkspace } from '../helpers/score-fixtures.js';

async function threeReviewers() {
  const ws = sampleWorkspace();
  const scores: Record<string, string[]> = {
    Ada: ['production-users=3', 'committer-health=1', 'commit-flow=2', 'versioning=0'],
    Bob: ['production-users=2', 'committer-health=2', 'commit-flow=2', 'versioning=2'],
    Cy: ['production-users=2', 'committer-health=1', 'versioning=1'],
  };
  for (const [name, sets] of Object.entries(scores)) {
    const result = await runCli(['score', 'reviews/lanternfish.md', '--workspace', 'reviews', '--reviewer', name, ...sets.flatMap((s) => ['--set', s]), '--recommend', name === 'Bob' ? 'ready' : 'needs-more-info'], {
      cwd: ws.root,
      env: ws.env,
    });
    expect(result.code).toBe(0);
  }
  const dir = join(ws.workspace, 'scores', 'lanternfish');
  const files = ['ada', 'bob', 'cy'].map((h) => join(dir, `${h}.score.json`));
  const panel = (...args: string[]) => runCli(['panel', ...args], { cwd: ws.root, env: ws.env });
  return { ...ws, dir, files, panel };
}

describe('toc-review panel', () => {
  it('prints a row per criterion, a column per reviewer, mean/median/range and disagreement flags', async () => {
    const { files, panel } = await threeReviewers();
    const { code, stdout, stderr } = await panel(...files);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(lines[0]).toMatch(/^Panel: Lanternfish Incubation Proposal \(lanternfish\.md, sha256 [0-9a-f]{12}\)$/);
    const table = lines.slice(lines.indexOf('') + 1);
    expect(table[0]!.split(/\s+/)).toEqual(['criterion', 'ada', 'bob', 'cy', 'mean', 'median', 'range']);
    expect(table[1]!.split(/\s+/)).toEqual(['production-users', '3', '2', '2', '2.3', '2', '2-3']);
    expect(table[2]).toMatch(/^committer-health\s+1\s+2\s+1\s+1\.3\s+1\s+1-2\s+! met vs not met$/);
    expect(table[3]!.split(/\s+/)).toEqual(['commit-flow', '2', '2', '-', '2', '2', '2']);
    expect(table[4]).toMatch(/^versioning\s+0\s+2\s+1\s+1\s+1\s+0-2\s+! spread of 2 points; met vs not met$/);
    expect(stdout).toContain('recommendations: ada needs-more-info, bob ready, cy needs-more-info');
    expect(stdout).toContain('2 of 4 criteria flagged (!)');
  });

  it('--json gives the panel maths per criterion', async () => {
    const { dir, panel } = await threeReviewers();
    const { code, stdout } = await panel(dir, '--json');
    expect(code).toBe(0);
    const data = JSON.parse(stdout);
    expect(data.schema).toBe('toc-review/panel@1');
    expect(data.groups).toHaveLength(1);
    const [group] = data.groups;
    expect(group.reviewers.map((r: { handle: string }) => r.handle)).toEqual(['ada', 'bob', 'cy']);
    expect(group.rows[3]).toMatchObject({ id: 'versioning', mean: 1, median: 1, min: 0, max: 2, disagreement: true });
    expect(group.rows[3].scores.map((s: { score: number }) => s.score)).toEqual([0, 2, 1]);
    expect(group.disagreements).toBe(2);
  });

  it('a document argument combines every reviewer file for it', async () => {
    const { panel } = await threeReviewers();
    const { code, stdout } = await panel('reviews/lanternfish.md', '--workspace', 'reviews', '--json');
    expect(code).toBe(0);
    expect(JSON.parse(stdout).groups[0].reviewers).toHaveLength(3);
  });

  it('never averages files for different document versions: separate panels and a note', async () => {
    const { files, panel, root, env, doc } = await threeReviewers();
    writeFileSync(doc, `${readFileSync(doc, 'utf8')}\nAppendix.\n`);
    const later = await runCli(['score', 'reviews/lanternfish.md', '--workspace', 'reviews', '--reviewer', 'Dee', '--set', 'versioning=3'], { cwd: root, env });
    expect(later.code).toBe(0);
    const { code, stdout, stderr } = await panel(...files, join(root, 'reviews/scores/lanternfish/dee.score.json'), '--json');
    expect(code).toBe(0);
    expect(stderr).toContain('2 different documents, document versions or criteria sets');
    const groups = JSON.parse(stdout).groups;
    expect(groups.map((g: { reviewers: { handle: string }[] }) => g.reviewers.map((r) => r.handle))).toEqual([['ada', 'bob', 'cy'], ['dee']]);
    expect(groups[1].rows[3].mean).toBe(3);
  });

  it('refuses when any file is invalid, naming it, and when one reviewer appears twice', async () => {
    const { files, panel, dir } = await threeReviewers();
    const bad = join(dir, 'eve.score.json');
    writeFileSync(bad, readFileSync(files[0]!, 'utf8').replace('"score": 3', '"score": 30'));
    const result = await panel(...files, bad);
    expect(result.code).toBe(1);
    // One bad file: its own line, nothing more.
    expect(result.stderr).toMatch(/^toc-review: .*eve\.score\.json: items\[0\]\.score: [^\n]*\n$/);
    expect(result.stdout).toBe('');
    // Several: one line each and one summary line, the same as validate's.
    const mallory = join(dir, 'mallory.score.json');
    writeFileSync(mallory, '{');
    const two = await panel(...files, bad, mallory);
    expect(two.code).toBe(1);
    const lines = two.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('toc-review: panel: 2 of 5 score files are invalid; fix them or leave them out');
    const validated = await runCli(['validate', ...files, bad, mallory]);
    expect(validated.stdout.split('\n').filter((line) => line.startsWith('invalid'))).toHaveLength(2);
    expect(validated.stderr).toBe('toc-review: validate: 2 of 5 score files are invalid; fix them or leave them out\n');

    const copy = join(dir, 'copy.score.json');
    writeFileSync(copy, readFileSync(files[0]!));
    const twice = await panel(files[0]!, copy);
    expect(twice.code).toBe(1);
    expect(twice.stderr).toMatch(/are both by reviewer "ada"/);
  });

  it('needs at least one argument', async () => {
    const { panel } = await threeReviewers();
    expect((await panel()).code).toBe(2);
  });
});
