import { describe, expect, it } from 'vitest';
import { alignItems, findCheckboxes, type AlignItem } from '../../../src/core/templates/align.js';

// A set in the shape of a TOC template, in our own words (not the templates' text).
const ITEMS: AlignItem[] = [
  { id: 'tag-talk', title: 'Present the architecture to the relevant TAG', section: 'Process', position: 1 },
  { id: 'neutral', title: 'Project resources are vendor neutral', section: 'Process', position: 2 },
  { id: 'maintainer-list', title: 'Publish the full list of maintainers with their affiliation', section: 'People', position: 3 },
  { id: 'conduct', title: 'Adopt the code of conduct', section: 'People', position: 4 },
  { id: 'release-process', title: 'Write down the release process', section: 'Engineering', position: 5 },
  { id: 'joint-audit', title: 'Finish a joint security audit with the security group', section: 'Security', position: 6 },
];

const lines = (text: string) => text.split('\n');

describe('findCheckboxes', () => {
  it('reads ticks in any case, titles split across lines, numbering and blocks', () => {
    const doc = lines(
      [
        '# Demo DD', // 1
        '## Process', // 2
        '1. [X] **Give a talk to the TAG about the', // 3
        'architecture**', // 4
        '  - Happened on DD-MMM-YYYY, see $LINK.', // 5
        '<!-- (Project assertion goes here) -->', // 6
        '- [ ] Project resources are vendor neutral', // 7
        'We checked every repository and the website.', // 8
        '## People', // 9
      ].join('\n'),
    );
    const boxes = findCheckboxes(doc);
    expect(boxes.map((b) => [b.line, b.checked, b.section])).toEqual([
      [3, true, 'Process'],
      [7, false, 'Process'],
    ]);
    expect(boxes[0]!.title).toBe('Give a talk to the TAG about the architecture');
    // Only placeholders and an empty comment under the first: not answered.
    expect(boxes[0]!.answered).toBe(false);
    expect(boxes[0]!.endLine).toBe(6);
    expect(boxes[1]!.answered).toBe(true);
    expect(boxes[1]!.endLine).toBe(8);
  });
});

describe('alignItems', () => {
  it('pairs reworded, reordered, unbolded and emoji items, and leaves deleted ones null', () => {
    const doc = lines(
      [
        '## Process', // 1
        '- [x] **Talk to the TAG about the architecture of the project**', // 2
        '- [x] 🚀 All resources vendor-neutral', // 3
        '## People', // 4
        '- [X] **The code of conduct is adopted**', // 5
        '- [ ] **2. List of maintainers, with affiliation, published**', // 6
        '## Engineering', // 7
        '- [x] Release process written down in RELEASES.md', // 8
        '## Security', // 9
        '- [x] **An unrelated item about fuzzing**', // 10
      ].join('\n'),
    );
    const map = alignItems(ITEMS, findCheckboxes(doc));
    const got = Object.fromEntries([...map].map(([id, box]) => [id, box ? [box.line, box.checked] : null]));
    expect(got).toEqual({
      'tag-talk': [2, true],
      neutral: [3, true],
      'maintainer-list': [6, false],
      conduct: [5, true],
      'release-process': [8, true],
      'joint-audit': null,
    });
  });

  it('uses section and position to tell apart two items with the same words', () => {
    const items: AlignItem[] = [
      { id: 'a', title: 'Document the process', section: 'Governance', position: 1 },
      { id: 'b', title: 'Document the process', section: 'Security', position: 2 },
    ];
    const doc = lines(['## Governance', '- [ ] Document the process', '## Security', '- [x] Document the process'].join('\n'));
    const map = alignItems(items, findCheckboxes(doc));
    expect(map.get('a')?.line).toBe(2);
    expect(map.get('b')?.line).toBe(4);
  });

  it('gives null for everything when the document has no checkboxes', () => {
    const map = alignItems(ITEMS, findCheckboxes(lines('# Annual review\n\nSome prose.\n')));
    expect([...map.values()].every((v) => v === null)).toBe(true);
  });
});
