// The floors for the review screen: a bare Ink app (one line that changes on every key), traced
// exactly like the review screen, so the table can say how much the app adds over Ink itself,
// both for keypress-to-frame latency and (bundled like the CLI) for the first frame.
import { EventEmitter } from 'node:events';
import { appendFileSync } from 'node:fs';
import { createElement as h, useState } from 'react';
import { render, Text, useApp, useInput } from 'ink';

const tracePath = process.env.TOC_REVIEW_TRACE_KEYS;
let keyAt = null;

function Floor() {
  const [count, setCount] = useState(0);
  const { exit } = useApp();
  useInput((input, key) => {
    keyAt = { key: input, at: performance.now() };
    if (input === 'q' || (key.ctrl && input === 'c')) exit();
    else setCount((n) => n + 1);
  });
  return h(Text, null, `keys: ${count}`);
}

/** A stdin that never sends keys (as src/tui/run.tsx uses for timing the first frame). */
function silentStdin() {
  const stream = new EventEmitter();
  const self = () => stream;
  return Object.assign(stream, { isTTY: true, setRawMode: self, setEncoding: self, read: () => null, resume: self, pause: self, ref: self, unref: self });
}

// Like the review screen's TOC_REVIEW_EXIT_AFTER_FIRST_FRAME: exit once the first frame is out.
const firstFrameOnly = process.env.TOC_REVIEW_EXIT_AFTER_FIRST_FRAME === '1';

const app = render(h(Floor), {
  exitOnCtrlC: false,
  patchConsole: false,
  // The review screen's frame rate cap (src/tui/run.tsx).
  maxFps: 250,
  ...(firstFrameOnly && !process.stdin.isTTY ? { stdin: silentStdin() } : {}),
  onRender: () => {
    if (firstFrameOnly) setImmediate(() => app.unmount());
    if (!keyAt || !tracePath) return;
    appendFileSync(tracePath, `${JSON.stringify(keyAt.key)}\t${(performance.now() - keyAt.at).toFixed(3)}\n`);
    keyAt = null;
  },
});
