// When a document changes after it was scored, the line numbers in a score file's citations may
// point at the wrong text. Each citation carries the quoted text, so it can be found again:
// whitespace-insensitive, nearest match to the old position wins, re-wrapped lines are followed.
import { setItemCitations, type Citation, type ScoreFile } from './score-file.js';

export type RelocationStatus = 'unchanged' | 'moved' | 'lost' | 'unverified';

export interface CitationRelocation {
  itemId: string;
  before: Citation;
  /** Where the quote is now; equal to `before` when lost or unverifiable. */
  after: Citation;
  /** unchanged: quote still at its lines; moved: found elsewhere; lost: not found; unverified: no quote to look for. */
  status: RelocationStatus;
}

const MAX_SPAN = 400;

function normalize(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The text a quote must start with: whitespace collapsed, a trailing ellipsis (truncation) dropped. */
function quoteKey(quote: string): string {
  return normalize(quote).replace(/\s*(?:…|\.\.\.)$/, '');
}

// Normalised lines, computed once per document version however many citations look in it.
const normalizedCache = new WeakMap<readonly string[], string[]>();

function normalizedLines(lines: readonly string[]): string[] {
  let cached = normalizedCache.get(lines);
  if (!cached) {
    cached = lines.map(normalize);
    normalizedCache.set(lines, cached);
  }
  return cached;
}

/**
 * End line (0-based) of a match of `key` starting at line `start`, or -1. A match starts on a
 * line with text: quotes are trimmed, so a blank line before the text would match too.
 */
function matchAt(norm: readonly string[], start: number, key: string): number {
  if (start >= norm.length || norm[start] === '') return -1;
  let acc = '';
  const limit = Math.min(norm.length, start + MAX_SPAN);
  for (let j = start; j < limit; j++) {
    const line = norm[j]!;
    if (line !== '') acc = acc === '' ? line : `${acc} ${line}`;
    if (acc.length > 0 && acc.startsWith(key)) return j;
    if (!key.startsWith(acc)) return -1;
  }
  return -1;
}

export function relocateCitation(citation: Citation, lines: readonly string[]): { citation: Citation; status: RelocationStatus } {
  const key = quoteKey(citation.quote);
  if (key === '') return { citation, status: 'unverified' };
  const norm = normalizedLines(lines);
  const span = citation.endLine - citation.startLine;
  const oldStart = citation.startLine - 1;
  const truncated = /(?:…|\.\.\.)\s*$/.test(citation.quote);
  const place = (start: number, matchEnd: number): Citation => {
    // A full quote ends where its text ends (lines may have been re-wrapped); a truncated one
    // ("…") matches before the cited range ends, so the range keeps its original length.
    let end = truncated ? Math.min(lines.length - 1, Math.max(matchEnd, start + span)) : matchEnd;
    // The quote is trimmed: blank lines that ended the cited range (as many as the range had
    // beyond the quote's own lines) come along if they are still blank.
    const trailingBlanks = truncated ? 0 : Math.max(0, span + 1 - citation.quote.trim().split('\n').length);
    for (let n = 0; n < trailingBlanks && end + 1 < norm.length && norm[end + 1] === ''; n++) end++;
    return { startLine: start + 1, endLine: end + 1, quote: citation.quote };
  };
  if (oldStart < lines.length) {
    const end = matchAt(norm, oldStart, key);
    if (end >= 0) {
      const at = place(oldStart, end);
      const same = at.startLine === citation.startLine && at.endLine === citation.endLine;
      return { citation: same ? citation : at, status: same ? 'unchanged' : 'moved' };
    }
  }
  let best: Citation | null = null;
  let bestDistance = Infinity;
  for (let i = 0; i < lines.length; i++) {
    const distance = Math.abs(i - oldStart);
    if (distance >= bestDistance) {
      if (i > oldStart) break; // further candidates are only further away
      continue;
    }
    const end = matchAt(norm, i, key);
    if (end >= 0) {
      best = place(i, end);
      bestDistance = distance;
    }
  }
  return best ? { citation: best, status: 'moved' } : { citation, status: 'lost' };
}

/**
 * Re-locate every citation of a score file in the document's new lines. Returns the updated
 * file (lost citations are kept as they were, never dropped: they are the reviewer's work) and a
 * report per citation.
 */
export function relocateCitations(
  file: ScoreFile,
  lines: readonly string[],
  now: Date | string = new Date(),
): { file: ScoreFile; relocations: CitationRelocation[] } {
  const relocations: CitationRelocation[] = [];
  let next = file;
  for (const item of file.items) {
    if (item.cited.length === 0) continue;
    const moved = item.cited.map((before) => {
      const { citation, status } = relocateCitation(before, lines);
      relocations.push({ itemId: item.id, before, after: citation, status });
      return citation;
    });
    moved.sort((a, b) => a.startLine - b.startLine || a.endLine - b.endLine);
    next = setItemCitations(next, item.id, moved, now);
  }
  return { file: next, relocations };
}
