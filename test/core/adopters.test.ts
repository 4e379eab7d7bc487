import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/core/document/document.js';
import { ADOPTER_REASONS, cleanOrgName, describesIntegration, extractAdopters, extractAdoptersClaimedCount, nameFromItem, namesFromCategoryItem, namesInSentence, subjectAdopter, userOfProject, projectWordsOf } from '../../src/core/facts/adopters.js';
import { CORPUS, gold, seedText } from './corpus-helpers.js';

const names = (md: string) => extractAdopters(parseDocument(md)).map((a) => a.name);

describe('extractAdopters on the corpus', () => {
  for (const name of CORPUS) {
    it(`${name}: the gold adopters, no more, and the claimed count`, () => {
      const doc = parseDocument(seedText(name));
      const found = extractAdopters(doc);
      const expected = gold(name);
      expect(new Set(found.map((a) => a.name))).toEqual(new Set(expected.adopters));
      expect(found).toHaveLength(expected.adopters.length);
      for (const a of found) expect(doc.lines[a.line - 1]).toContain(a.name);
      expect(extractAdoptersClaimedCount(doc)?.count ?? null).toBe(expected.adopters_claimed_count);
    });
  }

  it('keeps the structured list first and the spelling it uses', () => {
    const found = extractAdopters(parseDocument(seedText('kubevirt-incubation-commit-page')));
    expect(found[0]).toEqual({ name: 'NVIDIA', line: 139, reason: ADOPTER_REASONS.list });
    // Named in a sentence of the criterion's answer, outside the adopters section.
    expect(found.at(-1)).toEqual({ name: 'Red Hat', line: 88, reason: ADOPTER_REASONS.listed + ADOPTER_REASONS.outside });
  });
});

describe('extractAdopters on other layouts', () => {
  it('reads an adopters table by its organisation column, whatever its position', () => {
    const md = ['# P', '## Adopters', '', '| Use case | Organization | Since |', '|---|---|---|', '| CI | [Acme Corp](https://acme.example) | 2021 |', '| Batch | Globex (Germany) | 2022 |', '| ML | Initech | 2023 |'].join('\n');
    expect(extractAdopters(parseDocument(md))).toEqual([
      { name: 'Acme Corp', line: 6, reason: ADOPTER_REASONS.table },
      { name: 'Globex', line: 7, reason: ADOPTER_REASONS.table },
      { name: 'Initech', line: 8, reason: ADOPTER_REASONS.table },
    ]);
  });

  it('reads adopters named in a comma sentence', () => {
    const md = '# P\n\n## Production use\n\nThe project is used in production by Acme, Globex, Initech and Umbrella Corp.\n';
    expect(names(md)).toEqual(['Acme', 'Globex', 'Initech', 'Umbrella Corp']);
  });

  it('reads "Name: description" and "Name - description" bullets and grouped lists', () => {
    const md = ['## Case studies', '- Acme: runs 300 clusters', '- Globex - uses it for CI', '- Financial services:', '  - Big Bank', '  - Other Bank'].join('\n');
    expect(names(md)).toEqual(['Acme', 'Globex', 'Big Bank', 'Other Bank']);
  });

  it('finds nothing in a document without adopters, and ignores integrations and links', () => {
    expect(names('# P\n\n## Roadmap\n\n- **Faster builds**\n- **Better docs**\n')).toEqual([]);
    expect(names('# P\n## Integrations\n- [Argo CD](https://argo.example)\n- Flux\n')).toEqual([]);
    expect(names('# P\n## Adopters\nSee the [adopters list](https://x.example/ADOPTERS.md).\n- [ADOPTERS.md](https://x.example/ADOPTERS.md)\n')).toEqual([]);
    // Sentences in an adoption section are not names.
    expect(names('## Adoption\n- We have many users running this in production\n- Several teams use it daily at scale\n')).toEqual([]);
  });

  it('takes adopters from case-study subsection headings, not from the lists that describe them', () => {
    const md = [
      '# Proj', '## Incubation requirements', '### Adopters in production',
      'Proj has [17 documented adopters](https://x.example/ADOPTERS.md), and more undisclosed.', '',
      '#### 1. Acme', 'They embed Proj in several products:', '- [Widget](https://w.example) - a container manager', '- [Gizmo](https://g.example) - a cluster tool', '',
      '#### 2. Globex', 'Globex moved its authorization to Proj.', '',
      '#### 3. Initech', 'Initech picked Proj for its audit log.', '',
      '### Healthy committers', 'We have 9 maintainers.',
    ].join('\n');
    const doc = parseDocument(md);
    expect(extractAdopters(doc)).toEqual([
      { name: 'Acme', line: 6, reason: ADOPTER_REASONS.heading },
      { name: 'Globex', line: 11, reason: ADOPTER_REASONS.heading },
      { name: 'Initech', line: 14, reason: ADOPTER_REASONS.heading },
    ]);
    expect(extractAdoptersClaimedCount(doc)).toEqual({ count: 17, line: 4 });
    // Unnumbered case-study headings and bold pseudo-headings work the same way.
    expect(names('## Case studies\n### Acme Corp\ntext\n### Globex: scaling to 10k nodes\ntext\n')).toEqual(['Acme Corp', 'Globex']);
    expect(names('## Adopters\n\n**Acme**\n\nRuns it in production.\n\n**Globex**\n\n- Widget\n- Gizmo\n')).toEqual(['Acme', 'Globex']);
    // Topical subsections are not names: their lists are read instead.
    expect(names('## Adoption\n### Overview\n- Acme\n- Globex\n- Initech\n')).toEqual(['Acme', 'Globex', 'Initech']);
  });

  it('reads a list introduced as adopters outside any adoption section, and bold-italic criterion lines as headings', () => {
    expect(names('## Community\n\nSignificant users include:\n- Acme\n- Globex\n')).toEqual(['Acme', 'Globex']);
    expect(extractAdopters(parseDocument('## Community\n\nSignificant users include:\n- Acme\n')).map((a) => a.reason)).toEqual([ADOPTER_REASONS.introList]);
    expect(names('## Community\n\nOur features include:\n- Live migration\n- Snapshots\n')).toEqual([]);
    const md = [
      '## Incubation Stage Requirements',
      '',
      '**_Document that it is being used successfully in production by at least three independent end users which, in the judgement of the committee, are of adequate quality and scope._**',
      '',
      'The full list of adopters is [here](https://x.example/issues/1).',
      'Highlighted examples include:',
      '- [**Acme Group**](https://acme.example): Using it for parking lots.',
      '- [**Globex**](https://globex.example): Using it across branch sites.',
      '',
      '**_Have a healthy number of committers._**',
      '',
      '- Not An Adopter',
    ].join('\n');
    const doc = parseDocument(md);
    expect(doc.sections.map((s) => s.level)).toEqual([2, 7, 7]);
    expect(extractAdopters(doc)).toEqual([
      { name: 'Acme Group', line: 7, reason: ADOPTER_REASONS.list },
      { name: 'Globex', line: 8, reason: ADOPTER_REASONS.list },
    ]);
  });

  it('deduplicates names case-insensitively', () => {
    expect(names('## End users\n- ACME\n- Acme\n- Globex\n')).toEqual(['ACME', 'Globex']);
  });

  it('reads a stated adopter count but not the criterion restated', () => {
    const claim = (md: string) => extractAdoptersClaimedCount(parseDocument(md))?.count ?? null;
    expect(claim('We now have 25 adopters running it.\n')).toBe(25);
    expect(claim('Today twelve companies use the project in production.\n')).toBe(12);
    expect(claim('* Use in production by 3 significant end users\n')).toBeNull();
    expect(claim('We have 300 contributors from 50 organizations.\n')).toBeNull();
  });
});

describe('extractAdopters on template questions and look-alike lists', () => {
  it('reads adopters answered under a template question written as a bullet', () => {
    const md = [
      '# P', '## Review', '',
      '* How many maintainers do you have?', '', '  - Ada (@ada, Acme)', '',
      '* What do you know about adoption? If you can list companies that are end users, please do so.', '',
      '  Adopters grew from 3 to 9.', '', '  Some adopters are:', '  - Acme Cloud', '  - Globex (globex.example)', '  - Initech', '',
    ].join('\n');
    expect(names(md)).toEqual(['Acme Cloud', 'Globex', 'Initech']);
  });

  it('reads linked names followed by a hard line break, not the sub-bullets of their descriptions', () => {
    const md = [
      '## Review', '* **What do you know about adoption?**', '',
      '  * [Acme](https://acme.example) \\', '  Acme builds widgets. \\', '  They run it on every cluster.',
      '  * [Globex Labs](https://globex.example) \\', 'Globex Labs makes gadgets. They use it in these scenarios:',
      '        * rolling service updates and traffic checks;', '        * message queue consumer checks;',
    ].join('\n');
    expect(names(md)).toEqual(['Acme', 'Globex Labs']);
  });

  it('drops a vague closing part of a usage sentence ("and several large banks")', () => {
    const md = '## Adoption\n\nIt has been used by 900+ organizations in the last year, including Acme Air, Globex, and several large financial institutions.\n';
    expect(names(md)).toEqual(['Acme Air', 'Globex']);
  });

  it('needs the use in the clause of the list, and a list of organisations rather than technologies', () => {
    // The use is named in another clause of the sentence.
    expect(names('## Goals\n\n- Five new fault types are supported, namely: FooChaos, BarChaos, and BazChaos; the dashboard is easier for users.\n')).toEqual([]);
    // "technologies such as …", "rules such as …".
    expect(names('## Adoption\n\nWe support our users on popular technologies such as Prometheus and Kafka.\n')).toEqual([]);
    expect(names('## Roadmap later\n\nShip rules for commonly deployed applications, as well as compliance rules such as CIS.\n')).toEqual([]);
    // A count after a label is not a name.
    expect(names('## Year in review\n\n- Stars: 3.7k\n- Adopters: 40+\n')).toEqual([]);
  });

  it('skips tables of figures in an end-user section, and lists of collaborating projects', () => {
    expect(names(['## Community & End Users', '### Community', '| Slack | Before | After |', '|---|---|---|', '| Slack members | 1436 | 2466 |', '| Slack WAU | 93 | 213 |'].join('\n'))).toEqual([]);
    const projects = [
      '## Progress and adoption', '',
      'The community expanded its collaboration with many open-source projects. Some of these projects now have production users:', '',
      '* Foo, an application framework, supports the runtime.', '* Bar, a container runtime, integrates it.',
    ].join('\n');
    expect(names(projects)).toEqual([]);
    // Companies that deployed or integrated the project are still adopters.
    const companies = ['## Adoption', '', 'Below are companies that deployed it or integrated it into their products.', '', '- Acme', '- Globex'].join('\n');
    expect(names(companies)).toEqual(['Acme', 'Globex']);
  });
});

describe('extractAdopters: held-out round 13 layouts', () => {
  it('reads bold category labels in an adoption section as groups, not as adopters', () => {
    const md = [
      '## Adoption', '', 'Our adopters include:', '', '**Tools**', '* [Widgetizer](https://w.example)', '',
      '**Organizations**', '* [Acme](https://acme.example)', '', '**Evaluating Companies**', '* [Globex](https://globex.example)',
      '* Several unnamed companies are trying it out (not yet decided)',
    ].join('\n');
    expect(names(md)).toEqual(['Widgetizer', 'Acme', 'Globex']);
    // A single-organisation case-study heading is still a name.
    expect(names('## Case studies\n### Acme Corp\ntext\n### Globex Labs\ntext\n')).toEqual(['Acme Corp', 'Globex Labs']);
  });

  it('reads the production-use criterion written as a bullet, with the adopters nested under it', () => {
    const md = [
      '## Incubation criteria', '',
      '* Document that it is being used successfully in production by at least three independent end users of adequate quality.',
      '  * [Acme Build Cloud](https://acme.example/blog)', '  * [Globex Pipelines](https://globex.example/post)', '  * [Initech CI](https://initech.example)',
      '* Have a healthy number of committers.', '  * Owners - 3', '  * Committers - 12',
    ].join('\n');
    expect(names(md)).toEqual(['Acme Build Cloud', 'Globex Pipelines', 'Initech CI']);
    // The criterion with its answer on the next line (no nested list) gives no list.
    expect(names('## Incubation\n\n- Used in production by at least three independent end users   \n  We are used by many more than three.\n')).toEqual([]);
  });

  it('leaves out table rows and list entries whose use says they integrate the project', () => {
    const md = [
      '## Project adoption', '',
      '| Organization | Website | Use case |', '| --- | --- | --- |',
      '| Acme | https://acme.example | Using Proj in its signing service |',
      '| Widgetd | https://widgetd.example | Integrate Proj verification in the widgetd CLI |',
      '| Gadget Registry | https://gadget.example | Support Proj signatures and storage |',
      '| Plugco | https://plugco.example | Build the Plugco Key Vault Plugin for Proj CLI |',
      '| Globex | https://globex.example | Sign and verify artifacts |',
    ].join('\n');
    expect(names(md)).toEqual(['Acme', 'Globex']);
    expect(names('## Adopters\n- [Acme](https://a.example): runs it on 300 clusters\n- [Foo](https://f.example): integrates Proj with its scheduler\n- [Globex](https://g.example): supports 5000 nodes with it\n')).toEqual(['Acme', 'Globex']);
    expect(describesIntegration('Supports 10,000 nodes in production')).toBe(false);
    expect(describesIntegration('Adds support for Proj policies')).toBe(true);
  });

  it('reads an adopter named as the subject of "is our largest adopter"', () => {
    const md = '## Adoption\n\nAcme Corp continues to be our largest adopter, and we added one other official adopter to our list: Globex.\n';
    expect(names(md)).toEqual(['Acme Corp', 'Globex']);
    expect(subjectAdopter('Initech is now one of our biggest production users.')).toBe('Initech');
    expect(subjectAdopter('The dashboard is our most requested feature by users.')).toBeNull();
    expect(subjectAdopter('It remains our largest user.')).toBeNull();
  });
});

describe('adopter name helpers', () => {
  it('cleans names as the gold conventions say', () => {
    expect(cleanOrgName('**DouyuTV (China)**')).toBe('DouyuTV');
    expect(cleanOrgName("Huawei Cloud's")).toBe('Huawei Cloud');
    expect(cleanOrgName('https://example.com')).toBeNull();
    expect(cleanOrgName('here')).toBeNull();
  });

  it('takes the leading bold or link label of a described item', () => {
    expect(nameFromItem('**Trip.com** is a travel company.')).toBe('Trip.com');
    expect(nameFromItem('[Acme](https://acme.example): runs it')).toBe('Acme');
    expect(nameFromItem('[Acme docs](https://acme.example) describe how we run it')).toBeNull();
    expect(nameFromItem('Many organisations are evaluating the project right now')).toBeNull();
  });

  it('reads only proper-name lists after a cue, in a sentence about use', () => {
    expect(namesInSentence('Users include Acme and Globex.')).toEqual(['Acme', 'Globex']);
    expect(namesInSentence('Used in production by Google (YouTube, Google Workspace), Adobe, Salesforce.')).toEqual(['Google', 'Adobe', 'Salesforce']);
    expect(namesInSentence('10 organizations use it, some internally (such as Acme and Globex) and some in products.')).toEqual(['Acme', 'Globex']);
    expect(namesInSentence('Features include scheduling and autoscaling.')).toEqual([]);
    expect(namesInSentence('It integrates with projects such as Prometheus and Envoy, used in production.')).toEqual([]);
  });
});

describe('extractAdopters: held-out round 14 layouts', () => {
  it('reads the names after a category label ("telecom industry: A, B, C;")', () => {
    const md = [
      '## Incubation criteria', '',
      '* Document that it is being used successfully in production by at least three independent end users.',
      '  * Our adopters list covers several industries. Some are listed in the following:',
      '    * telecom industry: Acme Telco, GlobexTel, Initech;',
      '    * cloud providers: Umbrella Cloud, hooli.io;',
      '    * finance industry: Contoso Bank.',
    ].join('\n');
    expect(names(md)).toEqual(['Acme Telco', 'GlobexTel', 'Initech', 'Umbrella Cloud', 'hooli.io', 'Contoso Bank']);
    expect(namesFromCategoryItem('media industry: Acme.')).toEqual(['Acme']);
    // A description after the colon, or a capitalised name as the label, is not such a list.
    expect(namesFromCategoryItem('finance industry: runs it on 300 clusters')).toBeNull();
    expect(namesFromCategoryItem('Acme: Widgets')).toBeNull();
  });

  it('does not read a list of what users can do as users', () => {
    const md = ['# Proj', '', 'Proj allows users to:', '', '- [Discover](https://x.example), [install](https://x.example/i) and publish packages', '- Visualize [security reports](https://x.example/s)', '- Inspect packages\' [changelog](https://x.example/c)'].join('\n');
    expect(names(md)).toEqual([]);
  });

  it('leaves out a list introduced as integrations in an adoption section', () => {
    const md = ['## Adoption', '', 'Our adopters include:', '', '* Acme', '* Globex', '', 'There have also been a number of integrations with other software stacks including:', '', '* widgetd (https://w.example)', '* Gadget Stack (https://g.example)'].join('\n');
    expect(names(md)).toEqual(['Acme', 'Globex']);
  });
});

describe('extractAdopters: issue 14 failure classes (pool development gold)', () => {
  it('leaves out talks, events and implementations listed under an adoption heading', () => {
    const md = [
      '# Lanternfish 2024 Annual Review', '', '## Progress and Adoption', '',
      'We gave several talks this year, which you can watch here:', '',
      '- [Edge Day 2023](https://v.example/1)', '- [KubeCon EU 2024](https://v.example/2)', '',
      '- *What do you know about adoption? List end users if you can.*', '',
      '    - Implementations of the spec so far:', '        - [Meshy](https://m.example): a service mesh', '        - [Routa](https://r.example): a proxy',
      '    - Ecosystem overview: https://l.example/#ecosystem',
    ].join('\n');
    expect(names(md)).toEqual([]);
  });

  it('leaves out companies only experimenting, and a component list that "empowers users"', () => {
    const md = [
      '# Lanternfish', '', 'The org hosts the components that empower users to tailor Lanternfish. This includes:', '',
      '- [Finlet](https://f.example), the scripting library', '- [Gill](https://g.example), a dashboard', '',
      '## Adopters', '', 'Lanternfish runs in production at:', '', '- [Acme](https://a.example)', '- [Globex](https://g.example)', '',
      'Several more companies are experimenting with it:', '', '- [Initech](https://i.example)', '- [Hooli](https://h.example)',
    ].join('\n');
    expect(names(md)).toEqual(['Acme', 'Globex']);
  });

  it('reads adopters from sentences that say they use the project, in an adoption list or anywhere', () => {
    const md = [
      '# Lanternfish 2024 Annual Review', '', '## Adoptions', '',
      '- The logistics firm [Acme Freight](https://a.example) is using Lanternfish to route parcels.',
      '- Globex Bank is using Lanternfish for its payment queues.',
      '- Initech is evaluating Lanternfish for next year.',
      '- [hooli](https://h.example) is using Lanternfish to store audio.', '',
      '## Background', '', 'Lanternfish is used in production by the [Umbrella Group](https://u.example), where it started.',
      'Lanternfish uses Prometheus for its metrics.',
    ].join('\n');
    expect(names(md)).toEqual(['Acme Freight', 'Globex Bank', 'hooli', 'Umbrella Group']);
    const words = projectWordsOf('# Lanternfish 2024 Annual Review');
    expect([...words]).toEqual(['lanternfish']);
    expect(userOfProject('WeBank is evaluating Lanternfish.', words)).toBeNull();
    expect(userOfProject('They have been using Lanternfish since 2022.', words)).toBeNull();
    expect(userOfProject('[Vexo](https://v.example) It uses Lanternfish for logs.', words)).toBe('Vexo');
  });

  it('reads linked names followed by what they did, sub-items of an "End users include:" item, and long official names', () => {
    const md = [
      '# Lanternfish Incubation Proposal', '',
      '1. *Document that it is used in production by at least three independent end users.*', '',
      'Lanternfish has many adopters running it in production. Some of them have written about it:', '',
      '* [Acme](https://a.example) shared their migration story [on their blog](https://a.example/b).',
      '* [Globex](https://g.example) is a payments startup and one of the earliest adopters.', '',
      '## Community', '',
      '*   Integrations include:', '    *   Widgetd', '*   End users include:', '    *   Initech', '    *   Federal Office of Maps and Charts',
    ].join('\n');
    expect(names(md)).toEqual(['Acme', 'Globex', 'Initech', 'Federal Office of Maps and Charts']);
  });

  it('keeps a list of prose "such as" names outside adoption sections only after a noun for adopters', () => {
    expect(namesInSentence('It simplifies use of kernel modules (such as AppArmor, SELinux).', true)).toEqual([]);
    expect(namesInSentence('It would be more like ArgoCD, and break things for Flux users.', true)).toEqual([]);
    expect(namesInSentence('Ten organizations use it, some internally (such as Acme and Globex).', true)).toEqual(['Acme', 'Globex']);
  });

  it('cleans figures, channels and events out of names', () => {
    expect(cleanOrgName('Department of Defense with 100k devs')).toBe('Department of Defense');
    expect(cleanOrgName('Acme Telecom has 200 managed clusters')).toBe('Acme Telecom');
    expect(cleanOrgName('#lanternfish-dev')).toBeNull();
    expect(cleanOrgName('Wasm Day 2021')).toBeNull();
    expect(nameFromItem('Ecosystem overview: https://l.example')).toBeNull();
  });
});
