// Which arguments name a GitHub issue or pull request, and the document text one becomes.
import { describe, expect, it } from 'vitest';
import { issueDocumentText } from '../../../src/core/sources/github-issue-text.js';
import { parseGitHubIssueRef } from '../../../src/core/sources/github-ref.js';

describe('parseGitHubIssueRef', () => {
  it('reads OWNER/REPO#N', () => {
    expect(parseGitHubIssueRef('cncf/toc#1234')).toEqual({ owner: 'cncf', repo: 'toc', number: 1234, kind: 'either' });
    expect(parseGitHubIssueRef('my-org/repo.name_x#7')).toEqual({ owner: 'my-org', repo: 'repo.name_x', number: 7, kind: 'either' });
  });

  it('reads issue and pull request pages, ignoring what follows the number', () => {
    expect(parseGitHubIssueRef('https://github.com/cncf/toc/issues/1234')).toEqual({ owner: 'cncf', repo: 'toc', number: 1234, kind: 'issue' });
    expect(parseGitHubIssueRef('https://www.github.com/cncf/toc/pull/99/files')).toEqual({ owner: 'cncf', repo: 'toc', number: 99, kind: 'pull' });
    expect(parseGitHubIssueRef('http://github.com/cncf/toc/issues/5#issuecomment-42')?.number).toBe(5);
    expect(parseGitHubIssueRef('https://github.com/cncf/toc/issues/5?x=1')?.number).toBe(5);
  });

  it('reads issue and pull request pages on the GitHub Enterprise server in use, and only there', () => {
    const web = 'https://ghe.example.com';
    expect(parseGitHubIssueRef('https://ghe.example.com/platform/apps/issues/12', web)).toEqual({ owner: 'platform', repo: 'apps', number: 12, kind: 'issue' });
    expect(parseGitHubIssueRef('https://GHE.example.com/platform/apps/pull/3/files#r1', web)).toEqual({ owner: 'platform', repo: 'apps', number: 3, kind: 'pull' });
    expect(parseGitHubIssueRef('https://ghe.example.com/platform/apps/issues/12', null)).toBeNull();
    expect(parseGitHubIssueRef('https://other.example.com/platform/apps/issues/12', web)).toBeNull();
    expect(parseGitHubIssueRef('http://ghe.example.com/platform/apps/issues/12', web)).toBeNull();
    expect(parseGitHubIssueRef('https://ghe.example.com/platform/apps/issues', web)).toBeNull();
    expect(parseGitHubIssueRef('https://ghe.example.com/platform/apps/blob/main/x.md', web)).toBeNull();
    expect(parseGitHubIssueRef('https://ghe.example.com/platform/../issues/1', web)).toBeNull();
    // github.com pages stay issue references whichever API is in use.
    expect(parseGitHubIssueRef('https://github.com/cncf/toc/issues/1', web)?.number).toBe(1);
  });

  it.each([
    'cncf/toc',
    'cncf/toc#',
    'cncf/toc#0',
    'cncf/toc#12a',
    'cncf/toc/x#1',
    '-cncf/toc#1',
    'cncf-/toc#1',
    'cncf/..#1',
    'docs/review.md',
    'https://github.com/cncf/toc/blob/main/README.md',
    'https://github.com/cncf/toc/issues',
    'https://github.com/cncf/toc/issues/abc',
    'https://example.org/cncf/toc/issues/1',
    'https://github.com.evil.example/cncf/toc/issues/1',
  ])('%s is not an issue', (arg) => {
    expect(parseGitHubIssueRef(arg)).toBeNull();
  });
});

describe('issueDocumentText', () => {
  it('puts the title as a heading on line 1 and the body unchanged from line 3', () => {
    expect(issueDocumentText({ title: 'Incubation: Foo', body: 'line one\r\nline two\n' })).toBe('# Incubation: Foo\n\nline one\r\nline two\n');
  });

  it('keeps a title on one line and copes with an empty body', () => {
    expect(issueDocumentText({ title: ' Two\nlines ', body: null })).toBe('# Two lines\n\n');
  });

  it('appends each comment under a heading with its author and date', () => {
    const text = issueDocumentText({
      title: 'T',
      body: 'Body.\n\n',
      comments: [
        { author: 'ada', createdAt: '2026-03-04T10:00:00Z', body: 'First.\n' },
        { author: null, createdAt: '2026-03-05T11:00:00Z', body: null },
      ],
    });
    expect(text).toBe('# T\n\nBody.\n\n## Comment by @ada on 2026-03-04\n\nFirst.\n\n## Comment by @ghost on 2026-03-05\n');
  });

  it('with no comments is the body alone', () => {
    expect(issueDocumentText({ title: 'T', body: 'B', comments: [] })).toBe('# T\n\nB');
  });
});
