// A score file left with git conflict markers (two reviewers' edits merged by hand): `score`
// refuses it with one line naming the blocks' lines and how to resolve them, `validate` says the
// same, and the file is left exactly as it was.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findConflictBlocks } from '../../src/core/scores/conflict-markers.js';
import { runCli } from '../helpers/cli.js';
import { sampleWorkspace } from '../helpers/score-fixtures.js';

/** The file as git leaves it when two branches changed the same score line. */
function conflicted(text: string): string {
  const lines = text.split('\n');
  const at = lines.findIndex((line) => line.includes('"score": 2'));
  const theirs = lines[at]!.replace('"score": 2', '"score": 3');
  lines.splice(at, 1, '<<<<<<< HEAD', lines[at]!, '=======', theirs, '>>>>>>> grace/review');
  return lines.join('\n');
}

describe('score files with git conflict markers', () => {
  it('score and validate refuse them with the same one-line error naming the lines', async () => {
    const ws = sampleWorkspace();
    const args = ['score', 'reviews/lanternfish.md', '--workspace', 'reviews', '--reviewer', 'Ada'];
    expect((await runCli([...args, '--set', 'versioning=2'], { cwd: ws.root, env: ws.env })).code).toBe(0);
    const path = join(ws.root, 'reviews/scores/lanternfish/ada.score.json');
    const text = conflicted(readFileSync(path, 'utf8'));
    writeFileSync(path, text);
    const start = text.split('\n').indexOf('<<<<<<< HEAD') + 1;

    const scored = await runCli([...args, '--set', 'versioning=1'], { cwd: ws.root, env: ws.env });
    expect(scored.code).toBe(1);
    expect(scored.stderr.split('\n')).toHaveLength(2); // one line and its newline
    expect(scored.stderr).toContain(`unresolved git merge conflict at lines ${start}-${start + 4}`);
    expect(scored.stderr).toMatch(/delete the marker lines, then run: toc-review validate /);
    expect(readFileSync(path, 'utf8')).toBe(text);

    const checked = await runCli(['validate', 'reviews/scores/lanternfish/ada.score.json'], { cwd: ws.root, env: ws.env });
    expect(checked.code).toBe(1);
    expect(checked.stdout).toContain(`unresolved git merge conflict at lines ${start}-${start + 4}`);
    expect(readFileSync(path, 'utf8')).toBe(text);
  });
});

describe('findConflictBlocks', () => {
  it('finds each block, an unclosed one and a stray separator, and nothing in clean JSON', () => {
    const text = ['{', '<<<<<<< a', 'x', '=======', 'y', '>>>>>>> b', '"k": 1,', '<<<<<<< HEAD', 'z'].join('\n');
    expect(findConflictBlocks(text)).toEqual([
      { startLine: 2, endLine: 6 },
      { startLine: 8, endLine: 9 },
    ]);
    expect(findConflictBlocks('{\n=======\n}')).toEqual([{ startLine: 2, endLine: 2 }]);
    // Marker-like text inside a value (not at the start of a line, or not exactly seven) is data.
    expect(findConflictBlocks('{\n  "notes": "<<<<<<< not a marker",\n"=========": 1\n}')).toEqual([]);
  });
});
