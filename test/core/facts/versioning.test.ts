import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractVersioning, SIGNAL_WORDS, SIGNALS, VERSIONING_REASONS } from '../../../src/core/facts/versioning.js';
import { docOf } from './doc.js';

function lines(text: string): number[] {
  return extractVersioning(docOf(text)).map((v) => v.line);
}

describe('extractVersioning', () => {
  it.each([
    'Since joining the CNCF, Kube-OVN has published 3 major releases and 10 minor releases.',
    'In the past year, we roughly followed three month release cycle and accomplished the following goals:',
    'The latest release is v1.0.0.',
    'We do not anticipate any further breaking changes in subsequent minor and patch releases.',
    'The biggest accomplishment this year is the release of v1.0.0, the first milestone for the project.',
    'We once released new features every month.',
    'Kubevirt has an established and documented release process and cadence',
    '* [WIP] Establish predictable community release and support patterns',
    '* A clear versioning scheme with dev and stable releases.',
    'The project follows Semantic Versioning.',
    'Releases are cut every 6 weeks from the main branch.',
    'We publish quarterly releases and support the last two.',
    'Each minor version is supported for 12 months (LTS).',
    'We rotate release captains for every release to keep the process documented.',
    'Chaos Mesh has 4 major releases and 21 patch releases since 2.0.',
    'That resulted in Proj 2.0 (in beta, fully backward compatible with existing Proj 1.x releases).',
    'In the last year we released a total of 2 versions and each version added features:',
    '  - Minor (aka feature) release once every 3-4 months',
    '  - Many more - hundreds of issues closed across 40+ release since last October',
    'We want to achieve the above roadmap while also maintaining cadence with upstream Kubernetes.',
    'Feedback from our mentorships promoted the connectors refactoring in the `0.12` release.',
    'We have successfully done so and released a major version for all of components of the project:',
    'The milestones are out of date due to a 2.7.x release being cut without issues being moved.',
    'In the past, we decided to have a Strimzi 1.0 version after ZooKeeper was removed.',
    '* Continuing with ZooKeeper removal and towards the release of Strimzi 1.0.',
    '* Continuing the development and growth of the project with regular releases',
    '* **Availability**: Kyverno added support for multiple replicas in Release 1.4.0 (June 2021).',
    '* Proj 1.0 released, and moving closely to 2.0.',
    '- Version 1.0.0 released 24/11/2020',
    'The 2.3 version was released in March.',
    '- Since June 2020 moved from 0.6.0 to 1.4.0',
    '- Moved to 1.3.0',
  ])('finds: %s', (text) => {
    const doc = docOf(text);
    const found = extractVersioning(doc);
    expect(found).toHaveLength(1);
    expect(found[0]!.line).toBe(1);
    expect(text).toContain(found[0]!.quote);
  });

  it.each([
    '## Release cadence',
    '* [Release process](https://github.com/o/r/blob/main/docs/release.md)',
    '* [Release cadence](https://github.com/o/r/blob/main/docs/release.md#cadence-and-timeline)',
    '  - 0.8.0',
    '- Promote Advanced StatefulSet API to v1beta1.',
    'Meanwhile, we provide not only a smooth version upgrade path but also a clear migration approach.',
    'We have started early on improving user experience in large-scale scenarios in the past releases.',
    'Karmada is built based on Kubernetes Federation v1 and v2.',
    '* [WIP] Define a deprecation policy',
    'With Karmada integrated into GitOps, system components can be easily released and upgraded in each cluster.',
    '* [DONE] GA v1 API for core KubeVirt APIs',
    'A specific dependency on Kubernetes versions.',
    'Key features added to the project (complete changelog can be found in [here](https://x.example/CHANGELOG.md)):',
    'Maintainers keep a weekly meeting cadence.',
    'Office hours run at a bi-weekly cadence.',
    'Crossplane is available on operatorhub.io for every v0.9 user.',
    'We aim to dramatically improve scalability in the subsequent releases.',
    '* Keeping the project up-to-date with the latest Kubernetes releases and API changes.',
    '- First version as alpha feature was released in v1.9 of Kubernetes - Dec 2017',
    'We published 3 press releases with our partners.',
    '- Upgraded Go to 1.17 and moved the CI to GitHub Actions.',
    'Users moved to Kubernetes 1.20 during the year.',
  ])('ignores: %s', (text) => {
    expect(lines(text)).toEqual([]);
  });

  it('merges the sentences of one line into one statement, and quotes the raw line', () => {
    const text = [
      'Intro paragraph without anything.',
      '',
      '- Release cadence: 4 minor and 1 major releases. The latest release is **v1.0.0**.',
      'In the last year we released 1 major version and 6 minor versions. Version 1.0.0 marks a stage of steady iteration. Unrelated.',
      'See the [release process](https://x.example/release.md) for how we cut releases every quarter.',
    ].join('\n');
    const found = extractVersioning(docOf(text));
    expect(found).toEqual([
      { line: 3, quote: 'Release cadence: 4 minor and 1 major releases. The latest release is **v1.0.0**.', reason: VERSIONING_REASONS.sentence },
      { line: 4, quote: 'In the last year we released 1 major version and 6 minor versions. Version 1.0.0 marks a stage of steady iteration.', reason: VERSIONING_REASONS.sentence },
      { line: 5, quote: 'See the [release process](https://x.example/release.md) for how we cut releases every quarter.', reason: VERSIONING_REASONS.sentence },
    ]);
  });

  it('treats a markdown hard line break as the end of a sentence', () => {
    const text = ['- A clear versioning scheme   ', '  The project has had a regular release cadence for many months now.'].join('\n');
    expect(extractVersioning(docOf(text))).toEqual([
      { line: 1, quote: 'A clear versioning scheme', reason: VERSIONING_REASONS.sentence },
      { line: 2, quote: 'The project has had a regular release cadence for many months now.', reason: VERSIONING_REASONS.sentence },
    ]);
  });

  it('reads link text that wraps onto the next line', () => {
    const text = 'The biggest accomplishment is the release of [v1.0, the first major\nmilestone](https://x.example/v1) in the project history.';
    expect(extractVersioning(docOf(text))).toEqual([{ line: 1, quote: 'The biggest accomplishment is the release of [v1.0, the first major', reason: VERSIONING_REASONS.sentence }]);
  });

  it('reports the parts of a versioning scheme listed under it', () => {
    const text = [
      'The versioning scheme conforms to semantic versioning and is implemented as follows',
      '',
      '- Major: currently 0 as the core implementation is in progress',
      '- Minor: is incremented for new major features or breaking changes',
      '- Patch: is incremented for bug fixes',
      '',
      'Key features added:',
      '',
      '- Major refactoring of the scheduler',
    ].join('\n');
    expect(lines(text)).toEqual([1, 3, 4, 5]);
  });

  it('reports a table row that gives release figures, not other rows', () => {
    const text = [
      '| Statistic | Sandbox | 2022 |',
      '|-|-|-|',
      '| [Releases](https://x.example/releases) | 100 | 171 |',
      '| Commits | 75/month | 93/month |',
      '| Release notes | [link](https://x.example/notes) | |',
    ].join('\n');
    expect(extractVersioning(docOf(text))).toEqual([{ line: 3, quote: '[Releases](https://x.example/releases) | 100 | 171', reason: VERSIONING_REASONS.row }]);
  });

  it('skips code blocks and comments', () => {
    const text = ['```', 'We publish monthly releases.', '```', '<!-- The latest release is v2.0 -->', 'Plain text.'].join('\n');
    expect(lines(text)).toEqual([]);
  });
});

describe('extractVersioning: held-out round 13 phrasings', () => {
  it('reads planned releases', () => {
    expect(lines('We are also:\n\n1. Preparing for a new Proj release in early 2025\n')).toEqual([3]);
    expect(lines('The next milestone is [v2.3.0](https://x.example/m/4) slated for release in late May.')).toEqual([1]);
    // A planned feature is not a release statement.
    expect(lines('We are preparing a new dashboard for users.')).toEqual([]);
  });

  it('reads a bullet that states release counts through a link, but not a bare link pointer', () => {
    expect(lines('* libfoo has [42 releases](https://x.example/releases).')).toEqual([1]);
    expect(lines('* See [release process](https://x.example/RELEASE.md)')).toEqual([]);
  });
});

describe('extractVersioning: held-out round 14 phrasings', () => {
  it('reads the next scheduled release and a version that has just been released', () => {
    expect(lines('Maintaining a regular release rhythm. Next scheduled release is [Proj v2.3.0](https://x.example/v2.3.0)')).toEqual([1]);
    expect(lines('- **Grow users**. We are stable (version `1.0.0` has just been released -June 22nd-), but still new.')).toEqual([1]);
    expect(lines('Version 2.1 was finally published last week.')).toEqual([1]);
    // A dependency bumped to a version is still not one.
    expect(lines('We have upgraded Go to 1.19 this year.')).toEqual([]);
  });

  it('reads "the latest releases" in link text wrapped over two lines, on the line where it starts', () => {
    const text = '* [v0.4.3 is the latest\nreleases](https://x.example/releases), shipped on\nAugust 5th, 2019. New features include:';
    expect(lines(text)).toEqual([1]);
  });
});

describe('the versioning pre-filter', () => {
  // isSignal skips SIGNALS for sentences without any of SIGNAL_WORDS. That is only right while
  // every pattern needs one of them: sentences made of the words the patterns themselves spell
  // out (plus numbers and versions) must never match a pattern without holding a signal word.
  // Runs of one to four consecutive words as a pattern spells them ("major milestone"), so a
  // pattern that needs a phrase is tried with that phrase.
  const runs = [...SIGNALS, /\bcadence\b/].flatMap((re) => {
    const words = re.source.replace(/\\[A-Za-z]/g, ' ').match(/[A-Za-z]{2,}/g) ?? [];
    return words.flatMap((_, i) => [1, 2, 3, 4].map((n) => words.slice(i, i + n).join(' ')));
  });
  const token = fc.oneof(fc.constantFrom(...new Set(runs)), fc.constantFrom('3', '1.0', 'v2.1.0', '1.x', '-', 'and', 'of', 'a', 'the', '.'));
  it('every pattern needs a signal word', () => {
    fc.assert(
      fc.property(fc.array(token, { minLength: 1, maxLength: 8 }), fc.boolean(), (parts, upper) => {
        const sentence = upper ? parts.join(' ').toUpperCase() : parts.join(' ');
        const lower = sentence.toLowerCase();
        if (SIGNAL_WORDS.some((w) => lower.includes(w))) return;
        for (const re of SIGNALS) expect(re.test(sentence), `${re} on "${sentence}"`).toBe(false);
      }),
      { numRuns: 3000 },
    );
  });
});
