// A batch worker thread (started by ./parallel.ts; built as dist/batch-worker.js): reads the
// local documents it is sent, works out each one's output with the task it was started with,
// and posts the outputs back by index. A document that fails is posted as its error, so the
// batch reports it on stderr and goes on, as it does without workers.
import { parentPort, workerData } from 'node:worker_threads';
import type { DocumentFile } from '../../store/document-file.js';
import { taskOutput } from './document-output.js';
import { jobFailure, type Job, type JobOutcome, type WorkerSetup } from './parallel.js';
import { readLocalDocument } from './read-local.js';

const { task, set } = workerData as WorkerSetup;
const port = parentPort!;

// Reads start as jobs arrive (the parent keeps a few in flight), so the next document is read
// while this one is worked on; each read's failure is held until its turn.
const queue: Array<{ job: Job; read: Promise<{ file: DocumentFile } | { error: unknown }> }> = [];
let working = false;

async function work(): Promise<void> {
  if (working) return;
  working = true;
  while (queue.length > 0) {
    const { job, read } = queue.shift()!;
    let outcome: JobOutcome;
    try {
      const got = await read;
      if ('error' in got) throw got.error;
      outcome = { index: job.index, output: await taskOutput(task, set, { input: { shown: job.shown, spec: job.path }, file: got.file, origin: undefined }) };
    } catch (error) {
      outcome = { index: job.index, error: jobFailure(error) };
    }
    port.postMessage(outcome);
  }
  working = false;
}

port.on('message', (job: Job) => {
  const read = readLocalDocument(job.path, job.shown).then(
    (file) => ({ file }),
    (error: unknown) => ({ error }),
  );
  queue.push({ job, read });
  void work();
});
