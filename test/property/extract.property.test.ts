// Property tests for extraction: on any document it returns Contract 1's shape without
// throwing: one entry per criterion in the set's order, every line number inside the file,
// metric kinds and periods from the contract, quotes that are really on their lines.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCriteriaSet } from '../../src/core/criteria/criteria.js';
import { parseDocument } from '../../src/core/document/document.js';
import { extractEvidence } from '../../src/core/evidence/extract.js';
import { METRIC_KINDS, METRIC_PERIODS, type ExtractResult } from '../../src/core/evidence/extract-types.js';
import { REPO } from '../hostile/helpers.js';
import { markdownText } from './markdown-arbitrary.js';

const criteria = parseCriteriaSet(readFileSync(join(REPO, 'criteria', 'cncf-incubation.yaml'), 'utf8'), 'cncf-incubation.yaml');
const INFO = { path: 'doc.md', sha256: 'c'.repeat(64) };
const RUNS = { seed: 31337, numRuns: 200 };

function checkResult(text: string, result: ExtractResult): void {
  const doc = parseDocument(text);
  const n = doc.lineCount;
  const inFile = (line: number) => Number.isInteger(line) && line >= 1 && line <= n;
  expect(result.schema).toBe('toc-review/extract@1');
  expect(result.document).toMatchObject({ path: 'doc.md', sha256: INFO.sha256, lineCount: n });
  expect(result.criteria.map((c) => c.id)).toEqual(criteria.items.map((i) => i.id));
  const scale = new Set(criteria.scale.map((s) => s.value));
  for (const criterion of result.criteria) {
    for (const passage of criterion.evidence) {
      expect(inFile(passage.startLine) && inFile(passage.endLine) && passage.endLine >= passage.startLine, `${criterion.id} ${passage.startLine}-${passage.endLine}`).toBe(true);
    }
    if (criterion.suggestion.score !== null) expect(scale.has(criterion.suggestion.score)).toBe(true);
    expect(Array.isArray(criterion.gaps)).toBe(true);
  }
  const { adopters, maintainers, metrics, versioning } = result.facts;
  for (const fact of [...adopters, ...maintainers, ...metrics, ...versioning]) expect(inFile(fact.line), JSON.stringify(fact)).toBe(true);
  for (const metric of metrics) {
    expect(METRIC_KINDS).toContain(metric.kind);
    expect([...METRIC_PERIODS, null]).toContain(metric.period);
    expect(Number.isFinite(metric.value)).toBe(true);
    expect(doc.lines[metric.line - 1]).toContain(metric.quote);
  }
  for (const statement of versioning) expect(doc.lines[statement.line - 1]).toContain(statement.quote);
  // It must serialise: no cycles, no undefined where JSON needs a value.
  expect(JSON.parse(JSON.stringify(result)).criteria).toHaveLength(criteria.items.length);
}

describe('extractEvidence (property)', () => {
  it('never throws on arbitrary Unicode, and the result keeps Contract 1', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        checkResult(text, extractEvidence(parseDocument(text), criteria, INFO));
      }),
      RUNS,
    );
  });

  it('never throws on markdown-shaped text full of facts, escapes and odd line endings', () => {
    fc.assert(
      fc.property(markdownText, (text) => {
        checkResult(text, extractEvidence(parseDocument(text), criteria, INFO));
      }),
      RUNS,
    );
  });
});
