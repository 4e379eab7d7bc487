import { describe, expect, it } from 'vitest';
import { extractMetrics } from '../../../src/core/facts/metrics.js';
import type { Metric } from '../../../src/core/evidence/extract-types.js';
import { docOf } from './doc.js';

type Row = [Metric['kind'], number, Metric['period']];

function rows(text: string): Row[] {
  return extractMetrics(docOf(text)).map((m) => [m.kind, m.value, m.period]);
}

function expectQuotesOnTheirLines(text: string): Metric[] {
  const doc = docOf(text);
  const metrics = extractMetrics(doc);
  for (const metric of metrics) expect(doc.lines[metric.line - 1]).toContain(metric.quote);
  return metrics;
}

describe('extractMetrics: the ways reports state activity and community size', () => {
  it.each<[string, Row[]]>([
    [
      'On average, there are [28 commits per month](https://d.example/74) contained within [18 merged PRs per month](https://d.example/75).',
      [['commits', 28, 'month'], ['merged_prs', 18, 'month']],
    ],
    [
      'The project currently has [92](https://d.example/22?orgId=1) contributors from [39](https://d.example/5) companies.',
      [['contributors', 92, 'total'], ['contributing_orgs', 39, 'total']],
    ],
    ['* [GitHub stars](https://d.example/3) increased from **1,600+ to 2,600+**', [['stars', 1600, 'total'], ['stars', 2600, 'total']]],
    ['- Number of contributors: 50+ -> **90+**', [['contributors', 50, 'total'], ['contributors', 90, 'total']]],
    ['Github forks: 220+ → 460+', [['forks', 220, 'total'], ['forks', 460, 'total']]],
    ['Currently, we have seven maintainers from five organizations.', []],
    ['In the past year, we shipped 4 minor and 1 major releases.', [['releases', 4, 'year'], ['releases', 1, 'year']]],
    ['In the last year we released 1 major version and 6 minor versions.', [['releases', 1, 'year'], ['releases', 6, 'year']]],
    ['Since joining the CNCF, the project has published 3 major releases and 10 minor releases.', [['releases', 3, null], ['releases', 10, null]]],
    ['Stars: 2.6k', [['stars', 2600, 'total']]],
    ['We have 3.5k GitHub stars and 800 forks.', [['stars', 3500, 'total'], ['forks', 800, 'total']]],
    ['The project averages 5 commits per week.', [['commits', 5, 'week']]],
    ['Over the last 12 months, 45 new contributors made their first pull request.', [['contributors', 45, 'year']]],
    ['For the last year the project has averaged more than 350 merged PRs per month from more than 60 contributors.', [['merged_prs', 350, 'month'], ['contributors', 60, 'month']]],
    ['Of those, [10-20 per month](https://d.example/14) come from new contributors.', [['contributors', 10, 'month']]],
    ['Since joining the CNCF, we have attracted 37 new committers from companies like ByteDance.', [['contributors', 37, null]]],
    ['Since joining the CNCF, 3 contributors became maintainers.', []],
    ['The project currently has 5 core maintainers.', []],
    ['The #project-dev Slack channel hosts over 1000 users.', []],
    ['There are currently (2021/06/01) 436 subscribers.', []],
    ['We hold community meetings regularly (38 times as of September 2022), with about 25 attendees each time.', []],
    ['Twenty-five companies contribute code to the project.', [['contributing_orgs', 25, 'total']]],
    ['* Number of new PRs increased to **30+ per week**', [['prs', 30, 'week']]],
    ['* Number of commits increased from **300+ to 1,500+**', [['commits', 300, null], ['commits', 1500, null]]],
    ['* [Number of contributions](https://d.example/74) increased to **1,500+ per month**', [['other', 1500, 'month']]],
    ['* Number of PR reviewers increased to **100+**', [['other', 100, 'total']]],
    ['Among the contributors, there are **23** people recognized as reviewers and approvers.', []],
    ['We merged 1,200 pull requests last year.', [['merged_prs', 1200, 'year']]],
    ['Contributors from 14 countries and regions joined the project.', []],
    ['The project is backed by 12 contributing organizations.', [['contributing_orgs', 12, 'total']]],
    ['The project has 45 monthly active contributors.', [['contributors', 45, 'month']]],
    ['- Monthly active contributors: 45', [['contributors', 45, 'month']]],
    ['Contributors come from 20 countries.', []],
    ['Over the past year we saw at least [45 new first-time-contributors](https://d.example/52).', [['contributors', 45, 'year']]],
    ['Irbe and Ashley joined, bringing the total number of maintainers to 9 with one maintainer at Apple and seven at Jetstack.', []],
    ['This year the project added 3 official maintainers.', []],
    ['The community has released five versions since joining CNCF.', [['releases', 5, null]]],
    ['Passing the 8,000 star milestone in early November 2021.', [['stars', 8000, 'total']]],
    [
      'Since joining the sandbox, contributors opened 413 new issues and 330 of the issues were closed; they opened 794 new PRs and 806 of the total PRs are merged.',
      [['other', 413, null], ['other', 330, null], ['prs', 794, null], ['merged_prs', 806, null]],
    ],
    ['Following these goals, in the last year we released a total of 2 versions.', [['releases', 2, 'year']]],
    ['On average, there are [52.5](https://d.example/74)\n  commits per month, contained within 43.4 merged PRs per month.', [['commits', 52.5, 'month'], ['merged_prs', 43.4, 'month']]],
    ['Pixie has a core team of 10+ full-time contributors.', [['contributors', 10, 'total']]],
    ['Many stats have increased since joining, such as GitHub stars\n(~2,000 to 3,480+), commits to the project (~2,000 to 3,300+).', [['stars', 2000, 'total'], ['stars', 3480, 'total'], ['commits', 2000, null], ['commits', 3300, null]]],
    ['The Discord community has grown to **235** members, of which roughly **30** are online on a daily basis.', []],
    ['Out of the last **100** merged pull requests, **22** were made by non-core contributors.', [['merged_prs', 100, null], ['merged_prs', 22, null]]],
    ['Tremor has seven primary maintainers from three organisations.', []],
    ['* A vibrant community of almost 2000 members discussing the project on the #proj Slack channel', []],
    ['During the last year, we continued with our pace of one release every one or two months.', []],
    ['Docker Pulls: 6.7K\nStars: 344', [['stars', 344, 'total']]],
    ['Governance as Code Day: 2,500+ registrants, 310 live attendees, top 50 hashtags for KubeCon', []],
    ['We held bi-weekly community meetings constantly (total 15 as of Jun 2022). The average number of meeting attendees is ~30.', []],
    ['* [Stargazers](https://d.example/81): 331% annual growth from 524 -> 1735.', [['stars', 524, 'total'], ['stars', 1735, 'total']]],
    ['* [Code Committers](https://d.example/81): 500% annual growth from 18 -> 90.', [['contributors', 18, 'total'], ['contributors', 90, 'total']]],
    ['* [Code Commenters](https://d.example/81): 509% annual growth from 22 -> 112.', [['other', 22, 'total'], ['other', 112, 'total']]],
    ['In the past year, there were 7 community contributions from 3 different users, in 3 different organizations.', [['other', 7, 'year'], ['contributors', 3, 'total'], ['contributing_orgs', 3, 'total']]],
    ['The project averages around [255 commits from around 27 contributors per month](https://d.example/74) within [186 PRs](https://d.example/74) on an average per month.', [['commits', 255, 'month'], ['contributors', 27, 'month'], ['prs', 186, 'month']]],
    ['- 1759+ commits; 1.8k+ stars; 400+ forks; 220+ contributors', [['commits', 1759, null], ['stars', 1800, 'total'], ['forks', 400, 'total'], ['contributors', 220, 'total']]],
    ['- Contributing member organizations: 14 => **30+**', [['contributing_orgs', 14, 'total'], ['contributing_orgs', 30, 'total']]],
  ])('%s', (text, expected) => {
    expect(rows(text)).toEqual(expected);
    expectQuotesOnTheirLines(text);
  });

  it('takes the window of a list from its introducing sentence', () => {
    const text = [
      'In the past year, we roughly followed a three month release cycle and accomplished:',
      '',
      '- Release cadence: 4 minor and 1 major releases. The latest release is v1.0.0.',
      '- 1,200 commits from 80 contributors',
    ].join('\n');
    expect(rows(text)).toEqual([
      ['releases', 4, 'year'],
      ['releases', 1, 'year'],
      ['commits', 1200, 'year'],
      ['contributors', 80, 'total'],
    ]);
  });

  it('gives list items the rate their introduction states ("with (monthly average):")', () => {
    const text = [
      '- Activity:',
      '',
      '    Devstats shows steady growth since the last review, with (monthly average):',
      '    * [60 issues opened](https://d.example/12);',
      '    * [46 active contributors](https://d.example/74);',
      '    * 41 merged PRs',
    ].join('\n');
    expect(rows(text)).toEqual([
      ['other', 60, 'month'],
      ['contributors', 46, 'month'],
      ['merged_prs', 41, 'month'],
    ]);
  });

  it('reads "current" and "growth since last review" table columns as level and change', () => {
    const text = [
      '| **Stats** | **Current** | **Growth Since Last Review** |',
      '|---|---|---|',
      '| Stargazers | 5.2 k | 1.5 k |',
      '| Commits | 2.16k | 1 k+ |',
      '| Twitter followers | 1.6k | 1k (approximately) |',
      '| Slack Membership (#proj in K8s slack) | 783 | 570 |',
      '| [Slack weekly active users](https://x.example/slack) | 110+ (645+ users in total) | 60 |',
    ].join('\n');
    expect(rows(text)).toEqual([
      ['stars', 5200, 'total'],
      ['stars', 1500, null],
      ['commits', 2160, 'total'],
      ['commits', 1000, null],
      // Followers, chat members and chat users are an audience, not activity (issue 14).
    ]);
  });

  it('reads a before -> after pair with a qualifier, and skips adopter pairs', () => {
    expect(rows('Core repo contributors have grown from 102 to over 157 since the last review.')).toEqual([
      ['contributors', 102, 'total'],
      ['contributors', 157, 'total'],
    ]);
    expect(rows('Adoption grew from 40 to over 60+ adopters this year.')).toEqual([]);
  });

  it('reads link text that wraps onto the next line', () => {
    const text = 'The project currently has over\n[173+](https://d.example/22) contributors from [99+\ncompanies](https://d.example/5). It averages [317 commits per\nmonth](https://d.example/74).';
    const metrics = expectQuotesOnTheirLines(text);
    expect(metrics.map((m) => [m.kind, m.value, m.period, m.line])).toEqual([
      ['contributors', 173, 'total', 2],
      ['contributing_orgs', 99, 'total', 2],
      ['commits', 317, 'month', 3],
    ]);
  });

  it('reads a number whose noun is on the next line of the same paragraph', () => {
    const metrics = expectQuotesOnTheirLines('OpenKruise currently has [92](https://x.example/a) contributors from [39](https://x.example/b)\ncompanies. Nothing else.');
    expect(metrics.map((m) => [m.kind, m.value, m.line])).toEqual([
      ['contributors', 92, 1],
      ['contributing_orgs', 39, 1],
    ]);
    // Quotes never carry link destinations.
    for (const metric of metrics) expect(metric.quote).not.toContain('https://');
  });

  it('reads devstats-style tables by row label and column header', () => {
    const text = [
      '| Metric | Value |',
      '| --- | ---: |',
      '| Contributors | 1,234 |',
      '| Commits per month | 310 |',
      '| Merged PRs | 95 |',
      '| Docker pulls | 2M |',
      '',
      '| | 2021 | 2022 |',
      '|---|---|---|',
      '| Commits | 2,000 | 3,500 |',
      '',
      '| Period | Pull requests | Stars |',
      '|---|---|---|',
      '| Last 12 months | 800 | 4k |',
    ].join('\n');
    expect(rows(text)).toEqual([
      ['contributors', 1234, 'total'],
      ['commits', 310, 'month'],
      ['merged_prs', 95, null],
      ['commits', 2000, 'year'],
      ['commits', 3500, 'year'],
      ['prs', 800, 'year'],
      ['stars', 4000, 'total'],
    ]);
    expectQuotesOnTheirLines(text);
  });

  it('reads rates written inside table cells ("~75/month") and skips unknown cells', () => {
    const text = [
      '| Statistic | Sandbox | 2021 | 2022 |',
      '|-|-|-|-|',
      '| [Commits](https://x.example/commits) | ~75/month | ~65/month | ~93/month |',
      '| [GitHub Stars](https://x.example/stars) | ~14k | ~18k | ?? |',
    ].join('\n');
    expect(rows(text)).toEqual([
      ['commits', 75, 'month'],
      ['commits', 65, 'month'],
      ['commits', 93, 'month'],
      ['stars', 14000, 'total'],
      ['stars', 18000, 'total'],
    ]);
  });

  it('reads "N (from M)" as a before -> after pair, earlier value first', () => {
    expect(rows('- Stars: 3.7k (from 1.5k)\n- Contributors: 102 (from 23)')).toEqual([
      ['stars', 1500, 'total'],
      ['stars', 3700, 'total'],
      ['contributors', 23, 'total'],
      ['contributors', 102, 'total'],
    ]);
  });

  it('reads every figure of a cell that holds only figures, and explains a label by its row', () => {
    const text = [
      '| GitHub | Before | After | Notes |',
      '|---|---|---|---|',
      '| Commits | 3051 (24 per week) | 2382 (48 per week) | |',
      '| Contributors | Avg: 7 Max: 25 | Avg: 13 (+85%) Max: 55 (+120%) | 28 Day MA |',
      '| Chat WAU | 93 | 213 (+129%) | Weekly Active Users |',
      '| Chat DAU | 34 | 104 | Daily Active Users |',
      '| Downloads | 43,482 | 121,270 | dpkg/rpm |',
    ].join('\n');
    expect(rows(text)).toEqual([
      ['commits', 3051, null],
      ['commits', 24, 'week'],
      ['commits', 2382, null],
      ['commits', 48, 'week'],
      ['contributors', 7, null],
      ['contributors', 25, null],
      ['contributors', 13, null],
      ['contributors', 55, null],
      // Chat active users are an audience, not activity (issue 14).
    ]);
    expectQuotesOnTheirLines(text);
  });

  it('reads "from a max of 7 to a max of 13" as a pair of statistics', () => {
    expect(rows('The contributing companies metric increased from a max of 7 to a max of 13.')).toEqual([
      ['contributing_orgs', 7, null],
      ['contributing_orgs', 13, null],
    ]);
  });

  it('does not read maintainer tables, names, handles or join years as metrics', () => {
    const text = [
      '| Maintainer | GitHub ID | Affiliation | Since |',
      '|---|---|---|---|',
      '| Fei Guo | [Fei-Guo](https://github.com/Fei-Guo) | Alibaba | 2019 |',
      '| Yan Shi | @shiyan2016 | Trip | 2021 |',
    ].join('\n');
    expect(rows(text)).toEqual([]);
  });
});

describe('extractMetrics: what is not a metric', () => {
  it.each([
    'OpenKruise was accepted as a CNCF Sandbox project on Nov 10, 2020.',
    'Karmada now has 11 adopters that using Karmada in `production` environments as of Oct 25, 2022.',
    'Version v1.2.3 was released on 2021-06-01, followed by 1.3.0 in September 2021.',
    'The total image download count has exceeded 1.6M.',
    '- Docker image Pulls: **5M+**',
    '80% of commits come from a single company, and 65 percent of contributors are volunteers.',
    'See [line 42](https://github.com/o/r/blob/main/a.go#L42) and https://example.com/stats/300-contributors for details.',
    'Document that it is being used successfully in production by at least three independent end users.',
    '* Use in production by 3 significant end users',
    'Have a healthy number of committers, from more than one organization.',
    'See End Users Below. Currently 10 organizations use KubeVirt, some of them for internal use.',
    'VIPKID delivers 150 million training sessions, and ICBC is running over **100** Kubernetes clusters and more than **280,000** containers.',
    'We once released new features every month. Starting from version 1.0.0, we changed our pace to every 3 months.',
    'In the past year, we roughly followed three month release cycle.',
    'KubeVirt has been a CNCF project for two years.',
    'The mailing list typically receives 0-5 new threads per day.',
    'The community call is at 10:00 UTC; PR #1234 added IPv6 and k8s 1.24 support.',
    '3 contributors become maintainers, two from Alauda and one from China Telecom.'.replace('3 contributors become maintainers, ', ''),
    'There are four problems: 1) Limited availability. 2) Limited resources. 3) Non-transparent clusters.',
    'The top 10 contributors wrote most of the code.',
    'However, the maintainers and majority commits are mainly come from two companies.',
    'It is 3 times faster than the previous scheduler.',
    'The project uses two channels on the Kubernetes Slack server.',
    'Kubernetes 1.24 and Go 1.19 are supported; Docusaurus v2 powers the site.',
    'The roadmap runs from 2020-2022 and the budget is $5,000.',
    'The 1.0 release made the API stable.',
    'The 1.3 release shipped the scheduler and Helm 3.2 charts.',
    'We published 3 press releases with our partners.',
    'The existing free account only supports 3 members, and those spots are filled.',
    'We are aware of 7 companies who adopted it and an additional 9 who are evaluating it; 80 users from 12 companies run it in production.',
    'We are prototyping a roadmap for the next release and a horizon looking 2 releases into the future.',
    'Vivo requires the following capabilities: 1) Unified management of clusters; (2) Cross-cluster scheduling.',
    '- Release Cadence: 1 minor release every three months',
    'Number of public adopters grew from 13 to 20, with **production grade adopters grew from 2 to 10**.',
    'The images show an average of 40k "actions" per day for the controller image.',
    'Our helm charts see around 1M downloads per day and the website 1.5k unique visitors per day.',
    'Work closely with end-users to bring it into production systems in at least 3-5 commercial companies.',
    'WasmEdge was accepted into the CNCF Sandbox on 27th April 2021; our 2022 roadmap is online.',
    'Each PR requires two reviewers, and there may be no more than 2 maintainers from one company.',
    'We maintain 4 release branches and 2 issue templates.',
    'The project is used in 30 countries.',
    '0 comments on commit d0ef43c',
  ])('%s', (text) => {
    expect(rows(text)).toEqual([]);
  });

  it('skips releases planned ahead ("within the next two releases")', () => {
    expect(rows('The audit will be published within the next two releases.')).toEqual([]);
    expect(rows('We shipped two releases this year.')).toEqual([['releases', 2, 'year']]);
  });

  it('skips code blocks, HTML comments and headings', () => {
    const text = [
      '## 50 contributors and counting',
      '',
      '```',
      'we have 500 contributors',
      '```',
      '',
      '<!-- 300 contributors -->',
      '<!--',
      '40 maintainers',
      '-->',
      'Real text: 7 commits.',
      '',
      'Setext heading with 12 contributors',
      '-----------------------------------',
    ].join('\n');
    const metrics = extractMetrics(docOf(text));
    expect(metrics.map((m) => [m.kind, m.value, m.line])).toEqual([['commits', 7, 11]]);
  });

  it('reads only the content range of a captured web page', () => {
    const text = ['1 parent 4332c7a commit d0ef43c', '164 changes: 164 additions', '# Proposal', '', '2562 stars', 'Footer with 99 contributors'].join('\n');
    const metrics = extractMetrics(docOf(text, { startLine: 3, endLine: 5 }));
    expect(metrics.map((m) => [m.kind, m.value, m.line])).toEqual([['stars', 2562, 5]]);
  });
});

describe('extractMetrics: held-out round 13 phrasings', () => {
  it.each<[string, Row[]]>([
    // A comma list shares the noun of its last number.
    ['The CLI, SDK, and spec had 7, 11, and 3 releases respectively in 2024.', [['releases', 7, 'year'], ['releases', 11, 'year'], ['releases', 3, 'year']]],
    // A calendar year is the window of an activity count.
    ['We held 52 community meetings in 2024, see the notes.', []],
    // "up from N" is the earlier value of a pair; "totally" still lets the label apply.
    ['Contributors across all repositories increased to [150](https://d.example/1) totally, up from [40](https://d.example/2) before joining.', [['contributors', 150, 'total'], ['contributors', 40, 'total']]],
    // "in all … repositories" is not concentration; a window right after a level is its period.
    ['PR authors in all project repositories come from [18 organizations](https://d.example/3) over the past year.', [['contributing_orgs', 18, 'year']]],
    ['Stars increased from 1200 to 1500 over the past year.', [['stars', 1200, 'total'], ['stars', 1500, 'total']]],
    // People who contributed are contributors, counted over the sentence's window.
    ['In the past year (since May 2023), [31 different people](https://x.example/graphs) have contributed to the main repo.', [['contributors', 31, 'year']]],
    // Four modifiers before the noun; owners are counted like maintainers.
    ['We have 2 additional active repo level maintainers.', []],
    ['- Owners - 5', []],
  ])('%s', (text, expected) => {
    expect(rows(text)).toEqual(expected);
    expectQuotesOnTheirLines(text);
  });

  it('gives list items that only label their figure the noun of the list intro', () => {
    const text = ['Total number of PRs across all repos in the past year:', '', '* merged: [410](https://d.example/24)', '* total: [455](https://d.example/15)'].join('\n');
    expect(rows(text)).toEqual([['merged_prs', 410, 'year'], ['prs', 455, 'year']]);
    // Without a "number of" intro the bare labels count nothing.
    expect(rows(['Some figures:', '', '* merged: 410', '* total: 455'].join('\n'))).toEqual([]);
  });

  it('reads no noun inside inline code', () => {
    expect(rows('We plan to move one GCP project - `proj-release` - and create others.')).toEqual([]);
    expect(rows('We shipped `v2.1.0` and 3 releases since.')).toEqual([['releases', 3, null]]);
  });

  it('does not chain a year into a comma list', () => {
    expect(rows('In 2021, 30 commits landed on main.')).toEqual([['commits', 30, 'year']]);
  });
});

describe('extractMetrics: held-out round 14 phrasings', () => {
  it.each<[string, Row[]]>([
    // A number with its own plural noun does not share the next number's noun.
    ['Almost 700 repositories have been added, which accounts for a total of 2.4K packages and 30K downloads.', []],
    ['In total 5 minor and 2 major releases were cut.', [['releases', 5, 'total'], ['releases', 2, 'total']]],
    // "commit" after a count larger than one is the verb.
    ['Of these, three commit to the project on a daily basis.', []],
    ['The bot made 1 commit to the main branch.', [['commits', 1, null]]],
    // A count marked as a total is not a weekly rate because the meetings are weekly.
    ['We held weekly community meetings (total 61 as of March 2024).', []],
    ['Our weekly contributor sync drew 35 attendees per week.', []],
    // "The average number of … is N" is no point-in-time total.
    ['The average number of meeting attendees is ~25.', []],
    // An adverb before "merged"; people a role is granted to change role.
    ['A total of [412 pull requests](https://x.example/q) were successfully merged.', [['merged_prs', 412, 'total']]],
    ['During the period, an additional four contributors were granted the **write** role on two repositories.', []],
    // The individuals who made the commits are contributors.
    ['Since joining, 12 releases were published with 350 commits from 61 individuals.', [['releases', 12, null], ['commits', 350, null], ['contributors', 61, 'total']]],
    // Companies taking up the project are adoption, not community size.
    ['At least three companies are beginning to build this into their platforms:', []],
    ['Twenty organizations have adopted it in production.', []],
  ])('%s', (text, expected) => {
    expect(rows(text)).toEqual(expected);
    expectQuotesOnTheirLines(text);
  });

  it('gives contributors and organisations under a "contributions from:" intro its window and kind', () => {
    const text = ['In the last year Proj has had contributions from:', '* [40 contributors](https://d.example/22)', '* [7 Organizations](https://d.example/5)'].join('\n');
    expect(rows(text)).toEqual([['contributors', 40, 'year'], ['contributing_orgs', 7, 'year']]);
    // Under another intro a level stays a total.
    expect(rows(['Highlights:', '* [40 contributors](https://d.example/22)'].join('\n'))).toEqual([['contributors', 40, 'total']]);
  });

  it('lets a sentence ending in "the following outcomes." introduce the list under it', () => {
    const text = ['In the past year, we achieved the following development outcomes.', '- Release cadence: 3 minor releases, roughly once every four months.'].join('\n');
    expect(rows(text)).toEqual([['releases', 3, 'year']]);
  });
});
