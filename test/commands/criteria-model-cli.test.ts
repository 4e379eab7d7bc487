// The CLI side of the criteria model: `score --set ID=na` needs a reason, `criteria show --json`
// gives every item its group and required flag, and the JSON Schema knows 'na'.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { sampleWorkspace } from '../helpers/score-fixtures.js';

const GROUPED = join(import.meta.dirname, '../fixtures/templates/grouped-set.yaml');
const schema = JSON.parse(readFileSync(join(import.meta.dirname, '../../schemas/score-file.schema.json'), 'utf8'));
const ajv = new Ajv2020.default({ allErrors: true, strict: true });
addFormats.default(ajv);
const validate = ajv.compile(schema);

describe('score --set ID=na', () => {
  const base = ['reviews/lanternfish.md', '--workspace', 'reviews', '--reviewer', 'Ada Lovelace'];

  it('refuses N/A without a reason in one line, and writes nothing', async () => {
    const ws = sampleWorkspace();
    const result = await runCli(['score', ...base, '--set', 'versioning=na'], { cwd: ws.root, env: ws.env });
    expect(result.code).not.toBe(0);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('--set versioning=na needs a note giving the reason: add --note versioning=');
    const path = join(ws.workspace, 'scores', 'lanternfish', 'ada-lovelace.score.json');
    expect(existsSync(path) ? readFileSync(path, 'utf8') : '').not.toContain('"na"');
  });

  it('records N/A with the note as its reason; the file matches the JSON Schema', async () => {
    const ws = sampleWorkspace();
    const result = await runCli(['score', ...base, '--set', 'versioning=na', '--note', 'versioning=Pre-release project.', '--json'], { cwd: ws.root, env: ws.env });
    // Nothing on stderr but what was saved (issue 17: each run reports its changes).
    expect(result.stderr.trim().split('\n')).toEqual([
      'toc-review: saved versioning: score N/A, replacing unscored',
      'toc-review: saved versioning: notes "Pre-release project.", replacing none',
    ]);
    expect(result.code).toBe(0);
    const data = JSON.parse(result.stdout);
    expect(data.items[3]).toMatchObject({ id: 'versioning', score: 'na', notes: 'Pre-release project.' });
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
    data.items[3].notes = '';
    expect(validate(data)).toBe(false);
    data.items[3].score = 'n/a';
    data.items[3].notes = 'x';
    expect(validate(data)).toBe(false);
    const shown = await runCli(['score', ...base], { cwd: ws.root, env: ws.env });
    expect(shown.stdout).toMatch(/versioning: N\/A/);
  });
});

describe('criteria show --json', () => {
  it('gives every item its group (null when none) and required flag', async () => {
    const shipped = JSON.parse((await runCli(['criteria', 'show', 'cncf-incubation', '--json'])).stdout);
    expect(shipped.items.map((i: { group: unknown; required: unknown }) => [i.group, i.required])).toEqual([
      [null, true],
      [null, true],
      [null, true],
      [null, true],
    ]);
    const own = JSON.parse((await runCli(['criteria', 'show', GROUPED, '--json'])).stdout);
    expect(own.items.map((i: { id: string; group: unknown; required: unknown }) => [i.id, i.group, i.required])).toEqual([
      ['design-presented', 'Process Basics', false],
      ['technical-review', 'Process Basics', true],
      ['maintainer-list', 'People and Governance', true],
      ['roadmap', 'Engineering', false],
    ]);
    const text = (await runCli(['criteria', 'show', GROUPED])).stdout;
    expect(text).toContain('  [People and Governance]\n    maintainer-list: List every maintainer');
  });
});
