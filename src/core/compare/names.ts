// Matching keys for the names two versions of a document give the same organisation or person.
// Organisations are written "Acme Corp" one year and "ACME Corporation, Inc." the next; people
// lose an accent or swap the order of their names. The keys make such pairs equal while
// keeping different names apart; fuzzy matching of people is limited to small typos.

/** Legal forms and generic company words, dropped from the end of an organisation's name. */
const ORG_SUFFIXES = new Set([
  'inc', 'incorporated', 'corp', 'corporation', 'co', 'company', 'ltd', 'limited', 'llc', 'llp', 'lp', 'plc',
  'gmbh', 'ag', 'kg', 'se', 'sa', 'sas', 'sarl', 'srl', 'spa', 'bv', 'nv', 'oy', 'ab', 'as', 'kk', 'pte', 'pty',
  'group', 'holdings', 'holding', 'tech', 'technology', 'technologies',
]);

/** Lower-case words of a name, accents and punctuation dropped ("Engel & Völkers" -> engel, volkers). */
export function nameWords(name: string): string[] {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter((word) => word !== '');
}

/**
 * One key per organisation: words without a leading "the" and trailing legal forms, joined
 * without spaces ("MoneyForward" = "Money Forward"). A name made only of such words keeps them.
 */
export function orgKey(name: string): string {
  const words = nameWords(name);
  let start = words[0] === 'the' && words.length > 1 ? 1 : 0;
  let end = words.length;
  while (end - start > 1 && ORG_SUFFIXES.has(words[end - 1]!)) end--;
  if (end <= start) start = 0;
  return words.slice(start, end).join('');
}

/** One key per person's name: its words sorted, so "Kremser, Jiří" = "Jiri Kremser". */
export function personKey(name: string): string {
  return nameWords(name).sort().join(' ');
}

/** A GitHub handle compared without case or a leading "@". */
export function handleKey(handle: string | null): string | null {
  if (handle === null) return null;
  const key = handle.replace(/^@/, '').toLowerCase();
  return key === '' ? null : key;
}

/** Levenshtein distance, stopping early once it exceeds `limit` (names are short). */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(value);
      if (value < best) best = value;
    }
    if (best > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length]!;
}

/** Two people's name keys close enough to be one spelling slip: 1 edit, 2 for long names. */
export function similarPersonKeys(a: string, b: string): boolean {
  const shorter = Math.min(a.length, b.length);
  if (shorter < 8) return false;
  const limit = shorter >= 12 ? 2 : 1;
  return editDistance(a, b, limit) <= limit;
}
