import { describe, expect, it } from 'vitest';
import { diffAdopters } from '../../../src/core/compare/adopters-diff.js';
import { diffMaintainers } from '../../../src/core/compare/maintainers-diff.js';
import { diffMetrics } from '../../../src/core/compare/metrics-diff.js';
import { diffPlans } from '../../../src/core/compare/plans.js';
import { parseDocument } from '../../../src/core/document/document.js';
import { driftwoodDiff } from './compare-fixtures.js';

describe('diffDocuments on the Driftwood pair', async () => {
  const diff = await driftwoodDiff();

  it('reports renamed adopters as the same organisation, and real additions and removals', () => {
    expect(diff.adopters.added.map((a) => a.name)).toEqual(['Northwind GmbH']);
    expect(diff.adopters.removed.map((a) => a.name)).toEqual(['Quillon Ltd']);
    expect(diff.adopters.renamed.map((a) => [a.oldName, a.name])).toEqual([
      ['Acme Corp', 'ACME Corporation'],
      ['Blue Harbor Company', 'Blue Harbor'],
    ]);
    expect(diff.adopters.kept).toEqual([{ name: 'Globex', lines: { old: [12], new: [12] } }]);
    expect(diff.adopters.added[0]!.lines).toEqual({ old: [], new: [13] });
  });

  it('reports a maintainer who changed company as changed, not left and joined', () => {
    expect(diff.maintainers.joined.map((m) => m.name)).toEqual(['Priya Nair']);
    expect(diff.maintainers.left.map((m) => m.name)).toEqual(['Tom Reed']);
    const changes = Object.fromEntries(diff.maintainers.changed.map((m) => [m.name, m.changes]));
    expect(changes['Ana Souza']).toEqual([{ field: 'affiliation', old: 'Acme Corp', new: 'Globex' }]);
    expect(changes['Jose Perez']).toEqual([{ field: 'name', old: 'José Pérez', new: 'Jose Perez' }]);
    expect(changes['Lee Wong']).toEqual([{ field: 'handle', old: 'leew', new: 'leewong' }]);
    expect(diff.maintainers.changed.find((m) => m.name === 'Lee Wong')!.lines).toEqual({ old: [22], new: [21] });
  });

  it('gives each organisation its share of maintainers before and after', () => {
    const globex = diff.maintainers.organisations.find((o) => o.name === 'Globex')!;
    expect(globex.old).toEqual({ count: 1, share: 25 });
    expect(globex.new).toEqual({ count: 2, share: 50 });
    expect(globex.lines).toEqual({ old: [20], new: [19, 20] });
    const acme = diff.maintainers.organisations.find((o) => o.name === 'Acme Corp')!;
    expect(acme.new.count).toBe(0);
    expect(acme.old).toEqual({ count: 2, share: 50 });
  });

  it('pairs figures of the same kind and period, and says when periods differ', () => {
    expect(diff.metrics.paired.map((p) => [p.kind, p.period, p.old.value, p.new.value, p.change])).toEqual([
      ['merged_prs', 'month', 120, 150, 30],
      ['contributors', 'total', 45, 61, 16],
    ]);
    expect(diff.metrics.paired[0]!.changePercent).toBe(25);
    expect(diff.metrics.notComparable).toHaveLength(1);
    const commits = diff.metrics.notComparable[0]!;
    expect(commits.kind).toBe('commits');
    expect(commits.reason).toBe("counted per month in the old document and per year in the new one");
  });

  it('follows a plan that was kept and one that was dropped', () => {
    expect(diff.plans.map((p) => [p.status, p.lines.old])).toEqual([
      ['reported', [31]],
      ['not-mentioned', [32]],
    ]);
    expect(diff.plans[0]!.mentions[0]!.line).toBe(31);
    expect(diff.plans[0]!.mentions[0]!.shared).toEqual(expect.arrayContaining(['windows', 'installer']));
    expect(diff.plans[1]!.lines.new).toEqual([]);
  });

  it("gives each criterion's suggestion before and after with the lines it rests on", () => {
    expect(diff.criteria.map((c) => c.id)).toEqual(['production-users', 'committer-health', 'commit-flow', 'versioning']);
    const committers = diff.criteria.find((c) => c.id === 'committer-health')!;
    expect(committers.before!.rationale).toMatch(/4 maintainers/);
    expect(committers.lines.old.length).toBeGreaterThan(0);
    expect(committers.lines.new.length).toBeGreaterThan(0);
    for (const c of diff.criteria) expect(c.changed).toBe(c.before!.score !== c.after!.score);
  });
});

describe('the parts on their own', () => {
  it('a name spelled the same in both is kept even when another spelling is new', () => {
    const diff = diffAdopters([{ name: 'Acme', line: 3 }], [{ name: 'ACME Inc', line: 4 }, { name: 'Acme', line: 9 }]);
    expect(diff.added).toEqual([]);
    expect(diff.kept).toEqual([{ name: 'Acme', lines: { old: [3], new: [4, 9] } }]);
  });

  it('two people with different handles are not one person by a similar name', () => {
    const diff = diffMaintainers(
      [{ name: 'Michal Kuritka', handle: 'kuritka', affiliation: null, line: 1 }],
      [{ name: 'Michael Kuritka', handle: 'mkur', affiliation: null, line: 2 }],
    );
    expect(diff.left).toHaveLength(1);
    expect(diff.joined).toHaveLength(1);
    const typo = diffMaintainers([{ name: 'Michal Kuritka', handle: null, affiliation: 'A', line: 1 }], [{ name: 'Michael Kuritka', handle: 'kuritka', affiliation: 'A', line: 2 }]);
    expect(typo.changed.map((m) => m.changes.map((c) => c.field))).toEqual([['name']]);
  });

  it('an affiliation one document leaves out is not a change of company', () => {
    const diff = diffMaintainers([{ name: 'Ana Souza', handle: 'ana', affiliation: 'Acme', line: 1 }], [{ name: 'Ana Souza', handle: 'ana', affiliation: null, line: 5 }]);
    expect(diff.changed).toEqual([]);
    expect(diff.stayed).toHaveLength(1);
  });

  it('takes the last column of a table row as its latest figure, and never pairs figures without a period', () => {
    const diff = diffMetrics(
      [
        { kind: 'stars', value: 100, period: 'total', line: 4, quote: 'Stars | 100' },
        { kind: 'stars', value: 450, period: 'total', line: 4, quote: 'Stars | 100 | 450' },
        { kind: 'commits', value: 900, period: null, line: 6, quote: '900 commits' },
      ],
      [
        { kind: 'stars', value: 630, period: 'total', line: 8, quote: 'Stars | 100 | 450 | 630' },
        { kind: 'commits', value: 1200, period: null, line: 9, quote: '1200 commits' },
        { kind: 'releases', value: 12, period: 'year', line: 10, quote: '12 releases this year' },
      ],
    );
    expect(diff.paired.map((p) => [p.old.value, p.new.value])).toEqual([[450, 630]]);
    expect(diff.notComparable.map((n) => n.kind)).toEqual(['commits']);
    expect(diff.onlyNew.map((n) => [n.kind, n.lines])).toEqual([['releases', { old: [], new: [10] }]]);
  });

  it('reads the items of a plan list as plans, and a plan stated again as planned again', () => {
    const old = parseDocument('# A\n\nOur goals for the next year are:\n\n- Stabilise the Azure driver\n- Extend the Terraform provider\n');
    const later = parseDocument('# B\n\nThe Azure driver is now stable and used by two adopters.\n\nFor next year we plan to extend the Terraform provider.\n');
    const plans = diffPlans(old, later);
    expect(plans.map((p) => [p.status, p.lines])).toEqual([
      ['reported', { old: [5], new: [3] }],
      ['planned-again', { old: [6], new: [5] }],
    ]);
  });

  it('meets a version however it is written, and cites a line once', () => {
    const old = parseDocument('# A\n\nWe would like to reach 2.0 before incubation.\n');
    const later = parseDocument('# B\n\nVersion v2.0.0 shipped in May. It was a big step. Version 2.0.0 is stable.\n');
    const [plan] = diffPlans(old, later);
    expect(plan!.status).toBe('reported');
    expect(plan!.mentions.map((m) => [m.line, m.shared])).toEqual([[3, ['v2']]]);
    expect(diffPlans(old, parseDocument('# B\n\nVersion 2.1 shipped in May.\n'))[0]!.status).toBe('not-mentioned');
  });

  it('a question about plans is not a plan', () => {
    const old = parseDocument('# A\n\nWhat do you plan to do next year to grow the contributor base?\n');
    expect(diffPlans(old, old)).toEqual([]);
  });
});
