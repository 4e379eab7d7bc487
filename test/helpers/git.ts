// Temporary git repositories for the origin tests (skipped where git is not installed).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const hasGit = (() => {
  try {
    execFileSync('git', ['--version']);
    return true;
  } catch {
    return false;
  }
})();

/** A repository with reviews/x.md committed and the given remote; returns paths and HEAD. */
export function gitRepo(remote: string | null, text = '# T\n\nThe latest release is v1.2.0.\n') {
  const root = mkdtempSync(join(tmpdir(), 'toc-git-'));
  const run = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8', env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' } }).trim();
  run('init', '-q');
  run('config', 'user.email', 't@example.com');
  run('config', 'user.name', 'T');
  if (remote) run('remote', 'add', 'origin', remote);
  mkdirSync(join(root, 'reviews'));
  const doc = join(root, 'reviews', 'x.md');
  writeFileSync(doc, text);
  run('add', '.');
  run('commit', '-qm', 'doc');
  return { root, doc, head: run('rev-parse', 'HEAD'), run };
}
