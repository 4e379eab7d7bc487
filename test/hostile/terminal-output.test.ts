// What the commands write to the terminal when documents and score files carry escape
// sequences: no ESC or other control character from the input in any output, --json that
// stays valid JSON (controls escaped, data intact), and exports that stay the same markdown
// structure as for harmless text.
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { hostileDocuments } from '../../scripts/make-hostile-fixtures.mjs';
import { runCli } from '../helpers/cli.js';
import { renderHtml, tableShapes, tagCounts } from '../helpers/markdown-check.js';
import { copyHostileWorkspace, expectNoControls, findControl, hashTree, HOSTILE, isPlaceholder, testEnv } from './helpers.js';

const ENV = testEnv({ TOC_REVIEW_NOW: '2026-01-05' });

async function run(args: string[], cwd: string) {
  const result = await runCli(args, { cwd, env: { ...ENV } });
  expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(0);
  expectNoControls(result.stdout, `${args.join(' ')}: stdout`);
  expectNoControls(result.stderr, `${args.join(' ')}: stderr`);
  return result;
}

/** Every string inside a JSON value. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

describe.skipIf(isPlaceholder('extract'))('extract on hostile documents', () => {
  const docs = Object.keys(hostileDocuments());
  let dir: string;
  beforeAll(() => {
    dir = copyHostileWorkspace();
    for (const name of docs) copyFileSync(join(HOSTILE, 'documents', name), join(dir, `doc-${name}`));
  });

  it.each(docs)('%s: the text report carries no control character', async (name) => {
    const { stdout } = await run(['extract', `doc-${name}`], dir);
    expect(stdout.length).toBeGreaterThan(0);
  });

  it.each(docs)('%s: --json is valid JSON with every control escaped', async (name) => {
    const { stdout } = await run(['extract', `doc-${name}`, '--json'], dir);
    const result = JSON.parse(stdout) as { schema: string; document: { lineCount: number }; criteria: unknown[] };
    expect(result.schema).toBe('toc-review/extract@1');
    expect(result.criteria).toHaveLength(4);
    // Raw C1 and bidi characters are legal in JSON but act on terminals: they must be escaped.
    expect(stdout).not.toMatch(/[\u0080-\u009f\u202a-\u202e\u2066-\u2069]/);
  });

  it('the realistic hostile review still yields its facts, payloads and all, as data', async () => {
    const { stdout } = await run(['extract', 'hostile-review.md', '--json'], dir);
    const result = JSON.parse(stdout) as { facts: { adopters: { name: string }[]; maintainers: { name: string }[] } };
    expect(result.facts.adopters.length).toBeGreaterThanOrEqual(3);
    expect(result.facts.maintainers.length).toBeGreaterThanOrEqual(3);
    const text = strings(result).join('\n');
    expect(text).toContain('Contoso');
  });
});

describe('score-file commands on the hostile workspace', () => {
  let dir: string;
  let before: Record<string, string>;
  beforeAll(() => {
    dir = copyHostileWorkspace();
    // A file name with escape sequences (a shared repository can hold any byte but "/" and NUL).
    const eve = JSON.parse(readFileSync(join(dir, 'scores', 'hostile-review', 'eve.score.json'), 'utf8')) as { reviewer: { handle: string } };
    eve.reviewer.handle = 'zed';
    writeFileSync(join(dir, 'scores', 'hostile-review', `x\x1b]0;title\x07\u202e.score.json`), JSON.stringify(eve));
    before = hashTree(dir);
  });

  it.skipIf(isPlaceholder('validate'))('validate (text and --json) prints the hostile files as safe text', async () => {
    const text = await run(['validate', 'scores/hostile-review'], dir);
    expect(text.stdout).toMatch(/^ok .*mallory\.score\.json/m);
    const json = await run(['validate', 'scores/hostile-review', '--json'], dir);
    expect(JSON.parse(json.stdout)).toHaveLength(3);
  });

  it.skipIf(isPlaceholder('panel'))('panel (text and --json) never echoes reviewer names or titles raw', async () => {
    const text = await run(['panel', 'scores/hostile-review'], dir);
    expect(text.stdout).toContain('production-users');
    const json = await run(['panel', 'scores/hostile-review', '--json'], dir);
    const parsed = JSON.parse(json.stdout) as { groups: unknown[] };
    expect(parsed.groups).toHaveLength(1);
    expect(json.stdout).not.toMatch(/[\u0080-\u009f\u202a-\u202e\u2066-\u2069]/);
  });

  it.skipIf(isPlaceholder('export'))('export of one reviewer, as markdown and JSON', async () => {
    const md = await run(['export', 'scores/hostile-review/mallory.score.json'], dir);
    expect(md.stdout).toMatch(/^## /);
    const json = await run(['export', 'scores/hostile-review/mallory.score.json', '--format', 'json'], dir);
    JSON.parse(json.stdout);
    expect(json.stdout).not.toMatch(/[\u0080-\u009f\u202a-\u202e\u2066-\u2069]/);
  });

  it.skipIf(isPlaceholder('export'))('export of the panel', async () => {
    const md = await run(['export', 'scores/hostile-review/mallory.score.json', 'scores/hostile-review/eve.score.json'], dir);
    expect(md.stdout).toContain('mallory');
  });

  it.skipIf(isPlaceholder('score'))('score prints the file summary (notes included) as safe text', async () => {
    const result = await run(['score', 'hostile-review.md', '--reviewer', 'Mallory', '--handle', 'mallory', '--workspace', '.'], dir);
    expect(result.stdout).toContain('mallory');
  });

  it('none of them changed a file', () => {
    expect(hashTree(dir)).toEqual(before);
  });
});

describe('a shared criteria file carrying escape sequences', () => {
  const file = join(HOSTILE, 'criteria', 'hostile-criteria.yaml');

  it('criteria show, as text and --json', async () => {
    const dir = copyHostileWorkspace();
    const text = await run(['criteria', 'show', file], dir);
    expect(text.stdout).toContain('hostile-criteria');
    const json = await run(['criteria', 'show', file, '--json'], dir);
    expect(json.stdout).not.toMatch(/[\u0080-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect((JSON.parse(json.stdout) as { title: string }).title).toContain('\u202e');
  });

  it.skipIf(isPlaceholder('extract'))('extract with it, as text and --json', async () => {
    const dir = copyHostileWorkspace();
    await run(['extract', 'hostile-review.md', '--criteria', file], dir);
    const json = await run(['extract', 'hostile-review.md', '--criteria', file, '--json'], dir);
    expect(json.stdout).not.toMatch(/[\u0080-\u009f\u202a-\u202e\u2066-\u2069]/);
  });

  it.skipIf(isPlaceholder('config'))('config get --json of a reviewer name with controls', async () => {
    const dir = copyHostileWorkspace();
    const env = { ...ENV };
    await runCli(['config', 'set', 'reviewer.name', `Eve\u202e\u009b2J`], { cwd: dir, env });
    for (const args of [['config', 'get', '--json'], ['config', 'get', 'reviewer.name', '--json'], ['config', 'get']]) {
      const result = await runCli(args, { cwd: dir, env });
      expectNoControls(result.stdout + result.stderr, args.join(' '));
      expect(result.stdout + result.stderr).not.toMatch(/[\u0080-\u009f\u202a-\u202e\u2066-\u2069]/);
    }
  });
});

describe.skipIf(isPlaceholder('export'))('exports stay valid markdown', () => {
  // Differential check: the export of the hostile file must have the same markdown structure
  // (tables, headings, lists, links) as the export of the same file with every free-text
  // field replaced by a harmless word. Any difference is structure injected by the payloads.
  function harmless(file: Record<string, unknown>): Record<string, unknown> {
    const copy = structuredClone(file) as {
      document: { title: string };
      reviewer: { name: string };
      recommendation: { notes: string };
      items: { notes: string; cited: { quote: string }[] }[];
    };
    copy.document.title = 'Title';
    copy.reviewer.name = 'Mallory';
    copy.recommendation.notes = 'Recommendation notes.';
    for (const item of copy.items) {
      item.notes = 'Notes.';
      for (const cite of item.cited) cite.quote = 'Quote.';
    }
    return copy as unknown as Record<string, unknown>;
  }

  it('the hostile export has the structure of a harmless one: same tags, same table shapes', async () => {
    const dir = copyHostileWorkspace();
    const path = join(dir, 'scores', 'hostile-review', 'mallory.score.json');
    const hostile = (await run(['export', path], dir)).stdout;
    writeFileSync(path, `${JSON.stringify(harmless(JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>), null, 2)}\n`);
    const plain = (await run(['export', path], dir)).stdout;

    expect(tableShapes(hostile)).toEqual(tableShapes(plain));
    for (const table of tableShapes(hostile)) for (const row of table.rows) expect(row).toBe(table.header);
    const hostileHtml = renderHtml(hostile);
    const tags = tagCounts(hostileHtml);
    // Notes keep their paragraphs, so <p> and <br> may differ; nothing else may.
    const structural = (counts: Record<string, number>) => Object.fromEntries(Object.entries(counts).filter(([tag]) => !['p', 'br'].includes(tag)));
    expect(structural(tags)).toEqual(structural(tagCounts(renderHtml(plain))));
    expect(hostileHtml).not.toMatch(/<(script|iframe|img|details|style)\b|javascript:/i);
    expect(findControl(hostile)).toBeNull();
  });
});
