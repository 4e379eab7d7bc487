// A batch of many local documents worked through on worker threads (./batch-worker.ts), one per
// core, up to four: every document's extraction is independent, and on this project's 2-core
// machines 257 pool documents took 2.4 s in one thread. The caller gets each document's outcome
// as it arrives and puts them back in order; a worker that dies leaves its documents to be
// worked out in this thread, so a batch never loses one.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { CriteriaSet } from '../../core/criteria/criteria.js';
import { UserError } from '../../core/errors.js';
import type { TriageRow } from '../../core/triage/triage-row.js';
import type { BatchTask } from './document-output.js';

export interface WorkerSetup {
  task: BatchTask;
  set: CriteriaSet;
}

/** One document for a worker: its place in the batch, its absolute path and the name shown. */
export interface Job {
  index: number;
  path: string;
  shown: string;
}

export interface JobFailure {
  /** A UserError (a one-line message for the user) rather than an internal error. */
  user: boolean;
  message: string;
}

/** An error as it crosses threads (a structured clone keeps no class): kind and message. */
export function jobFailure(error: unknown): JobFailure {
  return { user: error instanceof UserError, message: error instanceof Error ? error.message : String(error) };
}

/** A failure back as the error the batch reports (a UserError prints as it is). */
export function failureError(failure: JobFailure): Error {
  return failure.user ? new UserError(failure.message) : new Error(failure.message);
}

/** What a task makes of one document: extract's text, triage's row. */
export type JobOutput = string | TriageRow;

export type JobOutcome = { index: number; output: JobOutput } | { index: number; error: JobFailure };

/** Below this many documents, starting workers (about 100 ms each) costs more than it saves. */
const MIN_DOCUMENTS = 24;
const MAX_WORKERS = 4;
/** Documents sent ahead to each worker, so it reads the next while working on one. */
const IN_FLIGHT = 4;

/**
 * How many workers a batch of `documents` local files gets: 0 means this thread alone. The
 * TOC_REVIEW_WORKERS variable sets it (0 or 1: none; tests use it to run both paths).
 */
export function workerCount(documents: number, env: NodeJS.ProcessEnv, cores = availableParallelism()): number {
  const forced = env.TOC_REVIEW_WORKERS;
  if (forced !== undefined && /^\d+$/.test(forced.trim())) {
    const n = Number(forced);
    return n >= 2 && documents >= 2 ? Math.min(n, documents) : 0;
  }
  if (cores < 2 || documents < MIN_DOCUMENTS) return 0;
  return Math.min(cores, MAX_WORKERS);
}

/** The worker's script beside this module in the built CLI (dist/); null when running from sources. */
export function workerEntry(): URL | null {
  const entry = new URL('./batch-worker.js', import.meta.url);
  return entry.protocol === 'file:' && existsSync(fileURLToPath(entry)) ? entry : null;
}

export interface ParallelRun {
  jobs: Job[];
  setup: WorkerSetup;
  count: number;
  entry: URL;
  /** Each outcome as it arrives (any order). */
  onOutcome(outcome: JobOutcome): void;
  /** The same work in this thread, for the documents of a worker that died. */
  local(job: Job): Promise<JobOutcome>;
}

export async function runInWorkers(run: ParallelRun): Promise<void> {
  const { jobs, setup, count, entry, onOutcome, local } = run;
  let next = 0;
  let remaining = jobs.length;
  let finished = false;
  const live = new Set<Worker>();
  const orphans: Job[] = [];
  let adopting = false;

  await new Promise<void>((resolve) => {
    const settle = (outcome: JobOutcome) => {
      remaining--;
      onOutcome(outcome);
      if (remaining === 0) resolve();
    };
    // Documents of workers that died, then (when none is left) the rest: one at a time, here.
    const adopt = async () => {
      if (adopting) return;
      adopting = true;
      while (orphans.length > 0) settle(await local(orphans.shift()!));
      adopting = false;
    };
    const start = () => {
      const worker = new Worker(entry, { workerData: setup });
      const inFlight = new Map<number, Job>();
      const feed = () => {
        while (inFlight.size < IN_FLIGHT && next < jobs.length) {
          const job = jobs[next++]!;
          inFlight.set(job.index, job);
          worker.postMessage(job);
        }
      };
      const lost = () => {
        if (finished || !live.delete(worker)) return;
        orphans.push(...inFlight.values());
        inFlight.clear();
        if (live.size === 0) while (next < jobs.length) orphans.push(jobs[next++]!);
        void adopt();
      };
      worker.on('message', (outcome: JobOutcome) => {
        inFlight.delete(outcome.index);
        feed();
        settle(outcome);
      });
      worker.on('error', lost);
      worker.on('exit', lost);
      live.add(worker);
      feed();
    };
    for (let k = 0; k < Math.min(count, jobs.length); k++) start();
    if (jobs.length === 0) resolve();
  });
  finished = true;
  await Promise.all([...live].map((worker) => worker.terminate()));
}
