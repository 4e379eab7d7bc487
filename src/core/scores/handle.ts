// Reviewer handles: the slug that names a reviewer's score file. Apart from score-file.ts so
// that reading settings does not load the schema library.
import { sha256 } from '../hash.js';

export const HANDLE_PATTERN = /^[a-z0-9][a-z0-9._-]{0,63}$/;

/** A plain slug of a name: "Ada Lovelace" -> "ada-lovelace". Empty when nothing Latin is left. */
export function slugifyHandle(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[^a-z0-9]+/, '')
    .replace(/-+$/, '')
    .slice(0, 64);
}

/** Letters and digits the slug cannot spell (CJK, Cyrillic, "ø"...), after accents are removed. */
function hasUnspelledLetters(name: string): boolean {
  return /[^\P{L}a-zA-Z]|[^\P{N}0-9]/u.test(name.normalize('NFKD').replace(/[\u0300-\u036f]/g, ''));
}

/**
 * The handle for a name, the same everywhere (the first-run prompt, --reviewer, the
 * environment): its slug, with a short stable hash of the whole name appended when letters
 * were dropped, so "山田 太郎" and "佐藤 花子" get different handles ("reviewer-3f9a" when nothing
 * is left) instead of colliding in a shared workspace. Never empty; always matches HANDLE_PATTERN.
 */
export function deriveHandle(name: string): string {
  const clean = name.normalize('NFC').trim();
  const slug = slugifyHandle(clean);
  if (slug !== '' && !hasUnspelledLetters(clean)) return slug;
  const tag = sha256(clean).slice(0, 4);
  const stem = slug === '' ? 'reviewer' : slug.slice(0, 59).replace(/[._-]+$/, '');
  return `${stem}-${tag}`;
}
