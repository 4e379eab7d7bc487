// What the UI needs from the outside world, as interfaces: the review command wires the real
// store (score-store, settings, workspace, extraction); component tests wire in-memory ones.
import type { Predecessor, PredecessorChoices } from '../core/compare/predecessor.js';
import type { DocumentDiff } from '../core/compare/diff-types.js';
import type { CriteriaSet } from '../core/criteria/criteria.js';
import type { ExtractResult } from '../core/evidence/extract-types.js';
import type { Reviewer, ScoreFile } from '../core/scores/score-file.js';
import type { TriageRow } from '../core/triage/triage-row.js';

export interface LockHolderInfo {
  pid: number;
  host: string;
  since: string;
}

/** The subset of store/score-store's ScoreSession the UI uses. */
export interface ReviewSession {
  path: string;
  file: ScoreFile;
  readOnly: boolean;
  lockHolder: LockHolderInfo | null;
  documentChanged: boolean;
  save(next: ScoreFile): Promise<void>;
  close(): Promise<void> | void;
}

/** One document opened for review: text, extraction (computed once), criteria and session. */
export interface OpenedReview {
  /** The path it was opened with (WorkspaceEntry.path). */
  sourcePath: string;
  /** Shown in the header: the path relative to the workspace. */
  displayPath: string;
  title: string;
  lines: string[];
  criteria: CriteriaSet;
  extract: ExtractResult | null;
  session: ReviewSession;
  /** Other reviewers' score files for the same document. */
  others: ScoreFile[];
}

export interface WorkspaceEntry {
  /** Path to open (absolute or relative to cwd). */
  path: string;
  /** Shown in the list: relative to the workspace. */
  name: string;
  title: string;
  scored: number;
  total: number;
  /** Whether this reviewer has a score file for it. */
  started: boolean;
  /** Handles of other reviewers with score files. */
  others: string[];
  /** Set when the score file could not be read. */
  problem?: string;
  /** The file's modification time, and its own date line (core/compare/predecessor.ts), for matching predecessors. */
  modifiedMs?: number;
  dated?: string | null;
}

/** What changed since a review's predecessor, or why there is nothing to compare with. */
export type SinceResult = { kind: 'diff'; predecessor: Predecessor; diff: DocumentDiff } | { kind: 'none'; reason: string };

export interface ReviewHost {
  workspace: string;
  reviewer: Reviewer | null;
  /** Remember the reviewer (settings), set `reviewer`, and return it with its handle. */
  setReviewer(name: string): Promise<Reviewer>;
  listDocuments(): Promise<WorkspaceEntry[]>;
  /** The `triage` figures of one listed document (WorkspaceEntry.path), for the list; absent: the list shows none. */
  triageDocument?(path: string): Promise<TriageRow>;
  openReview(path: string): Promise<OpenedReview>;
  /** Predecessors chosen by hand in this workspace (WorkspaceEntry.name -> name, null: none). Absent: no choosing. */
  predecessorChoices?(): Promise<PredecessorChoices>;
  /** Choose a document's predecessor (null: none; undefined: back to the match); returns all choices. */
  setPredecessor?(name: string, chosen: string | null | undefined): Promise<PredecessorChoices>;
  /** What changed since the review's predecessor, for the review screen's since pane. */
  since?(review: OpenedReview): Promise<SinceResult>;
  /** Write the markdown summary; returns the path written. Absent when export is unavailable. */
  exportSummary?(review: OpenedReview, file: ScoreFile): Promise<string>;
}
