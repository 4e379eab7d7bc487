// Reviewer handles: the slug that names a reviewer's score file. Apart from score-file.ts so
// that reading settings does not load the schema library.

export const HANDLE_PATTERN = /^[a-z0-9][a-z0-9._-]{0,63}$/;

/** A reviewer handle from a name: "Ada Lovelace" -> "ada-lovelace". Empty when nothing is left. */
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
