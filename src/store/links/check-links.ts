// Asking the network whether evidence links resolve: a HEAD request (GET when HEAD is refused),
// redirects followed by hand only to http(s) and at most 5 times, a timeout per link, a few
// requests at a time, and answers kept in the workspace (`.cache/link-checks.json`, a day) so a
// second triage of the same queue asks nothing again. Never sends credentials.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../atomic-write.js';
import { MAX_REDIRECTS, redirectTarget } from '../sources/redirect-hop.js';

export interface LinkCheck {
  /** Null when the link is fine. */
  problem: string | null;
  status: number | null;
}

export interface CheckOptions {
  timeoutMs: number;
  concurrency: number;
  /** Folder of the cache file; null: no cache. */
  cacheDir: string | null;
  now?: () => number;
  fetchImpl?: typeof fetch;
}

const CACHE_FILE = 'link-checks.json';
const CACHE_TTL_MS = 24 * 60 * 60 * 1000;

type Cache = Record<string, { at: number; status: number | null; problem: string | null }>;

async function readCache(dir: string | null): Promise<Cache> {
  if (!dir) return {};
  try {
    const parsed = JSON.parse(await readFile(join(dir, CACHE_FILE), 'utf8')) as unknown;
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Cache) : {};
  } catch {
    return {};
  }
}

function describeFailure(error: unknown, timeoutMs: number): string {
  const e = error as { name?: string; cause?: { code?: string }; code?: string };
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') return `timed out after ${Math.round(timeoutMs / 100) / 10} s`;
  const code = e?.cause?.code ?? e?.code;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `does not resolve (host not found)`;
  if (code === 'ECONNREFUSED') return 'does not resolve (connection refused)';
  return `does not resolve (${code ?? 'network error'})`;
}

/** What a link check found wrong on the way, said as the link's problem. */
class LinkProblem extends Error {}

const REDIRECT_PROBLEMS = {
  tooMany: () => new LinkProblem(`redirects more than ${MAX_REDIRECTS} times`),
  refused: (protocol: string) => new LinkProblem(`redirects to a ${protocol.replace(':', '')} URL (not followed)`),
};

/** One link, redirects followed by hand (store/sources/redirect-hop.ts, as for documents). */
export async function checkLink(url: string, options: Pick<CheckOptions, 'timeoutMs' | 'fetchImpl'>): Promise<LinkCheck> {
  const doFetch = options.fetchImpl ?? fetch;
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return { problem: 'is not a valid URL', status: null };
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:') return { problem: 'is not an http(s) link', status: null };
  const signal = AbortSignal.timeout(options.timeoutMs);
  try {
    for (let hop = 0; ; hop++) {
      let response = await doFetch(target, { method: 'HEAD', redirect: 'manual', signal, headers: { 'user-agent': 'toc-review link check' } });
      // Some servers refuse HEAD; ask for the page and read none of it.
      if (response.status === 405 || response.status === 501 || response.status === 403) {
        await response.body?.cancel().catch(() => undefined);
        response = await doFetch(target, { method: 'GET', redirect: 'manual', signal, headers: { 'user-agent': 'toc-review link check' } });
      }
      const next = await redirectTarget(response, target, hop, REDIRECT_PROBLEMS);
      if (next) {
        target = next;
        continue;
      }
      await response.body?.cancel().catch(() => undefined);
      if (response.status === 429) return { problem: null, status: 429 };
      if (response.status >= 400) return { problem: `returned ${response.status}`, status: response.status };
      return { problem: null, status: response.status };
    }
  } catch (error) {
    if (error instanceof LinkProblem) return { problem: error.message, status: null };
    return { problem: describeFailure(error, options.timeoutMs), status: null };
  }
}

/**
 * Checks links, a few at a time, each URL once per run; answers come from and go to the
 * workspace cache (`save()` writes it once at the end of the run).
 */
export class LinkChecker {
  private cache: Cache | null = null;
  private readonly known = new Map<string, Promise<LinkCheck>>();
  private changed = false;
  private active = 0;
  private readonly waiting: Array<() => void> = [];
  constructor(private readonly options: CheckOptions) {}

  private async slot<T>(work: () => Promise<T>): Promise<T> {
    while (this.active >= Math.max(1, this.options.concurrency)) await new Promise<void>((wake) => this.waiting.push(wake));
    this.active++;
    try {
      return await work();
    } finally {
      this.active--;
      this.waiting.shift()?.();
    }
  }

  async check(url: string): Promise<LinkCheck> {
    const now = this.options.now ?? Date.now;
    this.cache ??= await readCache(this.options.cacheDir);
    const hit = this.cache[url];
    if (hit && now() - hit.at < CACHE_TTL_MS) return { problem: hit.problem, status: hit.status };
    let pending = this.known.get(url);
    if (!pending) {
      pending = this.slot(() => checkLink(url, this.options)).then((result) => {
        // A rate-limited answer says nothing about the link: ask again next time.
        if (result.status !== 429 && this.cache) {
          this.cache[url] = { at: now(), ...result };
          this.changed = true;
        }
        return result;
      });
      this.known.set(url, pending);
    }
    return pending;
  }

  async checkAll(urls: readonly string[]): Promise<Map<string, LinkCheck>> {
    const unique = [...new Set(urls)];
    const answers = await Promise.all(unique.map((url) => this.check(url)));
    return new Map(unique.map((url, k) => [url, answers[k]!]));
  }

  /** Keep the answers of this run in the workspace (failures to write are ignored). */
  async save(): Promise<void> {
    if (!this.options.cacheDir || !this.changed || !this.cache) return;
    const { mkdir } = await import('node:fs/promises');
    await mkdir(this.options.cacheDir, { recursive: true }).catch(() => undefined);
    await writeFileAtomic(join(this.options.cacheDir, CACHE_FILE), `${JSON.stringify(this.cache, null, 1)}\n`).catch(() => undefined);
    this.changed = false;
  }
}
