// The workspace state file: predecessor choices read strictly, written with sorted keys, and a
// bad file named in one line and never written over.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseWorkspaceState, readWorkspaceState, setPredecessorChoice, WORKSPACE_STATE_FILE } from '../../src/store/workspace-state.js';

let ws = '';
beforeEach(() => {
  ws = mkdtempSync(join(tmpdir(), 'toc-ws-state-'));
});
afterEach(() => rmSync(ws, { recursive: true, force: true }));

const file = () => join(ws, WORKSPACE_STATE_FILE);

describe('workspace state', () => {
  it('is empty without a file, and keeps choices in sorted order, undefined removing one', async () => {
    expect(await readWorkspaceState(ws)).toEqual({ predecessors: {} });
    await setPredecessorChoice(ws, 'z/b-2025.md', 'z/b-2024.md');
    await setPredecessorChoice(ws, 'a-2025.md', null);
    expect(readFileSync(file(), 'utf8')).toBe(
      '{\n  "schema": "toc-review/workspace@1",\n  "predecessors": {\n    "a-2025.md": null,\n    "z/b-2025.md": "z/b-2024.md"\n  }\n}\n',
    );
    await setPredecessorChoice(ws, 'a-2025.md', undefined);
    expect((await readWorkspaceState(ws)).predecessors).toEqual({ 'z/b-2025.md': 'z/b-2024.md' });
  });

  it('names the file and the field of a bad one, and writes nothing over it', async () => {
    const cases: Array<[string, RegExp]> = [
      ['{ "schema": "toc-review/workspace@1", ', /: line 1: /],
      ['{ "schema": "toc-review/workspace@1", "predecessors": {}, "predecessors": {} }', /duplicate key "predecessors"/],
      ['{ "schema": "other", "predecessors": {} }', /: schema: must be "toc-review\/workspace@1"/],
      ['{ "schema": "toc-review/workspace@1", "predecessors": [] }', /: predecessors: must be an object/],
      ['{ "schema": "toc-review/workspace@1", "predecessors": { "a.md": "/etc/passwd" } }', /predecessors\."a\.md": must be a document path inside the workspace, or null/],
      ['{ "schema": "toc-review/workspace@1", "predecessors": { "a.md": "../b.md" } }', /predecessors\."a\.md": must be/],
      ['{ "schema": "toc-review/workspace@1", "predecessors": { "a.md": 3 } }', /predecessors\."a\.md": must be/],
    ];
    for (const [text, message] of cases) {
      writeFileSync(file(), text);
      await expect(readWorkspaceState(ws)).rejects.toThrow(message);
      await expect(readWorkspaceState(ws)).rejects.toThrow(WORKSPACE_STATE_FILE);
      await expect(setPredecessorChoice(ws, 'a.md', null)).rejects.toThrow(message);
      expect(readFileSync(file(), 'utf8')).toBe(text);
    }
  });

  it('refuses to write a choice it could not read back', async () => {
    await expect(setPredecessorChoice(ws, 'a.md', '../outside.md')).rejects.toThrow(/must be a document path inside the workspace/);
    expect(() => readFileSync(file())).toThrow();
    expect(parseWorkspaceState('{ "schema": "toc-review/workspace@1" }', 'x').predecessors).toEqual({});
  });
});
