// Which document arguments are web addresses, and the forms of an address that may be sent,
// recorded or shown. (A GitHub blob/ page is read as its raw file: blob-url.ts.)

export function isHttpUrl(arg: string): boolean {
  return /^https?:\/\//i.test(arg);
}

// Query parameters that carry a secret in practice (raw.githubusercontent.com's ?token=, signed
// URLs' signatures, API keys): never written to a record, an output or a score file.
const SECRET_PARAM = /token|secret|sig|signature|key|auth|password|credential/i;

/** An address as it may be sent: fetch refuses one with a user name or password, so they are dropped (never sent, never shown). */
export function withoutCredentials(url: string): string {
  return edited(url, () => undefined);
}

/** An address as it may be recorded and shown: no user name or password, no secret-looking parameters. */
export function publicUrl(url: string): string {
  return edited(url, (parsed) => {
    for (const name of [...parsed.searchParams.keys()]) if (SECRET_PARAM.test(name)) parsed.searchParams.delete(name);
  });
}

function edited(url: string, more: (parsed: URL) => void): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  parsed.username = '';
  parsed.password = '';
  more(parsed);
  return parsed.href;
}
