// Batches on worker threads (src/commands/batch/parallel.ts) give exactly what one thread
// gives: the same stdout bytes in the same order, the same per-file errors on stderr, the same
// exit status. The built binary is run both ways (TOC_REVIEW_WORKERS=1 and =3).
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInWorkers, workerCount, type JobOutcome } from '../../src/commands/batch/parallel.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SEEDS = join(ROOT, 'test/fixtures/corpus/seeds');
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'toc-review-parallel-'));
  // 5 seed documents x 3 folders, plus documents that fail or are odd, in the middle of the order.
  for (const folder of ['a', 'b', 'c']) {
    mkdirSync(join(dir, folder));
    for (const name of readdirSync(SEEDS)) copyFileSync(join(SEEDS, name), join(dir, folder, name));
  }
  writeFileSync(join(dir, 'b', 'broken.md'), Buffer.from([0x23, 0x20, 0xff, 0xfe, 0x0a]));
  writeFileSync(join(dir, 'b', 'empty.md'), '');
  writeFileSync(join(dir, 'b', 'escapes.md'), '# Proj \x1b[31mred\x1b[0m\n\nWe have 4 maintainers from 3 companies.\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(workers: string, args: string[]) {
  const env = { ...process.env, TOC_REVIEW_WORKERS: workers, TOC_REVIEW_NO_CACHE: '1', TOC_REVIEW_CONFIG_DIR: join(dir, '.config') };
  return spawnSync(process.execPath, [join(ROOT, 'bin/toc-review.js'), ...args], { cwd: dir, env, encoding: 'utf8' });
}

describe('batch on worker threads', () => {
  for (const args of [
    ['extract', '.', '--json'],
    ['extract', 'a', 'b'],
    ['triage', '.', '--offline', '--format', 'json'],
  ]) {
    it(`gives what one thread gives: ${args.join(' ')}`, () => {
      const one = run('1', args);
      const three = run('3', args);
      expect(one.status).toBe(1); // broken.md
      expect(three.status).toBe(one.status);
      expect(three.stderr).toBe(one.stderr);
      expect(three.stdout).toBe(one.stdout);
      expect(one.stderr).toMatch(/^toc-review: b\/broken\.md: .*UTF-8/m);
      expect(one.stdout).not.toContain('\x1b');
      if (args.includes('--json') && args[0] === 'extract') {
        const paths = three.stdout.trimEnd().split('\n').map((line) => JSON.parse(line).document.path);
        expect(paths).toEqual([...paths].sort());
        expect(paths).toHaveLength(17);
      }
    });
  }
});

describe('workerCount', () => {
  it('stays in one thread for small batches and one core, else one worker per core up to four', () => {
    expect(workerCount(10, {}, 8)).toBe(0);
    expect(workerCount(257, {}, 1)).toBe(0);
    expect(workerCount(257, {}, 2)).toBe(2);
    expect(workerCount(257, {}, 16)).toBe(4);
  });
  it('follows TOC_REVIEW_WORKERS, never more workers than documents', () => {
    expect(workerCount(257, { TOC_REVIEW_WORKERS: '1' }, 8)).toBe(0);
    expect(workerCount(5, { TOC_REVIEW_WORKERS: '3' }, 1)).toBe(3);
    expect(workerCount(2, { TOC_REVIEW_WORKERS: '3' }, 1)).toBe(2);
    expect(workerCount(257, { TOC_REVIEW_WORKERS: 'lots' }, 2)).toBe(2);
  });
});

describe('runInWorkers', () => {
  it('works out the documents of a worker that died in this thread, each exactly once', async () => {
    const jobs = Array.from({ length: 12 }, (_, index) => ({ index, path: `/nowhere/${index}.md`, shown: String(index) }));
    const outcomes: JobOutcome[] = [];
    await runInWorkers({
      jobs,
      setup: { task: { command: 'triage' }, set: null as never },
      count: 1,
      entry: new URL('../fixtures/workers/dies-on-three.mjs', import.meta.url),
      onOutcome: (outcome) => void outcomes.push(outcome),
      local: async (job) => ({ index: job.index, output: `here ${job.shown}` }),
    });
    const byIndex = new Map(outcomes.map((o) => [o.index, 'output' in o ? o.output : null]));
    expect(outcomes).toHaveLength(12);
    expect(byIndex.size).toBe(12);
    expect(byIndex.get(0)).toBe('worker 0');
    expect(byIndex.get(3)).toBe('here 3');
    expect(byIndex.get(11)).toBe('here 11');
  });
});
