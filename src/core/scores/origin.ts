// Where a document lives on the web, so exports can link cited lines: a GitHub or GitLab blob
// URL built from a git remote, pinned to a commit. Pure; src/store/git-origin.ts asks git.

/** A repository's web home, from a remote URL. */
export interface RepoWeb {
  host: 'github' | 'gitlab';
  /** `https://github.com/OWNER/REPO` (no credentials, no `.git`). */
  base: string;
}

/**
 * The web home of a GitHub or GitLab remote (`git@github.com:o/r.git`, `https://github.com/o/r`,
 * `ssh://git@gitlab.com/group/sub/repo.git`), or null for any other host. Credentials in the
 * remote URL are never carried over.
 */
export function repoWebFromRemote(remote: string): RepoWeb | null {
  const text = remote.trim();
  let host: string;
  let path: string;
  const scp = /^(?:[^@/\s]+@)?([^:/\s]+):(?!\/)(.+)$/.exec(text);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      return null;
    }
    if (!['https:', 'http:', 'ssh:', 'git:'].includes(url.protocol)) return null;
    host = url.hostname;
    path = decodeURIComponent(url.pathname);
  } else if (scp) {
    host = scp[1]!;
    path = scp[2]!;
  } else {
    return null;
  }
  host = host.toLowerCase();
  const segments = path.replace(/\.git\/?$/, '').split('/').filter(Boolean);
  if (segments.some((s) => s === '.' || s === '..' || !/^[\w.-]+$/.test(s))) return null;
  if (host === 'github.com' || host === 'www.github.com') {
    if (segments.length !== 2) return null;
    return { host: 'github', base: `https://github.com/${segments.join('/')}` };
  }
  if (host === 'gitlab.com') {
    if (segments.length < 2) return null;
    return { host: 'gitlab', base: `https://gitlab.com/${segments.join('/')}` };
  }
  return null;
}

/** The blob URL of `pathInRepo` (POSIX) at `commit`. */
export function blobUrl(repo: RepoWeb, commit: string, pathInRepo: string): string {
  const path = pathInRepo.split('/').map(encodeURIComponent).join('/');
  return repo.host === 'github' ? `${repo.base}/blob/${commit}/${path}` : `${repo.base}/-/blob/${commit}/${path}`;
}

/**
 * True when an origin URL names one fixed version of the file: a GitHub/GitLab blob URL whose ref
 * is a full commit id. A branch (`blob/main/…`) can move on and show other text at a line.
 */
export function isPinnedOrigin(origin: string | null | undefined): boolean {
  if (!origin) return false;
  return /\/(?:-\/)?blob\/(?:[0-9a-f]{40}|[0-9a-f]{64})\//i.test(origin);
}
