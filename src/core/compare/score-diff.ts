// Two score files compared item by item. Of the same document by two reviewers, it says where
// they differ (with the panel's disagreement rule); otherwise (one reviewer's earlier and later
// scores, or scores of two versions of a document) it says what changed: score, notes, cited
// lines and the recommendation.
import type { CriteriaSet } from '../criteria/criteria.js';
import { scoreWithLabel } from '../criteria/criteria-scale.js';
import type { ScoreFile, ScoreItem } from '../scores/score-file.js';
import { computePanel } from '../summary/panel.js';
import { DIFF_SCHEMA, type Lines } from './diff-types.js';

/** Score diffs share the diff schema's name: one schema file, two modes. */
const SCORE_DIFF_SCHEMA = DIFF_SCHEMA;

export interface ScoreSide {
  score: number | 'na' | null;
  label: string;
  notes: string;
}

export interface ScoreItemDiff {
  id: string;
  title: string;
  old: ScoreSide;
  new: ScoreSide;
  scoreChanged: boolean;
  notesChanged: boolean;
  citedChanged: boolean;
  /** Two reviewers of one document: why the panel would flag this item (else empty). */
  disagreement: string[];
  /** Lines each file cites for the item. */
  lines: Lines;
}

export interface ScoreFileInfo {
  path: string;
  reviewer: { name: string; handle: string };
  document: { path: string; sha256: string; title: string };
  verdict: string | null;
  updatedAt: string;
}

export interface ScoreDiff {
  schema: typeof SCORE_DIFF_SCHEMA;
  mode: 'reviewers' | 'versions';
  old: ScoreFileInfo;
  new: ScoreFileInfo;
  /** True when both files score the same bytes of the document. */
  sameDocument: boolean;
  criteriaSet: { id: string; title: string };
  recommendation: { old: string | null; new: string | null; changed: boolean };
  items: ScoreItemDiff[];
  /** How many items differ in score, notes or citations. */
  differing: number;
}

function info(file: ScoreFile, path: string): ScoreFileInfo {
  return {
    path,
    reviewer: file.reviewer,
    document: { path: file.document.path, sha256: file.document.sha256, title: file.document.title },
    verdict: file.recommendation.verdict,
    updatedAt: file.updatedAt,
  };
}

function citedLines(item: ScoreItem | undefined): number[] {
  const lines = new Set<number>();
  for (const c of item?.cited ?? []) for (let line = c.startLine; line <= c.endLine && line < c.startLine + 200; line++) lines.add(line);
  return [...lines].sort((a, b) => a - b);
}

const citedKey = (item: ScoreItem | undefined) => JSON.stringify((item?.cited ?? []).map((c) => [c.startLine, c.endLine]).sort());

export function diffScoreFiles(a: { file: ScoreFile; path: string }, b: { file: ScoreFile; path: string }, set: CriteriaSet): ScoreDiff {
  const sameDocument = a.file.document.sha256 === b.file.document.sha256;
  const mode = sameDocument && a.file.reviewer.handle !== b.file.reviewer.handle ? 'reviewers' : 'versions';
  const panel = mode === 'reviewers' ? computePanel([a.file, b.file], set) : [];
  const items = set.items.map((criterion): ScoreItemDiff => {
    const x = a.file.items.find((item) => item.id === criterion.id);
    const y = b.file.items.find((item) => item.id === criterion.id);
    const side = (item: ScoreItem | undefined): ScoreSide => ({ score: item?.score ?? null, label: scoreWithLabel(set, item?.score ?? null), notes: item?.notes ?? '' });
    return {
      id: criterion.id,
      title: criterion.title,
      old: side(x),
      new: side(y),
      scoreChanged: (x?.score ?? null) !== (y?.score ?? null),
      notesChanged: (x?.notes ?? '').trim() !== (y?.notes ?? '').trim(),
      citedChanged: citedKey(x) !== citedKey(y),
      disagreement: panel.find((row) => row.id === criterion.id)?.reasons ?? [],
      lines: { old: citedLines(x), new: citedLines(y) },
    };
  });
  const verdicts = { old: a.file.recommendation.verdict, new: b.file.recommendation.verdict };
  return {
    schema: SCORE_DIFF_SCHEMA,
    mode,
    old: info(a.file, a.path),
    new: info(b.file, b.path),
    sameDocument,
    criteriaSet: { id: set.id, title: set.title },
    recommendation: { ...verdicts, changed: verdicts.old !== verdicts.new },
    items,
    differing: items.filter((i) => i.scoreChanged || i.notesChanged || i.citedChanged).length,
  };
}
