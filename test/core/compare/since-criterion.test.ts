// One criterion's part of a document diff, as the review UI's "since" pane shows it.
import { describe, expect, it } from 'vitest';
import { sinceForCriterion } from '../../../src/core/compare/since-criterion.js';
import { loadCriteria } from '../../../src/store/criteria-files.js';
import { driftwoodDiff, sideOf } from './compare-fixtures.js';
import { diffDocuments } from '../../../src/core/compare/document-diff.js';

const plain = (text: string) => text;

describe('sinceForCriterion on the Driftwood pair', async () => {
  const set = await loadCriteria();
  const diff = await driftwoodDiff();
  const item = (id: string) => set.items.find((i) => i.id === id)!;

  it('gives production-users the adopters only, then its suggestion before and after', () => {
    const since = sinceForCriterion(diff, item('production-users'), plain);
    expect(since.changed).toBe(true);
    expect(since.sections.map((s) => s.title)).toEqual(['Adopters: 4 named before, 4 now, 1 unchanged', 'Suggested score']);
    expect(since.sections[0]!.lines).toEqual([
      'added: Northwind GmbH (new line 13)',
      'removed: Quillon Ltd (old line 13)',
      'renamed: Acme Corp -> ACME Corporation (old line 10, new line 10)',
      'renamed: Blue Harbor Company -> Blue Harbor (old line 11, new line 11)',
    ]);
    expect(since.sections[1]!.lines[0]).toBe('2 -> 2 (unchanged) (old lines 10-13, new lines 10-13)');
    expect(since.sections[1]!.lines[1]).toMatch(/^before: /);
    expect(since.sections[1]!.lines[2]).toMatch(/^after: /);
  });

  it('gives committer-health the maintainers and the organisation shares', () => {
    const since = sinceForCriterion(diff, item('committer-health'), plain);
    expect(since.sections.map((s) => s.title)).toEqual(['Maintainers: 4 listed before, 4 now', 'Organisations (share of the listed maintainers)', 'Suggested score']);
    expect(since.sections[0]!.lines).toContain('changed: Ana Souza: affiliation Acme Corp -> Globex (old line 19, new line 19)');
    expect(since.sections[1]!.lines).toContain('Acme Corp: 2 (50%) -> 0 (0%) (old lines 19, 21)');
  });

  it('gives commit-flow the activity figures and its changed suggestion', () => {
    const since = sinceForCriterion(diff, item('commit-flow'), plain);
    expect(since.sections.map((s) => s.title)).toEqual(['Activity figures', 'Suggested score']);
    expect(since.sections[0]!.lines).toContain('merged PRs per month: 120 -> 150 (+30, +25%) (old line 26, new line 26)');
    expect(since.sections[1]!.lines[0]).toBe('2 -> 3 (changed) (old lines 26-27, new lines 26-27)');
  });

  it('says in one line when nothing a criterion rests on changed', () => {
    const since = sinceForCriterion(diff, item('versioning'), plain);
    expect(since).toEqual({ changed: false, unchanged: 'Nothing this criterion rests on changed: suggested score 0 -> 0', sections: [] });
  });

  it('escapes the document text it quotes', async () => {
    const text = '# Quarry 2024\n\n## Adopters\n\nQuarry runs in production at:\n\n- Acme\n- Globex\n- Initech\n';
    const next = text.replace('- Initech', '- Evil\u001b[31m Corp');
    const changed = diffDocuments(await sideOf(text, 'old.md'), await sideOf(next, 'new.md'), set);
    const since = sinceForCriterion(changed, item('production-users'), (t) => `<${t}>`);
    expect(since.sections[0]!.lines.some((l) => l.startsWith('added: <Evil'))).toBe(true);
  });
});
