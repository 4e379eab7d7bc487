import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SEEDS = 'test/fixtures/corpus/seeds';
let dir: string;
let env: NodeJS.ProcessEnv;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'toc-extract-'));
  // Never read the real user's settings.
  env = { ...process.env, TOC_REVIEW_CONFIG_DIR: join(dir, 'config') };
});

const run = (args: string[]) => runCli(args, { cwd: ROOT, env });

describe('toc-review extract --json', () => {
  it('prints Contract 1 for a corpus document', async () => {
    const path = `${SEEDS}/karmada-2022-annual.md`;
    const { code, stdout, stderr } = await run(['extract', path, '--json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.schema).toBe('toc-review/extract@1');
    expect(result.document).toEqual({
      path,
      sha256: createHash('sha256').update(readFileSync(join(ROOT, path))).digest('hex'),
      title: 'Karmada 2022 Annual Review',
      lineCount: 269,
    });
    expect(result.criteria.map((c: { id: string }) => c.id)).toEqual(['production-users', 'committer-health', 'commit-flow', 'versioning']);
    expect(result.facts.adopters.map((a: { name: string }) => a.name)).toEqual(['VIPKID', 'ICBC', 'Vivo', 'Trip.com', 'AIML INSTITUTE', 'Huawei Cloud']);
    expect(result.facts.adoptersClaimedCount).toBe(11);
    expect(result.facts.maintainers[0]).toEqual({ name: 'Hanbo Li', handle: 'mrlihanbo', affiliation: 'Huawei', line: 110, reason: 'table of maintainers (read by its name, handle and affiliation columns)' });
    // Every fact says why it was taken.
    for (const kind of ['adopters', 'maintainers', 'metrics', 'versioning']) {
      for (const fact of result.facts[kind]) expect(fact.reason, kind).toMatch(/^[a-z].{10,}/);
    }
    expect(Array.isArray(result.facts.metrics) && Array.isArray(result.facts.versioning)).toBe(true);
    for (const c of result.criteria) {
      expect(Object.keys(c)).toEqual(expect.arrayContaining(['id', 'evidence', 'suggestion', 'gaps']));
      expect([0, 1, 2, 3]).toContain(c.suggestion.score);
    }
  });

  it('gives a valid result for an empty file, every criterion lacking evidence', async () => {
    const path = join(dir, 'empty.md');
    writeFileSync(path, '');
    const { code, stdout } = await run(['extract', path, '--json']);
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.document.lineCount).toBe(0);
    expect(result.document.title).toBe('');
    expect(result.criteria).toHaveLength(4);
    for (const c of result.criteria) {
      expect(c.evidence).toEqual([]);
      expect(c.gaps.length).toBeGreaterThan(0);
    }
  });

  it('uses a criteria file given with --criteria', async () => {
    const criteria = join(dir, 'mine.yaml');
    writeFileSync(
      criteria,
      'id: mine\ntitle: Mine\nscale:\n  - { value: 0, label: No, meets: false }\n  - { value: 1, label: Yes, meets: true }\nitems:\n  - id: docs\n    title: Docs\n    question: Documented?\n    guidance: Docs exist.\n    hints: { headings: [goal], keywords: [documents] }\n',
    );
    // Relative to the command's working directory, whatever the process's is.
    const { code, stdout } = await runCli(['extract', join(ROOT, SEEDS, 'kube-ovn-2022-annual.md'), '--criteria', 'mine.yaml', '--json'], { cwd: dir, env });
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.criteria.map((c: { id: string }) => c.id)).toEqual(['docs']);
    expect(result.criteria[0].evidence[0].heading).toBe('Project Goals');
    expect(result.criteria[0].suggestion.score).toBeNull();
  });

  it('escapes C1 and bidi characters so the JSON is safe on a terminal and still the same data', async () => {
    const path = join(dir, 'bidi.md');
    writeFileSync(path, '# Evil\u202e title\u009b31m\n');
    const { stdout } = await run(['extract', path, '--json']);
    expect(stdout).not.toMatch(/[\u0080-\u009f\u202a-\u202e]/);
    expect(JSON.parse(stdout).document.title).toBe('Evil\u202e title\u009b31m');
  });
});

describe('toc-review extract (readable report)', () => {
  it('reports facts per criterion with line numbers', async () => {
    const { code, stdout } = await run(['extract', `${SEEDS}/kubevirt-incubation-draft.md`]);
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toBe('KubeVirt Incubation Stage Review Proposal');
    expect(stdout).toContain('Production users  [production-users]');
    expect(stdout).toContain('NVIDIA (60), SUSE (61)');
    expect(stdout).toContain('lines 21-25  Maintainers');
    expect(stdout).toContain('has 3 empty bullets at lines 23-25');
  });

  it('notes the web-page text around a captured document', async () => {
    const { stdout } = await run(['extract', `${SEEDS}/kubevirt-incubation-commit-page.md`]);
    expect(stdout).toContain('markdown: lines 50-213 (web page text around it is ignored)');
  });

  it('sanitises document text on its way to the terminal', async () => {
    const path = join(dir, 'evil.md');
    writeFileSync(path, '# Title \u001b]52;c;ZXZpbA==\u0007here\n\n## Adopters\n\n- Acme\u001b[2J Corp\n- Globex\n- Initech\n');
    const { code, stdout } = await run(['extract', path]);
    expect(code).toBe(0);
    expect(stdout).not.toContain('\u001b');
    expect(stdout).not.toContain('\u0007');
    expect(stdout).toContain('Acme Corp (5), Globex (6)');
  });
});

describe('toc-review extract on documents with 100,000s of facts', () => {
  // Spreading a fact list into push(...) overflowed the call stack past about 120,000 items.
  it('prints the readable report and the JSON for 150,000 maintainers and 150,000 figures', async () => {
    const path = join(dir, 'huge-lists.md');
    const maintainers = Array.from({ length: 150_000 }, (_, i) => `- Person ${i} (@p${i}), Org${i % 5}`).join('\n');
    writeFileSync(path, `# Maintainers\n\n${maintainers}\n\n# Activity\n\n${'We had 28 commits per month.\n\n'.repeat(150_000)}`);
    const report = await run(['extract', path]);
    expect(report.stderr).toBe('');
    expect(report.code).toBe(0);
    expect(report.stdout).toContain('line 150002: Person 149999 @p149999, Org4');
    const json = await run(['extract', path, '--json']);
    expect(json.code).toBe(0);
    const facts = JSON.parse(json.stdout).facts;
    expect(facts.maintainers).toHaveLength(150_000);
    expect(facts.metrics.filter((m: { kind: string }) => m.kind === 'commits')).toHaveLength(150_000);
  }, 120_000);
});

describe('toc-review extract errors', () => {
  it('refuses a missing file, a folder without documents and a binary file with one line naming the file', async () => {
    const binary = join(dir, 'image.md');
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]));
    const emptyFolder = join(dir, 'no-documents');
    mkdirSync(emptyFolder, { recursive: true });
    for (const [path, reason] of [
      ['no/such/file.md', 'no/such/file.md: no such file'],
      [emptyFolder, 'no documents found'],
      [binary, 'binary file'],
    ] as const) {
      const { code, stdout, stderr } = await run(['extract', path]);
      expect(code).toBe(1);
      expect(stdout).toBe('');
      expect(stderr.trim().split('\n')).toHaveLength(1);
      expect(stderr).toContain(reason);
      expect(stderr).toContain(path);
    }
  });

  it('exits 2 on usage errors and 1 on an unknown criteria set', async () => {
    expect((await run(['extract'])).code).toBe(2);
    // Several documents are a batch: each missing one is reported, exit 1.
    const two = await run(['extract', 'a.md', 'b.md']);
    expect([two.code, two.stderr]).toEqual([1, 'toc-review: a.md: no such file\ntoc-review: b.md: no such file\n']);
    expect((await run(['extract', 'a.md', '--nope'])).code).toBe(2);
    const unknown = await run(['extract', `${SEEDS}/kube-ovn-2022-annual.md`, '--criteria', 'no-such-set']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('unknown criteria set "no-such-set"');
    const missing = await runCli(['extract', join(ROOT, SEEDS, 'kube-ovn-2022-annual.md'), '--criteria', 'nope.yaml'], { cwd: dir, env });
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim()).toBe('toc-review: nope.yaml: no such file');
  });

  it('has --help', async () => {
    const { code, stdout } = await run(['extract', '--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('Usage: toc-review extract <document|folder>...');
  });
});

describe('toc-review extract via the built binary', () => {
  it('prints the same JSON as in-process, without loading React or Ink', async () => {
    if (!existsSync(join(ROOT, 'dist/cli.js'))) execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT });
    const path = `${SEEDS}/openkruise-sandbox-annual.md`;
    const child = spawnSync(process.execPath, ['bin/toc-review.js', 'extract', path, '--json'], { cwd: ROOT, env, encoding: 'utf8' });
    expect(child.stderr).toBe('');
    expect(child.status).toBe(0);
    const inProcess = await run(['extract', path, '--json']);
    expect(JSON.parse(child.stdout)).toEqual(JSON.parse(inProcess.stdout));
    // The bundle inlines its dependencies, so check the chunks the extract path imports instead.
    const chunks = reachableChunks(join(ROOT, 'dist'), 'cli.js', /^extract-/);
    for (const file of chunks) expect(readFileSync(join(ROOT, 'dist', file), 'utf8'), file).not.toMatch(/react\.(?:production|development)|ink-text-input|from "react"|\buseInput\b/);
  });

  it('stops quietly when the reader of its output goes away (| head)', () => {
    if (!existsSync(join(ROOT, 'dist/cli.js'))) execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT });
    const child = spawnSync('bash', ['-o', 'pipefail', '-c', `"${process.execPath}" bin/toc-review.js extract ${SEEDS}/karmada-2022-annual.md --json | head -c 10`], { cwd: ROOT, env, encoding: 'utf8' });
    expect(child.stdout).toBe('{\n  "schem');
    expect(child.stderr).toBe('');
    expect(child.status).toBe(0);
  });
});

/**
 * Chunks the extract command can load: those cli.js imports statically, the lazily imported
 * chunk whose name matches, and everything that one imports, statically or lazily.
 */
function reachableChunks(distDir: string, entry: string, lazy: RegExp): string[] {
  const read = (file: string) => readFileSync(join(distDir, file), 'utf8');
  const imports = (text: string, withDynamic: boolean) => [
    ...[...text.matchAll(/^import\s[^;]*?from\s+"\.\/([^"]+)"|^import\s+"\.\/([^"]+)"/gm)].map((m) => m[1] ?? m[2]!),
    ...(withDynamic ? [...text.matchAll(/import\("\.\/([^"]+)"\)/g)].map((m) => m[1]!) : []),
  ];
  const entryText = read(entry);
  const dynamic = [...entryText.matchAll(/import\("\.\/([^"]+)"\)/g)].map((m) => m[1]!).filter((f) => lazy.test(f));
  expect(dynamic.length).toBe(1);
  const seen = new Set<string>([entry]);
  const queue = [...imports(entryText, false), ...dynamic];
  while (queue.length > 0) {
    const file = queue.pop()!;
    // Bundled libraries may hold import("./x") strings of their own that are not chunks.
    if (seen.has(file) || !existsSync(join(distDir, file))) continue;
    seen.add(file);
    queue.push(...imports(read(file), true));
  }
  return [...seen];
}

it('the chunk check would notice React (it finds it on the review path)', () => {
  if (!existsSync(join(ROOT, 'dist/cli.js'))) return;
  const chunks = reachableChunks(join(ROOT, 'dist'), 'cli.js', /^review-/);
  expect(chunks.some((file) => /react\.(?:production|development)|\buseInput\b/.test(readFileSync(join(ROOT, 'dist', file), 'utf8')))).toBe(true);
});
