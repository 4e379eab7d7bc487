// Keys from the terminal itself (/dev/tty) when standard input carries the document instead
// (`cat doc.md | toc-review -`), as pagers and fuzzy finders do.
import { openSync } from 'node:fs';
import { ReadStream } from 'node:tty';
import { UserError } from '../core/errors.js';

export function terminalKeys(): NodeJS.ReadStream {
  let fd: number;
  try {
    fd = openSync('/dev/tty', 'r');
  } catch {
    throw new UserError('review: -: the document came on standard input and there is no terminal (/dev/tty) to read keys from');
  }
  return new ReadStream(fd) as NodeJS.ReadStream;
}
