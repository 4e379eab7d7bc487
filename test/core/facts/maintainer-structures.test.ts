// Maintainer structures from issue 14's failure classes: a role column, current beside initial
// maintainers, tables indented in list items or inside a code fence, a country after the
// company, and labels or sentences in a maintainer list that are not people.
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../src/core/document/document.js';
import { extractMaintainers } from '../../../src/core/facts/maintainers.js';

const found = (md: string) => extractMaintainers(parseDocument(md)).map(({ name, handle, affiliation, line }) => ({ name, handle, affiliation, line }));

describe('maintainer structures', () => {
  it('takes only the Maintainer rows of a table with a Role column, whatever the intro says', () => {
    const md = ['## People', '', 'Two maintainers and two contributors work on it:', '', '| Name | GitHub ID | Role | Affiliation |', '|---|---|---|---|', '| Ann Bo | [ab](https://github.com/ab) | Contributor | |', '| Cy Dee | [cd](https://github.com/cd) | Maintainer | Acme |', '| Ed Fu | [ef](https://github.com/ef) | Project Lead | Globex |'].join('\n');
    expect(found(md).map((m) => m.name)).toEqual(['Cy Dee', 'Ed Fu']);
  });

  it('leaves out the initial maintainers when the current ones are listed beside them', () => {
    const md = ['## Maintainers', '', 'Current maintainers:', '', '| Maintainer | Company |', '|---|---|', '| Ann Bo | Acme, USA |', '', 'Initial maintainers:', '', '| Maintainer | Company |', '|---|---|', '| Cy Dee | Globex |'].join('\n');
    expect(found(md)).toEqual([{ name: 'Ann Bo', handle: null, affiliation: 'Acme', line: 7 }]);
  });

  it('keeps initial and new maintainers when no list says "current"', () => {
    const md = ['## Maintainers', '', '- **Initial maintainers**', '', '  | Name | GitHub ID | Affiliation |', '  | --- | --- | --- |', '  | Ann Bo | [ab](https://github.com/ab) | Acme |', '', '- **New maintainers**', '', '  | Name | GitHub ID | Affiliation |', '  | --- | --- | --- |', '  | Cy Dee | [cd](https://github.com/cd) | Globex |'].join('\n');
    expect(found(md)).toEqual([
      { name: 'Ann Bo', handle: 'ab', affiliation: 'Acme', line: 7 },
      { name: 'Cy Dee', handle: 'cd', affiliation: 'Globex', line: 13 },
    ]);
  });

  it('reads a maintainer table written inside a code fence', () => {
    const md = ['## Maintainers', '', '```', '| Name | GitHub | Company |', '|------|--------|---------|', '| Ann Bo | ab | Acme |', '```'].join('\n');
    expect(found(md)).toEqual([{ name: 'Ann Bo', handle: 'ab', affiliation: 'Acme', line: 6 }]);
  });

  it('reads no people from labels, counts or sentences in a maintainer list', () => {
    const md = ['## Maintainers', '', '- A Technical Steering Committee provides oversight', '- 3 contributors not from Acme became committers', '- Number of stars: 591 -> 935'].join('\n');
    expect(found(md)).toEqual([]);
  });

  it('does not take editors listed under a maintainers heading', () => {
    const md = ['## Maintainers', '', 'The maintainers are listed elsewhere. The current spec editors are:', '', '* Ann Bo (Acme)', '* Cy Dee (Globex)'].join('\n');
    expect(found(md)).toEqual([]);
  });
});
