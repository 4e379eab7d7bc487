// The document's web origin from git, for line links in exports: when the document is committed
// in a work tree whose remote is on GitHub or GitLab and the file is unchanged from HEAD, its
// blob URL pinned to HEAD's commit. Asked only by `score` (when it saves) and exports, never
// on the review screen's start-up or keypresses: it runs git, which costs milliseconds.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile, realpath } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { blobUrl, repoWebFromRemote } from '../core/scores/origin.js';

export interface GitOrigin {
  /** The pinned blob URL, or null. */
  url: string | null;
  /** Why there is none, in words for a note ("it has changes not committed to git"); null when found. */
  reason: string | null;
  /** Whether the reason is one the reviewer can act on (commit the file), worth saying unasked. */
  actionable: boolean;
  /** Something to know about a URL that was found (HEAD not pushed yet), else null. */
  note: string | null;
}

const TIMEOUT_MS = 5000;

function git(cwd: string, args: string[]): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    execFile(
      'git',
      // Never run a command from a repository's own config (fsmonitor) or prompt for anything.
      ['-c', 'core.fsmonitor=false', '--literal-pathspecs', ...args],
      { cwd, timeout: TIMEOUT_MS, maxBuffer: 1024 * 1024, env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0' } },
      (error, stdout) => (error ? reject(error) : resolvePromise(stdout)),
    );
  });
}

/** git's object id of a blob with these bytes (sha1, or sha256 in a sha256 repository). */
function blobId(bytes: Buffer, algorithm: 'sha1' | 'sha256'): string {
  return createHash(algorithm).update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

const none = (reason: string, actionable = false): GitOrigin => ({ url: null, reason, actionable, note: null });

/** The document's pinned GitHub/GitLab URL, or why there is none. Never throws. */
export async function gitOriginOf(documentPath: string): Promise<GitOrigin> {
  let real: string;
  let bytes: Buffer;
  try {
    real = await realpath(documentPath);
    bytes = await readFile(real);
  } catch {
    return none('the document could not be read');
  }
  const cwd = dirname(real);
  const [head, remotes, tree, unpushed] = await Promise.allSettled([
    git(cwd, ['rev-parse', 'HEAD']),
    git(cwd, ['config', '--get-regexp', '^remote\\..*\\.url$']),
    // The file as committed at HEAD: mode, type, object id and path from the repository's top.
    git(cwd, ['ls-tree', '-z', '--full-name', 'HEAD', '--', basename(real)]),
    // Prints HEAD when no remote-tracking branch contains it.
    git(cwd, ['rev-list', '-n', '1', 'HEAD', '--not', '--remotes']),
  ]);
  if (head.status === 'rejected') {
    const code = (head.reason as NodeJS.ErrnoException).code;
    return none(code === 'ENOENT' ? 'git is not installed' : 'it is not in a git work tree with commits');
  }
  const commit = head.value.trim();
  const urls = remotes.status === 'fulfilled' ? [...remotes.value.matchAll(/^remote\.(\S+)\.url (.+)$/gm)].map((m) => ({ name: m[1]!, url: m[2]! })) : [];
  const remote = urls.find((r) => r.name === 'origin') ?? urls[0];
  const repo = remote ? repoWebFromRemote(remote.url) : null;
  if (!repo) return none(remote ? 'its git remote is not on GitHub or GitLab' : 'its git repository has no remote');
  const entry = tree.status === 'fulfilled' ? /^(\d+) blob ([0-9a-f]+)\t([^\0]+)\0/.exec(tree.value) : null;
  if (!entry || entry[1] === '120000') return none('it is not committed in git', true);
  const committedId = entry[2]!;
  if (blobId(bytes, committedId.length === 64 ? 'sha256' : 'sha1') !== committedId) {
    return none('it has changes not committed to git, so no commit holds the text scored', true);
  }
  const pushed = unpushed.status === 'fulfilled' && unpushed.value.trim() === '';
  return {
    url: blobUrl(repo, commit, entry[3]!),
    reason: null,
    actionable: false,
    note: pushed ? null : `commit ${commit.slice(0, 12)} is not on any remote branch yet; the links work once it is pushed`,
  };
}
