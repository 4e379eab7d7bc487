import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

describe('toc-review CLI skeleton', () => {
  it('prints the package version', async () => {
    const { code, stdout } = await runCli(['--version']);
    expect(code).toBe(0);
    expect(stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const extra = await runCli(['--version', 'extra']);
    expect(extra.code).toBe(2);
    expect(extra.stdout).toBe('');
    expect(extra.stderr.split('\n')[0]).toBe('toc-review: --version takes no arguments (got "extra")');
  });

  it('lists every command in --help', async () => {
    const { code, stdout } = await runCli(['--help']);
    expect(code).toBe(0);
    for (const command of ['review', 'extract', 'score', 'export', 'panel', 'validate', 'criteria', 'config']) {
      expect(stdout).toMatch(new RegExp(`^  ${command} `, 'm'));
    }
  });

  it('refuses an unknown command with a one-line reason, usage and exit 2', async () => {
    const { code, stdout, stderr } = await runCli(['frobnicate']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.split('\n')[0]).toBe('toc-review: unknown command "frobnicate"');
    expect(stderr).toContain('Usage: toc-review');
  });

  it('refuses an unknown flag with exit 2', async () => {
    const { code, stderr } = await runCli(['criteria', 'list', '--nope']);
    expect(code).toBe(2);
    expect(stderr.split('\n')[0]).toBe("toc-review: criteria: unknown option '--nope' (see: toc-review criteria --help)");
  });

  it('criteria list names the shipped set with its four item ids', async () => {
    const { code, stdout } = await runCli(['criteria', 'list']);
    expect(code).toBe(0);
    expect(stdout).toContain('cncf-incubation');
    expect(stdout).toContain('production-users, committer-health, commit-flow, versioning');
  });

  it('criteria show --json prints the parsed set', async () => {
    const { code, stdout } = await runCli(['criteria', 'show', 'cncf-incubation', '--json']);
    expect(code).toBe(0);
    const set = JSON.parse(stdout) as { id: string; items: { id: string; hints: { facts: string[] } }[] };
    expect(set.id).toBe('cncf-incubation');
    expect(set.items.map((i) => i.hints.facts[0])).toEqual(['adopters', 'maintainers', 'metrics', 'versioning']);
  });

  it('criteria show on a missing file or unknown id fails with one line, exit 1', async () => {
    const missing = await runCli(['criteria', 'show', './no-such.yaml']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe('toc-review: ./no-such.yaml: no such file\n');
    const unknown = await runCli(['criteria', 'show', 'nope']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('unknown criteria set "nope"');
    // A file name without a folder is a file, not an id: say it is missing.
    const bare = await runCli(['criteria', 'show', 'missing.md']);
    expect(bare).toMatchObject({ code: 1, stderr: 'toc-review: missing.md: no such file (nor a shipped criteria set: cncf-graduation-dd, cncf-incubation-dd, cncf-incubation)\n' });
  });

  it('criteria show on a binary or invalid UTF-8 file says so, as for documents', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'toc-criteria-'));
    writeFileSync(join(dir, 'bin.yaml'), Buffer.from([0x69, 0x64, 0x3a, 0x20, 0x00, 0x01]));
    writeFileSync(join(dir, 'latin1.yaml'), Buffer.from('id: caf\xe9\n', 'latin1'));
    const binary = await runCli(['criteria', 'show', join(dir, 'bin.yaml')]);
    expect(binary).toMatchObject({ code: 1, stderr: `toc-review: ${join(dir, 'bin.yaml')}: binary file (NUL byte found), not a criteria file (YAML)\n` });
    const latin1 = await runCli(['criteria', 'show', join(dir, 'latin1.yaml')]);
    expect(latin1).toMatchObject({ code: 1, stderr: `toc-review: ${join(dir, 'latin1.yaml')}: not valid UTF-8 text\n` });
  });

  it('every command answers --help with its own usage', async () => {
    for (const command of ['criteria', 'extract', 'score', 'export', 'panel', 'validate', 'config', 'review']) {
      const { code, stdout } = await runCli([command, '--help']);
      expect(code).toBe(0);
      expect(stdout).toMatch(new RegExp(`^Usage: toc-review \\[?${command}`));
    }
  });
});
