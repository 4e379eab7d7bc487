// `extract -` reads the document from standard input: the same criteria and facts as the file,
// and the file's refusals (binary, over the size limit) as one-line errors naming "-".
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DOC = 'test/fixtures/corpus/seeds/karmada-2022-annual.md';
let env: NodeJS.ProcessEnv;

beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), 'toc-extract-stdin-'));
  env = { ...process.env, TOC_REVIEW_CONFIG_DIR: join(dir, 'config'), TOC_REVIEW_NO_CACHE: '1' };
});

const piped = (bytes: Buffer | string) => Readable.from([Buffer.from(bytes)]);

describe('toc-review extract - (stdin)', () => {
  it('gives the same criteria and facts as the file, with document.path "-"', async () => {
    const bytes = readFileSync(join(ROOT, DOC));
    const fromFile = await runCli(['extract', DOC, '--json'], { cwd: ROOT, env });
    const fromStdin = await runCli(['extract', '-', '--json'], { cwd: ROOT, env, stdin: piped(bytes) });
    expect(fromStdin.stderr).toBe('');
    expect(fromStdin.code).toBe(0);
    const file = JSON.parse(fromFile.stdout);
    const stdin = JSON.parse(fromStdin.stdout);
    expect(stdin.document).toEqual({ ...file.document, path: '-' });
    expect(stdin.criteria).toEqual(file.criteria);
    expect(stdin.facts).toEqual(file.facts);
  });

  it('refuses a binary body on stdin with one line naming "-"', async () => {
    const { code, stdout, stderr } = await runCli(['extract', '-', '--json'], { cwd: ROOT, env, stdin: piped(Buffer.from([0x23, 0x20, 0x00, 0x41])) });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^.*-: binary file/);
  });

  it('stops reading at the size limit', async () => {
    const big = Readable.from((function* () {
      for (let i = 0; i < 100; i++) yield Buffer.alloc(64 * 1024, 'a');
    })());
    const { code, stderr } = await runCli(['extract', '-'], { cwd: ROOT, env: { ...env, TOC_REVIEW_MAX_DOC_MB: '1' }, stdin: big });
    expect(code).toBe(1);
    expect(stderr).toMatch(/-: standard input is over the 1\.0 MB document limit/);
  });

  it('refuses a terminal on stdin instead of waiting on it', async () => {
    const tty = Object.assign(Readable.from([]), { isTTY: true });
    const { code, stderr } = await runCli(['extract', '-'], { cwd: ROOT, env, stdin: tty });
    expect(code).toBe(1);
    expect(stderr).toMatch(/standard input is a terminal; pipe a document in/);
  });

  it('reads a real pipe in the built binary', () => {
    const child = spawnSync(process.execPath, ['bin/toc-review.js', 'extract', '-', '--json'], { cwd: ROOT, env, input: readFileSync(join(ROOT, DOC)), encoding: 'utf8' });
    expect(child.stderr).toBe('');
    expect(child.status).toBe(0);
    expect(JSON.parse(child.stdout).document.title).toBe('Karmada 2022 Annual Review');
  });
});
