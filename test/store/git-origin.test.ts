// The document's origin from git: pinned to HEAD when the file is committed and unchanged.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gitOriginOf } from '../../src/store/git-origin.js';
import { gitRepo, hasGit } from '../helpers/git.js';


describe.skipIf(!hasGit)('gitOriginOf', () => {
  it('pins a committed, unchanged document to HEAD on GitHub, and says HEAD is not pushed', async () => {
    const { doc, head } = gitRepo('git@github.com:cncf/toc.git');
    const found = await gitOriginOf(doc);
    expect(found.url).toBe(`https://github.com/cncf/toc/blob/${head}/reviews/x.md`);
    expect(found.note).toMatch(/is not on any remote branch yet/);
  });

  it('gives no URL, with a reason, for a changed, untracked or non-GitHub document', async () => {
    const changed = gitRepo('https://github.com/cncf/toc');
    writeFileSync(changed.doc, '# T\n\nEdited.\n');
    expect(await gitOriginOf(changed.doc)).toMatchObject({ url: null, actionable: true, reason: expect.stringMatching(/changes not committed/) });
    const untracked = gitRepo('https://github.com/cncf/toc');
    writeFileSync(join(untracked.root, 'reviews', 'new.md'), '# N\n');
    expect(await gitOriginOf(join(untracked.root, 'reviews', 'new.md'))).toMatchObject({ url: null, reason: 'it is not committed in git' });
    const elsewhere = gitRepo('git@example.org:a/b.git');
    expect(await gitOriginOf(elsewhere.doc)).toMatchObject({ url: null, actionable: false });
    const noGit = mkdtempSync(join(tmpdir(), 'toc-nogit-'));
    writeFileSync(join(noGit, 'x.md'), '# x\n');
    expect((await gitOriginOf(join(noGit, 'x.md'))).url).toBeNull();
  });
});
