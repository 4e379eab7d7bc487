import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/core/document/document.js';
import { extractMaintainers, extractMaintainersStatedCount, maintainerFromItem, maintainerOrganisations, maintainersInSentence, parseHandle, tableColumns } from '../../src/core/facts/maintainers.js';
import { CORPUS, gold, seedText } from './corpus-helpers.js';

const people = (md: string) => extractMaintainers(parseDocument(md)).map(({ name, handle, affiliation }) => ({ name, handle, affiliation }));

describe('extractMaintainers on the corpus', () => {
  for (const name of CORPUS) {
    it(`${name}: the gold maintainers and organisations exactly`, () => {
      const doc = parseDocument(seedText(name));
      const found = extractMaintainers(doc);
      const expected = gold(name);
      expect(found.map(({ name: n, handle, affiliation }) => ({ name: n, handle, affiliation }))).toEqual(expected.maintainers);
      expect(maintainerOrganisations(found)).toEqual(expected.maintainer_orgs);
      for (const m of found) expect(doc.lines[m.line - 1]).toContain(m.name);
    });
  }
});

describe('extractMaintainers on other layouts', () => {
  it('reads tables whose columns vary in name and order', () => {
    const md = ['## Committers', '', '| Company | GitHub | Full name |', '|---|---|---|', '| Acme | [@ada](https://github.com/ada) | Ada Lovelace |', '| Globex | grace-h | Grace Hopper |', '| | | |'].join('\n');
    expect(people(md)).toEqual([
      { name: 'Ada Lovelace', handle: 'ada', affiliation: 'Acme' },
      { name: 'Grace Hopper', handle: 'grace-h', affiliation: 'Globex' },
    ]);
  });

  it('reads "Name (@handle), Company" bullets and other bullet shapes', () => {
    const md = [
      '## Maintainers',
      '- Ada Lovelace (@ada), Acme',
      '- Grace Hopper, Globex (@grace)',
      '- [Alan Turing](https://github.com/aturing) - Initech',
      '- Edsger Dijkstra (Umbrella)',
      '- Barbara Liskov',
    ].join('\n');
    expect(people(md)).toEqual([
      { name: 'Ada Lovelace', handle: 'ada', affiliation: 'Acme' },
      { name: 'Grace Hopper', handle: 'grace', affiliation: 'Globex' },
      { name: 'Alan Turing', handle: 'aturing', affiliation: 'Initech' },
      { name: 'Edsger Dijkstra', handle: null, affiliation: 'Umbrella' },
      { name: 'Barbara Liskov', handle: null, affiliation: null },
    ]);
  });

  it('reads a list introduced as maintainers under any heading', () => {
    const md = '## Team\n\nOur maintainers are:\n\n- Ada Lovelace (@ada), Acme\n- Grace Hopper (@grace), Globex\n';
    expect(people(md).map((p) => p.handle)).toEqual(['ada', 'grace']);
  });

  it('leaves out reviewers and approvers unless called maintainers', () => {
    const md = ['## People', '| Reviewer | GitHub | Company |', '|---|---|---|', '| Rev One | @rev1 | Acme |', '', '| Maintainer | GitHub | Company |', '|---|---|---|', '| Main One | @main1 | Acme |', '', '## Reviewers', '- Rev Two (@rev2), Globex'].join('\n');
    expect(people(md).map((p) => p.name)).toEqual(['Main One']);
  });

  it('drops emeritus rows and role notes, and keeps people listed by handle only', () => {
    const md = [
      '**Current maintainers (3)**:', '',
      '| Name | GitHub | Company | Status |', '|---|---|---|---|',
      '| Ada Lovelace (Chair) | @ada | Acme | Active |',
      '| — | [@grace](https://github.com/grace) | Globex | Active |',
      '| Old Timer | @old | (formerly Initech) | Emeritus |',
      '', '## Emeritus maintainers', '- Someone Else (@else), Umbrella',
    ].join('\n');
    expect(people(md)).toEqual([
      { name: 'Ada Lovelace', handle: 'ada', affiliation: 'Acme' },
      { name: 'grace', handle: 'grace', affiliation: 'Globex' },
    ]);
  });

  it('finds no one behind a link or in empty bullets', () => {
    expect(people('## Maintainers\n\n- https://github.com/org/repo/blob/main/MAINTAINERS.md\n')).toEqual([]);
    expect(people('## Maintainers\n\n- \n- \n-\n')).toEqual([]);
    expect(people('## Maintainers\n\nSee [MAINTAINERS.md](MAINTAINERS.md).\n')).toEqual([]);
  });
});

describe('extractMaintainersStatedCount', () => {
  it('reads the team size stated in prose, not changes to it', () => {
    const count = (md: string) => extractMaintainersStatedCount(parseDocument(md))?.count ?? null;
    expect(count('Proj has 19 active maintainers (full list).\n')).toBe(19);
    expect(count('We now have seven maintainers from five organizations.\n')).toBe(7);
    expect(count('Since joining, 3 new maintainers were added.\n')).toBeNull();
    expect(count('3 contributors became maintainers.\n')).toBeNull();
    for (const name of CORPUS) {
      const stated = extractMaintainersStatedCount(parseDocument(seedText(name)));
      if (gold(name).maintainers.length > 0) expect(stated?.count, name).toBe(gold(name).maintainers.length);
    }
  });
});

describe('maintainer helpers', () => {
  it('prefers the GitHub link target as the handle', () => {
    expect(parseHandle('[@hzma](https://github.com/hongzhen-ma)')).toBe('hongzhen-ma');
    expect(parseHandle('@chaunceyjiang')).toBe('chaunceyjiang');
    expect(parseHandle('')).toBeNull();
    expect(parseHandle('see the list')).toBeNull();
  });

  it('maps columns by header meaning, "GitHub Username" being the handle', () => {
    expect(tableColumns(['Maintainer', 'GitHub Username', 'Company'])).toEqual({ name: 0, handle: 1, affiliation: 2 });
    expect(tableColumns(['Employer', 'Name', 'Login'])).toEqual({ name: 1, handle: 2, affiliation: 0 });
    expect(tableColumns(['Person', 'Notes'])).toEqual({ name: 0, handle: -1, affiliation: -1 });
  });

  it('reads maintainers answered under a template question written as a bullet', () => {
    const md = [
      '## Review', '',
      '* Include a link to your devstats page.', '', '  - [Dashboard](https://x.example)', '',
      '* How many maintainers do you have, and which organizations are they from?', '',
      '  Initial maintainers', '  - Ada Lovelace (@ada, Acme)', '  - Bob Smith (@bob-s, Globex Corp)', '',
      '  New in the Year', '', '  - Carol Diaz (@carol, Acme)', '',
    ].join('\n');
    expect(people(md)).toEqual([
      { name: 'Ada Lovelace', handle: 'ada', affiliation: 'Acme' },
      { name: 'Bob Smith', handle: 'bob-s', affiliation: 'Globex Corp' },
      { name: 'Carol Diaz', handle: 'carol', affiliation: 'Acme' },
    ]);
  });

  it('leaves e-mail addresses out of the affiliation and the handle', () => {
    expect(maintainerFromItem('Ada Lovelace ([ada](https://github.com/ada)) (ada.l@acme.example) Acme', 1)).toMatchObject({ name: 'Ada Lovelace', handle: 'ada', affiliation: 'Acme' });
    expect(maintainerFromItem('Bob Smith ([bobs](https://github.com/bobs)) <bob@mail.example> Globex Labs', 1)).toMatchObject({ name: 'Bob Smith', handle: 'bobs', affiliation: 'Globex Labs' });
  });

  it('lets the heading decide when the intro names maintainers and another role together', () => {
    const md = [
      '## Maintainers', '',
      'We now have two maintainers from Acme. We will promote more contributors to be maintainers.', '',
      '* Ada Lovelace (Acme) @ada', '* Bob Smith (Acme) @bob',
    ].join('\n');
    expect(people(md)).toEqual([
      { name: 'Ada Lovelace', handle: 'ada', affiliation: 'Acme' },
      { name: 'Bob Smith', handle: 'bob', affiliation: 'Acme' },
    ]);
    // An intro that names only another role still excludes its list.
    expect(people('## Maintainers\n\nThese are our reviewers:\n\n- Ada Lovelace (@ada), Acme\n')).toEqual([]);
  });

  it('rejects sentences as maintainer items', () => {
    expect(maintainerFromItem('We are looking for more maintainers from other companies', 1)).toBeNull();
  });
});

describe('extractMaintainers: held-out round 13 layouts', () => {
  it('reads a list introduced as the maintainers\' organisations as organisations, not people', () => {
    const md = ['## Maintainers', '', 'We currently have 6 maintainers, from 4 different organisations:', '- Acme, Globex, Initech, Umbrella Corp'].join('\n');
    expect(people(md)).toEqual([]);
  });

  it('reads maintainers named in prose under a maintainers heading', () => {
    const joined = [
      '## Maintainers', '',
      'Two people were promoted this year.', '',
      '[Jane Roe (jroe)](https://github.com/jroe) and [Ann Poe (apoe)](https://github.com/apoe) - all at Acme - joined the [maintainers](https://x.example/OWNERS) team, bringing the total to 6.',
    ].join('\n');
    expect(people(joined)).toEqual([
      { name: 'Jane Roe', handle: 'jroe', affiliation: 'Acme' },
      { name: 'Ann Poe', handle: 'apoe', affiliation: 'Acme' },
    ]);
    const colon = [
      '## Maintainers', '', '* Ada Lovelace (Acme)', '* Grace Hopper (Globex)', '',
      'We have 2 active maintainers on the core repository: Ada and Grace. There we have 2 more repo level maintainers: Alan Turing (Initech) and Edsger Dijkstra (independent).',
    ].join('\n');
    expect(people(colon)).toEqual([
      { name: 'Ada Lovelace', handle: null, affiliation: 'Acme' },
      { name: 'Grace Hopper', handle: null, affiliation: 'Globex' },
      { name: 'Alan Turing', handle: null, affiliation: 'Initech' },
      { name: 'Edsger Dijkstra', handle: null, affiliation: 'independent' },
    ]);
    // Not under a maintainers heading, or about another role: nothing.
    expect(people('## Community\n\nThese people joined the maintainers team: [Jane Roe](https://github.com/jroe).\n')).toEqual([]);
    expect(maintainersInSentence('Our reviewers and maintainers: Jane Roe (Acme) and Ann Poe (Globex).', 1)).toEqual([]);
    expect(maintainersInSentence('Our maintainers: see the OWNERS file.', 1)).toEqual([]);
  });
});

describe('extractMaintainers: held-out round 14 layouts', () => {
  it('reads people under an intro that counts maintainers and their organisations, when the items look like people', () => {
    const md = ['## Maintainers', '', 'The project has 3 maintainers from 2 different organizations:', '', '- Ada Lovelace (Acme)', '- Grace Hopper (Acme)', '- Alan Turing (Globex)'].join('\n');
    expect(people(md)).toEqual([
      { name: 'Ada Lovelace', handle: null, affiliation: 'Acme' },
      { name: 'Grace Hopper', handle: null, affiliation: 'Acme' },
      { name: 'Alan Turing', handle: null, affiliation: 'Globex' },
    ]);
    // The organisations themselves after such an intro are still not people.
    expect(people('## Maintainers\n\nWe have 4 maintainers, from 3 different organisations:\n- Acme, Globex, Initech\n')).toEqual([]);
  });

  it('gives people nested under a group label the group\'s organisation', () => {
    const md = [
      '### Committers', '', 'Committers come from several organizations.', '',
      '* Ada Lovelace [@ada](https://github.com/ada), Acme',
      '* Various committers from Globex',
      '  - Grace Hopper [@ghopper](https://github.com/ghopper)',
      '  - Alan Turing [@aturing](https://github.com/aturing)',
    ].join('\n');
    expect(people(md)).toEqual([
      { name: 'Ada Lovelace', handle: 'ada', affiliation: 'Acme' },
      { name: 'Grace Hopper', handle: 'ghopper', affiliation: 'Globex' },
      { name: 'Alan Turing', handle: 'aturing', affiliation: 'Globex' },
    ]);
    const colon = ['## Maintainers', '', '- Initech:', '  - Edsger Dijkstra', '  - Barbara Liskov (Umbrella)'].join('\n');
    expect(people(colon)).toEqual([
      { name: 'Edsger Dijkstra', handle: null, affiliation: 'Initech' },
      { name: 'Barbara Liskov', handle: null, affiliation: 'Umbrella' },
    ]);
  });

  it('keeps the parenthesised organisation when a dash adds a note of links or emphasis', () => {
    expect(maintainerFromItem('Ada Lovelace (Acme) - **New since last review**', 1)?.affiliation).toBe('Acme');
    expect(maintainerFromItem('Grace Hopper (Globex Software) - [widget-operator](https://github.com/org/widget-operator), [widget-sdk](https://github.com/org/widget-sdk)', 1)?.affiliation).toBe('Globex Software');
    // "Name (handle) - Company" still reads the company after the dash.
    expect(maintainerFromItem('Alan Turing (aturing) - Initech', 1)?.affiliation).toBe('Initech');
  });
});
