// The Driftwood pair of test/fixtures/compare/ (written for these tests), extracted with the
// shipped default criteria set.
import { readFileSync } from 'node:fs';
import { parseDocument } from '../../../src/core/document/document.js';
import { extractEvidence } from '../../../src/core/evidence/extract.js';
import { diffDocuments, type DiffSide } from '../../../src/core/compare/document-diff.js';
import { loadCriteria } from '../../../src/store/criteria-files.js';

export const FIXTURES = new URL('../../fixtures/compare/', import.meta.url);

export async function sideOf(text: string, path: string): Promise<DiffSide> {
  const set = await loadCriteria();
  const doc = parseDocument(text);
  return { doc, result: extractEvidence(doc, set, { path, sha256: 'a'.repeat(64) }) };
}

export async function fixtureSide(name: string): Promise<DiffSide> {
  return sideOf(readFileSync(new URL(name, FIXTURES), 'utf8'), name);
}

export async function driftwoodDiff() {
  const set = await loadCriteria();
  return diffDocuments(await fixtureSide('driftwood-2024-annual.md'), await fixtureSide('driftwood-2025-annual.md'), set);
}
