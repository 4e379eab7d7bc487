// Bundle test/store/fixtures/save-loop.ts (real store code) for child processes, and drive them.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { build } from 'esbuild';
import { CRITERIA_PATH, tempDir } from '../helpers/score-fixtures.js';

export async function bundleChild(): Promise<string> {
  const outfile = join(tempDir('toc-child-'), 'save-loop.mjs');
  await build({
    entryPoints: [join(import.meta.dirname, 'fixtures/save-loop.ts')],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'error',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  return outfile;
}

export interface RunningChild {
  child: ProcessWithLines;
  /** Resolves with the first stdout line matching the pattern. */
  waitFor(pattern: RegExp): Promise<string>;
  lines: string[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

type ProcessWithLines = ChildProcess;

export function startChild(script: string, mode: 'save-loop' | 'hold', workspace: string, doc: string, count = 0): RunningChild {
  const child = spawn(process.execPath, [script, mode, workspace, doc, String(count), CRITERIA_PATH], { stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  const waiters: { pattern: RegExp; resolve: (line: string) => void }[] = [];
  let buffer = '';
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout!.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    let newline;
    while ((newline = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, newline);
      buffer = buffer.slice(newline + 1);
      lines.push(line);
      for (const waiter of waiters.slice()) {
        if (waiter.pattern.test(line)) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve(line);
        }
      }
    }
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return {
    child,
    lines,
    exited,
    waitFor: (pattern) =>
      new Promise((resolve, reject) => {
        const seen = lines.find((line) => pattern.test(line));
        if (seen) return resolve(seen);
        waiters.push({ pattern, resolve });
        void exited.then(({ code, signal }) => reject(new Error(`child exited (${code ?? signal}) before printing ${pattern}: ${stderr}`)));
      }),
  };
}
