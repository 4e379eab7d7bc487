// `score -` and `export -`: a document piped in is kept in the workspace (fetched/stdin/) and
// scored there like a file; piping the same bytes again finds the same copy, and export finds it
// by its bytes. Bad input on the pipe is refused as a file's would be, and nothing is kept.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DOC = join(ROOT, 'test/fixtures/corpus/seeds/karmada-2022-annual.md');
let dir: string;
let workspace: string;
let env: NodeJS.ProcessEnv;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'toc-stdin-copies-'));
  workspace = join(dir, 'ws');
  mkdirSync(workspace);
  env = { ...process.env, TOC_REVIEW_CONFIG_DIR: join(dir, 'config'), TOC_REVIEW_NO_CACHE: '1', TOC_REVIEW_REVIEWER: 'Ada Lovelace' };
});

const piped = (bytes: Buffer | string) => Readable.from([Buffer.from(bytes)]);
const run = (args: string[], stdin: Buffer | string) => runCli([...args, '--workspace', workspace], { cwd: dir, env, stdin: piped(stdin) });
const copies = () => (existsSync(join(workspace, 'fetched', 'stdin')) ? readdirSync(join(workspace, 'fetched', 'stdin')).filter((name) => name.endsWith('.md')) : []);

describe('score - and export -', () => {
  it('keep the piped document once, score it there and export it from the same bytes', async () => {
    const bytes = readFileSync(DOC);
    const first = await run(['score', '-', '--set', 'production-users=2', '--note', 'production-users=named adopters'], bytes);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toMatch(/^toc-review: -: standard input kept as ws\/fetched\/stdin\/stdin-[0-9a-f]{16}\.md \(give that path next time\)$/m);
    expect(copies()).toHaveLength(1);
    const copy = join(workspace, 'fetched', 'stdin', copies()[0]!);
    expect(readFileSync(copy, 'utf8')).toBe(bytes.toString('utf8'));

    // The same bytes again: the same copy, scored further.
    const second = await run(['score', '-', '--set', 'versioning=1'], bytes);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stderr).toMatch(/standard input is the copy kept as ws\/fetched\/stdin\//);
    expect(copies()).toHaveLength(1);
    // One score file, the reviewer's, for the copy (scores/<document name>/ as for any document).
    const scoreFile = join(workspace, 'scores', copies()[0]!.replace(/\.md$/, ''), 'ada-lovelace.score.json');
    const scored = JSON.parse(readFileSync(scoreFile, 'utf8')) as { document: { path: string }; items: Array<{ id: string; score: number | null }> };
    expect(scored.document.path).toBe(`fetched/stdin/${copies()[0]}`);
    expect(scored.items.find((item) => item.id === 'production-users')?.score).toBe(2);
    expect(scored.items.find((item) => item.id === 'versioning')?.score).toBe(1);

    const exported = await run(['export', '-'], bytes);
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stdout).toContain('named adopters');
  });

  it('export - refuses a piped document that was never scored, and keeps nothing', async () => {
    const before = copies().length;
    const result = await run(['export', '-'], '# Another project\n\nNothing scored here.\n');
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(`toc-review: export: -: the document on standard input was never scored in ${workspace}; score it first (toc-review score - ...)`);
    expect(copies()).toHaveLength(before);
  });

  it('score - refuses binary input with a one-line error and keeps nothing', async () => {
    const before = copies().length;
    const result = await run(['score', '-', '--set', 'versioning=1'], Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]));
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^toc-review: -: /);
    expect(copies()).toHaveLength(before);
  });
});
