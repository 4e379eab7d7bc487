// The template parser on fixtures written in the TOC templates' shapes (own words), including
// the messy variants reviewers produce when they fill one in.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseTemplate } from '../../../src/core/templates/template-parse.js';
import { cleanTitle, isPlaceholderOnly, stripPlaceholders, titleKey, versionOf } from '../../../src/core/templates/template-text.js';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/templates/${name}`, import.meta.url), 'utf8');
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('parseTemplate: checklist shape', () => {
  const text = fixture('checklist-v1.md');
  const parsed = parseTemplate(text);

  it('finds the version line, the title and every checkbox item outside comments and code', () => {
    expect(parsed.shape).toBe('checklist');
    expect(parsed.version).toBe('v2.1');
    expect(parsed.title).toBe('Confirm you read the guide');
    expect(parsed.items.map((i) => i.title)).toEqual([
      'I read the guide for moving levels.',
      'The project is at the earlier level, accepted on YYYYMMDD.',
      'Present the design to a technical group.',
      'Write a technical review.',
      'Keep project resources free of any one vendor.',
      'Governance has changed as the project learned from using it, and its history shows that.',
      'List every maintainer with name, contact, area and employer.',
      'Have enough active maintainers for the size of the project.',
      'Publish a roadmap.',
      'Document how releases are made.',
    ]);
    expect(parsed.items.map((i) => i.position)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('groups by ## section and reads Required / Suggested from the ### headings', () => {
    const byTitle = new Map(parsed.items.map((i) => [i.title, i]));
    expect(byTitle.get('Present the design to a technical group.')).toMatchObject({ group: 'Process Basics', required: false, section: 'Process Basics' });
    expect(byTitle.get('Write a technical review.')).toMatchObject({ group: 'Process Basics', required: true });
    expect(byTitle.get('List every maintainer with name, contact, area and employer.')).toMatchObject({ group: 'People and Governance', required: true });
    expect(byTitle.get('Publish a roadmap.')).toMatchObject({ group: 'Engineering', required: null });
    expect(byTitle.get('I read the guide for moving levels.')).toMatchObject({ group: null, required: null });
    expect(byTitle.get('The project is at the earlier level, accepted on YYYYMMDD.')).toMatchObject({ subsection: 'Level Assertion', section: 'Summary for $PROJECT / Level Assertion' });
    expect(parsed.groups.map((g) => g.title)).toEqual(['Summary for $PROJECT', 'Process Basics', 'People and Governance', 'Engineering']);
    expect(parsed.groups[1]!.line).toBe(lineOf(text, '## Process Basics'));
  });

  it('gives 1-based line ranges: the box, the end of a wrapped title, the end of the block', () => {
    const wrapped = parsed.items[5]!;
    expect(wrapped.line).toBe(lineOf(text, '**Governance has changed'));
    expect(wrapped.titleEndLine).toBe(wrapped.line + 1);
    expect(wrapped.endLine).toBe(lineOf(text, '**Governance has changed') + 3);
    const review = parsed.items[3]!;
    expect(review.endLine).toBe(lineOf(text, '**Write a [technical review]') + 3);
  });

  it('keeps description lines as guidance without placeholders; a deeper box is part of its item', () => {
    expect(parsed.items[2]!.guidance).toEqual(['Presented on DD-MMM-YYYY, recording at $LINK.']);
    expect(parsed.items[4]!.guidance).toEqual([]);
    expect(parsed.items[7]!.guidance).toEqual(['Sub-check that belongs to the item above.']);
    expect(parsed.items[7]!.body.map((b) => b.line)).toContain(lineOf(text, 'Sub-check'));
  });

  it('reads boxes and titles however a filled document writes them', () => {
    const messy = fixture('checklist-messy.md');
    const items = parseTemplate(messy).items;
    expect(items.map((i) => [i.title, i.checked, i.required])).toEqual([
      ['Present the design to a technical group.', true, false],
      ['Write a technical review.', true, true],
      ['Keep project resources free of any one vendor.', false, true],
      ['List every maintainer with name, contact, area and employer.', false, true],
      ['Have enough active maintainers for the size of the project.', true, true],
    ]);
    expect(items[0]!.body.map((b) => b.line)).toContain(lineOf(messy, 'The reviewer watched'));
    expect(items[2]!.titleEndLine).toBe(lineOf(messy, 'free of any one vendor'));
    expect(items[3]!.guidance).toEqual(['Their MAINTAINERS file lists eight people.']);
    expect(items[4]!.endLine).toBe(items[4]!.line);
  });
});

describe('parseTemplate: question and statement shapes', () => {
  it('takes asking bullets under headings as items, nested bullets as their guidance, labels as section', () => {
    const parsed = parseTemplate(fixture('questions.md'));
    expect(parsed.shape).toBe('questions');
    expect(parsed.version).toBe('v3.0');
    expect(parsed.items.map((i) => [i.title, i.section])).toEqual([
      ['Describe who the project is for?', 'Stage 1 - Design / Scope'],
      ['Explain the main use case. Which use cases are out of scope?', 'Stage 1 - Design / Scope'],
      ["Please outline the project's API:", 'Stage 1 - Design / Interfaces'],
      ['How is the project configured?', 'Stage 1 - Design / Interfaces'],
      ['Describe how the project keeps its dependencies healthy.', 'Stage 1 - Design / Security / Hygiene'],
      ['Explain the least privileges the project needs.', 'Stage 1 - Design / Security / Threat Modeling'],
      ['What signals does the project emit?', 'Stage 2 - Operations / Observability'],
    ]);
    expect(parsed.items[2]!.guidance).toEqual(['Describe the API conventions', 'Describe the defaults']);
    expect(parsed.items[2]!.endLine).toBe(parsed.items[2]!.line + 2);
  });

  it('takes whole-bold statements with a level line as items, with their levels', () => {
    const text = fixture('statements.md');
    const parsed = parseTemplate(text);
    expect(parsed.shape).toBe('statements');
    expect(parsed.version).toBeNull();
    expect(parsed.items.map((i) => i.title)).toEqual([
      'Governance has been revised as the project grew.',
      'Write down how maintainers join, leave and become emeritus.',
      'Maintainers come from at least two organisations.',
    ]);
    expect(parsed.items[1]).toMatchObject({ line: lineOf(text, '**Write down how'), section: 'Review / Maintainers', levels: { Earlier: 'Suggested', Later: 'Required' } });
    expect(parsed.items[2]!.levels).toEqual({ Earlier: 'N/A', Later: 'Required' });
  });

  it('finds no items in prose and plain bullets', () => {
    expect(parseTemplate(fixture('no-items.md'))).toMatchObject({ shape: null, items: [] });
    expect(parseTemplate('')).toMatchObject({ shape: null, items: [], title: null, version: null });
  });
});

describe('template text rules', () => {
  it('knows placeholders from answers', () => {
    expect(isPlaceholderOnly('<!-- (Project assertion goes here) --> ')).toBe(true);
    expect(isPlaceholderOnly('  - $LINK (DD-MMM-YYYY)')).toBe(true);
    expect(isPlaceholderOnly('[Application issue]()')).toBe(true);
    expect(isPlaceholderOnly('The project [has/has not] done it')).toBe(false);
    expect(stripPlaceholders('The project [has/has not] done it on YYYY-MM-DD')).toBe('The project done it on');
    expect(isPlaceholderOnly('Done on 2026-01-04, see https://example.com')).toBe(false);
  });

  it('cleans titles and keys them for matching', () => {
    expect(cleanTitle('✅ 3. **Publish a [roadmap](x).**')).toBe('Publish a roadmap.');
    expect(cleanTitle(':white_check_mark: (2) Publish a roadmap 🚀')).toBe('Publish a roadmap');
    expect(titleKey('**Publish a Roadmap.**')).toBe(titleKey('1. publish a roadmap'));
    expect(titleKey('Publish a roadmap')).not.toBe(titleKey('Publish a release'));
  });

  it('reads version lines', () => {
    expect(versionOf('v1.6')).toBe('v1.6');
    expect(versionOf('- **Template Version:** v1.0')).toBe('v1.0');
    expect(versionOf('Version: 2')).toBe('2');
    expect(versionOf('We released v1.6 last month')).toBeNull();
  });
});
