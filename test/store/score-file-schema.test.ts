// The shipped JSON Schema (schemas/score-file.schema.json) against real files written by the code,
// and against broken ones; checked with ajv (draft 2020-12) so the schema itself is tested.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSafeRelativePath, parseScoreFile, parseScoreFileWithInfo, serializeScoreFile, setItemNotes, setRecommendation, toggleCitation } from '../../src/core/scores/score-file.js';
import { runCli } from '../helpers/cli.js';
import { sampleFile, sampleWorkspace, T1 } from '../helpers/score-fixtures.js';

const schema = JSON.parse(readFileSync(join(import.meta.dirname, '../../schemas/score-file.schema.json'), 'utf8'));
const ajv = new Ajv2020.default({ allErrors: true, strict: true });
addFormats.default(ajv);
const validate = ajv.compile(schema);

function check(data: unknown): boolean {
  return validate(data) as boolean;
}

describe('schemas/score-file.schema.json', () => {
  it('accepts files written by `toc-review score`', async () => {
    const ws = sampleWorkspace();
    const result = await runCli(
      ['score', 'reviews/lanternfish.md', '--workspace', 'reviews', '--reviewer', 'Ada Lovelace', '--set', 'versioning=2', '--note', 'versioning=ok', '--cite', 'versioning=21-23', '--recommend', 'not-ready', '--json'],
      { cwd: ws.root, env: ws.env },
    );
    expect(result.code).toBe(0);
    const data = JSON.parse(result.stdout);
    expect(check(data), JSON.stringify(validate.errors)).toBe(true);
    const onDisk = JSON.parse(readFileSync(join(ws.workspace, 'scores/lanternfish/ada-lovelace.score.json'), 'utf8'));
    expect(check(onDisk)).toBe(true);
  });

  it('accepts the sample score files shipped in reviews/, which the loader accepts too', () => {
    const dir = join(import.meta.dirname, '../../reviews/scores/lanternfish-incubation');
    const names = readdirSync(dir).filter((name) => name.endsWith('.score.json'));
    expect(names.length).toBeGreaterThanOrEqual(3);
    for (const name of names) {
      const text = readFileSync(join(dir, name), 'utf8');
      expect(check(JSON.parse(text)), `${name}: ${JSON.stringify(validate.errors)}`).toBe(true);
      expect(serializeScoreFile(parseScoreFile(text, name))).toBe(text);
    }
  });

  it('accepts a migrated v0 file and files after arbitrary edits', () => {
    const migrated = parseScoreFileWithInfo(
      JSON.stringify({
        schema: 'toc-review/score@0',
        document: { path: 'a/b.md', sha256: 'a'.repeat(64), title: 'T' },
        criteria: { id: 'cncf-incubation', sha256: 'b'.repeat(64) },
        reviewer: { name: 'X', handle: 'x' },
        recommendation: { verdict: null, notes: '' },
        items: { versioning: { score: 1 } },
        createdAt: '2025-01-01T00:00:00+02:00',
        updatedAt: '2025-01-01T00:00:00Z',
      }),
      'old.json',
    ).file;
    expect(check(JSON.parse(serializeScoreFile(migrated)))).toBe(true);
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.integer({ min: 1, max: 9999 }), (notes, quote, line) => {
        let file = setItemNotes(sampleFile(), 'commit-flow', notes, T1);
        file = toggleCitation(file, 'commit-flow', { startLine: line, endLine: line + 2, quote }, T1);
        file = setRecommendation(file, 'ready', notes, T1);
        expect(check(JSON.parse(serializeScoreFile(file)))).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  const good = () => JSON.parse(serializeScoreFile(sampleFile()));
  it.each<[string, (d: any) => void]>([
    ['wrong schema id', (d) => (d.schema = 'toc-review/score@2')],
    ['unknown top-level field', (d) => (d.extra = 1)],
    ['unknown item field', (d) => (d.items[0].colour = 'red')],
    ['missing reviewer', (d) => delete d.reviewer],
    ['score not an integer', (d) => (d.items[0].score = 1.5)],
    ['score as string', (d) => (d.items[0].score = '2')],
    ['score out of range', (d) => (d.items[0].score = 10)],
    ['absolute document path', (d) => (d.document.path = '/etc/passwd')],
    ['escaping document path', (d) => (d.document.path = 'a/../../b.md')],
    ['dot-dot document path', (d) => (d.document.path = '..')],
    ['backslash path', (d) => (d.document.path = 'a\\b.md')],
    ['drive letter path', (d) => (d.document.path = 'C:/b.md')],
    ['bad sha256', (d) => (d.document.sha256 = 'XYZ')],
    ['bad verdict', (d) => (d.recommendation.verdict = 'maybe')],
    ['bad handle', (d) => (d.reviewer.handle = 'Ada Lovelace')],
    ['bad timestamp', (d) => (d.createdAt = 'yesterday')],
    ['line 0', (d) => (d.items[0].cited = [{ startLine: 0, endLine: 1, quote: '' }])],
    ['non-http origin', (d) => (d.document.origin = 'javascript:alert(1)')],
    ['items not a list', (d) => (d.items = {})],
  ])('rejects a file with %s (and so does the loader)', (_name, mutate) => {
    const data = good();
    mutate(data);
    expect(check(data)).toBe(false);
    expect(() => parseScoreFile(JSON.stringify(data), 'f.json')).toThrow();
  });

  it('its document.path pattern agrees with the loader on arbitrary paths', () => {
    const pattern = new RegExp(schema.properties.document.properties.path.pattern, 'u');
    const segment = fc.constantFrom('a', 'b.md', '.', '..', '', 'x y', 'C:', '\\', '\u0000', '..b', 'é');
    const path = fc.array(segment, { minLength: 1, maxLength: 5 }).map((parts) => parts.join('/'));
    fc.assert(
      fc.property(fc.oneof(path, fc.string()), (p) => {
        const bySchema = p.length >= 1 && p.length <= 1024 && pattern.test(p);
        expect(bySchema).toBe(isSafeRelativePath(p));
      }),
      { numRuns: 2000 },
    );
  });
});
