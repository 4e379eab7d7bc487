// Property test for the document diff (issue 16's invariants) on generated facts: organisation
// names drawn from a small pool with legal forms, case and punctuation varied, maintainers with
// handles, spelling slips and moves between companies, figures of every kind and period.
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { diffAdopters } from '../../src/core/compare/adopters-diff.js';
import { DIFF_SCHEMA, type DocumentDiff } from '../../src/core/compare/diff-types.js';
import { diffMaintainers } from '../../src/core/compare/maintainers-diff.js';
import { diffMetrics } from '../../src/core/compare/metrics-diff.js';
import { METRIC_KINDS, METRIC_PERIODS, type ExtractResult, type Facts } from '../../src/core/evidence/extract-types.js';
import { checkDiffInvariants } from '../helpers/diff-invariants.js';

const RUNS = { seed: 4242, numRuns: 300 };
const LINES = 200;

const orgName = fc
  .tuple(fc.constantFrom('Acme', 'Globex', 'Blue Harbor', 'Initech', 'Umbrella', 'Hooli', 'Northwind'), fc.constantFrom('', ' Inc.', ' Corp', ', Ltd', ' GmbH', ' Corporation, Inc.'), fc.boolean(), fc.boolean())
  .map(([base, suffix, upper, the]) => `${the ? 'The ' : ''}${upper ? base.toUpperCase() : base}${suffix}`);

// A handle belongs to one person: the same name always carries the same handle or none.
const person = fc
  .tuple(fc.constantFrom('Ana Souza', 'Jose Perez', 'José Pérez', 'Lee Wong', 'Priya Nair', 'Tom Reed', 'Michal Kuritka', 'Michael Kuritka'), fc.boolean(), fc.option(orgName, { nil: null }))
  .map(([name, withHandle, affiliation]) => ({ name, handle: withHandle ? name.split(' ')[1]!.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '') : null, affiliation }));

const line = fc.integer({ min: 1, max: LINES });
const metric = fc.record({
  kind: fc.constantFrom(...METRIC_KINDS),
  value: fc.integer({ min: 0, max: 10_000 }),
  period: fc.constantFrom(...METRIC_PERIODS, null),
  line,
  quote: fc.constantFrom('Commits | 10', 'stars', '12 merged PRs per month'),
  reason: fc.constant('generated'),
});

const facts = fc.record({
  adopters: fc.array(fc.record({ name: orgName, line, reason: fc.constant('generated') }), { maxLength: 12 }),
  maintainers: fc.array(fc.tuple(person, line).map(([p, l]) => ({ ...p, line: l, reason: 'generated' })), { maxLength: 10 }),
  metrics: fc.array(metric, { maxLength: 10 }),
});

function resultOf(f: Pick<Facts, 'adopters' | 'maintainers' | 'metrics'>): ExtractResult {
  return {
    schema: 'toc-review/extract@1',
    document: { path: 'x.md', sha256: 'e'.repeat(64), title: '', lineCount: LINES },
    facts: { ...f, versioning: [] },
    criteria: [],
  };
}

describe('document diff invariants on generated facts', () => {
  it('added and removed names come from their document, and never from both; every entry cites lines', () => {
    fc.assert(
      fc.property(facts, facts, (a, b) => {
        const diff: DocumentDiff = {
          schema: DIFF_SCHEMA,
          mode: 'documents',
          old: resultOf(a).document,
          new: resultOf(b).document,
          criteriaSet: { id: 'x', title: 'x' },
          adopters: diffAdopters(a.adopters, b.adopters),
          maintainers: diffMaintainers(a.maintainers, b.maintainers),
          metrics: diffMetrics(a.metrics, b.metrics),
          criteria: [],
          plans: [],
        };
        checkDiffInvariants(diff, resultOf(a), resultOf(b));
      }),
      RUNS,
    );
  });
});
