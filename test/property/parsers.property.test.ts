// Property tests for the parsers beside the markdown one (issue 17): AsciiDoc, criteria YAML,
// template parse and import, template alignment and the DD reader. Each must take any input
// without crashing (only the tool's own UserError, whose one line carries no control
// characters), keep its results inside the input (lines in range, ids unique), and stay
// fast on 200 KB of adversarial text (a hang guard here; figures belong to the bench).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asciidocToMarkdown } from '../../src/core/document/asciidoc.js';
import { parseDocument, splitLines } from '../../src/core/document/document.js';
import { parseCriteriaSet } from '../../src/core/criteria/criteria.js';
import { UserError } from '../../src/core/errors.js';
import { hasControlCharacters } from '../../src/core/sanitize.js';
import { alignItems, findCheckboxes } from '../../src/core/templates/align.js';
import { readDd } from '../../src/core/templates/dd-read.js';
import { importTemplate } from '../../src/core/templates/template-import.js';
import { parseTemplate } from '../../src/core/templates/template-parse.js';
import { importedSetToYaml } from '../../src/core/templates/template-yaml.js';
import { templateMatches } from '../../src/core/templates/template-field.js';
import { PAYLOADS } from '../../scripts/make-hostile-fixtures.mjs';
import { lineEnding, markdownText } from './markdown-arbitrary.js';

const RUNS = { seed: 171717, numRuns: 200 };
const HANG_GUARD_MS = 5000;

const payload = fc.constantFrom(...Object.values(PAYLOADS));
const word = fc.oneof(
  fc.constantFrom('Maintainers', 'Adopters', 'Required', 'Suggested', '$LINK', 'DD-MMM-YYYY', 'v1.2', 'Acme'),
  fc.string({ unit: 'binary', maxLength: 8 }),
  payload,
);
const words = fc.array(word, { maxLength: 5 }).map((ws) => ws.join(' '));

/** Lines in the shape of a TOC template or a DD filled from one. */
const templateLine = fc.oneof(
  words,
  words.map((t) => `## ${t}`),
  fc.constantFrom('### Required', '### Suggested', '# Due Diligence', 'Version: v1.4', '<!-- (Project assertion goes here) -->', '<!-- (TOC Evaluation goes here) -->', '', '```', '-->'),
  fc.tuple(fc.constantFrom('- [ ]', '- [x]', '- [X]', '* [ ]', '1. [x]', '- [ ] **'), words).map(([box, t]) => `${box} **${t}.**`),
  fc.tuple(fc.nat(6), words).map(([n, t]) => `${' '.repeat(n)}- ${t}`),
  words.map((t) => `- ${t}?`),
);
const templateText = fc
  .array(fc.tuple(templateLine, lineEnding), { maxLength: 50 })
  .map((pairs) => pairs.map(([line, end]) => line + end).join(''));

/** AsciiDoc-shaped lines: titles, attributes, lists, tables, delimited blocks, macros. */
const asciidocLine = fc.oneof(
  words,
  fc.tuple(fc.integer({ min: 1, max: 7 }), words).map(([n, t]) => `${'='.repeat(n)} ${t}`),
  fc.tuple(fc.constantFrom('*', '**', '***', '.', '..', '-'), words).map(([m, t]) => `${m} ${t}`),
  words.map((t) => `:${t}: ${t}`),
  words.map((t) => `{${t}}`),
  fc.constantFrom('|===', '----', '....', '====', '****', '////', '++++', '[cols="1,2"]', '[source,yaml]', '', '+', '//', 'ifdef::x[]', 'endif::[]'),
  fc.array(words, { minLength: 1, maxLength: 4 }).map((cells) => `| ${cells.join(' | ')}`),
  words.map((t) => `link:https://example.com/${t}[${t}] https://x.io[${t}] <<${t}>> image::${t}[]`),
);
const asciidocText = fc
  .array(fc.tuple(asciidocLine, lineEnding), { maxLength: 40 })
  .map((pairs) => pairs.map(([line, end]) => line + end).join(''));

/** Throws only a UserError whose message is one line without control characters. */
function expectOnlyUserError(run: () => unknown): void {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    const message = (error as Error).message;
    expect(message).not.toContain('\n');
    expect(hasControlCharacters(message), JSON.stringify(message)).toBe(false);
  }
}

function timed(run: () => unknown): { value: unknown; ms: number } {
  const start = performance.now();
  const value = run();
  return { value, ms: performance.now() - start };
}

/** 200 KB inputs built to make backtracking regular expressions slow. */
const ADVERSARIAL: Record<string, string> = {
  'one long line of spaces': 'a' + ' '.repeat(200_000) + '!',
  'pipes without newline': '|'.repeat(200_000),
  'open brackets': '['.repeat(100_000) + ']'.repeat(100),
  'checkbox prefixes': '- [ ] **'.repeat(25_000),
  'stars and underscores': '*_'.repeat(100_000),
  'dollar placeholders': '$A'.repeat(100_000),
  'comment openers': '<!--'.repeat(50_000),
  'heading marks': '#'.repeat(200_000),
  'asciidoc equals': '='.repeat(200_000),
  'attribute braces': '{'.repeat(200_000),
  'many short lines': '- [x] **A.**\n'.repeat(15_000),
  'nested list indents': Array.from({ length: 4000 }, (_, i) => `${' '.repeat(i % 50)}- x`).join('\n'),
};

const ITEMS = [
  { id: 'a', title: 'Maintainers are listed with their affiliation', guidance: '', group: 'People' },
  { id: 'b', title: 'A security audit was completed', guidance: 'Link it: $LINK', group: 'Security' },
  { id: 'c', title: 'Adopters are listed publicly', guidance: '', group: 'Ecosystem' },
];

describe('AsciiDoc reader (property)', () => {
  it('never throws and never invents line breaks beyond the input', () => {
    fc.assert(
      fc.property(fc.oneof(asciidocText, fc.string({ unit: 'binary', maxLength: 300 })), (text) => {
        const markdown = asciidocToMarkdown(text);
        expect(typeof markdown).toBe('string');
        // One markdown line per AsciiDoc line at most (plus table separators), so line numbers cite the source.
        expect(splitLines(markdown).length).toBeLessThanOrEqual(2 * splitLines(text).length + 2);
      }),
      RUNS,
    );
  });
});

describe('criteria YAML (property)', () => {
  it('gives a set or a one-line UserError, never a crash', () => {
    const yamlish = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 300 }),
      fc.array(fc.oneof(words, words.map((w) => `${w}: ${w}`), words.map((w) => `  - id: ${w}`), fc.constantFrom('items:', 'id: x', 'scale: checklist', '---', '&a [*a]', '{', '"')), { maxLength: 20 }).map((ls) => ls.join('\n')),
    );
    fc.assert(
      fc.property(yamlish, (text) => {
        expectOnlyUserError(() => parseCriteriaSet(text, 'fuzz.yaml'));
      }),
      RUNS,
    );
  });
});

describe('template parser and importer (property)', () => {
  it('parse and import never throw; items sit inside the file; ids are unique', () => {
    fc.assert(
      fc.property(fc.oneof(templateText, markdownText), (text) => {
        const lineCount = splitLines(text).length;
        const parsed = parseTemplate(text);
        for (const item of parsed.items) expect(item.line >= 1 && item.line <= lineCount).toBe(true);
        const { set } = importTemplate(parsed, { path: 'fuzz.md' });
        const ids = set.items.map((i) => i.id);
        expect(new Set(ids).size).toBe(ids.length);
        for (const id of ids) expect(id).toMatch(/^[a-z0-9][a-z0-9-]*$/);
        // Re-importing against the written set keeps every id (an empty one is refused on import).
        if (ids.length === 0) return;
        const again = importTemplate(parsed, { path: 'fuzz.md' }, parseCriteriaSet(importedSetToYaml(set), 'fuzz.yaml'));
        expect(again.set.items.map((i) => i.id)).toEqual(ids);
      }),
      RUNS,
    );
  });
});

describe('template alignment and DD reader (property)', () => {
  it('align, template field and DD reading never throw and cite lines of the document', () => {
    fc.assert(
      fc.property(fc.oneof(templateText, markdownText), (text) => {
        const lines = splitLines(text);
        const inFile = (n: number) => Number.isInteger(n) && n >= 1 && n <= lines.length;
        const boxes = findCheckboxes(lines);
        for (const box of boxes) expect(inFile(box.line) && inFile(box.endLine) && box.endLine >= box.line).toBe(true);
        const aligned = alignItems(ITEMS, boxes);
        const used = [...aligned.values()].filter((b) => b !== null).map((b) => b!.line);
        expect(new Set(used).size).toBe(used.length);
        const matches = templateMatches(lines, ITEMS);
        for (const match of matches?.values() ?? []) if (match) expect(inFile(match.line) && inFile(match.endLine)).toBe(true);
        const set = parseCriteriaSet(
          'id: fuzz\ntitle: Fuzz\nversion: 1\nscale: checklist\nitems:\n' + ITEMS.map((i) => `  - id: ${i.id}\n    title: ${i.title}\n    question: ${i.title}?\n    group: ${i.group}`).join('\n'),
          'fuzz.yaml',
        );
        expect(() => readDd(lines, set)).not.toThrow();
      }),
      RUNS,
    );
  });
});

describe('200 KB adversarial inputs (hang guard)', () => {
  for (const [name, text] of Object.entries(ADVERSARIAL)) {
    it(`${name}: every parser finishes`, () => {
      const lines = splitLines(text);
      const runs = {
        markdown: () => parseDocument(text),
        asciidoc: () => asciidocToMarkdown(text),
        template: () => importTemplate(parseTemplate(text), { path: 'big.md' }),
        align: () => templateMatches(lines, ITEMS),
        criteria: () => expectOnlyUserError(() => parseCriteriaSet(text, 'big.yaml')),
      };
      for (const [parser, run] of Object.entries(runs)) {
        const { ms } = timed(run);
        expect(ms, `${parser} on ${name}`).toBeLessThan(HANG_GUARD_MS);
      }
    });
  }
});
