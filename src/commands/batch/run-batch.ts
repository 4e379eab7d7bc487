// Working through many documents: collect them from the arguments (folders recursively), read
// each, hand it to the command, and report a document that fails on stderr (one line naming it)
// without stopping the rest. The caller exits 1 when any failed.
import { resolve } from 'node:path';
import { UserError } from '../../core/errors.js';
import { sanitizeLine } from '../../core/sanitize.js';
import { collectDocuments, type BatchInput } from '../../store/batch/collect-documents.js';
import type { DocumentOrigin } from '../../core/sources/document-origin.js';
import { readDocumentFile, type DocumentFile } from '../../store/document-file.js';
import type { CommandContext } from '../context.js';
import { readDocumentArg, type ReadValues } from '../document-input.js';
import { issueRefOf } from '../issue-argument.js';
import { createProgress } from './progress.js';

/** Documents being read ahead at a time: with the 20 MB document limit, at most 160 MB held at once, and a few hundred KB for real documents. */
const READ_AHEAD = 8;

export interface BatchDocument {
  input: BatchInput;
  file: DocumentFile;
  /** Where a fetched document (issue, pull request, URL) came from; undefined for a file. */
  origin: DocumentOrigin | undefined;
}

export interface BatchOptions {
  /** Show the progress bar (on a terminal only); false for --json. */
  progress: boolean;
  /** How issues, URLs and `-` among the documents are read: the command's options and name. */
  read?: { values: ReadValues; command: string };
  handle(doc: BatchDocument): void | Promise<void>;
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
async function readInput(input: BatchInput, context: CommandContext, read: BatchOptions['read']): Promise<Read> {
  if (input.source) {
    return readDocumentArg(input.spec, await issueRefOf(input.spec, context), read?.values ?? {}, context, read?.command);
  }
  const absolute = resolve(context.cwd, input.spec);
  return readDocumentFile(absolute, { allowEmpty: true }).then(
    (file) => ({ file, origin: undefined }),
    (error: unknown) => {
      if (error instanceof Error) error.message = error.message.replace(sanitizeLine(absolute), sanitizeLine(input.shown));
      throw error;
    },
  );
}

type Prefetched = (Read | { error: unknown }) & { said: string[] };

/**
 * Start reading now; a failure is held for when the document's turn comes (never unhandled).
 * What the reader says on stderr (--refresh's report) is held too, so that it comes out in the
 * batch's order, above the bar, however the reads ahead finish.
 */
function prefetch(input: BatchInput, context: CommandContext, read: BatchOptions['read']): Promise<Prefetched> {
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
    while (queued < inputs.length && ahead.length < READ_AHEAD) ahead.push(prefetch(inputs[queued++]!, context, options.read));
  };
  fill();
  for (let k = 0; k < inputs.length; k++) {
    const input = inputs[k]!;
    const read = await ahead.shift()!;
    fill();
    for (const text of read.said) progress.line(text);
    try {
      if ('error' in read) throw read.error;
      await options.handle({ input, file: read.file, origin: read.origin });
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
