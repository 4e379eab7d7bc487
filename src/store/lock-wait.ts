// How long a one-shot writer (`score`) waits for a score file's lock: --wait SECONDS, else env
// TOC_REVIEW_LOCK_WAIT (seconds), else 10 s. 0 answers at once, as before waiting existed.
import { UsageError } from '../core/errors.js';
import { quoted } from '../core/sanitize.js';

export const DEFAULT_LOCK_WAIT_MS = 10_000;
/** An hour: long enough for any script, short enough that a typo (1e9) cannot hang one forever. */
const MAX_LOCK_WAIT_S = 3600;

function parseSeconds(raw: string, where: string): number {
  const value = raw.trim();
  if (!/^\d+(?:\.\d+)?$/.test(value) || Number(value) > MAX_LOCK_WAIT_S) {
    throw new UsageError(`${where}: expected seconds from 0 to ${MAX_LOCK_WAIT_S}, got ${quoted(raw)}`);
  }
  return Math.round(Number(value) * 1000);
}

export function lockWaitMs(flag: string | undefined, env: NodeJS.ProcessEnv): number {
  if (flag !== undefined) return parseSeconds(flag, '--wait');
  const fromEnv = env.TOC_REVIEW_LOCK_WAIT;
  if (fromEnv !== undefined && fromEnv !== '') return parseSeconds(fromEnv, 'TOC_REVIEW_LOCK_WAIT');
  return DEFAULT_LOCK_WAIT_MS;
}
