// Mounting the UI on a real terminal and taking it down cleanly: alternate screen, bracketed
// paste, Ctrl-C, SIGTERM/SIGHUP and uncaught errors all end in the same place, which lets the
// open review save what it can, unmounts Ink (restoring raw mode and the cursor), releases
// score-file locks, and turns bracketed paste and the alternate screen off again. Also
// the two measurement hooks for the benchmark (TOC_REVIEW_EXIT_AFTER_FIRST_FRAME,
// TOC_REVIEW_TRACE_KEYS).
import { appendFileSync } from 'node:fs';
import { EventEmitter } from 'node:events';
import { performance } from 'node:perf_hooks';
import { render } from 'ink';
import { sanitizeLine } from '../core/sanitize.js';
import { App, type AppStart } from './app.js';
import { BRACKETED_PASTE_OFF, BRACKETED_PASTE_ON } from './input-decoder.js';
import { shutdownSlot } from './shutdown-slot.js';
import type { StoreHost } from './store-host.js';

export interface RunOptions {
  host: StoreHost;
  start: AppStart;
  color: boolean;
  env: NodeJS.ProcessEnv;
  stdout: NodeJS.WriteStream;
  stdin: NodeJS.ReadStream;
  stderr: NodeJS.WriteStream;
}

const ALT_SCREEN_ON = '\u001B[?1049h\u001B[H';
const ALT_SCREEN_OFF = '\u001B[?1049l';
const SHOW_CURSOR = '\u001B[?25h';

/** A stdin that never sends keys, for timing the first frame without a terminal on stdin. */
function silentStdin(): NodeJS.ReadStream {
  const stream = new EventEmitter() as unknown as NodeJS.ReadStream & Record<string, unknown>;
  Object.assign(stream, {
    isTTY: true,
    setRawMode: () => stream,
    setEncoding: () => stream,
    read: () => null,
    resume: () => stream,
    pause: () => stream,
    ref: () => stream,
    unref: () => stream,
  });
  return stream;
}

export async function runReviewUi(options: RunOptions): Promise<number> {
  const { host, env, stdout } = options;
  const exitAfterFirstFrame = env.TOC_REVIEW_EXIT_AFTER_FIRST_FRAME === '1';
  const tracePath = env.TOC_REVIEW_TRACE_KEYS || null;
  const stdin = exitAfterFirstFrame && !options.stdin.isTTY ? silentStdin() : options.stdin;
  const useAltScreen = stdout.isTTY === true && !exitAfterFirstFrame;

  let finish!: (result: { code: number; message?: string }) => void;
  const finished = new Promise<{ code: number; message?: string }>((resolve) => {
    finish = resolve;
  });
  let done = false;
  const end = (code: number, message?: string) => {
    if (done) return;
    done = true;
    finish({ code, message });
  };

  let hungUp = false;
  const onError = (error: unknown) => {
    // EIO on the terminal means it went away (closed window, killed tmux): a hangup, not a bug.
    if ((error as NodeJS.ErrnoException | null)?.code === 'EIO') {
      hungUp = true;
      return end(129);
    }
    end(1, `internal error: ${sanitizeLine(error instanceof Error ? error.message : String(error))}`);
  };
  const onSigterm = () => end(143);
  const onSighup = () => {
    hungUp = true;
    end(129);
  };
  const onSigint = () => end(130);
  process.on('uncaughtException', onError);
  process.on('unhandledRejection', onError);
  process.on('SIGTERM', onSigterm);
  process.on('SIGHUP', onSighup);
  process.on('SIGINT', onSigint);

  // Key timing: the time from a keypress reaching the app to the end of the next frame, and the
  // part of it Ink spent turning the laid-out frame into text (its output stage).
  let keyAt: { key: string; at: number } | null = null;
  const onKey = tracePath ? (input: string) => (keyAt = { key: input, at: performance.now() }) : undefined;
  const onRender = tracePath
    ? ({ renderTime }: { renderTime: number }) => {
        if (!keyAt) return;
        const ms = performance.now() - keyAt.at;
        try {
          appendFileSync(tracePath, `${JSON.stringify(keyAt.key)}\t${ms.toFixed(3)}\t${renderTime.toFixed(3)}\n`);
        } catch {
          // Tracing must never break the UI.
        }
        keyAt = null;
      }
    : undefined;

  // Terminal modes to undo on the way out; also on 'exit', for a path that skips cleanUp.
  let modesOn = false;
  const restoreModes = () => {
    if (!modesOn) return;
    modesOn = false;
    try {
      stdout.write(BRACKETED_PASTE_OFF + ALT_SCREEN_OFF);
    } catch {
      // The terminal is gone.
    }
  };
  process.on('exit', restoreModes);
  // Pasted text comes wrapped in markers, so the app can insert it instead of running it.
  if (useAltScreen) {
    stdout.write(ALT_SCREEN_ON + BRACKETED_PASTE_ON);
    modesOn = true;
  }
  // The open review's last steps (save the note being typed), run before the UI goes away.
  const shutdown = shutdownSlot();
  let instance: ReturnType<typeof render> | null = null;
  // Ink coalesces frames with a throttle whose timer restarts on every call: a key that comes
  // within one window after any other frame (a "saved" status, the previous key) waits a whole
  // window for its own. A short window keeps that wait at 4 ms; bursts are still drawn at most
  // 250 times a second.
  const maxFps = 250;
  try {
    instance = render(
      <App
        host={host}
        start={options.start}
        color={options.color}
        onExit={end}
        shutdown={shutdown}
        onKey={onKey}
        onReady={exitAfterFirstFrame ? () => setImmediate(() => end(0)) : undefined}
      />,
      { stdout, stdin, stderr: options.stderr, exitOnCtrlC: false, patchConsole: false, maxFps, ...(onRender ? { onRender } : {}) },
    );
    instance.waitUntilExit().then(
      () => end(0),
      (error: unknown) => onError(error),
    );
    const result = await finished;
    return await cleanUp(result);
  } catch (error) {
    return cleanUp({ code: 1, message: `internal error: ${sanitizeLine(error instanceof Error ? error.message : String(error))}` });
  }

  async function cleanUp(result: { code: number; message?: string }): Promise<number> {
    // Exits that did not come through the app (SIGTERM, a crash) still keep the open note and
    // wait for saves, but never hang on them.
    const finish = shutdown.current;
    shutdown.current = null;
    if (finish && !hungUp) {
      const unsaved = await Promise.race([finish().catch(() => null), new Promise<null>((resolve) => setTimeout(() => resolve(null), 3000).unref())]);
      if (unsaved) result = { code: result.code === 0 ? 1 : result.code, message: [result.message, unsaved].filter(Boolean).join('; ') };
    }
    try {
      instance?.unmount();
    } catch {
      // Already unmounted.
    }
    await host.closeAll();
    restoreModes();
    process.off('exit', restoreModes);
    if (stdout.isTTY) stdout.write(SHOW_CURSOR);
    process.off('uncaughtException', onError);
    process.off('unhandledRejection', onError);
    process.off('SIGTERM', onSigterm);
    process.off('SIGHUP', onSighup);
    process.off('SIGINT', onSigint);
    if (result.message) options.stderr.write(`toc-review: ${result.message}\n`);
    // The terminal is gone: Node 20 aborts with an assertion when it tries to restore the
    // terminal modes of a hung-up tty at exit. Locks are released and saves flushed by now, so
    // end without that step.
    if (hungUp) process.kill(process.pid, 'SIGKILL');
    return result.code;
  }
}
