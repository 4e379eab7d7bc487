// Importing a parsed template as a criteria set: ids, groups, required, guidance, version,
// sources, hints; and re-importing a newer version against the old set.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCriteriaSet } from '../../../src/core/criteria/criteria.js';
import { hintsFor, importTemplate, slugOf } from '../../../src/core/templates/template-import.js';
import { parseTemplate } from '../../../src/core/templates/template-parse.js';
import { importedSetToYaml } from '../../../src/core/templates/template-yaml.js';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/templates/${name}`, import.meta.url), 'utf8');
const imported = (name: string, level?: string) => importTemplate(parseTemplate(fixture(name)), { path: `fixtures/${name}`, level });

describe('importTemplate', () => {
  it('makes one item per criterion: form fields before and outside the sections are left out', () => {
    const { set, skipped } = imported('checklist-v1.md');
    expect(skipped).toBe(2);
    expect(set.items.map((i) => [i.id, i.group, i.required])).toEqual([
      ['present-design-technical-group', 'Process Basics', false],
      ['write-technical-review', 'Process Basics', true],
      ['keep-resources-free-one-vendor', 'Process Basics', true],
      ['governance-changed-learned-using-history-shows', 'People and Governance', false],
      ['list-every-maintainer-name-contact-area', 'People and Governance', true],
      ['enough-active-maintainers-size', 'People and Governance', true],
      ['publish-roadmap', 'Engineering', true],
      ['document-releases-made', 'Engineering', true],
    ]);
    expect(set).toMatchObject({ id: 'example-level-application', title: 'Example Level Application', version: 'v2.1', scale: 'checklist' });
    expect(set.items[0]!.guidance).toBe('Presented on DD-MMM-YYYY, recording at $LINK.');
    expect(set.items[0]!.source).toEqual({ template: 'fixtures/checklist-v1.md', version: 'v2.1', section: 'Process Basics', position: 3 });
  });

  it('writes YAML that loads as a valid criteria set on the checklist scale', () => {
    const yaml = importedSetToYaml(imported('checklist-v1.md').set);
    const set = parseCriteriaSet(yaml, 'imported.yaml');
    expect(set.items).toHaveLength(8);
    expect(set.scale.map((s) => [s.value, s.label])).toEqual([[0, 'Not met'], [1, 'Met']]);
    expect(set.items[4]!.hints.facts).toEqual(['maintainers']);
    expect(yaml).toMatch(/^ {6}keywords: \[list, every, maintainer, name, contact, area, employer\]$/m);
  });

  it('keeps ids unique when titles repeat', () => {
    const ids = imported('checklist-v2.md').set.items.map((i) => i.id);
    expect(ids.filter((id) => id.startsWith('publish-roadmap'))).toEqual(['publish-roadmap', 'publish-roadmap-2']);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('re-importing a newer version keeps the ids of unchanged and reworded items, and says what changed', () => {
    const old = parseCriteriaSet(importedSetToYaml(imported('checklist-v1.md').set), 'old.yaml');
    const next = importTemplate(parseTemplate(fixture('checklist-v2.md')), { path: 'v2.md' }, old);
    const ids = next.set.items.map((i) => i.id);
    expect(ids).toEqual([
      'present-design-technical-group',
      'write-technical-review',
      'sign-contributor-agreement',
      'list-every-maintainer-name-contact-area',
      'enough-active-maintainers-size',
      'publish-roadmap',
      'document-releases-made',
      'publish-roadmap-2',
    ]);
    expect(next.changes).toEqual({
      added: [
        { id: 'sign-contributor-agreement', title: 'Sign the contributor agreement.' },
        { id: 'publish-roadmap-2', title: 'Publish a roadmap.' },
      ],
      removed: [
        { id: 'keep-resources-free-one-vendor', title: 'Keep project resources free of any one vendor.' },
        { id: 'governance-changed-learned-using-history-shows', title: 'Governance has changed as the project learned from using it, and its history shows that.' },
      ],
      reworded: [{ id: 'write-technical-review', from: 'Write a technical review.', to: 'Write a technical review and keep it current.' }],
    });
    expect(next.set.version).toBe('v2.2');
  });

  it('imports questions grouped by stage and topic, and statements by the level asked for', () => {
    const questions = imported('questions.md').set;
    expect(questions.items.map((i) => i.group)).toEqual([
      'Stage 1 - Design / Scope',
      'Stage 1 - Design / Scope',
      'Stage 1 - Design / Interfaces',
      'Stage 1 - Design / Interfaces',
      'Stage 1 - Design / Security',
      'Stage 1 - Design / Security',
      'Stage 2 - Operations / Observability',
    ]);
    expect(questions.items[0]!.question).toBe('Describe who the project is for?');
    const any = imported('statements.md').set.items.map((i) => i.required);
    expect(any).toEqual([false, true, true]);
    const earlier = imported('statements.md', 'earlier');
    expect(earlier.set.items.map((i) => i.required)).toEqual([false, false]);
    expect(earlier.skipped).toBe(1);
  });

  it('finds nothing in a file without items', () => {
    expect(imported('no-items.md').set.items).toEqual([]);
  });
});

describe('ids and hints', () => {
  it('slugs the first significant words', () => {
    expect(slugOf('Document the project’s release process.')).toBe('document-release-process');
    expect(slugOf('✅ 1. **Publish a Roadmap!**')).toBe('publish-roadmap');
    expect(slugOf('???')).toBe('item');
    expect(slugOf('Ä b')).toMatch(/^[a-z0-9][a-z0-9-]*$/);
  });

  it('derives hints from the item words, with fact kinds for adopters, maintainers, activity, releases', () => {
    expect(hintsFor('Publicly documented list of adopters', [])).toMatchObject({ keywords: ['publicly', 'documented', 'list', 'adopters'], facts: ['adopters'] });
    expect(hintsFor('Document the release process', ['Cadence and versioning'])).toMatchObject({ headings: ['docume', 'releas', 'proces'], facts: ['versioning'] });
  });
});

describe('importTemplate on many repeated titles', () => {
  it('numbers 3000 identical items in order, each id once', () => {
    const text = '## Group\n' + '- [ ] **Same title.**\n'.repeat(3000);
    const ids = importTemplate(parseTemplate(text), { path: 't.md' }).set.items.map((i) => i.id);
    expect(ids.slice(0, 3)).toEqual(['same-title', 'same-title-2', 'same-title-3']);
    expect(ids.at(-1)).toBe('same-title-3000');
    expect(new Set(ids).size).toBe(3000);
  });
});
