// The pool gold (test/fixtures/pool-gold): well-formed, facts only (no copied text), pointing
// at pool documents by their manifest blob, and scored into the issue-14 figures as intended.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { figures, formatFigures, overall, scoreDocument, type Extraction, type Gold } from './gold-score.js';

const DIR = join(import.meta.dirname, '../fixtures/pool-gold');
const files = readdirSync(DIR).filter((f) => f.endsWith('.json')).sort();
const golds = files.map((f) => ({ file: f, gold: JSON.parse(readFileSync(join(DIR, f), 'utf8')) as Gold & { blob: string; kind: string } }));
// The shared pool manifest, when this checkout sits beside it (the blob check is skipped otherwise).
const MANIFEST_FILE = join(import.meta.dirname, '../../../shared/corpus/pool/manifest.tsv');
const MANIFEST = new Map(
  (existsSync(MANIFEST_FILE) ? readFileSync(MANIFEST_FILE, 'utf8') : '')
    .split('\n')
    .filter(Boolean)
    .map((line) => line.split('\t') as [string, string])
    .map(([path, blob]) => [path.replace(/^projects\//, ''), blob]),
);

describe('pool gold', () => {
  it('covers at least 30 documents of several kinds', () => {
    expect(files.length).toBeGreaterThanOrEqual(30);
    expect(new Set(golds.map((g) => g.gold.kind)).size).toBeGreaterThanOrEqual(2);
  });

  it('names pool documents by their manifest blob and holds facts only', () => {
    for (const { file, gold } of golds) {
      if (MANIFEST.size > 0) expect(MANIFEST.get(gold.source), file).toBe(gold.blob);
      expect(gold.flow_metrics.every((m) => !('quote' in m) && Number.isInteger(m.line) && m.line > 0), file).toBe(true);
      const orgs = [...new Set(gold.maintainers.map((m) => m.affiliation).filter((a): a is string => a !== null))];
      expect(gold.maintainer_orgs, file).toEqual(orgs);
      for (const range of Object.values(gold.sections)) if (range) expect(range[0] <= range[1], file).toBe(true);
    }
  });
});

describe('issue-14 figures', () => {
  const gold = golds.find((g) => g.gold.maintainers.length === 0)!.gold;
  const none: Extraction = { facts: { adopters: [], maintainers: [], metrics: [], versioning: [] }, criteria: [] };
  it('counts a maintainer invented where the document lists none', () => {
    const clean = figures(overall([scoreDocument(none, gold, [])]));
    const invented = figures(overall([scoreDocument({ ...none, facts: { ...none.facts, maintainers: [{ name: 'X', affiliation: null }] } }, gold, [])]));
    expect([clean.noInvented, invented.noInvented]).toEqual([1, 0]);
    expect(formatFigures([{ name: 'set', total: overall([scoreDocument(none, gold, [])]) }])).toContain('| no maintainers invented where the document lists none | 1.00 (1/1)');
  });
});
