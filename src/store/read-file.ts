// Reading a user-named file with the refusals every command shares: missing, a directory, not a
// regular file (a FIFO or /dev/zero would block or read forever), unreadable, too large. Each
// becomes a one-line UserError naming the file as the user gave it.
import { readFile, stat } from 'node:fs/promises';
import { UserError } from '../core/errors.js';
import { sanitizeLine } from '../core/sanitize.js';

export interface ReadRegularFileOptions {
  /** What the file should be, for "is a directory, not a <kind>". */
  kind: string;
  /** The name shown in errors (default: the path). */
  shown?: string;
  maxBytes?: number;
  /** The message for a file over maxBytes (default: its size in bytes). */
  tooLarge?: (size: number, maxBytes: number) => string;
}

export function describeReadError(shown: string, error: unknown, kind: string): UserError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const name = sanitizeLine(shown);
  if (code === 'ENOENT') return new UserError(`${name}: no such file`);
  if (code === 'EACCES' || code === 'EPERM') return new UserError(`${name}: permission denied`);
  if (code === 'EISDIR') return new UserError(`${name}: is a directory, not a ${kind}`);
  if (code === 'ENOTDIR') return new UserError(`${name}: no such file (a part of the path is not a folder)`);
  return new UserError(`${name}: cannot read (${code ?? sanitizeLine(String(error))})`);
}

export async function readRegularFile(path: string, options: ReadRegularFileOptions): Promise<Buffer> {
  const shown = options.shown ?? path;
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw Object.assign(new Error('directory'), { code: 'EISDIR' });
    if (!info.isFile()) throw new UserError(`${sanitizeLine(shown)}: not a regular file`);
    if (options.maxBytes !== undefined && info.size > options.maxBytes) {
      const reason = options.tooLarge?.(info.size, options.maxBytes) ?? `${info.size} bytes is too large for a ${options.kind}`;
      throw new UserError(`${sanitizeLine(shown)}: ${reason}`);
    }
    return await readFile(path);
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw describeReadError(shown, error, options.kind);
  }
}

/** Bytes as UTF-8 text, refusing binary (a NUL byte) and invalid UTF-8; a BOM is dropped. */
export function decodeUtf8Text(shown: string, bytes: Uint8Array, kind: string): string {
  if (bytes.includes(0)) throw new UserError(`${sanitizeLine(shown)}: binary file (NUL byte found), not a ${kind}`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UserError(`${sanitizeLine(shown)}: not valid UTF-8 text`);
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
