// export --format dd and score --from-dd through the CLI (in-process).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { tempWorkspace, writePlannedScoreFile, type ScorePlan } from '../helpers/export-fixtures.js';

const NAME = 'kube-ovn-2022-annual';
const IDS = ['production-users', 'committer-health', 'commit-flow', 'versioning'];

function plan(scores: (number | null)[]): ScorePlan {
  return {
    reviewer: { name: 'Ada Lovelace', handle: 'ada' },
    items: Object.fromEntries(IDS.map((id, i) => [id, { score: scores[i]!, notes: i === 1 ? '' : `Ada on ${id}`, cite: i === 0 ? ([[44, 46]] as [number, number][]) : [] }])),
    verdict: 'ready',
    recommendation: 'Ready once the release notes are public.',
  };
}

describe('export --format dd', () => {
  it('writes the DD of one score file, with the project and level given', async () => {
    const ws = tempWorkspace(NAME);
    const ada = writePlannedScoreFile(ws, NAME, plan([2, 1, null, 0]));
    const result = await runCli(['export', ada, '--format', 'dd', '--project', 'Kube-OVN', '--date', '2026-01-01'], { env: ws.env, cwd: ws.root });
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe('# Kube-OVN Incubation Due Diligence');
    expect(lines).toContain('## Criteria');
    // cncf-incubation: 2 and 3 count as met, so only production-users is ticked.
    expect(lines.filter((line) => line.startsWith('- [x] '))).toEqual(['- [x] **Production users**']);
    expect(lines.filter((line) => line.startsWith('- [ ] '))).toHaveLength(3);
    expect(result.stdout).toContain('**Recommendation:** Ready');
    expect(result.stdout).toContain('Ready once the release notes are public.');
  });

  it('refuses a panel', async () => {
    const ws = tempWorkspace(NAME);
    writePlannedScoreFile(ws, NAME, plan([2, 1, null, 0]));
    const result = await runCli(['export', ws.doc, '--panel', '--format', 'dd'], { env: ws.env, cwd: ws.root });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^toc-review: export: --format dd writes one reviewer's due diligence/);
    expect(readFileSync(ws.doc, 'utf8')).toContain('Kube-OVN');
  });
});
