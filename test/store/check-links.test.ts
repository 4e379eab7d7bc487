import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LinkChecker, checkLink } from '../../src/store/links/check-links.js';
import { startLinkServer, type LinkServer } from '../helpers/link-server.js';

let server: LinkServer;
beforeAll(async () => {
  server = await startLinkServer();
});
afterAll(() => server.close());

const check = (path: string, timeoutMs = 1000) => checkLink(`${server.base}${path}`, { timeoutMs });

describe('checkLink', () => {
  it('accepts a working link, follows a redirect and falls back to GET when HEAD is refused', async () => {
    expect(await check('/ok')).toEqual({ problem: null, status: 200 });
    expect(await check('/redirect')).toEqual({ problem: null, status: 200 });
    expect(await check('/head-refused')).toEqual({ problem: null, status: 200 });
  });

  it('names what is wrong: a status, a redirect loop, a non-http redirect, a timeout, a bad host', async () => {
    expect((await check('/missing')).problem).toBe('returned 404');
    expect((await check('/loop')).problem).toBe('redirects more than 5 times');
    expect((await check('/to-file')).problem).toBe('redirects to a file URL (not followed)');
    expect((await check('/slow', 200)).problem).toBe('timed out after 0.2 s');
    expect((await checkLink('http://127.0.0.1:1/x', { timeoutMs: 1000 })).problem).toMatch(/^does not resolve/);
    expect((await checkLink('ftp://example.org/x', { timeoutMs: 1000 })).problem).toBe('is not an http(s) link');
  });

  it('does not count a rate-limited answer as a broken link', async () => {
    expect(await check('/rate')).toEqual({ problem: null, status: 429 });
  });
});

describe('LinkChecker', () => {
  it('asks each URL once, keeps answers in the cache folder and reuses them in the next run', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'toc-links-'));
    const urls = [`${server.base}/ok`, `${server.base}/missing`, `${server.base}/ok`];
    const before = server.hits.length;
    const first = new LinkChecker({ timeoutMs: 1000, concurrency: 2, cacheDir: dir });
    const answers = await first.checkAll(urls);
    expect(answers.get(`${server.base}/missing`)!.problem).toBe('returned 404');
    await first.save();
    expect(server.hits.length - before).toBe(2);
    expect(Object.keys(JSON.parse(readFileSync(join(dir, 'link-checks.json'), 'utf8'))).sort()).toEqual([`${server.base}/missing`, `${server.base}/ok`]);
    const second = new LinkChecker({ timeoutMs: 1000, concurrency: 2, cacheDir: dir });
    expect((await second.checkAll(urls)).get(`${server.base}/missing`)!.problem).toBe('returned 404');
    expect(server.hits.length - before).toBe(2);
  });

  it('never has more requests open than its concurrency', async () => {
    let open = 0;
    let peak = 0;
    const fetchImpl = (async () => {
      open++;
      peak = Math.max(peak, open);
      await new Promise((r) => setTimeout(r, 20));
      open--;
      return new Response(null, { status: 200 });
    }) as unknown as typeof fetch;
    const checker = new LinkChecker({ timeoutMs: 1000, concurrency: 3, cacheDir: null, fetchImpl });
    await checker.checkAll(Array.from({ length: 12 }, (_, k) => `http://links.test/${k}`));
    expect(peak).toBe(3);
  });
});
