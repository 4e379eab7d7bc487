// Every command on every kind of broken input: a missing path, a directory, an unreadable
// file, an empty file, binary, invalid UTF-8, a device, every broken score file of the hostile
// corpus, and a score file truncated at every byte offset. Each must fail with exit 1 and one
// line naming the file (no stack trace, no control characters), and modify no file.
// Commands run in-process (runCli) to keep hundreds of runs fast; the built binary is checked
// for the same contract in binary.test.ts.
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { baseScoreFile, brokenDocuments, brokenScoreFiles } from '../../scripts/make-hostile-fixtures.mjs';
import { runCli, type CliResult } from '../helpers/cli.js';
import { findControl, hashTree, HOSTILE, isPlaceholder, REPO, tempDir, testEnv } from './helpers.js';

// Root reads through chmod 000, so "permission denied" is simulated at the fs layer for paths
// containing "simulated-unreadable"; binary.test.ts covers real chmod when not running as root.
vi.mock('node:fs/promises', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs/promises')>();
  const denied = (path: unknown) => String(path).includes('simulated-unreadable');
  const eacces = (path: unknown) => Object.assign(new Error(`EACCES: permission denied, open '${String(path)}'`), { code: 'EACCES' });
  const guard =
    <F extends (...args: never[]) => unknown>(fn: F) =>
    (async (path: unknown, ...rest: unknown[]) => {
      if (denied(path)) throw eacces(path);
      return (fn as unknown as (...args: unknown[]) => unknown)(path, ...rest);
    }) as unknown as F;
  return { ...fs, readFile: guard(fs.readFile), open: guard(fs.open) };
});

const ENV = testEnv({ TOC_REVIEW_REVIEWER: 'Ada Lovelace', TOC_REVIEW_NOW: '2026-01-05', TOC_REVIEW_EXIT_AFTER_FIRST_FRAME: '1' });
const SAMPLE = join(REPO, 'reviews', 'lanternfish-incubation.md');

/** A fresh workspace with one good document, doc.md. */
function workspace(): string {
  const dir = tempDir('toc-hostile-cmd-');
  copyFileSync(SAMPLE, join(dir, 'doc.md'));
  return dir;
}

/**
 * The contract: exit 1, exactly one line of output (stderr, or stdout for validate's per-file
 * report) naming the file, no stack trace, no control character, and no file changed.
 */
async function expectRefused(args: string[], cwd: string, mentions: string, label: string): Promise<CliResult> {
  const before = hashTree(cwd);
  const result = await runCli(args, { cwd, env: { ...ENV } });
  const output = result.stdout + result.stderr;
  const context = `${label}\n  stdout: ${JSON.stringify(result.stdout.slice(0, 300))}\n  stderr: ${JSON.stringify(result.stderr.slice(0, 300))}`;
  expect(result.code, context).toBe(1);
  // One bad file: one line (panel and validate add a summary line only for several).
  const lines = output;
  expect(lines, context).toMatch(/^[^\n]+\n$/);
  expect(lines, context).toContain(mentions);
  expect(output, context).not.toMatch(/\n\s+at |internal error/);
  expect(findControl(output), context).toBeNull();
  expect(hashTree(cwd), `${label}: a file was modified`).toEqual(before);
  return result;
}

// Commands that take a document.
interface Command {
  name: string;
  args: (path: string) => string[];
}

const DOCUMENT_COMMANDS = ([
  { name: 'extract', args: (doc) => ['extract', doc] },
  { name: 'extract --json', args: (doc) => ['extract', doc, '--json'] },
  { name: 'score', args: (doc) => ['score', doc, '--set', 'production-users=2'] },
  { name: 'export', args: (doc) => ['export', doc] },
  { name: 'export -o', args: (doc) => ['export', doc, '-o', 'summary.md'] },
  { name: 'review', args: (doc) => ['review', doc] },
] satisfies Command[] as Command[]).filter((command) => !isPlaceholder(command.name.split(' ')[0]!));

// Commands that take score files.
const SCORE_COMMANDS = ([
  { name: 'validate', args: (file) => ['validate', file] },
  { name: 'panel', args: (file) => ['panel', file] },
  { name: 'export', args: (file) => ['export', file] },
  { name: 'export --format json', args: (file) => ['export', file, '--format', 'json'] },
  { name: 'export -o', args: (file) => ['export', file, '-o', 'summary.md'] },
] satisfies Command[] as Command[]).filter((command) => !isPlaceholder(command.name.split(' ')[0]!));

/** Broken document inputs: [name shown in the test, set-up returning the path to pass]. */
const BROKEN_DOCUMENTS: [string, (dir: string) => string][] = [
  ['a missing path', (dir) => join(dir, 'missing.md')],
  ['a directory', (dir) => {
    mkdirSync(join(dir, 'folder.md'));
    return join(dir, 'folder.md');
  }],
  ['an unreadable file', (dir) => {
    writeFileSync(join(dir, 'simulated-unreadable.md'), '# Secret\n');
    return join(dir, 'simulated-unreadable.md');
  }],
  ['a FIFO', (dir) => {
    execFileSync('mkfifo', [join(dir, 'pipe.md')]);
    return join(dir, 'pipe.md');
  }],
  ...Object.keys(brokenDocuments()).map((name): [string, (dir: string) => string] => [
    `broken/${name}`,
    (dir) => {
      copyFileSync(join(HOSTILE, 'broken', name), join(dir, name));
      return join(dir, name);
    },
  ]),
];

/**
 * The one deliberate exception: `extract` reads an empty or blank document as a document with
 * no evidence for any criterion (useful in scripts over many files) instead of refusing it.
 */
const acceptsEmpty = (command: string, label: string) => command.startsWith('extract') && /empty|whitespace/.test(label);

describe.each(DOCUMENT_COMMANDS)('$name on a broken document', ({ name, args }) => {
  it.each(BROKEN_DOCUMENTS)('%s: one line naming the file, exit 1, nothing modified', async (label, setUp) => {
    const dir = workspace();
    const path = setUp(dir);
    if (!acceptsEmpty(name, label)) {
      await expectRefused(args(path), dir, basename(path), `${name} on ${label}`);
      return;
    }
    const before = hashTree(dir);
    const result = await runCli(args(path), { cwd: dir, env: { ...ENV } });
    expect(result.code, result.stderr).toBe(0);
    expect(findControl(result.stdout + result.stderr)).toBeNull();
    if (name.includes('--json')) {
      const report = JSON.parse(result.stdout) as { criteria: { evidence: unknown[] }[] };
      expect(report.criteria.length).toBeGreaterThan(0);
      for (const criterion of report.criteria) expect(criterion.evidence).toEqual([]);
    }
    expect(hashTree(dir)).toEqual(before);
  });
});

/** Broken score-file inputs. */
const BROKEN_SCORE_FILES: [string, (dir: string) => string][] = [
  ['a missing file', (dir) => join(dir, 'missing.score.json')],
  ['a directory named like a score file', (dir) => {
    mkdirSync(join(dir, 'folder.score.json'));
    return join(dir, 'folder.score.json');
  }],
  ['an unreadable file', (dir) => {
    cpSync(join(HOSTILE, 'workspace', 'scores', 'hostile-review', 'eve.score.json'), join(dir, 'simulated-unreadable.score.json'));
    return join(dir, 'simulated-unreadable.score.json');
  }],
  ['a FIFO named like a score file', (dir) => {
    execFileSync('mkfifo', [join(dir, 'pipe.score.json')]);
    return join(dir, 'pipe.score.json');
  }],
  ...Object.keys(brokenScoreFiles()).map((name): [string, (dir: string) => string] => [
    `score-files/${name}`,
    (dir) => {
      copyFileSync(join(HOSTILE, 'score-files', name), join(dir, name));
      return join(dir, name);
    },
  ]),
];

describe.each(SCORE_COMMANDS)('$name on a broken score file', ({ name, args }) => {
  it.each(BROKEN_SCORE_FILES)('%s: one line naming the file, exit 1, nothing modified', async (label, setUp) => {
    const dir = workspace();
    const path = setUp(dir);
    await expectRefused(args(path), dir, basename(path), `${name} on ${label}`);
  });
});

describe('a broken score file where a command expects the reviewer’s own', () => {
  // The file is found from the document, so the error must name the score file, and the
  // command must not "repair" it by writing a fresh one over it.
  const commands = [
    { name: 'score', args: ['score', 'doc.md', '--set', 'production-users=2'] },
    { name: 'export <doc>', args: ['export', 'doc.md'] },
    { name: 'panel <doc>', args: ['panel', 'doc.md', '--workspace', '.'] },
    { name: 'review <doc>', args: ['review', 'doc.md', '--workspace', '.'] },
  ].filter((command) => !isPlaceholder(command.name.split(' ')[0]!));
  const broken = Object.keys(brokenScoreFiles()).filter((name) => !name.startsWith('bad-handle'));

  it.each(commands)('$name refuses every broken file and leaves it as it was', async ({ name, args }) => {
    for (const fixture of broken) {
      const dir = workspace();
      mkdirSync(join(dir, 'scores', 'doc'), { recursive: true });
      copyFileSync(join(HOSTILE, 'score-files', fixture), join(dir, 'scores', 'doc', 'ada-lovelace.score.json'));
      await expectRefused(args, dir, 'ada-lovelace.score.json', `${name} with ${fixture}`);
    }
  });
});

describe('a criteria file that is not a file', () => {
  const commands = [
    ['criteria', 'show', 'CRITERIA'],
    ['extract', 'doc.md', '--criteria', 'CRITERIA'],
    ['score', 'doc.md', '--criteria', 'CRITERIA', '--set', 'production-users=2'],
  ].filter((args) => !isPlaceholder(args[0]!));

  it.each(commands)('%s … on a FIFO, a missing file and a directory', async (...args) => {
    for (const [name, setUp] of [
      ['pipe.yaml', (path: string) => execFileSync('mkfifo', [path])],
      ['missing.yaml', () => undefined],
      ['folder.yaml', (path: string) => mkdirSync(path)],
    ] as const) {
      const dir = workspace();
      setUp(join(dir, name));
      await expectRefused(args.map((a) => (a === 'CRITERIA' ? name : a)), dir, name, `${args.join(' ')} with ${name}`);
    }
  });
});

describe('a score file truncated at every byte offset', () => {
  const full = Buffer.from(`${JSON.stringify(baseScoreFile(), null, 2)}\n`);

  it.each(SCORE_COMMANDS.filter((command) => !command.name.includes('--format') && !command.name.includes('-o')))('$name refuses every truncation', async ({ name, args }) => {
    const dir = workspace();
    const path = join(dir, 'cut.score.json');
    // Every offset for validate (cheap); a stride for the heavier commands keeps the suite
    // fast while still cutting inside every kind of token.
    const step = name === 'validate' ? 1 : 7;
    for (let end = 0; end < full.length - 1; end += step) {
      writeFileSync(path, full.subarray(0, end));
      await expectRefused(args(path), dir, 'cut.score.json', `${name} on the file cut at byte ${end}`);
    }
  });

  it.skipIf(isPlaceholder('score'))('score never saves over its own file cut short', async () => {
    const dir = workspace();
    const own = join(dir, 'scores', 'doc', 'ada-lovelace.score.json');
    mkdirSync(join(dir, 'scores', 'doc'), { recursive: true });
    for (let end = 0; end < full.length - 1; end += 11) {
      writeFileSync(own, full.subarray(0, end));
      await expectRefused(['score', 'doc.md', '--set', 'production-users=2'], dir, 'ada-lovelace.score.json', `score with its file cut at byte ${end}`);
    }
  });
});
