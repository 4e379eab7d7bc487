// Working through many documents: collect them from the arguments (folders recursively), read
// each, hand it to the command, and report a document that fails on stderr (one line naming it)
// without stopping the rest. The caller exits 1 when any failed.
import { resolve } from 'node:path';
import { UserError } from '../../core/errors.js';
import { sanitizeLine } from '../../core/sanitize.js';
import { collectDocuments, type BatchInput } from '../../store/batch/collect-documents.js';
import { readDocumentFile, type DocumentFile } from '../../store/document-file.js';
import type { CommandContext } from '../context.js';
import { createProgress } from './progress.js';

/** Documents being read ahead at a time: with the 20 MB document limit, at most 160 MB held at once, and a few hundred KB for real documents. */
const READ_AHEAD = 8;

export interface BatchDocument {
  input: BatchInput;
  file: DocumentFile;
}

export interface BatchOptions {
  /** Show the progress bar (on a terminal only); false for --json. */
  progress: boolean;
  handle(doc: BatchDocument): void | Promise<void>;
}

export interface BatchOutcome {
  total: number;
  failed: number;
}

/** One document read the way every command reads it; errors name it as it is shown. */
async function readInput(input: BatchInput, cwd: string): Promise<DocumentFile> {
  const absolute = resolve(cwd, input.spec);
  return readDocumentFile(absolute, { allowEmpty: true }).catch((error: unknown) => {
    if (error instanceof Error) error.message = error.message.replace(sanitizeLine(absolute), sanitizeLine(input.shown));
    throw error;
  });
}

/** Start reading now; a failure is held for when the document's turn comes (never unhandled). */
function prefetch(input: BatchInput, cwd: string): Promise<{ file: DocumentFile } | { error: unknown }> {
  return readInput(input, cwd).then(
    (file) => ({ file }),
    (error: unknown) => ({ error }),
  );
}

function messageOf(input: BatchInput, error: unknown): string {
  if (error instanceof UserError) return `toc-review: ${sanitizeLine(error.message)}`;
  const reason = error instanceof Error ? error.message : String(error);
  return `toc-review: ${sanitizeLine(input.shown)}: internal error: ${sanitizeLine(reason)}`;
}

export async function runBatch(args: readonly string[], context: CommandContext, options: BatchOptions): Promise<BatchOutcome> {
  const { inputs, problems } = await collectDocuments(args, context.cwd);
  const progress = createProgress(context.stderr, inputs.length, { enabled: options.progress });
  let failed = problems.length;
  for (const problem of problems) progress.line(`toc-review: ${sanitizeLine(problem.shown)}: ${problem.message}`);
  // Files are read ahead while earlier ones are worked on. One ahead was not enough: each read
  // is a stat, an open, reads and a close on libuv's pool, and on a busy machine the main
  // thread sat idle waiting for them (13% of a 257-document run). A window keeps it fed.
  const ahead: Array<ReturnType<typeof prefetch>> = [];
  let queued = 0;
  const fill = () => {
    while (queued < inputs.length && ahead.length < READ_AHEAD) ahead.push(prefetch(inputs[queued++]!, context.cwd));
  };
  fill();
  for (let k = 0; k < inputs.length; k++) {
    const input = inputs[k]!;
    const read = await ahead.shift()!;
    fill();
    try {
      if ('error' in read) throw read.error;
      await options.handle({ input, file: read.file });
    } catch (error) {
      failed++;
      progress.line(messageOf(input, error));
    }
    progress.tick(sanitizeLine(input.shown));
  }
  progress.done();
  if (inputs.length === 0 && problems.length === 0) {
    throw new UserError(`no documents found (looked for .md, .markdown and .adoc files in ${args.map((a) => sanitizeLine(a)).join(', ')})`);
  }
  return { total: inputs.length + problems.length, failed };
}
