// `toc-review diff` on the Driftwood pair (test/fixtures/compare/, written for these tests) and on
// score files made with `toc-review score`: text, JSON (against schemas/diff.schema.json, with
// ajv) and markdown, inputs from standard input, and the one-line refusals.
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { sampleWorkspace, tempDir } from '../helpers/score-fixtures.js';

const FIXTURES = join(import.meta.dirname, '../fixtures/compare');
const OLD = 'driftwood-2024-annual.md';
const NEW = 'driftwood-2025-annual.md';

const schema = JSON.parse(readFileSync(join(import.meta.dirname, '../../schemas/diff.schema.json'), 'utf8'));
const ajv = new Ajv2020.default({ allErrors: true, strict: true, allowUnionTypes: true });
const validate = ajv.compile(schema);
function expectValid(data: unknown) {
  expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
}

function workspace() {
  const dir = tempDir('toc-diff-');
  for (const name of [OLD, NEW]) copyFileSync(join(FIXTURES, name), join(dir, name));
  const env = { ...process.env, TOC_REVIEW_CONFIG_DIR: join(dir, 'config'), TOC_REVIEW_CACHE_DIR: join(dir, 'cache') };
  const diff = (args: string[], stdin?: string) => runCli(['diff', ...args], { cwd: dir, env, ...(stdin === undefined ? {} : { stdin: Readable.from([Buffer.from(stdin)]) }) });
  return { dir, env, diff };
}

describe('toc-review diff <old.md> <new.md>', () => {
  it('prints what changed, each entry with its lines in both documents', async () => {
    const { diff } = workspace();
    const { code, stdout, stderr } = await diff([OLD, NEW]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(lines[0]).toBe(`old: Driftwood 2024 Annual Review  (${OLD}, 32 lines)`);
    expect(lines).toContain('  added: Northwind GmbH (new line 13)');
    expect(lines).toContain('  removed: Quillon Ltd (old line 13)');
    expect(lines).toContain('  renamed: Acme Corp -> ACME Corporation (old line 10, new line 10)');
    expect(lines).toContain('  changed: Ana Souza: affiliation Acme Corp -> Globex (old line 19, new line 19)');
    expect(lines).toContain('  Globex: 1 (25%) -> 2 (50%) (old line 20, new lines 19-20)');
    expect(lines).toContain('  merged PRs per month: 120 -> 150 (+30, +25%) (old line 26, new line 26)');
    expect(stdout).toMatch(/commits: not comparable, counted per month in the old document and per year in the new one/);
    expect(stdout).toMatch(/^ {2}commit-flow: 2 -> 3 \(changed\)/m);
    expect(stdout).toMatch(/^ {2}not mentioned: "We plan to publish a formal threat model.*" \(old line 32\)$/m);
  });

  it('--json has the lists the issue names and matches schemas/diff.schema.json', async () => {
    const { diff } = workspace();
    const { code, stdout } = await diff([OLD, NEW, '--json']);
    expect(code).toBe(0);
    const data = JSON.parse(stdout);
    expectValid(data);
    expect(data.schema).toBe('toc-review/diff@1');
    expect(data.adopters.added).toEqual([{ name: 'Northwind GmbH', lines: { old: [], new: [13] } }]);
    expect(data.adopters.removed).toEqual([{ name: 'Quillon Ltd', lines: { old: [13], new: [] } }]);
    expect(data.maintainers.joined.map((m: { name: string }) => m.name)).toEqual(['Priya Nair']);
    expect(data.maintainers.left.map((m: { name: string }) => m.name)).toEqual(['Tom Reed']);
    expect(data.criteria.find((c: { id: string }) => c.id === 'commit-flow')).toMatchObject({ before: { score: 2 }, after: { score: 3 }, changed: true });
    expect(data.old).toMatchObject({ path: OLD, lineCount: 32 });
    expect(data.old.sha256).toMatch(/^[0-9a-f]{64}$/);
    // --format json is the same output.
    expect((await diff([OLD, NEW, '--format', 'json'])).stdout).toBe(stdout);
  });

  it('the schema refuses an entry without lines and an adopter without a name', async () => {
    const { diff } = workspace();
    const data = JSON.parse((await diff([OLD, NEW, '--json'])).stdout);
    const noLines = structuredClone(data);
    noLines.adopters.added[0].lines = { old: [], new: [] };
    expect(validate(noLines)).toBe(false);
    const noName = structuredClone(data);
    delete noName.maintainers.left[0].name;
    expect(validate(noName)).toBe(false);
  });

  it('--format md writes a section to paste, with project text escaped', async () => {
    const { dir, diff } = workspace();
    const text = readFileSync(join(dir, NEW), 'utf8').replace('- Northwind GmbH', '- Northwind *GmbH* @octocat');
    writeFileSync(join(dir, 'hostile.md'), text);
    const { code, stdout } = await diff([OLD, 'hostile.md', '--format', 'md']);
    expect(code).toBe(0);
    expect(stdout.startsWith('## Since the last review\n')).toBe(true);
    expect(stdout).toMatch(/^### Adopters: 4 named before, 4 now$/m);
    expect(stdout).toMatch(/^- removed: Quillon Ltd \(old line 13\)$/m);
    expect(stdout).not.toMatch(/(?<!`)@octocat/);
    expect(stdout).not.toContain(' *GmbH*');
  });

  it('neutralises terminal control sequences in document text', async () => {
    const { dir, diff } = workspace();
    writeFileSync(join(dir, 'escape.md'), readFileSync(join(dir, NEW), 'utf8').replace('- Northwind GmbH', '- North\u001b[2Jwind\u202e GmbH'));
    for (const format of ['text', 'md']) {
      const { code, stdout } = await diff([OLD, 'escape.md', '--format', format]);
      expect(code).toBe(0);
      expect(stdout).toMatch(/added: North.*wind/);
      expect(stdout).not.toMatch(/[\u001b\u202e]/);
    }
  });

  it('reads one of the two from standard input', async () => {
    const { dir, diff } = workspace();
    const { code, stdout } = await diff([OLD, '-', '--json'], readFileSync(join(dir, NEW), 'utf8'));
    expect(code).toBe(0);
    const data = JSON.parse(stdout);
    expect(data.new.path).toBe('-');
    expect(data.adopters.added.map((a: { name: string }) => a.name)).toEqual(['Northwind GmbH']);
  });

  it('--criteria picks the set the suggestions are made with', async () => {
    const { diff } = workspace();
    const { code, stdout } = await diff([OLD, NEW, '--json', '--criteria', 'cncf-incubation']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).criteriaSet.id).toBe('cncf-incubation');
    const missing = await diff([OLD, NEW, '--criteria', 'no-such-set']);
    expect(missing.code).toBe(1);
    expect(missing.stderr.split('\n').filter(Boolean)).toHaveLength(1);
  });

  it('refuses bad input with one line naming it', async () => {
    const { diff } = workspace();
    const missing = await diff([OLD, 'nope.md']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^toc-review: nope\.md: .+\n$/);
    const one = await diff([OLD]);
    expect(one.code).toBe(2);
    expect(one.stderr.split('\n')[0]).toMatch(/diff: give two documents or two score files/);
    const twice = await diff(['-', '-']);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toMatch(/only one of the two can be read from standard input/);
    const format = await diff([OLD, NEW, '--format', 'html']);
    expect(format.code).toBe(2);
    expect(format.stderr).toMatch(/--format wants text, md or json, not "html"/);
    const both = await diff([OLD, NEW, '--json', '--format', 'md']);
    expect(both.code).toBe(2);
  });

  it('docs/compare.md shows the output of a real run', async () => {
    const page = readFileSync(join(import.meta.dirname, '../../docs/compare.md'), 'utf8');
    const capture = /```text\n\$ toc-review diff (\S+) (\S+)\n([\s\S]*?)```/.exec(page)!;
    expect(capture).not.toBeNull();
    const { stdout } = await runCli(['diff', capture[1]!, capture[2]!], { cwd: FIXTURES, env: workspace().env });
    expect(capture[3]).toBe(stdout);
  });

  it('has --help and is listed in the usage', async () => {
    const help = await runCli(['diff', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: toc-review diff <old> <new>/);
    expect(help.stdout).toContain('--format');
    expect((await runCli(['--help'])).stdout).toMatch(/^ {2}diff {6}what changed between two documents or two score files$/m);
  });
});

describe('toc-review diff <a.score.json> <b.score.json>', () => {
  async function scored(reviewers: Record<string, string[]>) {
    const ws = sampleWorkspace();
    for (const [name, args] of Object.entries(reviewers)) {
      const result = await runCli(['score', 'reviews/lanternfish.md', '--workspace', 'reviews', '--reviewer', name, ...args], { cwd: ws.root, env: ws.env });
      expect(result.code, result.stderr).toBe(0);
    }
    const file = (handle: string) => join('reviews', 'scores', 'lanternfish', `${handle}.score.json`);
    const diff = (...args: string[]) => runCli(['diff', ...args], { cwd: ws.root, env: ws.env });
    return { ...ws, file, diff };
  }

  it('two reviewers of one document: where they differ, flagged as panel flags them', async () => {
    const { file, diff } = await scored({
      Ada: ['--set', 'production-users=3', '--set', 'committer-health=1', '--note', 'committer-health=One company holds most seats'],
      Bob: ['--set', 'production-users=3', '--set', 'committer-health=3', '--recommend', 'ready'],
    });
    const { code, stdout, stderr } = await diff(file('ada'), file('bob'));
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('two reviewers of the same document');
    expect(stdout).toMatch(/^ {2}committer-health: 1 Partially met -> 3 Exceeded \(score, notes differ\)$/m);
    expect(stdout).toMatch(/^ {4}disagreement: spread of 2 points; met vs not met$/m);
    expect(stdout).toMatch(/^ {4}ada notes: "One company holds most seats"$/m);
    expect(stdout).not.toMatch(/^ {2}production-users:/m);
    expect(stdout).toMatch(/^ {2}ada: none, bob: ready \(differ\)$/m);
    const json = JSON.parse((await diff(file('ada'), file('bob'), '--json')).stdout);
    expectValid(json);
    expect(json.mode).toBe('reviewers');
    expect(json.items.find((i: { id: string }) => i.id === 'committer-health')).toMatchObject({ old: { score: 1 }, new: { score: 3 }, scoreChanged: true, notesChanged: true });
    expect(json.differing).toBe(1);
  });

  it("one reviewer's earlier and later file: what changed", async () => {
    const { root, env, file, diff } = await scored({ Ada: ['--set', 'versioning=1'] });
    const before = join(root, 'before.score.json');
    copyFileSync(join(root, file('ada')), before);
    const again = await runCli(['score', 'reviews/lanternfish.md', '--workspace', 'reviews', '--reviewer', 'Ada', '--set', 'versioning=2', '--note', 'versioning=Release notes now link the policy'], { cwd: root, env });
    expect(again.code, again.stderr).toBe(0);
    const { code, stdout } = await diff('before.score.json', file('ada'), '--format', 'md');
    expect(code).toBe(0);
    expect(stdout.startsWith('## Score changes\n')).toBe(true);
    expect(stdout).toMatch(/^- versioning: 1 Partially met -> 2 Met \(score, notes changed\)$/m);
    expect(stdout).toMatch(/^ {2}- after notes: "Release notes now link the policy"$/m);
  });

  it('a score file and a document together is a one-line usage error', async () => {
    const { file, diff } = await scored({ Ada: ['--set', 'versioning=1'] });
    const mixed = await diff(file('ada'), 'reviews/lanternfish.md');
    expect(mixed.code).toBe(2);
    expect(mixed.stderr.split('\n')[0]).toBe(`toc-review: diff: ${file('ada')} is a score file and reviews/lanternfish.md a document; give two documents or two score files`);
  });

  it('a score file named like a document is still read as one, and a broken one is named', async () => {
    const { root, file, diff } = await scored({ Ada: ['--set', 'versioning=1'], Bob: ['--set', 'versioning=1'] });
    copyFileSync(join(root, file('bob')), join(root, 'bob.txt'));
    const { code, stdout } = await diff(file('ada'), 'bob.txt', '--json');
    expect(code).toBe(0);
    expect(JSON.parse(stdout).mode).toBe('reviewers');
    writeFileSync(join(root, 'broken.score.json'), '{ "schema": "toc-review/score@1", ');
    const broken = await diff(file('ada'), 'broken.score.json');
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/^toc-review: broken\.score\.json[: ].*\n$/);
  });
});
