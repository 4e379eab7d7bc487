// A document of a batch that is a local file, read as every command reads one. Errors name it as
// the batch shows it (the argument as given, or argument/relative/path), not by its absolute
// path. Used by the batch loop and by its workers alike.
import { sanitizeLine } from '../../core/sanitize.js';
import { readDocumentFile, type DocumentFile } from '../../store/document-file.js';

export function readLocalDocument(absolute: string, shown: string): Promise<DocumentFile> {
  return readDocumentFile(absolute, { allowEmpty: true }).catch((error: unknown) => {
    if (error instanceof Error) error.message = error.message.replace(sanitizeLine(absolute), sanitizeLine(shown));
    throw error;
  });
}
