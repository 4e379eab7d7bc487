import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentRelativePath, documentStem, isInside, listDocuments, resolveWorkspace, scoreFilePath, scoreFilePathsFor, workspaceForDocument } from '../../src/store/workspace.js';
import { tempDir } from '../helpers/score-fixtures.js';

describe('workspace paths', () => {
  it('resolves --workspace, then the setting, then ./reviews against cwd', () => {
    expect(resolveWorkspace({ flag: 'w', setting: 's', cwd: '/home/a' })).toBe('/home/a/w');
    expect(resolveWorkspace({ setting: '/abs', cwd: '/home/a' })).toBe('/abs');
    expect(resolveWorkspace({ cwd: '/home/a' })).toBe('/home/a/reviews');
  });

  it('places score files by document stem and reviewer handle', () => {
    expect(scoreFilePath('/w', '/w/karmada-2022.md', 'ada')).toBe('/w/scores/karmada-2022/ada.score.json');
    expect(documentStem('/w/sub/notes.v2.markdown')).toBe('notes.v2');
    expect(documentStem('/w/.hidden.md')).toBe('hidden');
    expect(documentStem('/w/a:b*c.md')).toBe('a-b-c');
  });

  it('a document outside the workspace makes its own folder the workspace', () => {
    expect(workspaceForDocument('/w', '/w/sub/a.md')).toBe('/w');
    expect(workspaceForDocument('/w', '/elsewhere/a.md')).toBe('/elsewhere');
    expect(workspaceForDocument('/w', '/wx/a.md')).toBe('/wx');
    expect(isInside('/w', '/w/../x')).toBe(false);
    expect(documentRelativePath('/w', '/w/sub/a.md')).toBe('sub/a.md');
    expect(() => documentRelativePath('/w', '/x/a.md')).toThrow();
  });
});

describe('listing', () => {
  it('lists markdown documents, skipping scores/, hidden folders and node_modules, sorted', async () => {
    const root = tempDir();
    for (const path of ['b.md', 'a.markdown', 'notes.txt', 'sub/c.md', 'scores/x/ada.score.json', 'scores/readme.md', '.git/d.md', 'node_modules/e.md', '1/2/3/deep.md', '1/2/3/4/too-deep.md']) {
      mkdirSync(join(root, path, '..'), { recursive: true });
      writeFileSync(join(root, path), '# x\n');
    }
    const docs = await listDocuments(root);
    expect(docs.map((p) => p.slice(root.length + 1))).toEqual(['1/2/3/deep.md', 'a.markdown', 'b.md', 'sub/c.md']);
    expect(await scoreFilePathsFor(root, join(root, 'x.md'))).toEqual([join(root, 'scores/x/ada.score.json')]);
    expect(await scoreFilePathsFor(root, join(root, 'none.md'))).toEqual([]);
  });
});
