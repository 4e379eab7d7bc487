import { describe, expect, it } from 'vitest';
import { blockAnswered, placeholderSpans, templateMatches } from '../../../src/core/templates/template-field.js';

// A set in the shape of a TOC template, in our own words.
const ITEMS = [
  { id: 'tag-talk', title: 'Present the architecture to the relevant TAG', guidance: 'This happened on DD-MMM-YYYY, recording at $LINK.', group: 'Process' },
  { id: 'neutral', title: 'Project resources are vendor neutral', guidance: '', group: 'Process' },
  { id: 'dd-review', title: 'Due diligence review', guidance: 'Finishing this document and answering the concerns raised meets this item.', group: 'Process' },
  { id: 'maintainer-list', title: 'Publish the full list of maintainers with their affiliation', guidance: '', group: 'People' },
  { id: 'joint-audit', title: 'Finish a joint security audit with the security group', guidance: '', group: 'Security' },
];

const DD = [
  '# Demo Due Diligence', // 1
  '## Process', // 2
  '- [x] **Present the architecture to the relevant TAG.**', // 3
  '  - This happened on DD-MMM-YYYY, recording at $LINK.', // 4
  '', // 5
  '<!-- (Project assertion goes here) -->', // 6
  '- [ ] **Project resources are vendor neutral.**', // 7
  '', // 8
  'The website and the GitHub organisation are owned by the foundation.', // 9
  '- [ ] **Due diligence review.**', // 10
  'Finishing this document and answering the concerns raised meets this item.', // 11
  '## People', // 12
  '- [X] **Publish the full list of maintainers with their affiliation.** MAINTAINERS.md lists nine people from four companies.', // 13
  '## Security', // 14
  'Nothing here yet.', // 15
];

describe('templateMatches', () => {
  it('gives each item its block, the tick as written, and answered only for text of its own', () => {
    const got = templateMatches(DD, ITEMS);
    expect(got && Object.fromEntries(got)).toEqual({
      'tag-talk': { line: 3, endLine: 6, checked: true, answered: false },
      neutral: { line: 7, endLine: 9, checked: false, answered: true },
      // The template's own guidance sentence copied under the item is not an answer.
      'dd-review': { line: 10, endLine: 11, checked: false, answered: false },
      // Text after the bold title on the checkbox line is an answer.
      'maintainer-list': { line: 13, endLine: 13, checked: true, answered: true },
      'joint-audit': null,
    });
  });

  it('is null for a document that is not template-shaped (a few stray task-list bullets)', () => {
    const prose = ['# Annual review', '## Adoption', '- [x] Present the architecture to the relevant TAG', '- [ ] Write the blog post', 'Some prose.'];
    expect(templateMatches(prose, ITEMS)).toBeNull();
    expect(templateMatches(['# Nothing', 'at all'], ITEMS)).toBeNull();
  });

  it('needs a share of the set aligned, not just three items, on a large set', () => {
    const many = Array.from({ length: 20 }, (_, i) => ({ id: `x${i}`, title: `Unrelated criterion number ${i} about topic${i}` }));
    // Three of 25 items aligned (12%) is below the share: not a filled copy of this template.
    expect(templateMatches(DD, [...ITEMS, ...many])).toBeNull();
  });
});

describe('placeholderSpans', () => {
  it('marks $NAMES, date masks, choice brackets and empty assertion comments', () => {
    const text = 'On DD-MMM-YYYY at $LINK the project [has/has not] <!-- (Project assertion goes here) -->';
    expect(placeholderSpans(text).map(([a, b]) => text.slice(a, b))).toEqual(['DD-MMM-YYYY', '$LINK', '[has/has not]', '<!-- (Project assertion goes here) -->']);
    expect(placeholderSpans('A plain answer with https://example.com/x.')).toEqual([]);
  });
});

describe('blockAnswered and links', () => {
  const item = { id: 'coc', title: 'The code of conduct is linked from the governance documents', guidance: '' };
  const boxAt = (lines: string[]) => ({ line: 1, endLine: lines.length });

  it('counts a link the project points to as an answer, even in the template words', () => {
    const lines = ['- [x] **The code of conduct is linked from the governance documents.**', '', 'Link: [CODE_OF_CONDUCT.md](https://example.com/acme/CODE_OF_CONDUCT.md)'];
    expect(blockAnswered(lines, boxAt(lines), item)).toBe(true);
    const bare = ['- [x] **The code of conduct is linked from the governance documents.**', 'https://example.com/acme/governance'];
    expect(blockAnswered(bare, boxAt(bare), item)).toBe(true);
  });

  it('does not count the template title its own links, even split across lines, nor a placeholder line', () => {
    const split = ['- [ ] **The code of conduct is [linked](https://example.com/guide) from the', '  governance [documents](https://example.com/docs).**', '<!-- (Project assertion goes here) -->'];
    expect(blockAnswered(split, boxAt(split), item)).toBe(false);
    const placeholder = ['- [ ] **The code of conduct is linked from the governance documents.**', '  - Linked on DD-MMM-YYYY at https://example.com/$PROJECT'];
    expect(blockAnswered(placeholder, boxAt(placeholder), item)).toBe(false);
  });

  it('counts "N/A" alone under the item as an answer', () => {
    for (const answer of ['  N/A', '- n/a.', '**Not applicable**']) {
      const lines = ['- [x] **The code of conduct is linked from the governance documents.**', '', answer];
      expect(blockAnswered(lines, boxAt(lines), item), answer).toBe(true);
    }
  });
});
