// The floor for keypress-to-frame latency: a bare Ink app (one line that changes on every key)
// traced exactly like the review screen, so the table can say how much the app adds over Ink.
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

render(h(Floor), {
  exitOnCtrlC: false,
  patchConsole: false,
  maxFps: 60,
  onRender: () => {
    if (!keyAt || !tracePath) return;
    appendFileSync(tracePath, `${JSON.stringify(keyAt.key)}\t${(performance.now() - keyAt.at).toFixed(3)}\n`);
    keyAt = null;
  },
});
