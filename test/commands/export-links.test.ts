// Line links in exports: the origin from git (pinned to a commit) when neither the score file
// nor --origin gives one, never pointing at other text than the version scored, and citations
// checked against the document's length.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScoreFile } from '../../src/core/scores/score-file.js';
import { runCli } from '../helpers/cli.js';
import { gitRepo, hasGit } from '../helpers/git.js';

function env(root: string): NodeJS.ProcessEnv {
  const e: NodeJS.ProcessEnv = { ...process.env, TOC_REVIEW_CONFIG_DIR: join(root, '.config'), TOC_REVIEW_NOW: '2026-01-01' };
  delete e.TOC_REVIEW_REVIEWER;
  return e;
}

describe.skipIf(!hasGit)('export line links from git', () => {
  it('score records the document pinned to HEAD; export links the cited lines there, also after the document changes', async () => {
    const { root, doc, head } = gitRepo('git@github.com:cncf/toc.git');
    const args = ['reviews/x.md', '--workspace', 'reviews', '--reviewer', 'Ada'];
    const scored = await runCli(['score', ...args, '--cite', 'versioning=3', '--json'], { cwd: root, env: env(root) });
    expect(scored.code).toBe(0);
    const pinned = `https://github.com/cncf/toc/blob/${head}/reviews/x.md`;
    expect(parseScoreFile(scored.stdout, 'x').document.origin).toBe(pinned);
    const scoreFile = join(root, 'reviews', 'scores', 'x', 'ada.score.json');
    const exported = await runCli(['export', scoreFile], { cwd: root, env: env(root) });
    expect(exported.stdout).toContain(`[Line 3](${pinned}?plain=1#L3)`);
    // The document changes: the pinned commit still holds the text scored, so links stay.
    writeFileSync(doc, `# T\n\nNew first line.\n\n${readFileSync(doc, 'utf8')}`);
    const later = await runCli(['export', scoreFile], { cwd: root, env: env(root) });
    expect(later.stdout).toContain(`[Line 3](${pinned}?plain=1#L3)`);
    // Rescoring the changed document drops the stale pin; uncommitted text gets no new one.
    const rescored = await runCli(['score', ...args, '--set', 'versioning=2', '--json'], { cwd: root, env: env(root) });
    expect(parseScoreFile(rescored.stdout, 'x').document.origin).toBeNull();
    const uncommitted = await runCli(['export', scoreFile], { cwd: root, env: env(root) });
    expect(uncommitted.stdout).not.toContain('](https://');
    expect(uncommitted.stderr).toMatch(/x\.md: cited lines are not linked: it has changes not committed to git/);
  });

  it('export derives the origin from git when the score file has none, and score --origin sets one', async () => {
    const { root, head } = gitRepo('https://gitlab.com/group/sub/repo.git');
    const scoreArgs = ['score', 'reviews/x.md', '--workspace', 'reviews', '--reviewer', 'Ada', '--cite', 'versioning=3', '--origin', 'none'];
    expect((await runCli(scoreArgs, { cwd: root, env: env(root) })).code).toBe(0);
    const scoreFile = join(root, 'reviews', 'scores', 'x', 'ada.score.json');
    expect(parseScoreFile(readFileSync(scoreFile, 'utf8'), 'x').document.origin).toBeNull();
    const exported = await runCli(['export', scoreFile], { cwd: root, env: env(root) });
    expect(exported.stdout).toContain(`[Line 3](https://gitlab.com/group/sub/repo/-/blob/${head}/reviews/x.md#L3)`);
    const branch = 'https://github.com/o/r/blob/main/reviews/x.md';
    expect((await runCli(['score', 'reviews/x.md', '--workspace', 'reviews', '--reviewer', 'Ada', '--origin', branch], { cwd: root, env: env(root) })).code).toBe(0);
    expect(parseScoreFile(readFileSync(scoreFile, 'utf8'), 'x').document.origin).toBe(branch);
    const bad = await runCli(['score', 'reviews/x.md', '--workspace', 'reviews', '--reviewer', 'Ada', '--origin', 'javascript:alert(1)'], { cwd: root, env: env(root) });
    expect(bad.code).toBe(2);
  });
});

describe('links never show other text than the version scored', () => {
  it('a branch origin with a changed document: no line links, and a note says why', async () => {
    const { root, doc } = gitRepo(null);
    const branch = 'https://github.com/o/r/blob/main/reviews/x.md';
    await runCli(['score', 'reviews/x.md', '--workspace', 'reviews', '--reviewer', 'Ada', '--cite', 'versioning=3', '--origin', branch], { cwd: root, env: env(root) });
    const scoreFile = join(root, 'reviews', 'scores', 'x', 'ada.score.json');
    expect((await runCli(['export', scoreFile], { cwd: root, env: env(root) })).stdout).toContain(`[Line 3](${branch}?plain=1#L3)`);
    writeFileSync(doc, `Inserted.\n${readFileSync(doc, 'utf8')}`);
    const changed = await runCli(['export', scoreFile], { cwd: root, env: env(root) });
    expect(changed.stdout).not.toContain('#L3');
    expect(changed.stdout).toContain('**Note:** cited lines are not linked: the document has changed since it was scored and its origin is not pinned to a commit');
  });

  it('a citation past the end of the document: invalid in validate (file and field), marked and unlinked in export', async () => {
    const { root } = gitRepo(null);
    await runCli(['score', 'reviews/x.md', '--workspace', 'reviews', '--reviewer', 'Ada', '--cite', 'versioning=3', '--origin', 'https://github.com/o/r/blob/main/reviews/x.md'], { cwd: root, env: env(root) });
    const scoreFile = join(root, 'reviews', 'scores', 'x', 'ada.score.json');
    writeFileSync(scoreFile, readFileSync(scoreFile, 'utf8').replace(/"startLine": 3,\s*"endLine": 3/, '"startLine": 99999999,\n          "endLine": 99999999'));
    const validated = await runCli(['validate', scoreFile], { cwd: root, env: env(root) });
    expect(validated.code).toBe(1);
    expect(validated.stdout).toBe(`invalid  ${scoreFile}: items[3].cited[0].startLine: line 99999999 is past the end of x.md (3 lines)\n`);
    const exported = await runCli(['export', scoreFile], { cwd: root, env: env(root) });
    expect(exported.code).toBe(0);
    expect(exported.stdout).not.toContain('#L99999999');
    expect(exported.stdout).toContain('Line 99999999 (⚠️ past the end of the document (3 lines))');
  });
});
