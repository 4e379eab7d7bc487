// A one-line progress bar on stderr for commands that work through many documents. Drawn only
// on a terminal and only when the command's output is for a person: with --json or when stderr
// is piped nothing is written, so scripts and logs see no carriage returns.
import type { Output } from '../context.js';

export interface Progress {
  /** One more document done (`name` is shown beside the bar, sanitised by the caller). */
  tick(name: string): void;
  /** Print a whole line (an error) without tearing the bar, then redraw it. */
  line(text: string): void;
  /** Remove the bar. */
  done(): void;
}

/** The bar's text for `done` of `total`, fitted to `columns`. Pure: tested on its own. */
export function progressLine(done: number, total: number, name: string, columns: number): string {
  const count = `${done}/${total}`;
  const barWidth = Math.max(10, Math.min(30, columns - count.length - 20));
  const filled = total === 0 ? barWidth : Math.round((done / total) * barWidth);
  const bar = `[${'#'.repeat(filled)}${'-'.repeat(barWidth - filled)}]`;
  const room = Math.max(0, columns - bar.length - count.length - 3);
  const label = name.length > room ? `${name.slice(0, Math.max(0, room - 1))}…` : name;
  return `${bar} ${count} ${label}`.slice(0, Math.max(1, columns - 1));
}

const SILENT: Progress = { tick() {}, line() {}, done() {} };

export function createProgress(stderr: Output & { columns?: number }, total: number, options: { enabled: boolean; now?: () => number }): Progress {
  if (!options.enabled || !stderr.isTTY || total < 2) {
    return { ...SILENT, line: (text) => void stderr.write(`${text}\n`) };
  }
  const now = options.now ?? Date.now;
  let done = 0;
  let last = -Infinity;
  let shown = false;
  let lastName = '';
  const draw = () => {
    stderr.write(`\r\x1b[K${progressLine(done, total, lastName, stderr.columns ?? 80)}`);
    shown = true;
  };
  const clear = () => {
    if (shown) stderr.write('\r\x1b[K');
    shown = false;
  };
  return {
    tick(name) {
      done++;
      lastName = name;
      // At most ten frames a second: drawing every file of a fast batch costs more than the work.
      if (now() - last >= 100 || done === total) {
        last = now();
        draw();
      }
    },
    line(text) {
      clear();
      stderr.write(`${text}\n`);
      if (done > 0 && done < total) draw();
    },
    done: clear,
  };
}
