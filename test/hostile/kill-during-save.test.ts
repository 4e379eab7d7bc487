// The full CLI killed with SIGKILL while saving, 200 times: the score file is always either the
// old or the new version (never torn, never invalid), the lock a killed run leaves behind is
// taken over by the next run, and temporary files do not pile up.
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, readFileSync, watch } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScoreFile } from '../../src/core/scores/score-file.js';
import { BIN, isPlaceholder, REPO, runBin, tempDir, testEnv } from './helpers.js';

const KILLS = 200;
const LANES = 2; // independent reviewers' files, run side by side to keep the test short
const NOTE_BYTES = 60_000; // a big file makes the write window wide enough to hit

interface Outcome {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
  ms: number;
}

interface Kill {
  /** Kill this long after the start, or null for never. */
  afterMs: number | null;
  /** Also kill the moment a file whose name passes this test appears in `watchDir`. */
  onFile?: { dir: string; match: (name: string) => boolean };
}

function runScore(args: string[], cwd: string, env: NodeJS.ProcessEnv, kill: Kill): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn(process.execPath, [BIN, 'score', ...args], { cwd, env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = kill.afterMs === null ? null : setTimeout(() => child.kill('SIGKILL'), kill.afterMs);
    const watcher = kill.onFile
      ? watch(kill.onFile.dir, (_event, name) => {
          if (name && kill.onFile!.match(name)) child.kill('SIGKILL');
        })
      : null;
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      watcher?.close();
      resolve({ code, signal, stderr, ms: Date.now() - started });
    });
  });
}

const note = (run: number) => `run-${run}:${'x'.repeat(NOTE_BYTES)}`;
const runOf = (text: string) => Number(/^run-(\d+):/.exec(text)?.[1] ?? NaN);

async function lane(workspace: string, env: NodeJS.ProcessEnv, reviewer: string, kills: number, random: () => number) {
  const handle = reviewer.toLowerCase().replace(/\s+/g, '-');
  const file = join(workspace, 'scores', 'doc', `${handle}.score.json`);
  const args = (run: number) => ['doc.md', '--reviewer', reviewer, '--set', `commit-flow=${run % 4}`, '--note', `commit-flow=${note(run)}`];

  // Calibrate: how long a full run takes here, so kills spread over the whole run. Load on the
  // machine changes, so the estimate follows the runs that finish (a moving average).
  let typical = 0;
  for (const run of [0, 1, 2]) {
    const outcome = await runScore(args(run), workspace, env, { afterMs: null });
    expect(outcome.code, outcome.stderr).toBe(0);
    typical = run === 0 ? outcome.ms : (typical + outcome.ms) / 2;
  }

  let committed = 2; // the last run known to have finished its save
  const tally = { killed: 0, killedMidWrite: 0, killedAfterSave: 0, finished: 0 };
  const dir = join(workspace, 'scores', 'doc');
  const tempOfOurs = (name: string) => name.startsWith(`.${handle}.score.json.`) && name.endsWith('.tmp') && !name.includes('.lock');
  for (let run = 3; run < 3 + kills; run++) {
    // A third of the kills at a random moment of the run, a third the instant the save's
    // temporary file appears (mid-write), a third late in the run (around the rename).
    const mode = run % 3;
    const at = mode === 0 ? random() * 1.1 : 0.7 + random() * 0.35;
    const kill: Kill = mode === 1 ? { afterMs: Math.floor(typical * 2), onFile: { dir, match: tempOfOurs } } : { afterMs: Math.floor(at * typical) };
    const outcome = await runScore(args(run), workspace, env, kill);
    if (outcome.signal !== 'SIGKILL') typical = 0.7 * typical + 0.3 * outcome.ms;
    if (outcome.signal === 'SIGKILL' && readdirSync(dir).some(tempOfOurs)) tally.killedMidWrite++;
    const text = readFileSync(file, 'utf8');
    const parsed = parseScoreFile(text, file); // throws if torn or invalid
    const item = parsed.items.find((i) => i.id === 'commit-flow')!;
    const seen = runOf(item.notes);
    expect(item.notes.length, `run ${run}`).toBe(note(seen).length);
    expect(item.score, `run ${run}`).toBe(seen % 4);
    if (outcome.signal === 'SIGKILL') {
      tally.killed++;
      // Old or new, nothing else.
      expect([committed, run], `run ${run} killed: file holds run ${seen}`).toContain(seen);
      if (seen === run) tally.killedAfterSave++;
    } else {
      // A run that was not killed must have taken over any stale lock and saved.
      expect(outcome.code, `run ${run}: ${outcome.stderr}`).toBe(0);
      expect(seen).toBe(run);
      tally.finished++;
    }
    committed = seen;
  }

  // One clean run at the end: it saves, and leaves no lock and no temporary files behind.
  const last = await runScore(args(9999), workspace, env, { afterMs: null });
  expect(last.code, last.stderr).toBe(0);
  expect(runOf(parseScoreFile(readFileSync(file, 'utf8'), file).items.find((i) => i.id === 'commit-flow')!.notes)).toBe(9999);
  return { tally, typical: Math.round(typical), file };
}

describe.skipIf(isPlaceholder('score'))('toc-review score killed with SIGKILL mid-save', () => {
  it(`leaves a valid score file after each of ${KILLS} kills`, { timeout: 240_000 }, async () => {
    runBin(['--version']); // builds dist/ if it is missing
    const workspace = tempDir('toc-hostile-kill-');
    copyFileSync(join(REPO, 'reviews', 'lanternfish-incubation.md'), join(workspace, 'doc.md'));
    const env = testEnv();
    // Deterministic delays (a small LCG), so a failure can be replayed.
    const lcg = (seed: number) => () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const results = await Promise.all(
      Array.from({ length: LANES }, (_, i) => lane(workspace, env, `Kill Lane ${i}`, KILLS / LANES, lcg(1000 + i))),
    );

    const total = results.reduce(
      (sum, r) => ({
        killed: sum.killed + r.tally.killed,
        midWrite: sum.midWrite + r.tally.killedMidWrite,
        afterSave: sum.afterSave + r.tally.killedAfterSave,
        finished: sum.finished + r.tally.finished,
      }),
      { killed: 0, midWrite: 0, afterSave: 0, finished: 0 },
    );
    console.log(`kill-during-save: ${KILLS} runs, ${total.killed} killed (${total.midWrite} mid-write, leaving a temp file; ${total.afterSave} after the rename), ${total.finished} finished; typical run ${results.map((r) => r.typical).join('/')} ms`);
    // The delays span the whole run, so many runs must actually have been killed (a loose
    // bound: it only guards against a test that never kills anything).
    expect(total.killed).toBeGreaterThan(KILLS / 5);
    expect(total.killed + total.finished).toBe(KILLS);

    const left = readdirSync(join(workspace, 'scores', 'doc')).sort();
    expect(left, left.join(', ')).toEqual(results.map((r) => r.file.split('/').at(-1)!).sort());
    expect(existsSync(join(workspace, 'doc.md'))).toBe(true);
  });
});
