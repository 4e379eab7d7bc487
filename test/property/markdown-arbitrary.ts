// fast-check arbitraries for markdown-shaped text: lines built from the block syntax review
// documents use (headings, bullets at any indent, tables, fences, HTML, emphasis headings),
// mixed with arbitrary Unicode, escape payloads and every kind of line ending.
import fc from 'fast-check';
import { PAYLOADS } from '../../scripts/make-hostile-fixtures.mjs';

const word = fc.oneof(
  fc.constantFrom('Adopters', 'Maintainers', 'Acme', 'v1.2.3', '28 commits per month', '12 maintainers', 'Releases', 'semver', 'NVIDIA', '@handle'),
  fc.string({ unit: 'binary', maxLength: 8 }),
  fc.constantFrom(...Object.values(PAYLOADS)),
);
const words = fc.array(word, { maxLength: 5 }).map((ws) => ws.join(' '));
const indent = fc.nat(12).map((n) => ' '.repeat(n));

export const markdownLine = fc.oneof(
  words,
  fc.tuple(fc.integer({ min: 1, max: 7 }), words).map(([level, text]) => `${'#'.repeat(level)} ${text}`),
  fc.tuple(indent, fc.constantFrom('-', '*', '+', '1.', '2)'), words).map(([i, marker, text]) => `${i}${marker} ${text}`),
  fc.tuple(indent, fc.constantFrom('-', '*', '1.')).map(([i, marker]) => `${i}${marker}`),
  fc.array(words, { minLength: 1, maxLength: 5 }).map((cells) => `| ${cells.join(' | ')} |`),
  fc.array(fc.constantFrom('---', ':--', '--:', ':-:'), { minLength: 1, maxLength: 5 }).map((cells) => `|${cells.join('|')}|`),
  fc.constantFrom('```', '~~~', '```yaml', '<details>', '</details>', '<!--', '-->', '', '   ', '\t', '---', '===', '> quote', '>>>'),
  words.map((text) => `**${text}:**`),
  words.map((text) => `*${text}*`),
);

export const lineEnding = fc.constantFrom('\n', '\n', '\n', '\r\n', '\r');

export const markdownText = fc
  .array(fc.tuple(markdownLine, lineEnding), { maxLength: 40 })
  .chain((pairs) => fc.boolean().map((bom) => (bom ? '\ufeff' : '') + pairs.map(([line, end]) => line + end).join('')));
