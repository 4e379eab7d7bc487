// diff --format md links each cited line set to the document's page when its origin is pinned
// to a commit, and leaves it plain otherwise (a branch can show other text at a line).
import { describe, expect, it } from 'vitest';
import { diffMarkdown } from '../../../src/core/compare/diff-markdown.js';
import { driftwoodDiff } from './compare-fixtures.js';

const OLD = `https://github.com/o/r/blob/${'a'.repeat(40)}/2024.md`;
const NEW = `https://github.com/o/r/blob/${'b'.repeat(40)}/2025.md`;

describe('diffMarkdown with origins', async () => {
  const diff = await driftwoodDiff();

  it('links old and new lines to their commits', () => {
    const md = diffMarkdown(diff, { origins: { old: OLD, new: NEW } });
    // Northwind GmbH was added on new line 13 (see document-diff.test.ts).
    expect(md).toContain(`added: Northwind GmbH ([new line 13](${NEW}?plain=1#L13))`);
    expect(md).toMatch(new RegExp(`Lee Wong.*\\(\\[old line 22\\]\\(${OLD.replace(/[.?]/g, '\\$&')}\\?plain=1#L22\\), \\[new line 21\\]\\(`));
  });

  it('links only the pinned side, and nothing without origins or with branch origins', () => {
    const one = diffMarkdown(diff, { origins: { old: 'https://github.com/o/r/blob/main/2024.md', new: NEW } });
    expect(one).toContain(`[new line 13](${NEW}?plain=1#L13)`);
    expect(one).not.toContain('blob/main');
    const plain = diffMarkdown(diff);
    expect(plain).toContain('added: Northwind GmbH (new line 13)');
    expect(diffMarkdown(diff, { origins: { old: null, new: 'https://github.com/o/r/blob/main/2025.md' } })).toBe(plain);
  });
});
