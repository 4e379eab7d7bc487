// Real pairs of one project's annual reviews from the development pool, diffed year to year:
// every invariant of issue 16 holds (test/helpers/diff-invariants.ts). Skips, with a note,
// without the pool (CI has none).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffDocuments } from '../../src/core/compare/document-diff.js';
import { parseDocument } from '../../src/core/document/document.js';
import { extractEvidence } from '../../src/core/evidence/extract.js';
import { loadCriteria } from '../../src/store/criteria-files.js';
import { checkDiffInvariants } from '../helpers/diff-invariants.js';

const POOL = '/tmp/toc-review-pool';
const present = existsSync(POOL);
if (!present) console.warn(`diff-pool: skipped (needs the development pool at ${POOL})`);

/** Each project's annual reviews in year order, as consecutive pairs. */
function annualPairs(): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (const project of readdirSync(POOL).sort()) {
    const folder = join(POOL, project);
    if (!existsSync(folder) || !readdirSync(folder, { withFileTypes: true }).length) continue;
    const annuals = readdirSync(folder)
      .filter((name) => /^\d{4}-.*annual.*\.md$/i.test(name))
      .sort();
    for (let i = 1; i < annuals.length; i++) pairs.push([join(project, annuals[i - 1]!), join(project, annuals[i]!)]);
  }
  return pairs;
}

describe.skipIf(!present)('diff on real pairs of annual reviews', async () => {
  const set = await loadCriteria();
  const side = (path: string) => {
    const doc = parseDocument(readFileSync(join(POOL, path), 'utf8'));
    return { doc, result: extractEvidence(doc, set, { path, sha256: 'b'.repeat(64) }) };
  };
  const pairs = present ? annualPairs() : [];

  it('has the pairs the issue names', () => {
    for (const project of ['k8gb', 'telepresence', 'kuma', 'keylime', 'vineyard']) expect(pairs.some(([a]) => a.startsWith(`${project}/`)), project).toBe(true);
  });

  for (const [a, b] of pairs) {
    it(`${a} -> ${b}`, () => {
      const old = side(a);
      const now = side(b);
      checkDiffInvariants(diffDocuments(old, now, set), old.result, now.result, `${a} -> ${b}:`);
    });
  }

  it('k8gb: a maintainer who moved company is changed, one who went is left', () => {
    const diff = diffDocuments(side('k8gb/2022-k8gb-annual.md'), side('k8gb/2023-k8gb-annual.md'), set);
    expect(diff.maintainers.changed.map((m) => [m.handle, m.changes])).toEqual([['jkremser', [{ field: 'affiliation', old: 'Absa', new: 'Giant Swarm' }]]]);
    expect(diff.maintainers.left.map((m) => m.handle)).toEqual(['somaritane']);
    expect(diff.maintainers.joined).toEqual([]);
  });
});
