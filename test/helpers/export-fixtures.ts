// Workspaces for export tests: a corpus document copied into a temp workspace and score files
// written for it by hand-made plans (scores, notes, cited line ranges), with fixed timestamps so
// golden files stay byte-stable. Quotes are the document's own lines, as the UI records them.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCriteriaSet, type CriteriaSet } from '../../src/core/criteria/criteria.js';
import { sha256 } from '../../src/core/hash.js';
import { splitLines } from '../../src/core/document/lines.js';
import {
  newScoreFile,
  serializeScoreFile,
  setItemNotes,
  setItemScore,
  setItemSuggested,
  setRecommendation,
  toggleCitation,
  type ScoreFile,
  type Verdict,
} from '../../src/core/scores/score-file.js';

export const CORPUS_DIR = join(import.meta.dirname, '../fixtures/corpus');
export const GOLDEN_DIR = join(import.meta.dirname, '../fixtures/golden');
export const CRITERIA_PATH = join(import.meta.dirname, '../../criteria/cncf-incubation.yaml');
export const SCORED_AT = '2026-11-20T09:30:00.000Z';

export const CORPUS = [
  'karmada-2022-annual',
  'kube-ovn-2022-annual',
  'kubevirt-incubation-commit-page',
  'kubevirt-incubation-draft',
  'openkruise-sandbox-annual',
] as const;
export type CorpusName = (typeof CORPUS)[number];

export function incubation(): CriteriaSet {
  return parseCriteriaSet(readFileSync(CRITERIA_PATH, 'utf8'), CRITERIA_PATH);
}

export interface ItemPlan {
  score: number | null;
  suggested?: number | null;
  notes?: string;
  /** Line ranges to cite; the quote is the document's text of those lines. */
  cite?: [number, number][];
}

export interface ScorePlan {
  reviewer: { name: string; handle: string };
  items: Record<string, ItemPlan>;
  verdict: Verdict | null;
  recommendation?: string;
}

export interface Workspace {
  root: string;
  workspace: string;
  doc: string;
  env: NodeJS.ProcessEnv;
}

export function tempWorkspace(name: string, text?: string): Workspace {
  const root = mkdtempSync(join(tmpdir(), 'toc-export-'));
  const workspace = join(root, 'reviews');
  mkdirSync(workspace);
  const doc = join(workspace, `${name}.md`);
  if (text === undefined) copyFileSync(join(CORPUS_DIR, 'seeds', `${name}.md`), doc);
  else writeFileSync(doc, text);
  const env: NodeJS.ProcessEnv = { ...process.env, TOC_REVIEW_CONFIG_DIR: join(root, 'config') };
  delete env.TOC_REVIEW_REVIEWER;
  delete env.TOC_REVIEW_NOW;
  return { root, workspace, doc, env };
}

export function documentTitle(text: string): string {
  const heading = /^#\s+(.+)$/m.exec(text);
  return heading ? heading[1]!.trim() : 'Untitled';
}

/** Build a score file for a document by plan. */
export function planScoreFile(docPath: string, relativePath: string, plan: ScorePlan, origin: string | null = null): ScoreFile {
  const bytes = readFileSync(docPath);
  const text = bytes.toString('utf8');
  const lines = splitLines(text);
  let file = newScoreFile({
    document: { path: relativePath, sha256: sha256(bytes), title: documentTitle(text), origin },
    criteria: incubation(),
    reviewer: plan.reviewer,
    now: SCORED_AT,
  });
  for (const [id, item] of Object.entries(plan.items)) {
    file = setItemScore(file, id, item.score, SCORED_AT);
    if (item.suggested !== undefined) file = setItemSuggested(file, id, item.suggested, SCORED_AT);
    if (item.notes) file = setItemNotes(file, id, item.notes, SCORED_AT);
    for (const [startLine, endLine] of item.cite ?? []) {
      file = toggleCitation(file, id, { startLine, endLine, quote: lines.slice(startLine - 1, endLine).join('\n') }, SCORED_AT);
    }
  }
  return setRecommendation(file, plan.verdict, plan.recommendation ?? '', SCORED_AT);
}

/** Write a planned score file where the store keeps it; returns its path. */
export function writePlannedScoreFile(ws: Workspace, name: string, plan: ScorePlan, origin: string | null = null): string {
  const dir = join(ws.workspace, 'scores', name);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${plan.reviewer.handle}.score.json`);
  writeFileSync(path, serializeScoreFile(planScoreFile(ws.doc, `${name}.md`, plan, origin)));
  return path;
}
