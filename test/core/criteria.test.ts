import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCriteriaSet, scaleLabel, scoreMeets } from '../../src/core/criteria/criteria.js';
import { UserError } from '../../src/core/errors.js';
import { loadCriteria } from '../../src/store/criteria-files.js';

const shipped = readFileSync(new URL('../../criteria/cncf-incubation.yaml', import.meta.url), 'utf8');

function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    return (error as Error).message;
  }
  throw new Error('expected an error');
}

describe('shipped cncf-incubation criteria', () => {
  it('has exactly the four contract ids in order, each fully described', async () => {
    const set = await loadCriteria('cncf-incubation');
    expect(set.items.map((i) => i.id)).toEqual(['production-users', 'committer-health', 'commit-flow', 'versioning']);
    for (const item of set.items) {
      expect(item.title.length).toBeGreaterThan(3);
      expect(item.question).toMatch(/\?$/);
      expect(item.guidance.length).toBeGreaterThan(40);
      expect(item.hints.headings.length + item.hints.keywords.length).toBeGreaterThan(3);
    }
    expect(set.scale.map((s) => s.value)).toEqual([0, 1, 2, 3]);
    expect(set.source.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('labels scores and says which ones meet the bar', async () => {
    const set = await loadCriteria();
    expect(scaleLabel(set, 2)).toBe('Met');
    expect(scaleLabel(set, null)).toBe('unscored');
    expect(scoreMeets(set, 1)).toBe(false);
    expect(scoreMeets(set, 3)).toBe(true);
    expect(scoreMeets(set, undefined)).toBeNull();
  });
});

describe('criteria validation errors name file, line and field', () => {
  it('rejects an unknown field at its line', () => {
    const text = shipped.replace('    required: true\n    hints:\n      headings: [maintainer', '    required: true\n    colour: red\n    hints:\n      headings: [maintainer');
    const line = text.split('\n').findIndex((l) => l.includes('colour: red')) + 1;
    const message = errorOf(() => parseCriteriaSet(text, 'my.yaml'));
    expect(message).toContain('unknown field "colour"');
    expect(message.startsWith(`my.yaml:${line}: items[1]: `)).toBe(true);
  });

  it('rejects a missing title naming the field and the item', () => {
    const text = shipped.replace('    title: Commit flow\n', '');
    const message = errorOf(() => parseCriteriaSet(text, 'set.yaml'));
    expect(message).toMatch(/^set\.yaml:\d+: items\[2\]\.title: /);
  });

  it('reports a YAML syntax error with its line', () => {
    const message = errorOf(() => parseCriteriaSet('id: x\ntitle: [unclosed\nscale: []\n', 'broken.yaml'));
    expect(message).toMatch(/^broken\.yaml:\d+: YAML syntax error/);
  });

  it('points an unclosed quote at the line where it opened, not at the end of the file', () => {
    const lines = ['id: x', 'title: X', 'scale:', '  - value: 0', '    label: "Not \\" met', '    meets: false', 'items: []', ''];
    expect(errorOf(() => parseCriteriaSet(lines.join('\n'), 'q.yaml'))).toMatch(/^q\.yaml:5: YAML syntax error: Missing closing "quote/);
    const single = ['id: x', "title: 'it''s", 'open', 'items: []', ''];
    expect(errorOf(() => parseCriteriaSet(single.join('\n'), 's.yaml'))).toMatch(/^s\.yaml:2: YAML syntax error: Missing closing 'quote/);
  });

  it('rejects duplicate item ids and scale values', () => {
    const dup = shipped.replace('  - id: versioning', '  - id: commit-flow');
    expect(errorOf(() => parseCriteriaSet(dup, 'd.yaml'))).toContain('duplicate item id "commit-flow"');
  });

  it('accepts a minimal user set with defaults filled in', () => {
    const set = parseCriteriaSet(
      'id: tiny\ntitle: Tiny\nscale:\n  - {value: 0, label: No, meets: false}\n  - {value: 1, label: Yes, meets: true}\nitems:\n  - {id: docs, title: Docs, question: Are there docs?, guidance: A docs site exists.}\n',
      'tiny.yaml',
    );
    expect(set.items[0]!.required).toBe(true);
    expect(set.items[0]!.hints).toEqual({ headings: [], keywords: [], facts: [] });
    // Guidance is optional: a set "can carry" it.
    const bare = parseCriteriaSet('id: tiny\ntitle: Tiny\nscale:\n  - {value: 0, label: No, meets: false}\n  - {value: 1, label: Yes, meets: true}\nitems:\n  - {id: docs, title: Docs, question: Are there docs?}\n', 'bare.yaml');
    expect(bare.items[0]!.guidance).toBe('');
  });

  it('never echoes control sequences from the file into the message', () => {
    const message = errorOf(() => parseCriteriaSet('id: x\n\u001b]52;c;aGk=\u0007: 1\n', 'evil\u001b[2J.yaml'));
    expect(message).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  });
});

describe('hostile criteria YAML (issue 17)', () => {
  it('refuses flow nesting deeper than a set needs, naming the line, before the yaml package recurses', () => {
    const text = 'id: x\ntitle: X\nversion: 1\n' + 'items: ' + '['.repeat(100_000);
    expect(errorOf(() => parseCriteriaSet(text, 'deep.yaml'))).toBe('deep.yaml:4: YAML nested more than 64 levels deep; a criteria set needs a few');
  });

  it('counts no brackets inside quotes or comments', () => {
    const text = shipped + `\n# ${'['.repeat(200)}\n`;
    expect(parseCriteriaSet(text, 'ok.yaml').items).toHaveLength(4);
  });

  it('says an alias with no anchor in one line instead of throwing ReferenceError', () => {
    const message = errorOf(() => parseCriteriaSet('id: x\ntitle: *nowhere\n', 'alias.yaml'));
    expect(message).toMatch(/^alias\.yaml(:\d+)?: YAML (syntax )?error: /);
    expect(message).not.toContain('\n');
  });
});
