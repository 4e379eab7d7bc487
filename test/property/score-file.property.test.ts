// Property tests for the score-file loader: any text either parses to a valid file or fails
// with the documented UserError (one line, naming the file, no raw control characters), and
// files built with the updaters from arbitrary strings survive a save/load round trip.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCriteriaSet } from '../../src/core/criteria/criteria.js';
import { UserError } from '../../src/core/errors.js';
import {
  newScoreFile,
  parseScoreFile,
  serializeScoreFile,
  setItemNotes,
  setItemScore,
  setRecommendation,
  toggleCitation,
  VERDICTS,
} from '../../src/core/scores/score-file.js';
import { baseScoreFile } from '../../scripts/make-hostile-fixtures.mjs';
import { CONTROL, REPO } from '../hostile/helpers.js';

const RUNS = { seed: 8_2026, numRuns: 300 };
const PATH = `reviews/scores/doc/evil\x1b]52;c;eA==\x07.score.json`;
const SHOWN = 'reviews/scores/doc/evil.score.json';
const criteria = parseCriteriaSet(readFileSync(join(REPO, 'criteria', 'cncf-incubation.yaml'), 'utf8'), 'cncf-incubation.yaml');
const VALID = `${JSON.stringify(baseScoreFile(), null, 2)}\n`;

/** Parse, and if it fails, check the failure is the documented kind. Returns the error or null. */
function parseOrDocumentedError(text: string): string | null {
  try {
    parseScoreFile(text, PATH);
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    const message = (error as Error).message;
    expect(message.startsWith(`${SHOWN}: `)).toBe(true);
    expect(message).not.toMatch(CONTROL);
    expect(message).not.toContain('\n');
    return message;
  }
}

/** JSON values, including the awkward ones: huge numbers, controls in strings, deep nesting. */
const jsonValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.integer(),
    fc.string({ unit: 'binary', maxLength: 20 }),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.string({ maxLength: 8 }), tie('value'), { maxKeys: 3 }),
  ),
})).value;

describe('parseScoreFile (property)', () => {
  it('the fixture base file is valid, so the broken variants fail for their one reason', () => {
    expect(parseOrDocumentedError(VALID)).toBeNull();
  });

  it('fails with the documented error, never a crash, on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        expect(parseOrDocumentedError(text)).not.toBeNull();
      }),
      RUNS,
    );
  });

  it('fails with the documented error on arbitrary JSON values', () => {
    fc.assert(
      fc.property(jsonValue, (value) => {
        expect(parseOrDocumentedError(JSON.stringify(value))).not.toBeNull();
      }),
      RUNS,
    );
  });

  it('a valid file truncated at every byte offset is refused, naming the file', () => {
    const bytes = Buffer.from(VALID);
    // The last byte is the trailing newline, which JSON does not need.
    for (let end = 0; end < bytes.length - 1; end++) {
      const text = new TextDecoder('utf-8').decode(bytes.subarray(0, end));
      expect(parseOrDocumentedError(text), `truncated at ${end}`).toMatch(/not valid JSON|schema/);
    }
  });

  it('replacing any field with any JSON value parses or fails with the documented error', () => {
    const base = JSON.parse(VALID) as Record<string, unknown>;
    // Every path to a value in the base file.
    const paths: (string | number)[][] = [];
    const walk = (value: unknown, path: (string | number)[]) => {
      paths.push(path);
      if (Array.isArray(value)) value.forEach((v, i) => walk(v, [...path, i]));
      else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, [...path, k]);
    };
    walk(base, []);
    fc.assert(
      fc.property(fc.constantFrom(...paths.filter((p) => p.length > 0)), jsonValue, (path, replacement) => {
        const copy = structuredClone(base);
        let parent = copy as Record<string | number, unknown>;
        for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
        parent[path.at(-1)!] = replacement;
        const error = parseOrDocumentedError(JSON.stringify(copy));
        // A change that fails names the field it broke, or a parent of it.
        if (error !== null && !/duplicate|not one of the items|endLine/.test(error)) {
          const top = String(path[0]);
          expect(error, `replacing ${path.join('.')}`).toContain(top);
        }
      }),
      RUNS,
    );
  });

  it('files edited with arbitrary text through the updaters round-trip byte for byte', () => {
    const text = fc.string({ unit: 'binary', maxLength: 80 });
    const id = fc.constantFrom(...criteria.items.map((item) => item.id));
    const edit = fc.oneof(
      fc.record({ kind: fc.constant('score' as const), id, score: fc.option(fc.constantFrom(0, 1, 2, 3)) }),
      fc.record({ kind: fc.constant('notes' as const), id, text }),
      fc.record({ kind: fc.constant('cite' as const), id, start: fc.integer({ min: 1, max: 500 }), span: fc.nat(20), text }),
      fc.record({ kind: fc.constant('verdict' as const), verdict: fc.option(fc.constantFrom(...VERDICTS)), text }),
    );
    fc.assert(
      fc.property(text, text, fc.array(edit, { maxLength: 8 }), (title, name, edits) => {
        let file = newScoreFile({
          document: { path: 'docs/review.md', sha256: 'b'.repeat(64), title: title.slice(0, 1000) },
          criteria,
          reviewer: { name: name.length > 0 ? name.slice(0, 200) : 'x', handle: 'rev' },
          now: '2026-01-01T00:00:00.000Z',
        });
        const now = '2026-01-02T00:00:00.000Z';
        for (const e of edits) {
          if (e.kind === 'score') file = setItemScore(file, e.id, e.score, now);
          else if (e.kind === 'notes') file = setItemNotes(file, e.id, e.text, now);
          else if (e.kind === 'cite') file = toggleCitation(file, e.id, { startLine: e.start, endLine: e.start + e.span, quote: e.text }, now);
          else file = setRecommendation(file, e.verdict, e.text, now);
        }
        const saved = serializeScoreFile(file);
        const loaded = parseScoreFile(saved, 'r.score.json');
        expect(loaded).toEqual(file);
        expect(serializeScoreFile(loaded)).toBe(saved);
        // Controls in the content are JSON-escaped, never raw in the file.
        expect(saved).not.toMatch(/[\x00-\x08\x0b-\x1f]/);
      }),
      { seed: 17, numRuns: 200 },
    );
  });
});
