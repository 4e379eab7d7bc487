// Kill a real saving process with SIGKILL at random moments; the score file must always be a
// complete, valid version (the old one or a new one), and the next session must recover the
// dead process's lock and leftover temp files.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseScoreFile } from '../../src/core/scores/score-file.js';
import { scoreFilePath } from '../../src/store/score-store.js';
import { sampleWorkspace } from '../helpers/score-fixtures.js';
import { bundleChild, startChild } from './child.js';

let script: string;
beforeAll(async () => {
  script = await bundleChild();
});

const ROUNDS = 12;
const SAVES = 200;

describe('atomic saves under SIGKILL', () => {
  it(`leaves a valid file after each of ${ROUNDS} kills during ${SAVES} saves`, async () => {
    const { workspace, doc } = sampleWorkspace();
    const path = scoreFilePath(workspace, doc, 'crash');
    let lastConfirmed = 0;
    let kills = 0;
    let reads = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const running = startChild(script, 'save-loop', workspace, doc, SAVES);
      // Every round must get the lock: the previous, killed holder is dead, so its lock is stale.
      expect(await running.waitFor(/^open /)).toBe('open locked 0');
      // Until the kill, read the file as another reviewer's tool would: never a partial file.
      const deadline = Date.now() + Math.random() * 60;
      while (Date.now() < deadline) {
        if (existsSync(path)) {
          let text = '';
          try {
            text = readFileSync(path, 'utf8');
          } catch (error) {
            // Replaced between the exists check and the read: fine, the next read sees it.
            if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
            continue;
          }
          expect(() => parseScoreFile(text, path)).not.toThrow();
          reads++;
        }
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
      running.child.kill('SIGKILL');
      const { signal } = await running.exited;
      if (signal === 'SIGKILL') kills++;
      const confirmed = running.lines.filter((l) => l.startsWith('saved ')).map((l) => Number(l.slice(6)));
      const lastSaved = confirmed.at(-1) ?? lastConfirmed;
      if (!existsSync(path)) {
        // Killed before the first save ever happened.
        expect(lastConfirmed).toBe(0);
        expect(confirmed).toEqual([]);
        continue;
      }
      const file = parseScoreFile(readFileSync(path, 'utf8'), path);
      const onDisk = Number(/^save (\d+) /.exec(file.items[0]!.notes)?.[1]);
      // The file holds the last confirmed save, or the one in flight when the kill landed.
      expect(onDisk === lastSaved || onDisk === lastSaved + 1).toBe(true);
      expect(file.items[3]!.score).toBe(onDisk % 4);
      lastConfirmed = onDisk;
    }
    expect(kills).toBeGreaterThan(0);
    console.log(`crash test: ${kills} kills, last save on disk ${lastConfirmed}, ${reads} reads while saving`);
    expect(lastConfirmed).toBeGreaterThan(0);

    // A clean run afterwards takes over the stale lock, sweeps temp files and releases its lock.
    const final = startChild(script, 'save-loop', workspace, doc, 3);
    await final.waitFor(/^done$/);
    await final.exited;
    const leftovers = readdirSync(dirname(path)).filter((name) => name !== 'crash.score.json');
    expect(leftovers).toEqual([]);
    expect(parseScoreFile(readFileSync(path, 'utf8'), path).items[0]!.notes).toMatch(new RegExp(`^save ${lastConfirmed + 3} `));
  });
});
