import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCriteriaSet, type CriteriaSet } from '../../src/core/criteria/criteria.js';
import { parseDocument } from '../../src/core/document/document.js';
import { extractEvidence } from '../../src/core/evidence/extract.js';
import { scaleValueFor } from '../../src/core/evidence/suggest.js';
import { CORPUS, gold, seedText } from './corpus-helpers.js';

const shipped = parseCriteriaSet(readFileSync(new URL('../../criteria/cncf-incubation.yaml', import.meta.url), 'utf8'), 'criteria/cncf-incubation.yaml');
const GOLD_KEY = { 'production-users': 'production_users', 'committer-health': 'committer_health', 'commit-flow': 'commit_flow', versioning: 'versioning' } as const;

const extract = (md: string, set: CriteriaSet = shipped) => extractEvidence(parseDocument(md), set, { path: 'doc.md', sha256: 'x' });
const byId = (result: ReturnType<typeof extract>, id: string) => result.criteria.find((c) => c.id === id)!;

describe('evidence ranges on the corpus', () => {
  it('the first evidence range overlaps the gold section for at least 90% of criteria', () => {
    let hits = 0;
    let total = 0;
    const misses: string[] = [];
    for (const name of CORPUS) {
      const result = extract(seedText(name));
      expect(result.criteria.map((c) => c.id)).toEqual(shipped.items.map((i) => i.id));
      for (const entry of result.criteria) {
        const range = gold(name).sections[GOLD_KEY[entry.id as keyof typeof GOLD_KEY]];
        if (!range) continue;
        total++;
        const first = entry.evidence[0];
        if (first && first.startLine <= range[1] && first.endLine >= range[0]) hits++;
        else misses.push(`${name}/${entry.id}`);
      }
    }
    expect(total).toBe(20);
    expect(hits / total, misses.join(', ')).toBeGreaterThanOrEqual(0.9);
  });

  it('gives every evidence passage a heading, a reason and a range inside the file', () => {
    for (const name of CORPUS) {
      const text = seedText(name);
      const result = extract(text);
      for (const entry of result.criteria) {
        expect(entry.evidence.length).toBeLessThanOrEqual(3);
        for (const e of entry.evidence) {
          expect(e.startLine).toBeGreaterThanOrEqual(1);
          expect(e.endLine).toBeLessThanOrEqual(result.document.lineCount);
          expect(e.startLine).toBeLessThanOrEqual(e.endLine);
          expect(e.reason).not.toBe('');
        }
      }
    }
  });
});

describe('evidence ranges on other layouts', () => {
  it('reads template questions written as bullets as sections of their own', () => {
    const md = [
      '# Proj annual review', '', '## Year in review', '- Proj 1.0 released', '', '## Review contents', '',
      '* Include a link to your devstats page.', '', '  - Contributors: 12 => **40**', '  - Commits: 300 => **900**', '',
      '* How many maintainers do you have, and which organizations are they from?', '', '  - Ada Lovelace (@ada, Acme)', '  - Bob Smith (@bob, Globex)', '',
      '* What do you know about adoption? List companies that are end users.', '', '  - Initech', '  - Umbrella Corp', '  - Hooli', '',
      '* How has the project performed against its goals?', '', '  - Release cadence: 1 minor release every three months', '  - Versioning scheme: follows semantic versioning', '',
    ].join('\n');
    const result = extract(md);
    expect(byId(result, 'commit-flow').evidence[0]).toMatchObject({ startLine: 8, endLine: 11, heading: 'Include a link to your devstats page.' });
    expect(byId(result, 'committer-health').evidence[0]).toMatchObject({ startLine: 13, endLine: 16 });
    expect(byId(result, 'production-users').evidence[0]).toMatchObject({ startLine: 18, endLine: 22 });
    expect(byId(result, 'versioning').evidence[0]).toMatchObject({ startLine: 24, endLine: 27 });
  });

  it('reads criteria restated as answered bullets as sections, below a section of their own', () => {
    const nested = [
      '# Proj incubation', '', '## Community', 'Our Slack has 300 users and maintainers answer there.', '',
      '## Incubation criteria', 'A project must meet these:', '',
      '* Document that it is being used successfully in production by at least three independent end users.',
      '  * [Acme Cloud](https://acme.example)', '  * [Globex Build](https://globex.example)', '  * [Initech CI](https://initech.example)', '',
      '* Have a healthy number of committers.', '  * Owners - 3', '  * Committers - 14', '',
      '* Demonstrate a substantial ongoing flow of commits and merged contributions.', '  * Releases', '    * cli has 6 minor releases.', '  * [Commits per week](https://d.example/2)',
      '* A clear versioning scheme.', '  * Versioning is documented in our [community repo](https://x.example/VERSIONING.md).',
    ].join('\n');
    const result = extract(nested);
    expect(byId(result, 'production-users').evidence[0]).toMatchObject({ startLine: 9, endLine: 12 });
    expect(byId(result, 'committer-health').evidence[0]).toMatchObject({ startLine: 14, endLine: 16 });
    expect(byId(result, 'commit-flow').evidence[0]).toMatchObject({ startLine: 18, endLine: 21 });
    expect(byId(result, 'versioning').evidence[0]).toMatchObject({ startLine: 22, endLine: 23 });
    // Answers after a hard line break make sections too (not the whole Incubation section).
    const hardBreak = [
      '# Proj', '', '## Maintainers', '', '- Ada Lovelace (Acme)', '- Grace Hopper (Globex)', '', '## Incubation', '',
      '- Have a healthy number of committers   ', '  Proj has 9 regular maintainers across 3 organisations.', '',
      '- A clear versioning scheme   ', '  Proj has had a clear versioning scheme and a regular release cadence for months.',
    ].join('\n');
    const second = extract(hardBreak);
    expect(byId(second, 'committer-health').evidence.map((e) => [e.startLine, e.endLine])).toContainEqual([10, 11]);
    // A criterion bullet answered by a pointer ranks below the document's own section.
    const pointer = [
      '# Proj', '', '## DevStats', '', 'We saw 45 new contributors, 300 commits and 120 merged pull requests in the past year; contributions come from 12 companies.', '', '## Incubation', '',
      '- Have a healthy number of committers   ', '  See the maintainers file.', '',
      '- Demonstrate a substantial ongoing flow of commits and merged contributions   ', '  Evidence of this can be seen under DevStats above.',
    ].join('\n');
    expect(byId(extract(pointer), 'commit-flow').evidence[0]).toMatchObject({ heading: 'DevStats' });
    expect(byId(second, 'versioning').evidence[0]).toMatchObject({ startLine: 13, endLine: 14 });
  });

  it('ranks a heading that only matches a broad hint below a section that speaks of the criterion', () => {
    const md = [
      '# Proj', '', '## Features & Roadmap', '', 'We shipped a number of features.', '', '* Faster startup', '* Smaller images', '',
      '## Requirements', '', '* A clear versioning scheme with dev and stable releases.',
    ].join('\n');
    expect(byId(extract(md), 'versioning').evidence[0]).toMatchObject({ heading: 'Requirements', startLine: 10 });
  });

  it('weighs figures that name what the criterion counts above figures of another subject', () => {
    const md = [
      '# Proj', '', '## GitHub', '',
      '| GitHub | Before | After |', '|---|---|---|', '| Commits | 3051 | 2382 |', '| Committers | 16 | 56 |', '| Contributors | 7 | 13 |', '| Stars | 945 | 1820 |', '| Contributing companies | 2 | 7 |', '',
      '## Community', '',
      '| Chat | Before | After |', '|---|---|---|', '| Chat members | 1436 | 2466 |', '| Chat WAU | 93 | 213 | Weekly Active Users |', '| Chat DAU | 34 | 104 | Daily Active Users |',
      '| Chat posters | 12 | 25 |', '| Forum members | 40 | 90 |',
    ].join('\n');
    expect(byId(extract(md), 'commit-flow').evidence[0]).toMatchObject({ heading: 'GitHub', startLine: 3 });
  });
});

describe('suggestions and gaps', () => {
  it('explains the empty maintainer bullets of the KubeVirt draft', () => {
    const entry = byId(extract(seedText('kubevirt-incubation-draft')), 'committer-health');
    expect(entry.suggestion.score).toBe(0);
    expect(entry.gaps.join(' ')).toContain('has 3 empty bullets at lines 23-25');
    expect(entry.evidence[0]).toMatchObject({ startLine: 21, endLine: 25, heading: 'Maintainers' });
  });

  it('says when the maintainer section only links elsewhere', () => {
    const entry = byId(extract(seedText('kubevirt-incubation-commit-page')), 'committer-health');
    expect(entry.gaps[0]).toMatch(/no maintainer list found; the Maintainers section \(lines 111-113\) only links elsewhere/);
  });

  it('flags one organisation dominating the maintainers', () => {
    const entry = byId(extract(seedText('kube-ovn-2022-annual')), 'committer-health');
    expect(entry.suggestion.score).toBe(1);
    expect(entry.suggestion.rationale).toContain('4 of 5 (80%)');
    expect(entry.suggestion.rationale).toContain('lines 36-40');
    expect(entry.gaps.join(' ')).toContain('4 of 5 maintainers are from Alauda');
  });

  it('counts named adopters against the three required and cites their lines', () => {
    const entry = byId(extract(seedText('karmada-2022-annual')), 'production-users');
    expect(entry.suggestion.score).toBe(2);
    expect(entry.suggestion.rationale).toMatch(/^Met: 6 named adopters \(lines 132, 142, 152, 159, 165, 174\).*claims 11 \(line 130\)/);
    const few = byId(extract('## Adopters\n- Acme\n- Globex\n'), 'production-users');
    expect(few.suggestion.score).toBe(1);
    expect(few.gaps[0]).toContain('only 2 adopters named; the bar is 3');
  });

  it('marks every criterion as lacking evidence in an empty document', () => {
    const result = extract('');
    expect(result.document.lineCount).toBe(0);
    for (const entry of result.criteria) {
      expect(entry.evidence).toEqual([]);
      expect(entry.suggestion.score).toBe(0);
      expect(entry.gaps.length).toBeGreaterThan(0);
    }
  });

  it('prefers the section whose heading restates the criterion over a busier one', () => {
    const md = [
      '# Proj', '', '# Developer Community',
      '- Stars grew from 398 to 2052', '- Forks grew from 25 to 140', '- Contributors grew from 14 to 44', '- Followers grew from 206 to 542', '- 676 community members',
      '', '# Incubation Stage Requirements',
      '## Healthy Committers', 'Proj has 19 active maintainers (see the full list).',
      '## Flow Of Contributions', 'Detailed statistics from devstats:', '- average 159 PRs opened and 144 PRs closed per month',
    ].join('\n');
    const result = extract(md);
    expect(byId(result, 'commit-flow').evidence[0]).toMatchObject({ heading: 'Flow Of Contributions', startLine: 13 });
    expect(byId(result, 'commit-flow').evidence[0]!.reason).toContain('heading restates the criterion');
    expect(byId(result, 'committer-health').evidence[0]).toMatchObject({ heading: 'Healthy Committers', startLine: 11 });
    // The count is stated, the names are not.
    expect(byId(result, 'committer-health').gaps[0]).toMatch(/^no maintainer list found; the document states 19 \(line 12\) but names none; the Healthy Committers section/);
  });

  it('counts independent maintainers as separate organisations', () => {
    const entry = byId(extract('## Maintainers\n\n- Ada (@ada), Independent\n- Bob (@bob), Independent\n- Carol (@carol), Acme\n'), 'committer-health');
    expect(entry.signals?.find((s) => s.name === 'organisations')?.value).toBe(3);
    expect(entry.suggestion.score).toBe(2);
  });

  it('says when the stated maintainer count differs from the list', () => {
    const entry = byId(extract('## Maintainers\n\nWe have 4 maintainers.\n\n- Ada (@ada), Acme\n- Grace (@grace), Globex\n'), 'committer-health');
    expect(entry.gaps).toContain('the document states 4 maintainers (line 3) but lists 2');
  });

  it('says when the claimed adopter count is below the adopters named', () => {
    const entry = byId(extract('## Adopters\n\nThe list shows 3 users in production.\n\n- Acme\n- Globex\n- Initech\n- Hooli\n- Umbrella\n'), 'production-users');
    expect(entry.gaps).toContain('5 adopters named but the document claims 3 (line 3); check which is current and whether every name is an adopter');
  });

  it('works for a user criteria set with its own ids, hints and scale', () => {
    const set = parseCriteriaSet(
      [
        'id: my-set',
        'title: Mine',
        'scale:',
        '  - { value: 1, label: No, meets: false }',
        '  - { value: 5, label: Yes, meets: true }',
        'items:',
        '  - id: security',
        '    title: Security',
        '    question: Has it been audited?',
        '    guidance: An audit report.',
        '    hints: { headings: [security, audit], keywords: [audit, CVE] }',
        '  - id: users',
        '    title: Users',
        '    question: Used?',
        '    guidance: Adopters.',
        '    hints: { headings: [adopt], facts: [adopters] }',
      ].join('\n'),
      'mine.yaml',
    );
    const result = extract('# P\n\n## Security audit\n\nAn audit found 2 CVE issues.\n\n## Adopters\n\n- Acme\n- Globex\n- Initech\n', set);
    expect(result.criteria.map((c) => c.id)).toEqual(['security', 'users']);
    const security = result.criteria[0]!;
    expect(security.evidence[0]).toMatchObject({ startLine: 3, endLine: 5, heading: 'Security audit' });
    expect(security.suggestion.score).toBeNull();
    expect(security.suggestion.rationale).toMatch(/No scoring rule/);
    expect(result.criteria[1]!.suggestion.score).toBe(5);
  });

  it('maps levels onto any scale', () => {
    expect(['none', 'partial', 'met', 'exceeded'].map((l) => scaleValueFor(shipped, l as 'none'))).toEqual([0, 1, 2, 3]);
  });
});
