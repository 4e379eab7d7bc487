// Working through many documents: collect them from the arguments (folders recursively), read
// each, hand it to the command, and report a document that fails on stderr (one line naming it)
// without stopping the rest. The caller exits 1 when any failed.
import { resolve } from 'node:path';
import { UserError } from '../../core/errors.js';
import { sanitizeLine } from '../../core/sanitize.js';
import { collectDocuments, type BatchInput } from '../../store/batch/collect-documents.js';
import type { DocumentOrigin } from '../../core/sources/document-origin.js';
import type { DocumentFile } from '../../store/document-file.js';
import type { CommandContext } from '../context.js';
import { readDocumentArg, type ReadValues } from '../document-input.js';
import { issueRefOf } from '../issue-argument.js';
import type { Job, JobOutcome, JobOutput, WorkerSetup } from './parallel.js';
import { createProgress, type Progress } from './progress.js';
import { readLocalDocument } from './read-local.js';

/** Documents being read ahead at a time: with the 20 MB document limit, at most 160 MB held at once, and a few hundred KB for real documents. */
const READ_AHEAD = 8;

export interface BatchDocument {
  input: BatchInput;
  file: DocumentFile;
  /** Where a fetched document (issue, pull request, URL) came from; undefined for a file. */
  origin: DocumentOrigin | undefined;
}

export interface BatchOptions<T> {
  /** Show the progress bar (on a terminal only); false for --json. */
  progress: boolean;
  /** How issues, URLs and `-` among the documents are read: the command's options and name. */
  read?: { values: ReadValues; command: string };
  /** One document's output. */
  produce(doc: BatchDocument): Promise<T>;
  /** Each output, in document order, in this thread (printing it, keeping a row). */
  consume(input: BatchInput, output: T): void;
  /**
   * `produce` as a task a worker thread can run (./document-output.ts's taskOutput with this
   * criteria set must give what `produce` gives), or null when the work must stay in this
   * thread (link checks share one checker and its cache).
   */
  parallel: WorkerSetup | null;
}

export interface BatchOutcome {
  total: number;
  failed: number;
}

type Read = { file: DocumentFile; origin: DocumentOrigin | undefined };

/**
 * One document read the way every command reads it; errors name it as it is shown. A file found
 * in a folder is read directly; anything else (an issue, a URL, `-`) through the one-document
 * reader, so its kept copy, --refresh and errors are the same as for a single document.
 */
async function readInput(input: BatchInput, context: CommandContext, read: BatchOptions<unknown>['read']): Promise<Read> {
  if (input.source) {
    return readDocumentArg(input.spec, await issueRefOf(input.spec, context), read?.values ?? {}, context, read?.command);
  }
  const file = await readLocalDocument(resolve(context.cwd, input.spec), input.shown);
  return { file, origin: undefined };
}

type Prefetched = (Read | { error: unknown }) & { said: string[] };

/**
 * Start reading now; a failure is held for when the document's turn comes (never unhandled).
 * What the reader says on stderr (--refresh's report) is held too, so that it comes out in the
 * batch's order, above the bar, however the reads ahead finish.
 */
function prefetch(input: BatchInput, context: CommandContext, read: BatchOptions<unknown>['read']): Promise<Prefetched> {
  const said: string[] = [];
  const holding: CommandContext = { ...context, stderr: { isTTY: context.stderr.isTTY, write: (text: string) => said.push(text.replace(/\n$/, '')) } };
  return readInput(input, holding, read).then(
    (done) => ({ ...done, said }),
    (error: unknown) => ({ error, said }),
  );
}

function messageOf(input: BatchInput, error: unknown): string {
  if (error instanceof UserError) return `toc-review: ${sanitizeLine(error.message)}`;
  const reason = error instanceof Error ? error.message : String(error);
  return `toc-review: ${sanitizeLine(input.shown)}: internal error: ${sanitizeLine(reason)}`;
}

export async function runBatch<T>(args: readonly string[], context: CommandContext, options: BatchOptions<T>): Promise<BatchOutcome> {
  const { inputs, problems } = await collectDocuments(args, context.cwd);
  const progress = createProgress(context.stderr, inputs.length, { enabled: options.progress });
  let failed = problems.length;
  for (const problem of problems) progress.line(`toc-review: ${sanitizeLine(problem.shown)}: ${problem.message}`);
  const take = (input: BatchInput, outcome: { output: T } | { error: unknown }) => {
    try {
      if ('error' in outcome) throw outcome.error;
      options.consume(input, outcome.output);
    } catch (error) {
      failed++;
      progress.line(messageOf(input, error));
    }
    progress.tick(sanitizeLine(input.shown));
  };
  const setup = inputs.every((input) => !input.source) ? options.parallel : null;
  const workers = setup ? await parallelPlan(inputs.length, context) : null;
  if (setup && workers) await inWorkers(inputs, context, options, setup, workers, take);
  else await inThisThread(inputs, context, options, progress, take);
  progress.done();
  if (inputs.length === 0 && problems.length === 0) {
    throw new UserError(`no documents found (looked for .md, .markdown and .adoc files in ${args.map((a) => sanitizeLine(a)).join(', ')})`);
  }
  return { total: inputs.length + problems.length, failed };
}

type Take<T> = (input: BatchInput, outcome: { output: T } | { error: unknown }) => void;

async function inThisThread<T>(inputs: BatchInput[], context: CommandContext, options: BatchOptions<T>, progress: Progress, take: Take<T>): Promise<void> {
  // Files are read ahead while earlier ones are worked on. One ahead was not enough: each read
  // is a stat, an open, reads and a close on libuv's pool, and on a busy machine the main
  // thread sat idle waiting for them (13% of a 257-document run). A window keeps it fed.
  const ahead: Array<ReturnType<typeof prefetch>> = [];
  let queued = 0;
  const fill = () => {
    while (queued < inputs.length && ahead.length < READ_AHEAD) ahead.push(prefetch(inputs[queued++]!, context, options.read));
  };
  fill();
  for (const input of inputs) {
    const read = await ahead.shift()!;
    fill();
    for (const text of read.said) progress.line(text);
    if ('error' in read) {
      take(input, read);
      continue;
    }
    let outcome: { output: T } | { error: unknown };
    try {
      outcome = { output: await options.produce({ input, file: read.file, origin: read.origin }) };
    } catch (error) {
      outcome = { error };
    }
    take(input, outcome);
  }
}

/** Workers for this batch (their count and script), or null to stay in this thread. */
async function parallelPlan(documents: number, context: CommandContext): Promise<{ count: number; entry: URL } | null> {
  const { workerCount, workerEntry } = await import('./parallel.js');
  const count = workerCount(documents, context.env);
  const entry = count > 0 ? workerEntry() : null;
  return entry ? { count, entry } : null;
}

/** The documents on worker threads; outcomes are taken in document order as they complete. */
async function inWorkers<T>(inputs: BatchInput[], context: CommandContext, options: BatchOptions<T>, setup: WorkerSetup, plan: { count: number; entry: URL }, take: Take<T>): Promise<void> {
  const [{ runInWorkers, jobFailure, failureError }, { setFlagsFromString }] = await Promise.all([import('./parallel.js'), import('node:v8')]);
  // V8's optimising compiler off, for the whole process (flags are process-wide; the batch ends
  // with it). Measured on the 2-core machine over the 257 pool documents: its background
  // compiles take the core a second worker needs (two processes with it: 3.0 s, slower than one
  // at 2.5 s; without it: 1.7 s), and one thread ran as fast without it: a batch is too short
  // for optimised code to pay back its compiling.
  setFlagsFromString('--no-opt');
  const jobs: Job[] = inputs.map((input, index) => ({ index, path: resolve(context.cwd, input.spec), shown: input.shown }));
  const arrived = new Map<number, JobOutcome>();
  let next = 0;
  await runInWorkers({
    jobs,
    setup,
    ...plan,
    onOutcome(outcome) {
      arrived.set(outcome.index, outcome);
      for (let ready = arrived.get(next); ready !== undefined; ready = arrived.get(next)) {
        arrived.delete(next);
        take(inputs[next]!, 'error' in ready ? { error: failureError(ready.error) } : { output: ready.output as T });
        next++;
      }
    },
    async local(job) {
      const input = inputs[job.index]!;
      try {
        const file = await readLocalDocument(job.path, job.shown);
        // T is the task's output type (string or row), which is what a worker posts too.
        return { index: job.index, output: (await options.produce({ input, file, origin: undefined })) as JobOutput };
      } catch (error) {
        return { index: job.index, error: jobFailure(error) };
      }
    },
  });
}
