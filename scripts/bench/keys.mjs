// Keypress-to-frame latency of the review screen, measured in the real binary on a real
// pseudo-terminal (util-linux `script`). The app's own TOC_REVIEW_TRACE_KEYS hook appends
// "key<TAB>ms" for the time from a key reaching the app to the end of the frame it caused.
// Keys are sent closed-loop: the next key goes only after the previous one's frame was traced
// (or 400 ms passed without a frame), so a slow frame can never hide behind a queued key.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export function haveScript() {
  return spawnSync('script', ['--version'], { stdio: 'ignore' }).status === 0;
}

function traceLines(file) {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.includes('\t'))
    .map((line) => {
      const [key, ms] = line.split('\t');
      return { key: JSON.parse(key), ms: Number(ms) };
    });
}

/** The actions measured: a setup key (not measured) and the keys that are. */
export const ACTIONS = [
  { name: 'next criterion', setup: [], keys: 'jjjkkk'.repeat(7).split('') },
  { name: 'next evidence', setup: [], keys: ']]][[['.repeat(7).split('') },
  // Tab moves focus to the evidence pane, where j/k scroll the passage.
  { name: 'scroll', setup: ['\t'], keys: 'jjjjjjkkkkkk'.repeat(4).split('') },
];

/**
 * On a 50-item grouped set: the list keys a reviewer uses on a template (u: next unscored,
 * U: next unscored Required, f: Required only, on and off), after j/k.
 */
export const TEMPLATE_ACTIONS = [
  { name: 'next criterion', setup: [], keys: 'jjjkkk'.repeat(7).split('') },
  { name: 'next unscored (u, U)', setup: [], keys: 'uuuUUU'.repeat(5).split('') },
  { name: 'Required only (f)', setup: [], keys: 'ff'.repeat(10).split('') },
];

/**
 * Open `docPath` in the review screen on a pty (100x30 unless `size` says otherwise) and measure
 * each action. Returns { [action]: number[] } of latencies in ms.
 */
export async function measureKeys({ binArgs, env, traceFile, readyTimeoutMs = 60_000, actions = ACTIONS, size = { cols: 100, rows: 30 } }) {
  const quote = (s) => `'${s.replace(/'/g, `'\\''`)}'`;
  const command = `stty cols ${size.cols} rows ${size.rows} 2>/dev/null; exec ${[process.execPath, ...binArgs].map(quote).join(' ')}`;
  const child = spawn('script', ['-qfec', command, '/dev/null'], {
    env: { ...env, TOC_REVIEW_TRACE_KEYS: traceFile },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let exited = false;
  child.on('exit', () => (exited = true));
  child.stdout.resume();
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const send = (key) => child.stdin.write(key);

  try {
    // Ready when a key produces a traced frame: nudge j/k until one does.
    const deadline = Date.now() + readyTimeoutMs;
    let nudge = 0;
    while (traceLines(traceFile).length === 0) {
      if (exited) throw new Error(`review exited early: ${stderr.slice(0, 500)}`);
      if (Date.now() > deadline) throw new Error('review screen did not answer keys in time');
      send(nudge++ % 2 === 0 ? 'j' : 'k');
      await sleep(250);
    }
    // Back to the first criterion (k there changes nothing), so every key of 'jjjkkk' moves,
    // then let lazy work started by the first frames settle, as it would before a person's first
    // key: the idle layout of the other criteria, and the quiet write of the selection (the
    // frame saying it was saved must not be taken for the frame of a key).
    for (let i = 0; i < 4; i++) {
      send('k');
      await sleep(150);
    }
    await sleep(1000);

    const results = {};
    for (const action of actions) {
      for (const key of action.setup) {
        send(key);
        await sleep(300);
      }
      const samples = [];
      for (const key of action.keys) {
        const before = traceLines(traceFile).length;
        send(key);
        const until = Date.now() + 400;
        while (Date.now() < until && traceLines(traceFile).length === before) await sleep(2);
        const lines = traceLines(traceFile);
        if (lines.length > before) samples.push(lines[lines.length - 1].ms);
        await sleep(15);
      }
      results[action.name] = samples;
      // Let the quiet write of the selection land before the next action's keys.
      await sleep(1000);
    }
    return results;
  } finally {
    // Back out (q leaves the review, q again quits the list), then make sure it is gone.
    for (const key of ['q', 'q', '\u0003']) {
      if (exited) break;
      send(key);
      await sleep(300);
    }
    if (!exited) child.kill('SIGKILL');
  }
}
