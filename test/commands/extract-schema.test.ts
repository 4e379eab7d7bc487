// schemas/extract.schema.json (Contract 1) against real `extract --json` output, prose documents
// and filled templates alike, and against broken template fields; checked with ajv (draft
// 2020-12) so the schema itself is tested.
import { copyFileSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/score-fixtures.js';

const schema = JSON.parse(readFileSync(join(import.meta.dirname, '../../schemas/extract.schema.json'), 'utf8'));
const ajv = new Ajv2020.default({ allErrors: true, strict: true, allowUnionTypes: true });
const validate = ajv.compile(schema);

const SEEDS = join(import.meta.dirname, '../fixtures/corpus/seeds');
const TEMPLATES = join(import.meta.dirname, '../fixtures/templates');

async function extract(dir: string, ...args: string[]) {
  const env = { ...process.env, TOC_REVIEW_CONFIG_DIR: join(dir, 'config'), TOC_REVIEW_CACHE_DIR: join(dir, 'cache') };
  const result = await runCli(['extract', ...args, '--json'], { cwd: dir, env });
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as { criteria: Array<Record<string, unknown>> };
}

function expectValid(data: unknown) {
  expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
}

describe('schemas/extract.schema.json', () => {
  it('accepts the extraction of every seed document (no template field)', async () => {
    const dir = tempDir('toc-extract-schema-');
    const names = readdirSync(SEEDS).filter((name) => name.endsWith('.md'));
    expect(names.length).toBeGreaterThanOrEqual(5);
    for (const name of names) {
      copyFileSync(join(SEEDS, name), join(dir, name));
      const data = await extract(dir, name);
      expectValid(data);
      expect(data.criteria.some((c) => 'template' in c)).toBe(false);
    }
  });

  it('accepts a filled DD with its template fields, objects and nulls', async () => {
    const dir = tempDir('toc-extract-schema-');
    for (const name of ['dd-filled-old.md', 'dd-template-v3.md']) copyFileSync(join(TEMPLATES, name), join(dir, name));
    const data = await extract(dir, 'dd-filled-old.md', '--criteria', 'dd-template-v3.md');
    expectValid(data);
    const fields = data.criteria.map((c) => c.template);
    expect(fields.some((f) => f === null)).toBe(true);
    expect(fields.some((f) => f !== null && typeof f === 'object')).toBe(true);
  });

  it('rejects a template field with a wrong shape', async () => {
    const dir = tempDir('toc-extract-schema-');
    for (const name of ['dd-filled-old.md', 'dd-template-v3.md']) copyFileSync(join(TEMPLATES, name), join(dir, name));
    const good = await extract(dir, 'dd-filled-old.md', '--criteria', 'dd-template-v3.md');
    const broken = [{ line: 0, endLine: 3, checked: true, answered: true }, { line: 2, endLine: 3, checked: 'yes', answered: true }, { line: 2, endLine: 3, checked: true }, { line: 2, endLine: 3, checked: true, answered: false, score: 1 }, false];
    for (const template of broken) {
      const data = structuredClone(good);
      data.criteria[0]!.template = template;
      expect(validate(data), JSON.stringify(template)).toBe(false);
    }
  });
});
