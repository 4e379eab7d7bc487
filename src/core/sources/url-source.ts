// Which document arguments are web addresses, and the address to read them from: a GitHub
// `blob/` page is HTML around the file, so it is read from raw.githubusercontent.com instead.

export function isHttpUrl(arg: string): boolean {
  return /^https?:\/\//i.test(arg);
}

/** github.com/OWNER/REPO/blob/REF/PATH -> raw.githubusercontent.com/OWNER/REPO/REF/PATH; others unchanged (blob-url.ts for GitHub Enterprise and commits). */
export function rawUrlFor(url: string): string {
  const match = /^https?:\/\/(?:www\.)?github\.com\/([^/]+)\/([^/]+)\/blob\/(.+?)(?:[?#].*)?$/i.exec(url);
  return match ? `https://raw.githubusercontent.com/${match[1]}/${match[2]}/${match[3]}` : url;
}

// Query parameters that carry a secret in practice (raw.githubusercontent.com's ?token=, signed
// URLs' signatures, API keys): never written to a record, an output or a score file.
const SECRET_PARAM = /token|secret|sig|signature|key|auth|password|credential/i;

/** An address as it may be recorded and shown: no user name or password, no secret-looking parameters. */
export function publicUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  parsed.username = '';
  parsed.password = '';
  for (const name of [...parsed.searchParams.keys()]) if (SECRET_PARAM.test(name)) parsed.searchParams.delete(name);
  return parsed.href;
}
