// The same contract checked on the built binary as users run it: one-line errors with exit 1
// and no stack trace (a stack only with --debug), real file permissions, the document size
// limit from the environment, escape sequences in arguments, a closed output pipe, and a large
// document through `extract --json` as a separate process.
import { spawn } from 'node:child_process';
import { chmodSync, copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, expectNoControls, expectOneLineError, hashTree, HOSTILE, isPlaceholder, runBin, tempDir, testEnv } from './helpers.js';

const asRoot = process.getuid?.() === 0;

describe.skipIf(isPlaceholder('extract'))('the built binary on hostile input', () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir('toc-hostile-bin-');
    copyFileSync(join(HOSTILE, 'workspace', 'hostile-review.md'), join(dir, 'hostile-review.md'));
    runBin(['--version']); // builds dist/ when missing
  });

  it('a missing document: one line, exit 1, no stack; --debug adds the stack', () => {
    const plain = runBin(['extract', 'missing.md'], { cwd: dir });
    expect(plain.code).toBe(1);
    expect(plain.stdout).toBe('');
    expectOneLineError(plain.stderr, 'missing.md', 'extract missing.md');
    const debug = runBin(['extract', 'missing.md', '--debug'], { cwd: dir });
    expect(debug.code).toBe(1);
    expect(debug.stderr.split('\n')[0]).toBe(plain.stderr.trimEnd());
    expect(debug.stderr).toMatch(/\n\s+at /);
  });

  it('escape sequences in arguments are never echoed raw', () => {
    const evilPath = `evil\x1b]52;c;ZXZpbA==\x07\x1b[2J\u202e.md`;
    const missing = runBin(['extract', evilPath], { cwd: dir });
    expect(missing.code).toBe(1);
    expectOneLineError(missing.stderr, 'evil', 'extract <evil path>');
    const command = runBin([`frob\x1b[31mnicate`], { cwd: dir });
    expect(command.code).toBe(2);
    expectNoControls(command.stderr, 'unknown command');
    const flag = runBin(['extract', `--\x1b]0;title\x07`], { cwd: dir });
    expect(flag.code).toBe(2);
    expectNoControls(flag.stderr, 'unknown flag');
  });

  it('the hostile review: text and JSON reports hold no control character', () => {
    const text = runBin(['extract', 'hostile-review.md'], { cwd: dir });
    expect(text.code, text.stderr).toBe(0);
    expectNoControls(text.stdout, 'extract text');
    const json = runBin(['extract', 'hostile-review.md', '--json'], { cwd: dir });
    expect(json.code, json.stderr).toBe(0);
    expectNoControls(json.stdout, 'extract --json');
    expect(JSON.parse(json.stdout).schema).toBe('toc-review/extract@1');
  });

  it('TOC_REVIEW_MAX_DOC_MB refuses a larger document in every command that reads one', () => {
    const big = join(dir, 'big.md');
    writeFileSync(big, `# Big\n\n${'Some prose about adopters.\n'.repeat(60_000)}`); // about 1.6 MB
    const before = hashTree(dir);
    const env = testEnv({ TOC_REVIEW_MAX_DOC_MB: '1', TOC_REVIEW_REVIEWER: 'Ada' });
    const commands = [['extract', 'big.md'], ['score', 'big.md', '--set', 'versioning=1']].filter(([name]) => !isPlaceholder(name!));
    for (const args of commands) {
      const result = runBin(args, { cwd: dir, env });
      expect(result.code, `${args[0]}: ${result.stderr}`).toBe(1);
      expectOneLineError(result.stderr, 'big.md', args.join(' '));
      expect(result.stderr).toContain('TOC_REVIEW_MAX_DOC_MB');
    }
    expect(hashTree(dir)).toEqual(before);
    // Raised, the same document is read.
    expect(runBin(['extract', 'big.md'], { cwd: dir, env: testEnv({ TOC_REVIEW_MAX_DOC_MB: '5' }) }).code).toBe(0);
  });

  it.skipIf(asRoot)('a document and a score file without read permission (skipped as root: root reads them)', () => {
    const secret = join(dir, 'secret.md');
    writeFileSync(secret, '# Secret\n');
    chmodSync(secret, 0o000);
    const doc = runBin(['extract', 'secret.md'], { cwd: dir });
    expect(doc.code).toBe(1);
    expectOneLineError(doc.stderr, 'secret.md', 'extract unreadable');
    expect(doc.stderr).toContain('permission denied');
    const score = join(dir, 'secret.score.json');
    writeFileSync(score, '{}');
    chmodSync(score, 0o000);
    const validate = runBin(['validate', 'secret.score.json'], { cwd: dir });
    expect(validate.code).toBe(1);
    expect(validate.stdout + validate.stderr).toContain('permission denied');
  });

  it('a 20,000-row document through extract --json in a separate process', () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => `| Person ${i} | @p${i} | Org ${i % 5} |`).join('\n');
    writeFileSync(join(dir, 'huge.md'), `# Huge\n\n## Maintainers\n\n| Name | GitHub | Company |\n|---|---|---|\n${rows}\n`);
    const result = runBin(['extract', 'huge.md', '--json'], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    const parsed = JSON.parse(result.stdout) as { document: { lineCount: number }; facts: { maintainers: unknown[] } };
    expect(parsed.document.lineCount).toBe(20_006);
    expect(parsed.facts.maintainers).toHaveLength(20_000);
  });

  it('output into a pipe closed early ends quietly (no EPIPE stack trace)', async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => `- Adopter ${i} runs it in production`).join('\n');
    writeFileSync(join(dir, 'long.md'), `# Long\n\n## Adopters\n\n${rows}\n`);
    const child = spawn(process.execPath, [BIN, 'extract', 'long.md', '--json'], { cwd: dir, env: testEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', (status) => resolve(status)));
    expect(stderr).not.toMatch(/\n\s+at |EPIPE/);
    expect([0, 1, null]).toContain(code);
  });
});
