// What a save changed compared with the file it replaced, one line per change, each naming the
// value it replaced. Writers that queue on the lock (parallel `score` runs) re-read the file
// after taking it, so "replaced" is what the previous writer had just saved: when two runs set
// the same item, the last one wins and both say so, and nothing is overwritten unnoticed. Pure.
import type { CriteriaSet } from '../criteria/criteria.js';
import { scaleLabel, type ScoreValue } from '../criteria/criteria-scale.js';
import type { Citation, ScoreFile } from './score-file.js';

const scoreText = (criteria: CriteriaSet, value: ScoreValue) => (value === null ? 'unscored' : value === 'na' ? scaleLabel(criteria, value) : `${value} (${scaleLabel(criteria, value)})`);
const range = (c: Citation) => (c.startLine === c.endLine ? `${c.startLine}` : `${c.startLine}-${c.endLine}`);
// Short notes are shown (the replaced text is the point), long ones by their start and length.
const notesText = (notes: string) => {
  if (notes === '') return 'none';
  const flat = notes.replace(/\s+/g, ' ');
  return flat.length <= 40 ? JSON.stringify(flat) : `${JSON.stringify(`${flat.slice(0, 30)}…`)} (${notes.length} characters)`;
};

export function describeChanges(before: ScoreFile, after: ScoreFile, criteria: CriteriaSet): string[] {
  const lines: string[] = [];
  const old = new Map(before.items.map((item) => [item.id, item]));
  for (const item of after.items) {
    const was = old.get(item.id);
    if (!was) continue;
    if (was.score !== item.score) lines.push(`${item.id}: score ${scoreText(criteria, item.score)}, replacing ${scoreText(criteria, was.score)}`);
    if (was.notes !== item.notes) lines.push(`${item.id}: notes ${notesText(item.notes)}, replacing ${notesText(was.notes)}`);
    const key = (c: Citation) => `${c.startLine}-${c.endLine}`;
    const oldCited = new Set(was.cited.map(key));
    const newCited = new Set(item.cited.map(key));
    const added = item.cited.filter((c) => !oldCited.has(key(c))).map(range);
    const removed = was.cited.filter((c) => !newCited.has(key(c))).map(range);
    if (added.length) lines.push(`${item.id}: cited ${added.join(', ')}`);
    if (removed.length) lines.push(`${item.id}: un-cited ${removed.join(', ')}`);
  }
  if (before.recommendation.verdict !== after.recommendation.verdict) {
    lines.push(`recommendation: ${after.recommendation.verdict ?? 'none'}, replacing ${before.recommendation.verdict ?? 'none'}`);
  }
  if (before.recommendation.notes !== after.recommendation.notes) {
    lines.push(`recommendation notes: ${notesText(after.recommendation.notes)}, replacing ${notesText(before.recommendation.notes)}`);
  }
  if (before.document.origin !== after.document.origin) lines.push(`document origin: ${after.document.origin ?? 'none'}, replacing ${before.document.origin ?? 'none'}`);
  if (before.document.sha256 !== after.document.sha256) lines.push(`document sha256: ${after.document.sha256.slice(0, 12)}…, replacing ${before.document.sha256.slice(0, 12)}…`);
  return lines;
}
