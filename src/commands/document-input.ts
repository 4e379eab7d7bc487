// One document named on the command line, read the way every document command reads it: a file
// (relative to the working directory), `-` for standard input, or an http(s) address. Errors
// name the document as the user gave it, not the resolved path.
import { UsageError } from '../core/errors.js';
import { sanitizeLine } from '../core/sanitize.js';
import { isHttpUrl } from '../core/sources/url-source.js';
import { maxDocumentBytesFromEnv, readDocumentFile, type DocumentFile } from '../store/document-file.js';
import { readStdinDocument, STDIN_ARG } from '../store/sources/stdin-document.js';
import { readUrlDocument } from '../store/sources/url-document.js';
import type { CommandContext } from './context.js';

/** --timeout SEC: seconds to wait for a document given as a URL (default 20). */
export function timeoutSeconds(command: string, value: string | undefined): number {
  if (value === undefined) return 20;
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds <= 0) throw new UsageError(`${command}: --timeout wants a positive number of seconds, not "${sanitizeLine(value)}"`);
  return seconds;
}

/** `timeout` is --timeout as given: checked only when the document is a URL. */
export async function readDocumentInput(path: string, context: CommandContext, options: { command: string; timeout: string | undefined }): Promise<DocumentFile> {
  const { resolve } = await import('node:path');
  const maxBytes = maxDocumentBytesFromEnv(context.env);
  const reading =
    path === STDIN_ARG
      ? readStdinDocument(context.stdin ?? process.stdin, { allowEmpty: true, maxBytes })
      : isHttpUrl(path)
        ? readUrlDocument(path, { allowEmpty: true, maxBytes, timeoutMs: timeoutSeconds(options.command, options.timeout) * 1000 })
        : readDocumentFile(resolve(context.cwd, path), { allowEmpty: true });
  return reading.catch((error: unknown) => {
    if (error instanceof Error) error.message = error.message.replace(sanitizeLine(resolve(context.cwd, path)), sanitizeLine(path));
    throw error;
  });
}
