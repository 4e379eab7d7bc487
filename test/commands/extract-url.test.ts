// `extract URL` against the local test server (no network): the same criteria as the file,
// redirects (http only, at most 5), and one-line errors for 404, rate limits, timeouts, big and
// binary bodies.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { startLinkServer, type LinkServer } from '../helpers/link-server.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DOC = 'test/fixtures/corpus/seeds/karmada-2022-annual.md';
let env: NodeJS.ProcessEnv;
let server: LinkServer;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'toc-extract-url-'));
  env = { ...process.env, TOC_REVIEW_CONFIG_DIR: join(dir, 'config'), TOC_REVIEW_NO_CACHE: '1', TOC_REVIEW_MAX_DOC_MB: '1' };
  // Fetched documents are kept in a workspace of this test's own, not in the repository's reviews/.
  mkdirSync(join(dir, 'config', 'ws'), { recursive: true });
  writeFileSync(join(dir, 'config', 'config.json'), JSON.stringify({ workspace: join(dir, 'config', 'ws') }));
  server = await startLinkServer({
    files: { '/doc.md': readFileSync(join(ROOT, DOC)), '/big.md': Buffer.alloc(2 * 1024 * 1024, 'a'), '/binary.md': Buffer.from([0x23, 0x00, 0x41]) },
  });
});
afterAll(() => server.close());

const run = (args: string[]) => runCli(args, { cwd: ROOT, env });
const oneLine = (stderr: string) => expect(stderr.trim().split('\n')).toHaveLength(1);

describe('toc-review extract URL', () => {
  it('gives the same criteria and facts as the file', async () => {
    const fromFile = JSON.parse((await run(['extract', DOC, '--json'])).stdout);
    const { code, stdout, stderr } = await run(['extract', `${server.base}/doc.md`, '--json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const fromUrl = JSON.parse(stdout);
    const { origin, ...document } = fromUrl.document;
    expect(document).toEqual({ ...fromFile.document, path: `${server.base}/doc.md` });
    expect(origin).toMatchObject({ kind: 'url', url: `${server.base}/doc.md`, commit: null });
    expect(fromUrl.criteria).toEqual(fromFile.criteria);
  });

  it('follows up to 5 redirects and refuses a sixth', async () => {
    expect((await run(['extract', `${server.base}/chain/5`])).code).toBe(0);
    const { code, stderr } = await run(['extract', `${server.base}/chain/6`]);
    expect(code).toBe(1);
    oneLine(stderr);
    expect(stderr).toMatch(/more than 5 redirects/);
  });

  it('refuses a redirect to file://', async () => {
    const { code, stderr } = await run(['extract', `${server.base}/to-file`]);
    expect(code).toBe(1);
    oneLine(stderr);
    expect(stderr).toMatch(/redirected to a file: address, refused/);
  });

  it.each([
    ['/missing', /not found \(HTTP 404\); check the address/],
    ['/rate', /rate limited \(HTTP 429\); try again in 60 s/],
    ['/big.md', /over the 1\.0 MB document limit/],
    ['/binary.md', /binary file/],
  ])('%s is a one-line error', async (path, message) => {
    const { code, stdout, stderr } = await run(['extract', `${server.base}${path}`, '--json']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    oneLine(stderr);
    expect(stderr).toMatch(message);
  });

  it('gives up after --timeout', async () => {
    const { code, stderr } = await run(['extract', `${server.base}/slow`, '--timeout', '0.3']);
    expect(code).toBe(1);
    expect(stderr).toMatch(/no answer within 0\.3 s \(--timeout SEC to wait longer\)/);
  });

  it('says it cannot connect when nothing listens', async () => {
    const { code, stderr } = await run(['extract', 'http://127.0.0.1:9/doc.md']);
    expect(code).toBe(1);
    expect(stderr).toMatch(/cannot connect.*check the address or that you are online/);
  });
});

