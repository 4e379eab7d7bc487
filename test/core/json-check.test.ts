// The JSON pre-check of hand-edited files: duplicate keys by field path, syntax errors by line
// and column, and the same verdict as JSON.parse on everything else.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkJsonText } from '../../src/core/scores/json-check.js';

describe('checkJsonText', () => {
  it('accepts clean JSON of every shape', () => {
    for (const text of ['{}', '[]', '0', '-1.5e+3', '"a\\u00e9\\n"', 'null', ' {"a":[1,{"b":[true,false,null]}],"c":{}} ', '[[[]]]']) {
      expect(checkJsonText(text), text).toBeNull();
    }
  });

  it('names a duplicate key by its field path and line', () => {
    expect(checkJsonText('{\n  "schema": "x",\n  "schema": "y"\n}')).toEqual({ kind: 'duplicate-key', path: ['schema'], key: 'schema', line: 3, column: 3 });
    expect(checkJsonText('{"items":[{"id":"a"},{"id":"b","score":1,"score":2}]}')).toMatchObject({ path: ['items', 1, 'score'] });
    // Equal after unescaping is equal: JSON.parse would merge these too.
    expect(checkJsonText('{"a":1,"\\u0061":2}')).toMatchObject({ kind: 'duplicate-key', path: ['a'] });
    // The same key in sibling objects is fine.
    expect(checkJsonText('[{"a":1},{"a":2}]')).toBeNull();
  });

  it('gives syntax errors a line and column', () => {
    expect(checkJsonText('{\n  "a": 1,\n}')).toEqual({ kind: 'syntax', line: 3, column: 1, message: 'unexpected "}" (expected a property name in double quotes)' });
    expect(checkJsonText('{"a":}')).toMatchObject({ line: 1, column: 6, message: 'unexpected "}" (expected a value)' });
    expect(checkJsonText('{"a":1')).toMatchObject({ line: 1, column: 7, message: 'unexpected end of the text (expected "," or "}")' });
    expect(checkJsonText('{"a":"x\ny"}')).toMatchObject({ line: 1, column: 8, message: 'control character \\x0a inside a string (write it as an escape such as \\n)' });
    expect(checkJsonText('{}\n\nx')).toMatchObject({ line: 3, column: 1 });
    expect(checkJsonText('')).toMatchObject({ line: 1, column: 1 });
  });

  it('survives nesting far deeper than the call stack', () => {
    expect(checkJsonText(`${'['.repeat(200_000)}${']'.repeat(200_000)}`)).toBeNull();
    expect(checkJsonText('['.repeat(200_000))).toMatchObject({ kind: 'syntax' });
  });

  it('agrees with JSON.parse on valid and invalid text (fixed seed)', () => {
    const agree = (text: string) => {
      let parses = true;
      try {
        JSON.parse(text);
      } catch {
        parses = false;
      }
      const problem = checkJsonText(text);
      expect(problem?.kind === 'syntax', JSON.stringify(text)).toBe(!parses);
    };
    const json = fc.jsonValue().map((v) => JSON.stringify(v, null, 1) ?? 'null');
    const mangled = fc.tuple(json, fc.nat(), fc.string({ maxLength: 3 })).map(([t, at, junk]) => t.slice(0, at % (t.length + 1)) + junk + t.slice(at % (t.length + 1)));
    fc.assert(fc.property(fc.oneof(json, mangled, fc.string({ unit: 'binary', maxLength: 40 })), agree), { seed: 20261121, numRuns: 3000 });
  });
});
