// The progress bar of the batch commands as a reviewer sees it: drawn on stderr when stderr is
// a terminal and the output is for a person, absent with --json / --format json or when piped.
// The commands run in-process with a fake terminal stream (isTTY, columns).
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import * as extract from '../../src/commands/extract.js';
import * as triage from '../../src/commands/triage.js';

let dir: string;
let env: NodeJS.ProcessEnv;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'toc-progress-'));
  env = { ...process.env, TOC_REVIEW_CONFIG_DIR: join(dir, 'config'), TOC_REVIEW_NO_CACHE: '1' };
  mkdirSync(join(dir, 'docs'));
  for (const name of ['alpha', 'beta', 'gamma']) {
    writeFileSync(join(dir, 'docs', `${name}.md`), `# ${name} annual review\n\n## Adopters\n\n- Initech\n- Hooli\n`);
  }
});

function stream(isTTY: boolean) {
  const out = { text: '', isTTY, columns: 80, write: (t: string) => ((out.text += t), true) };
  return out;
}

async function runWith(command: typeof extract | typeof triage, args: string[], ttyStderr: boolean) {
  const stdout = stream(false);
  const stderr = stream(ttyStderr);
  const code = await command.run(args, { stdout, stderr, env, cwd: dir });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

// A frame: carriage return, clear line, then the bar with its count.
const FRAME = /\r\x1b\[K\[[#-]+\] \d+\/3 /;

describe('batch progress bar', () => {
  it('extract draws it on a terminal, finishes at 3/3, clears it, and keeps it out of stdout', async () => {
    const { code, stdout, stderr } = await runWith(extract, ['docs'], true);
    expect(code).toBe(0);
    expect(stderr).toMatch(FRAME);
    expect(stderr).toContain('3/3');
    expect(stderr.endsWith('\r\x1b[K')).toBe(true);
    expect(stdout).not.toContain('\x1b');
    expect(stdout).toContain('==> docs/gamma.md <==');
  });

  it('triage draws it on a terminal for a table', async () => {
    const { code, stdout, stderr } = await runWith(triage, ['docs', '--offline'], true);
    expect(code).toBe(0);
    expect(stderr).toMatch(FRAME);
    expect(stderr).toContain('3/3');
    expect(stdout).not.toContain('\r');
    expect(stdout).toContain('docs/beta.md');
  });

  it('writes nothing to stderr with --json, --format json, or when stderr is piped', async () => {
    const runs = [
      await runWith(extract, ['docs', '--json'], true),
      await runWith(extract, ['docs'], false),
      await runWith(triage, ['docs', '--offline', '--format', 'json'], true),
      await runWith(triage, ['docs', '--offline'], false),
    ];
    for (const { code, stdout, stderr } of runs) {
      expect(code).toBe(0);
      expect(stderr).toBe('');
      expect(stdout).toContain('docs/alpha.md');
    }
  });

  it('keeps a failing document on a line of its own while the bar is drawn', async () => {
    writeFileSync(join(dir, 'docs', 'broken.md'), Buffer.from([0x23, 0x00]));
    try {
      const { code, stderr } = await runWith(triage, ['docs', '--offline'], true);
      expect(code).toBe(1);
      expect(stderr).toContain('\r\x1b[Ktoc-review: docs/broken.md: binary file (NUL byte found), not a markdown document\n');
    } finally {
      writeFileSync(join(dir, 'docs', 'broken.md'), '# fixed\n');
    }
  });
});
