// The evaluation against the reference corpus: each seed is extracted in-process and scored
// against its hand-checked gold answer; the targets are asserted on the overall score.
// `npm run eval` prints the same table from the built CLI.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CriteriaSet } from '../../src/core/criteria/criteria.js';
import { parseDocument } from '../../src/core/document/document.js';
import { extractEvidence } from '../../src/core/evidence/extract.js';
import { sha256 } from '../../src/core/hash.js';
import { loadCriteria } from '../../src/store/criteria-files.js';
import { f1, formatTable, missedTargets, overall, precision, recall, scoreDocument, type DocumentScore, type Extraction, type Gold } from './gold-score.js';

const CORPUS = join(import.meta.dirname, '../fixtures/corpus');
const names = readdirSync(join(CORPUS, 'gold'))
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''))
  .sort();

function load(name: string): { text: string; gold: Gold } {
  const gold = JSON.parse(readFileSync(join(CORPUS, 'gold', `${name}.json`), 'utf8')) as Gold;
  return { text: readFileSync(join(CORPUS, 'seeds', `${name}.md`), 'utf8'), gold };
}

describe('gold evaluation on the reference corpus', () => {
  let criteria: CriteriaSet;
  const scores: DocumentScore[] = [];

  beforeAll(async () => {
    criteria = await loadCriteria('cncf-incubation');
    for (const name of names) {
      const { text, gold } = load(name);
      const doc = parseDocument(text);
      const result = extractEvidence(doc, criteria, { path: `${name}.md`, sha256: sha256(text) });
      scores.push(scoreDocument(result, gold, doc.lines));
    }
    // The table, for whoever reads the test log.
    console.log(`\n${formatTable(scores)}\n`);
  });

  it('covers all five corpus documents', () => {
    expect(names).toHaveLength(5);
    expect(scores).toHaveLength(5);
  });

  it('meets the targets overall (adopters F1, maintainers, metrics, first evidence)', () => {
    expect(missedTargets(overall(scores))).toEqual([]);
  });

  it('metrics: recall >= 0.9 and precision >= 0.8 overall, and on every document', () => {
    const total = overall(scores);
    expect(recall(total.metrics)).toBeGreaterThanOrEqual(0.9);
    expect(precision(total.metrics)).toBeGreaterThanOrEqual(0.8);
    for (const s of scores) {
      expect.soft(recall(s.metrics), s.source).toBeGreaterThanOrEqual(0.8);
      expect.soft(precision(s.metrics), s.source).toBeGreaterThanOrEqual(0.7);
    }
  });

  it('metrics matched by (line, value) mostly carry gold kind and period', () => {
    const total = overall(scores);
    expect(total.metricKindMatches / total.metrics.tp).toBeGreaterThanOrEqual(0.9);
    expect(total.metricPeriodMatches / total.metrics.tp).toBeGreaterThanOrEqual(0.9);
  });

  it('versioning statements: recall >= 0.9 and precision >= 0.8 by line', () => {
    const total = overall(scores);
    expect(recall(total.versioning)).toBeGreaterThanOrEqual(0.9);
    expect(precision(total.versioning)).toBeGreaterThanOrEqual(0.8);
  });

  it('every quote is an exact substring of its line', () => {
    expect(overall(scores).badQuotes).toBe(0);
  });

  it('adopters F1 and maintainers per document', () => {
    for (const s of scores) {
      expect.soft(f1(s.adopters), s.source).toBeGreaterThanOrEqual(0.8);
      if (s.listsMaintainers) {
        expect.soft(s.maintainerCountExact, s.source).toBe(true);
        expect.soft(s.maintainerOrgsExact, s.source).toBe(true);
      }
    }
  });
});

describe('gold scorer', () => {
  const { text, gold } = load('openkruise-sandbox-annual');
  const lines = parseDocument(text).lines;
  const perfect: Extraction = {
    facts: {
      adopters: gold.adopters.map((name, i) => ({ name: name.toUpperCase() + '.', line: i + 1 })),
      maintainers: gold.maintainers.map((m) => ({ name: m.name, affiliation: m.affiliation })),
      metrics: gold.flow_metrics.map((m) => ({ ...m, quote: m.quote ?? '' })),
      versioning: gold.versioning!.map((v) => ({ ...v })),
    },
    criteria: Object.entries({ 'production-users': 'production_users', 'committer-health': 'committer_health', 'commit-flow': 'commit_flow', versioning: 'versioning' }).map(([id, key]) => {
      const range = gold.sections[key]!;
      return { id, evidence: [{ startLine: range[0], endLine: range[1] }] };
    }),
  };

  it('gives full marks to the gold answer itself (names compared case- and punctuation-insensitively)', () => {
    const s = scoreDocument(perfect, gold, lines);
    expect([f1(s.adopters), precision(s.metrics), recall(s.metrics), recall(s.versioning!)]).toEqual([1, 1, 1, 1]);
    expect([s.maintainerCountExact, s.maintainerOrgsExact, s.badQuotes]).toEqual([true, true, 0]);
    expect(s.sections).toEqual({ checked: 4, overlapping: 4, misses: [] });
    expect(missedTargets(overall([s]))).toEqual([]);
  });

  it('penalises missing and invented facts, wrong organisations, bad quotes and missed sections', () => {
    const broken: Extraction = {
      facts: {
        adopters: perfect.facts.adopters.slice(0, 10),
        maintainers: perfect.facts.maintainers.slice(1).map((m) => ({ ...m, affiliation: 'Elsewhere' })),
        metrics: [...perfect.facts.metrics.slice(0, 8), { kind: 'commits', value: 999, period: null, line: 3, quote: 'not on the line' }],
        versioning: [],
      },
      criteria: perfect.criteria.map((c) => ({ id: c.id, evidence: [{ startLine: 1, endLine: 2 }] })),
    };
    const s = scoreDocument(broken, gold, lines);
    expect(recall(s.adopters)).toBeCloseTo(10 / 30);
    expect(recall(s.metrics)).toBeCloseTo(8 / gold.flow_metrics.length);
    expect(precision(s.metrics)).toBeCloseTo(8 / 9);
    expect(recall(s.versioning!)).toBe(0);
    expect([s.maintainerCountExact, s.maintainerOrgsExact, s.badQuotes]).toEqual([false, false, 1]);
    expect(s.sections.overlapping).toBe(0);
    expect(missedTargets(overall([s])).length).toBeGreaterThanOrEqual(5);
  });
});
