// The review screen's text rows outside the panes: the header, the read-only and changed-document
// banners, the first status line, and error messages short enough for the status bar.
import { sanitizeLine } from '../../core/sanitize.js';
import type { ScoreFile } from '../../core/scores/score-file.js';
import { scoredCount } from '../criteria-list.js';
import type { Status } from '../status-bar.js';
import { displayWidth, fit, truncate } from '../text.js';
import type { OpenedReview } from '../types.js';

export function clock(): string {
  return new Date().toTimeString().slice(0, 8);
}

export function errorText(error: unknown, file?: string): string {
  // A file system error quotes the temp file's whole path; the status line has room for what
  // went wrong and which score file.
  const e = error as NodeJS.ErrnoException | null;
  if (e && typeof e.code === 'string' && typeof e.path === 'string' && typeof e.message === 'string') {
    const description = /^[A-Z]+: ([^,]+)/.exec(e.message)?.[1] ?? e.message;
    return sanitizeLine(`${description} (${e.code})${file ? ` writing ${file.replace(/^.*[\\/]/, '')}` : ''}`);
  }
  return sanitizeLine(error instanceof Error ? error.message : String(error));
}

export function initialStatus(review: OpenedReview): Status {
  const s = review.session;
  if (s.readOnly) return { text: 'opened read-only', tone: 'warn' };
  const scored = scoredCount(s.file);
  const notes = s.file.items.filter((item) => item.notes.trim() !== '').length;
  const cited = s.file.items.filter((item) => item.cited.length > 0).length;
  const rec = s.file.recommendation;
  // Anything the reviewer wrote before makes this a resumed review, not only scores.
  if (scored === 0 && notes === 0 && cited === 0 && rec.verdict === null && rec.notes.trim() === '') {
    return { text: `new review · saving to ${sanitizeLine(s.path)}`, tone: 'info' };
  }
  const extra = [notes > 0 ? `${notes} ${notes === 1 ? 'note' : 'notes'}` : '', cited > 0 ? `${cited} with citations` : ''].filter(Boolean).join(', ');
  return { text: `resumed: ${scored}/${s.file.items.length} scored${extra ? ` (${extra})` : ''} · score file ${sanitizeLine(s.path)}`, tone: 'info' };
}

export function bannerLines(review: OpenedReview, width: number): string[] {
  const lines: string[] = [];
  const holder = review.session.lockHolder;
  if (review.session.readOnly) {
    const who = holder ? `locked by pid ${holder.pid} on ${sanitizeLine(holder.host)} since ${sanitizeLine(holder.since)}` : 'opened read-only';
    const line = `READ-ONLY: ${who}; nothing you do here is saved`;
    // Two lines rather than cut the part that says nothing is saved.
    if (displayWidth(line) <= width) lines.push(fit(line, width));
    else lines.push(fit(`READ-ONLY: ${who}`, width), fit('Another session is scoring this document: nothing you do here is saved.', width));
  }
  if (review.session.documentChanged) {
    lines.push(fit('DOCUMENT CHANGED since these scores were saved: check scores and cited lines', width));
  }
  return lines;
}

export function headerLine(review: OpenedReview, file: ScoreFile, width: number): string {
  const right = ` ${sanitizeLine(file.reviewer.name)} · ${scoredCount(file)}/${file.items.length} scored `;
  const left = ` toc-review · ${sanitizeLine(review.title || review.displayPath)}`;
  // Display width, not .length: a wide-character name must not push the progress off the edge.
  const room = Math.max(0, width - displayWidth(right));
  return fit(truncate(left, room), room) + truncate(right, width - room);
}
