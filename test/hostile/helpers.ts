// Shared by the hostile-input tests: control-character detection with readable failures,
// tree hashing for "no file modified", fixture workspaces in temp folders, and running the
// built binary.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

export const REPO = fileURLToPath(new URL('../..', import.meta.url));
export const HOSTILE = join(REPO, 'test', 'fixtures', 'hostile');
/** The binary under test: the repo's own, or another build given in TOC_REVIEW_TEST_BIN. */
export const BIN = process.env.TOC_REVIEW_TEST_BIN ?? join(REPO, 'bin', 'toc-review.js');

/**
 * What must never reach a terminal from untrusted input: C0 controls except tab and newline
 * (ESC and CR included), DEL, C1 controls and the bidi overrides and isolates.
 */
export const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;

/** The first control character with some context, or null: makes a failing test say where. */
export function findControl(text: string): string | null {
  const match = CONTROL.exec(text);
  if (!match) return null;
  const at = match.index;
  const code = text.codePointAt(at)!.toString(16).padStart(4, '0');
  return `U+${code} at offset ${at}: ${JSON.stringify(text.slice(Math.max(0, at - 40), at + 40))}`;
}

export function expectNoControls(text: string, label: string): void {
  expect(findControl(text), `${label} leaks a control character`).toBeNull();
}

/** Errors must be one line: "toc-review: <message>\n", naming the file, no stack trace. */
export function expectOneLineError(stderr: string, mentions: string, label: string): void {
  expect(stderr, `${label}: stderr`).toMatch(/^toc-review: [^\n]+\n$/);
  expect(stderr, `${label}: names the file`).toContain(mentions);
  expect(stderr, `${label}: no stack trace`).not.toMatch(/\n\s+at |internal error/);
  expectNoControls(stderr, `${label}: stderr`);
}

/** Every file and folder under dir (relative path -> sha256 of its bytes), to prove nothing was modified. */
export function hashTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (path: string) => {
    const info = statSync(path);
    if (info.isDirectory()) {
      // Folders count too: a failed command must not leave an empty scores/ folder behind.
      if (path !== dir) out[`${relative(dir, path)}/`] = 'directory';
      for (const name of readdirSync(path).sort()) walk(join(path, name));
    } else if (!info.isFile()) {
      out[relative(dir, path)] = 'not a regular file'; // reading a FIFO would block
    } else {
      out[relative(dir, path)] = createHash('sha256').update(readFileSync(path)).digest('hex');
    }
  };
  walk(dir);
  return out;
}

export function tempDir(prefix = 'toc-hostile-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A fresh copy of the hostile workspace (the hostile review and two hostile score files). */
export function copyHostileWorkspace(): string {
  const dir = tempDir('toc-hostile-ws-');
  cpSync(join(HOSTILE, 'workspace'), dir, { recursive: true });
  return dir;
}

/** Environment for commands under test: config in a temp folder, never the user's. */
export function testEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const { TOC_REVIEW_REVIEWER: _r, TOC_REVIEW_MAX_DOC_MB: _m, ...rest } = process.env;
  return { ...rest, TOC_REVIEW_CONFIG_DIR: tempDir('toc-hostile-config-'), NO_COLOR: '1', FORCE_COLOR: '0', ...extra };
}

export interface BinResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** The built CLI (dist/), as users run it. */
export function runBin(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string } = {}): BinResult {
  if (BIN === join(REPO, 'bin', 'toc-review.js') && !existsSync(join(REPO, 'dist', 'cli.js'))) {
    spawnSync(process.execPath, [join(REPO, 'scripts', 'build.mjs')], { cwd: REPO, stdio: 'inherit' });
  }
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? REPO,
    env: options.env ?? testEnv(),
    input: options.input ?? '',
    encoding: 'utf8',
    timeout: 60_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
}

/**
 * True while a command is still the placeholder it started as (the parts land in parallel);
 * tests of that command skip until it is real, then run for good.
 */
export function isPlaceholder(command: string): boolean {
  return readFileSync(join(REPO, 'src', 'commands', `${command}.ts`), 'utf8').includes('not available yet');
}
