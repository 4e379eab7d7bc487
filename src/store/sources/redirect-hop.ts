// One step of following redirects by hand, the same rules for every fetched document: http(s)
// targets only, at most MAX_REDIRECTS hops. The callers phrase the errors for what they fetch.
import { sanitizeLine } from '../../core/sanitize.js';

export const MAX_REDIRECTS = 5;

export interface RedirectErrors {
  /** More than MAX_REDIRECTS hops. */
  tooMany: () => Error;
  /** A redirect to another scheme (file:, ftp:, …), given without its colon. */
  refused: (protocol: string) => Error;
}

/**
 * The address a redirect answer points to (its body cancelled), or null when the answer is not
 * a redirect and is the one to read. `hop` counts the redirects already followed.
 */
export async function redirectTarget(response: Response, current: URL | string, hop: number, errors: RedirectErrors): Promise<URL | null> {
  const location = response.headers.get('location');
  if (response.status < 300 || response.status >= 400 || !location) return null;
  await response.body?.cancel();
  if (hop >= MAX_REDIRECTS) throw errors.tooMany();
  const next = new URL(location, current);
  if (next.protocol !== 'http:' && next.protocol !== 'https:') throw errors.refused(sanitizeLine(next.protocol));
  return next;
}
