import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  checkAgainstCriteria,
  isSafeRelativePath,
  newScoreFile,
  parseScoreFile,
  parseScoreFileWithInfo,
  reconcileWithCriteria,
  serializeScoreFile,
  setItemNotes,
  setItemScore,
  setRecommendation,
  setSelectedItem,
  slugifyHandle,
  deriveHandle,
  HANDLE_PATTERN,
  toggleCitation,
} from '../../src/core/scores/score-file.js';
import { incubation, sampleFile, T0, T1 } from '../helpers/score-fixtures.js';

function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected an error');
}

describe('score file: creation and serialisation', () => {
  it('has every item of the criteria set, in order, unscored, with keys in the contract order', () => {
    const file = sampleFile();
    expect(file.items.map((i) => i.id)).toEqual(['production-users', 'committer-health', 'commit-flow', 'versioning']);
    expect(file.items.every((i) => i.score === null)).toBe(true);
    const text = serializeScoreFile(file);
    const data = JSON.parse(text) as Record<string, unknown>;
    expect(Object.keys(data)).toEqual(['schema', 'document', 'criteria', 'reviewer', 'recommendation', 'items', 'ui', 'createdAt', 'updatedAt']);
    expect(Object.keys((data.items as object[])[0]!)).toEqual(['id', 'score', 'suggested', 'notes', 'cited', 'createdAt', 'updatedAt']);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).toContain('\n  "schema": "toc-review/score@1",\n');
  });

  it('round-trips: parse(serialize(f)) serialises to the same bytes', () => {
    let file = sampleFile();
    file = setItemScore(file, 'versioning', 2, T1);
    file = setItemNotes(file, 'versioning', 'Semver, monthly minors.\nSee "Releases".', T1);
    file = toggleCitation(file, 'versioning', { startLine: 60, endLine: 64, quote: 'We release monthly' }, T1);
    file = setRecommendation(file, 'needs-more-info', 'Ask about adopters', T1);
    const text = serializeScoreFile(file);
    const again = parseScoreFile(text, 'x.score.json');
    expect(again).toEqual(file);
    expect(serializeScoreFile(again)).toBe(text);
  });

  it('serialises the same bytes whatever order the object keys were built in', () => {
    const file = setItemScore(sampleFile(), 'commit-flow', 1, T1);
    const shuffled = JSON.parse(JSON.stringify(file), (_key, value: unknown) => {
      if (value && typeof value === 'object' && !Array.isArray(value)) {
        return Object.fromEntries(Object.entries(value).reverse());
      }
      return value;
    }) as typeof file;
    expect(Object.keys(shuffled)[0]).toBe('updatedAt');
    expect(serializeScoreFile(shuffled)).toBe(serializeScoreFile(file));
  });

  it('property: any sequence of updates round-trips byte for byte', () => {
    const criteria = incubation();
    const ids = criteria.items.map((i) => i.id);
    const op = fc.oneof(
      fc.record({ kind: fc.constant('score' as const), id: fc.constantFrom(...ids), score: fc.option(fc.integer({ min: 0, max: 3 })) }),
      fc.record({ kind: fc.constant('note' as const), id: fc.constantFrom(...ids), text: fc.string() }),
      fc.record({ kind: fc.constant('cite' as const), id: fc.constantFrom(...ids), start: fc.integer({ min: 1, max: 500 }), len: fc.nat(20), quote: fc.string() }),
      fc.record({ kind: fc.constant('rec' as const), verdict: fc.constantFrom(null, 'ready' as const, 'not-ready' as const), notes: fc.string() }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 20 }), (ops) => {
        let file = sampleFile();
        for (const o of ops) {
          if (o.kind === 'score') file = setItemScore(file, o.id, o.score, T1);
          else if (o.kind === 'note') file = setItemNotes(file, o.id, o.text, T1);
          else if (o.kind === 'cite') file = toggleCitation(file, o.id, { startLine: o.start, endLine: o.start + o.len, quote: o.quote }, T1);
          else file = setRecommendation(file, o.verdict, o.notes, T1);
        }
        const text = serializeScoreFile(file);
        const parsed = parseScoreFile(text, 'p.json');
        checkAgainstCriteria(parsed, criteria, 'p.json');
        expect(serializeScoreFile(parsed)).toBe(text);
      }),
      { numRuns: 200 },
    );
  });
});

describe('score file: updaters', () => {
  it('stamp the item and file updatedAt and never mutate the input', () => {
    const file = sampleFile();
    const before = serializeScoreFile(file);
    const next = setItemScore(file, 'production-users', 3, T1);
    expect(serializeScoreFile(file)).toBe(before);
    expect(next.items[0]).toMatchObject({ score: 3, createdAt: T0, updatedAt: T1 });
    expect(next.items[1]!.updatedAt).toBe(T0);
    expect(next.updatedAt).toBe(T1);
  });

  it('return the same object when nothing changes, so an unchanged file is never rewritten', () => {
    const file = setItemScore(sampleFile(), 'versioning', 2, T1);
    expect(setItemScore(file, 'versioning', 2, '2030-01-01T00:00:00.000Z')).toBe(file);
    expect(setItemNotes(file, 'versioning', '', '2030-01-01T00:00:00.000Z')).toBe(file);
    expect(setRecommendation(file, null, '', '2030-01-01T00:00:00.000Z')).toBe(file);
    expect(setSelectedItem(file, file.ui.selected)).toBe(file);
  });

  it('toggleCitation adds sorted by line, and removes the same range again', () => {
    let file = sampleFile();
    file = toggleCitation(file, 'commit-flow', { startLine: 50, endLine: 52, quote: 'b' }, T1);
    file = toggleCitation(file, 'commit-flow', { startLine: 10, endLine: 10, quote: 'a' }, T1);
    expect(file.items[2]!.cited.map((c) => c.startLine)).toEqual([10, 50]);
    file = toggleCitation(file, 'commit-flow', { startLine: 50, endLine: 52, quote: 'whatever' }, T1);
    expect(file.items[2]!.cited).toEqual([{ startLine: 10, endLine: 10, quote: 'a' }]);
  });

  it('setSelectedItem changes UI state only, without touching updatedAt', () => {
    const file = sampleFile();
    const next = setSelectedItem(file, 'versioning');
    expect(next.ui.selected).toBe('versioning');
    expect(next.updatedAt).toBe(file.updatedAt);
  });

  it('refuse an unknown item id, naming the valid ones', () => {
    expect(errorOf(() => setItemScore(sampleFile(), 'nope', 1, T1))).toBe(
      'unknown item "nope" (items: production-users, committer-health, commit-flow, versioning)',
    );
  });

  it('slugifyHandle derives file-safe handles', () => {
    expect(slugifyHandle('Ada Lovelace')).toBe('ada-lovelace');
    expect(slugifyHandle('  José Núñez ')).toBe('jose-nunez');
    expect(slugifyHandle('../../etc')).toBe('etc');
    expect(slugifyHandle('???')).toBe('');
  });

  it('deriveHandle never collides two non-Latin names and never returns an empty handle', () => {
    expect(deriveHandle('Ada Lovelace')).toBe('ada-lovelace');
    expect(deriveHandle('  José Núñez ')).toBe('jose-nunez');
    const yamada = deriveHandle('山田');
    expect(yamada).toMatch(/^reviewer-[0-9a-f]{4}$/);
    expect(deriveHandle('山田')).toBe(yamada); // stable
    expect(deriveHandle('佐藤')).not.toBe(yamada);
    // Some letters spelled, others dropped: the hash keeps two such names apart.
    expect(deriveHandle('山田 Taro')).toMatch(/^taro-[0-9a-f]{4}$/);
    expect(deriveHandle('佐藤 Taro')).not.toBe(deriveHandle('山田 Taro'));
    for (const name of ['???', 'Øystein', 'Иван Петров', 'x'.repeat(200), '山'.repeat(300)]) expect(deriveHandle(name), name).toMatch(HANDLE_PATTERN);
  });
});

describe('score file: loading never trusts the text', () => {
  const good = serializeScoreFile(setItemScore(sampleFile(), 'versioning', 2, T1));
  const edit = (fn: (data: any) => void) => {
    const data = JSON.parse(good);
    fn(data);
    return JSON.stringify(data, null, 2);
  };

  it.each([
    ['broken JSON', good.slice(0, 100), /^bob\.score\.json: not valid JSON at line 5, column \d+: /],
    ['a trailing comma', good.replace('"updatedAt": null\n  },', '"updatedAt": null,\n  },'), /^bob\.score\.json: not valid JSON at line 21, column 3: unexpected "}" \(expected a property name in double quotes\)$/],
    ['a key twice (a bad merge)', good.replace('{\n  "schema": "toc-review/score@1",', '{\n  "schema": "toc-review/score@1",\n  "schema": "toc-review/score@1",'), /^bob\.score\.json: schema: duplicate key "schema" \(again at line 3; a bad merge\?\); keep one of them$/],
    ['a nested key twice', good.replace('"score": 2,', '"score": 2,\n      "score": 1,'), /^bob\.score\.json: items\[3\]\.score: duplicate key "score" \(again at line \d+; a bad merge\?\)/],
    ['a foreign JSON file', '{"name":"left-pad","version":"1.0.0"}', /^bob\.score\.json: schema: missing; not a toc-review score file$/],
    ['an array', '[]', /^bob\.score\.json: \(top level\): not a toc-review score file/],
    ['another schema', edit((d) => (d.schema = 'toc-review/extract@1')), /^bob\.score\.json: schema: "toc-review\/extract@1" is not a toc-review score file/],
    ['a score out of range', edit((d) => (d.items[1].score = 12)), /^bob\.score\.json: items\[1\]\.score: /],
    ['a string score', edit((d) => (d.items[3].score = 'met')), /^bob\.score\.json: items\[3\]\.score: /],
    ['an unknown field', edit((d) => (d.items[0].colour = 'red')), /^bob\.score\.json: items\[0\]\.colour: unknown field "colour"$/],
    ['a missing field', edit((d) => delete d.reviewer.handle), /^bob\.score\.json: reviewer\.handle: missing required field$/],
    ['an absolute document path', edit((d) => (d.document.path = '/etc/passwd')), /^bob\.score\.json: document\.path: must be a relative POSIX path/],
    ['an escaping document path', edit((d) => (d.document.path = 'docs/../../secret.md')), /^bob\.score\.json: document\.path: /],
    ['a bad sha256', edit((d) => (d.document.sha256 = 'abc')), /^bob\.score\.json: document\.sha256: must be a 64-character/],
    ['a bad verdict', edit((d) => (d.recommendation.verdict = 'maybe')), /^bob\.score\.json: recommendation\.verdict: /],
    ['a duplicate item', edit((d) => (d.items[1].id = d.items[0].id)), /^bob\.score\.json: items\[1\]\.id: duplicate item id "production-users"$/],
    ['a bad timestamp', edit((d) => (d.updatedAt = 'yesterday')), /^bob\.score\.json: updatedAt: /],
    ['reversed citation lines', edit((d) => (d.items[0].cited = [{ startLine: 9, endLine: 3, quote: '' }])), /^bob\.score\.json: items\[0\]\.cited\[0\]\.endLine: /],
    ['a handle that is a path', edit((d) => (d.reviewer.handle = '../x')), /^bob\.score\.json: reviewer\.handle: must be a slug/],
    ['a selected item that does not exist', edit((d) => (d.ui.selected = 'ghost')), /^bob\.score\.json: ui\.selected: "ghost" is not one of the items$/],
  ])('refuses %s with the file and field named', (_name, text, message) => {
    expect(errorOf(() => parseScoreFile(text, 'bob.score.json'))).toMatch(message);
  });

  it('refuses a file from a newer schema version with an upgrade message', () => {
    const text = edit((d) => (d.schema = 'toc-review/score@7'));
    expect(errorOf(() => parseScoreFile(text, 'new.json'))).toBe(
      'new.json: schema: written by a newer toc-review (toc-review/score@7; this version reads up to toc-review/score@1); upgrade toc-review to open it',
    );
  });

  it('neutralises control sequences in the file name and field values it quotes', () => {
    const text = edit((d) => (d.schema = 'evil\u001b]52;c;Zm9v\u0007'));
    const message = errorOf(() => parseScoreFile(text, 'a\u001b[2Jb.json'));
    expect(message).not.toMatch(/\u001b/);
    expect(message.startsWith('ab.json: schema:')).toBe(true);
  });

  it('shows control characters in a quoted value as visible escapes, so the reason is visible', () => {
    const text = edit((d) => (d.schema = '\u001b[31mtoc-review/score@1'));
    expect(errorOf(() => parseScoreFile(text, 'f.json'))).toBe('f.json: schema: "\\x1b[31mtoc-review/score@1" is not a toc-review score file (expected "toc-review/score@1")');
  });

  it('checks item ids and score values against the criteria set', () => {
    const criteria = incubation();
    const wrongScale = parseScoreFile(edit((d) => (d.items[0].score = 7)), 'f.json');
    expect(errorOf(() => checkAgainstCriteria(wrongScale, criteria, 'f.json'))).toBe('f.json: items[0].score: 7 is not on the scale of cncf-incubation (0, 1, 2, 3)');
    const unknownItem = parseScoreFile(edit((d) => (d.items[2].id = 'bus-factor')), 'f.json');
    expect(errorOf(() => checkAgainstCriteria(unknownItem, criteria, 'f.json'))).toMatch(/^f\.json: items\[2\]\.id: "bus-factor" is not an item of cncf-incubation/);
    const otherSet = parseScoreFile(edit((d) => (d.criteria.id = 'cncf-graduation')), 'f.json');
    expect(errorOf(() => checkAgainstCriteria(otherSet, criteria, 'f.json'))).toMatch(/^f\.json: criteria\.id: "cncf-graduation" does not match/);
  });

  it('reconcileWithCriteria restores the set order and adds missing items unscored', () => {
    const criteria = incubation();
    const partial = parseScoreFile(edit((d) => (d.items = [d.items[3], d.items[0]])), 'f.json');
    const fixed = reconcileWithCriteria(partial, criteria, T1);
    expect(fixed.items.map((i) => i.id)).toEqual(criteria.items.map((i) => i.id));
    expect(fixed.items[3]!.score).toBe(2);
    expect(fixed.items[1]).toMatchObject({ score: null, createdAt: T1 });
    const full = parseScoreFile(good, 'f.json');
    expect(reconcileWithCriteria(full, criteria, T1)).toBe(full);
  });

  it('isSafeRelativePath accepts workspace-relative paths only', () => {
    for (const ok of ['a.md', 'sub/dir/a.md', 'a..b.md']) expect(isSafeRelativePath(ok)).toBe(true);
    for (const bad of ['', '/a.md', '../a.md', 'a/../../b', 'a\\b.md', 'C:/x.md', 'a//b', './a.md', 'a\u0000.md']) expect(isSafeRelativePath(bad)).toBe(false);
  });
});

describe('score file: migration from toc-review/score@0', () => {
  const v0 = {
    schema: 'toc-review/score@0',
    document: { path: 'lanternfish.md', sha256: 'b'.repeat(64), title: 'Lanternfish' },
    criteria: { id: 'cncf-incubation', sha256: 'c'.repeat(64) },
    reviewer: { name: 'Grace Hopper', handle: 'grace' },
    recommendation: { verdict: 'ready', notes: 'Good.' },
    items: {
      'production-users': { score: 3, notes: 'Seven named.', cited: [{ startLine: 22, endLine: 30, quote: 'The following organisations' }], updatedAt: T1 },
      versioning: { score: 2, suggested: 2 },
    },
    createdAt: T0,
    updatedAt: T1,
  };

  it('turns items keyed by id into the item list and fills the new fields', () => {
    const { file, migratedFrom } = parseScoreFileWithInfo(JSON.stringify(v0), 'old.json');
    expect(migratedFrom).toBe(0);
    expect(file.schema).toBe('toc-review/score@1');
    expect(file.document.origin).toBeNull();
    expect(file.ui.selected).toBeNull();
    expect(file.recommendation).toEqual({ verdict: 'ready', notes: 'Good.', updatedAt: null });
    expect(file.items).toEqual([
      { id: 'production-users', score: 3, suggested: null, notes: 'Seven named.', cited: v0.items['production-users'].cited, createdAt: T0, updatedAt: T1 },
      { id: 'versioning', score: 2, suggested: 2, notes: '', cited: [], createdAt: T0, updatedAt: T0 },
    ]);
    const full = reconcileWithCriteria(file, incubation(), T1);
    expect(full.items.map((i) => i.id)).toEqual(['production-users', 'committer-health', 'commit-flow', 'versioning']);
  });

  it('validates the old format too, naming the field', () => {
    const bad = { ...v0, items: { versioning: { score: 'high' } } };
    expect(errorOf(() => parseScoreFile(JSON.stringify(bad), 'old.json'))).toMatch(/^old\.json: items\.versioning\.score: /);
  });

  it('a current file reports no migration', () => {
    expect(parseScoreFileWithInfo(serializeScoreFile(newScoreFile({ document: { path: 'a.md', sha256: 'd'.repeat(64), title: '' }, criteria: incubation(), reviewer: { name: 'A', handle: 'a' }, now: T0 })), 'a.json').migratedFrom).toBeNull();
  });
});
