// Shared set-up for score-file tests: the shipped criteria set, temp workspaces with the sample
// document, and an environment that never touches the real user config.
import { mkdtempSync, copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCriteriaSet, type CriteriaSet } from '../../src/core/criteria/criteria.js';
import { newScoreFile, type ScoreFile } from '../../src/core/scores/score-file.js';

export const CRITERIA_PATH = join(import.meta.dirname, '../../criteria/cncf-incubation.yaml');
export const SAMPLE_DOC = join(import.meta.dirname, '../../reviews/lanternfish-incubation.md');

export function incubation(): CriteriaSet {
  return parseCriteriaSet(readFileSync(CRITERIA_PATH, 'utf8'), CRITERIA_PATH);
}

export function tempDir(prefix = 'toc-score-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A temp workspace holding a copy of the sample document; returns paths and a test env. */
export function sampleWorkspace(): { root: string; workspace: string; doc: string; configDir: string; env: NodeJS.ProcessEnv } {
  const root = tempDir();
  const workspace = join(root, 'reviews');
  mkdirSync(workspace);
  const doc = join(workspace, 'lanternfish.md');
  copyFileSync(SAMPLE_DOC, doc);
  const configDir = join(root, 'config');
  const env: NodeJS.ProcessEnv = { ...process.env, TOC_REVIEW_CONFIG_DIR: configDir };
  delete env.TOC_REVIEW_REVIEWER;
  return { root, workspace, doc, configDir, env };
}

export const T0 = '2026-03-01T10:00:00.000Z';
export const T1 = '2026-03-02T11:30:00.000Z';

export function sampleFile(overrides: { handle?: string; name?: string; sha?: string } = {}): ScoreFile {
  return newScoreFile({
    document: { path: 'lanternfish.md', sha256: overrides.sha ?? 'a'.repeat(64), title: 'Lanternfish Incubation Proposal' },
    criteria: incubation(),
    reviewer: { name: overrides.name ?? 'Ada Lovelace', handle: overrides.handle ?? 'ada' },
    now: T0,
  });
}
