// Web origins from git remotes: GitHub and GitLab only, never carrying credentials, pinned URLs.
import { describe, expect, it } from 'vitest';
import { blobUrl, isPinnedOrigin, repoWebFromRemote } from '../../src/core/scores/origin.js';
import { citationLinker } from '../../src/core/summary/summary.js';

describe('origins', () => {
  it('reads GitHub and GitLab remotes in every spelling, and nothing else', () => {
    for (const remote of ['git@github.com:cncf/toc.git', 'https://github.com/cncf/toc', 'https://github.com/cncf/toc.git/', 'ssh://git@github.com/cncf/toc.git', 'https://x-access-token:SECRET@github.com/cncf/toc.git']) {
      expect(repoWebFromRemote(remote), remote).toEqual({ host: 'github', base: 'https://github.com/cncf/toc' });
    }
    expect(repoWebFromRemote('git@gitlab.com:group/sub/repo.git')).toEqual({ host: 'gitlab', base: 'https://gitlab.com/group/sub/repo' });
    for (const remote of ['/work/main', 'git@bitbucket.org:a/b.git', 'https://github.com/only-owner', 'https://github.com/a/b/c', 'file:///x/y', 'https://github.com/a/..']) {
      expect(repoWebFromRemote(remote), remote).toBeNull();
    }
  });

  it('builds blob URLs with encoded paths, and knows a commit-pinned one from a branch', () => {
    const commit = 'a'.repeat(40);
    const github = blobUrl({ host: 'github', base: 'https://github.com/o/r' }, commit, 'reviews/my doc#1.md');
    expect(github).toBe(`https://github.com/o/r/blob/${commit}/reviews/my%20doc%231.md`);
    expect(blobUrl({ host: 'gitlab', base: 'https://gitlab.com/g/r' }, commit, 'x.md')).toBe(`https://gitlab.com/g/r/-/blob/${commit}/x.md`);
    expect(isPinnedOrigin(github)).toBe(true);
    expect(isPinnedOrigin('https://github.com/o/r/blob/main/x.md')).toBe(false);
    expect(isPinnedOrigin(null)).toBe(false);
  });

  it('links lines only where they show the text scored; a citation past the end is marked, never linked', () => {
    const branch = 'https://github.com/o/r/blob/main/x.md';
    const pinned = `https://github.com/o/r/blob/${'b'.repeat(40)}/x.md`;
    const c = { startLine: 7, endLine: 8, quote: 'q' };
    expect(citationLinker(branch, 'current', 10).cite(c).url).toBe(`${branch}?plain=1#L7-L8`);
    const changed = citationLinker(branch, 'changed', null);
    expect(changed.cite(c).url).toBeNull();
    expect(changed.omitted).toMatch(/origin is not pinned to a commit/);
    expect(citationLinker(pinned, 'changed', null).cite(c).url).toBe(`${pinned}?plain=1#L7-L8`);
    const past = citationLinker(pinned, 'current', 7).cite({ startLine: 99999999, endLine: 99999999, quote: '' });
    expect(past).toMatchObject({ url: null, problem: 'past the end of the document (7 lines)' });
  });
});
