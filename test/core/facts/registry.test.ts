// The fact-kind registry: every kind has all its pieces, extraction follows the registry (and so
// Contract 1's key order), and a criterion hinting any one kind gets that kind's evidence
// reason, rule, report lines and pane rows (the places that used to miss a kind silently).
import { describe, expect, it } from 'vitest';
import { parseCriteriaSet } from '../../../src/core/criteria/criteria.js';
import { parseDocument } from '../../../src/core/document/document.js';
import { extractEvidence } from '../../../src/core/evidence/extract.js';
import { extractAllFacts, FACT_KINDS, FACT_REGISTRY, factLines } from '../../../src/core/facts/registry.js';
import { formatReport } from '../../../src/commands/extract-report.js';
import { buildEvidenceLayout } from '../../../src/tui/evidence-lines.js';
import { seedText } from '../corpus-helpers.js';

const DOC = seedText('karmada-2022-annual');

function singleKindSet(kind: string) {
  const yaml = [
    'id: one-kind',
    'title: One kind',
    'scale:',
    '  - { value: 0, label: No, meets: false }',
    '  - { value: 1, label: Yes, meets: true }',
    'items:',
    '  - id: only',
    '    title: Only',
    '    question: Only?',
    `    hints: { headings: [], keywords: [], facts: [${kind}] }`,
  ].join('\n');
  return parseCriteriaSet(yaml, 'one-kind.yaml');
}

describe('fact-kind registry', () => {
  it('has one complete entry per kind, in the kinds list order', () => {
    expect(Object.keys(FACT_REGISTRY)).toEqual([...FACT_KINDS]);
    for (const kind of FACT_KINDS) {
      const spec = FACT_REGISTRY[kind];
      expect(typeof spec.extract, kind).toBe('function');
      expect(spec.label[0], kind).not.toBe(spec.label[1]);
    }
  });

  it('writes facts in registry order with the adopters claim right after the adopters', () => {
    const { facts, claims } = extractAllFacts(parseDocument(DOC));
    expect(Object.keys(facts)).toEqual(['adopters', 'adoptersClaimedCount', 'maintainers', 'metrics', 'versioning']);
    expect(Object.keys(claims).sort()).toEqual(['adopters', 'maintainers']);
    for (const kind of FACT_KINDS) expect(factLines(facts, kind)).toEqual(facts[kind].map((f) => f.line));
  });

  for (const kind of FACT_KINDS) {
    it(`a criterion hinting only ${kind} is scored, reported and shown with that kind`, () => {
      const set = singleKindSet(kind);
      const doc = parseDocument(DOC);
      const result = extractEvidence(doc, set, { path: 'k.md', sha256: 'x' });
      const entry = result.criteria[0]!;
      expect(result.facts[kind].length, kind).toBeGreaterThan(0);
      expect(entry.suggestion.score).not.toBeNull();
      expect(entry.signals?.length).toBeGreaterThan(0);
      const report = formatReport(result, set, doc, FACT_REGISTRY);
      expect(report).toContain(FACT_REGISTRY[kind].report(result.facts)[0]);
      const layout = buildEvidenceLayout({
        criteria: set,
        item: set.items[0]!,
        evidence: entry,
        facts: result.facts,
        lines: doc.lines,
        view: { score: null, notes: '', cited: [] },
        others: [],
        width: 100,
        render: null,
      });
      const label = FACT_REGISTRY[kind].pane(result.facts, 40)[0]!;
      expect(label.tone).toBe('label');
      expect(layout.rows.map((r) => r.text)).toContain(label.text);
    });
  }
});
