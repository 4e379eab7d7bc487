import { createHash } from 'node:crypto';

/** Hex sha256 of bytes or of a string's UTF-8 encoding. */
export function sha256(content: string | Uint8Array): string {
  return createHash('sha256').update(content).digest('hex');
}
