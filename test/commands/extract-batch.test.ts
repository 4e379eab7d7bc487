import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SEED = join(ROOT, 'test/fixtures/corpus/seeds/karmada-2022-annual.md');
let dir: string;
let env: NodeJS.ProcessEnv;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'toc-batch-'));
  env = { ...process.env, TOC_REVIEW_CONFIG_DIR: join(dir, 'config'), TOC_REVIEW_NO_CACHE: '1' };
  const docs = join(dir, 'docs');
  mkdirSync(join(docs, 'b-sub', 'deeper'), { recursive: true });
  mkdirSync(join(docs, '.hidden'));
  mkdirSync(join(docs, 'scores', 'x'), { recursive: true });
  writeFileSync(join(docs, 'a.md'), readFileSync(SEED));
  writeFileSync(join(docs, 'b-sub', 'deeper', 'proposal.adoc'), '= Gizmo Proposal\n\n== Adopters\n\n* Initech\n* Hooli\n');
  writeFileSync(join(docs, 'b-sub', 'notes.markdown'), '# Notes\n\nNothing here.\n');
  writeFileSync(join(docs, 'c.md'), Buffer.from([0x23, 0x20, 0x00, 0x01]));
  writeFileSync(join(docs, 'ignored.txt'), '# not a review document\n');
  writeFileSync(join(docs, '.hidden', 'secret.md'), '# hidden\n');
  writeFileSync(join(docs, 'scores', 'x', 'y.md'), '# a score folder\n');
});

const run = (args: string[]) => runCli(args, { cwd: dir, env });

describe('toc-review extract on a folder or several documents', () => {
  it('prints one JSON object per line in path order, reports a bad file and exits 1', async () => {
    const { code, stdout, stderr } = await run(['extract', 'docs', '--json']);
    const lines = stdout.trimEnd().split('\n');
    const results = lines.map((line) => JSON.parse(line));
    expect(results.map((r) => r.document.path)).toEqual(['docs/a.md', 'docs/b-sub/deeper/proposal.adoc', 'docs/b-sub/notes.markdown']);
    expect(results.every((r) => r.schema === 'toc-review/extract@1')).toBe(true);
    expect(stderr).toBe('toc-review: docs/c.md: binary file (NUL byte found), not a markdown document\n');
    expect(code).toBe(1);
  });

  it('reads an AsciiDoc document into the same facts as markdown, on the .adoc lines', async () => {
    const { code, stdout } = await run(['extract', 'docs/b-sub/deeper/proposal.adoc', '--json']);
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.document.title).toBe('Gizmo Proposal');
    expect(result.document.lineCount).toBe(6);
    expect(result.facts.adopters.map((a: { name: string; line: number }) => [a.name, a.line])).toEqual([
      ['Initech', 5],
      ['Hooli', 6],
    ]);
  });

  it('gives each document the same result as a single extract', async () => {
    const single = JSON.parse((await run(['extract', 'docs/a.md', '--json'])).stdout);
    const batch = (await run(['extract', 'docs/a.md', 'docs/b-sub/notes.markdown', '--json'])).stdout.split('\n');
    expect(JSON.parse(batch[0]!)).toEqual(single);
  });

  it('names each document in the readable report, and takes a document named twice once', async () => {
    const { code, stdout } = await run(['extract', 'docs/b-sub', 'docs/b-sub/notes.markdown']);
    expect(code).toBe(0);
    expect(stdout.match(/^==> .* <==$/gm)).toEqual(['==> docs/b-sub/deeper/proposal.adoc <==', '==> docs/b-sub/notes.markdown <==']);
  });

  it('goes on after a missing file and says which one', async () => {
    const { code, stdout, stderr } = await run(['extract', 'nope.md', 'docs/b-sub/notes.markdown', '--json']);
    expect(code).toBe(1);
    expect(stderr).toBe('toc-review: nope.md: no such file\n');
    expect(JSON.parse(stdout).document.path).toBe('docs/b-sub/notes.markdown');
  });

  it('refuses a folder with no documents in it', async () => {
    mkdirSync(join(dir, 'empty'), { recursive: true });
    const { code, stderr } = await run(['extract', 'empty', '--json']);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^toc-review: no documents found .*empty/);
  });
});
