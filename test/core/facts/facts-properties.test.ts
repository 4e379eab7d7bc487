// Properties that hold on any input: facts quote exact substrings of their own line, inside
// the content range, with finite values and contract kinds; hostile input does not break them.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { METRIC_KINDS, METRIC_PERIODS } from '../../../src/core/evidence/extract-types.js';
import { extractMetrics } from '../../../src/core/facts/metrics.js';
import { extractVersioning } from '../../../src/core/facts/versioning.js';
import { docOf } from './doc.js';

const fragments = [
  '- ', '* ', '1. ', '| ', ' | ', '|---|---|', '## ', '> ', '```', '<!--', '-->', '**', '[', '](https://x.example/a)', '(', ')',
  '1,500+', '2.6k', '28', 'seven', '0-5', '10-20', '2021/06/01', 'v1.2.3', '->', ' to ', 'from ', 'per month', 'in the past year',
  'commits', 'merged PRs', 'contributors', 'companies', 'releases', 'stars', 'forks', 'maintainers', 'users', 'channel',
  'release cadence', 'latest release is', 'every 3 months', '\n', '\n\n', ' ', '.', ',', ':', 'Since joining, ', 'We have ',
];

const documents = fc.array(fc.oneof(fc.constantFrom(...fragments), fc.string({ maxLength: 6 })), { maxLength: 80 }).map((parts) => parts.join(''));

describe('fact extraction properties', () => {
  it('metrics and versioning quote substrings of their line, within the content range', () => {
    fc.assert(
      fc.property(documents, fc.nat(5), (text, skip) => {
        const all = docOf(text);
        const doc = docOf(text, { startLine: Math.min(all.lineCount, 1 + skip), endLine: all.lineCount });
        for (const metric of extractMetrics(doc)) {
          expect(METRIC_KINDS).toContain(metric.kind);
          expect([...METRIC_PERIODS, null]).toContain(metric.period);
          expect(Number.isFinite(metric.value) && metric.value > 0).toBe(true);
          expect(metric.line).toBeGreaterThanOrEqual(doc.content.startLine);
          expect(metric.line).toBeLessThanOrEqual(doc.content.endLine);
          expect(metric.quote.length).toBeGreaterThan(0);
          expect(doc.lines[metric.line - 1]).toContain(metric.quote);
        }
        for (const statement of extractVersioning(doc)) {
          expect(statement.line).toBeGreaterThanOrEqual(doc.content.startLine);
          expect(statement.quote.length).toBeGreaterThan(0);
          expect(doc.lines[statement.line - 1]).toContain(statement.quote);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('handles pathological single lines', () => {
    const hostile = [
      '['.repeat(200_000),
      '[a]('.repeat(50_000),
      '1,'.repeat(100_000),
      `${'release '.repeat(40_000)}every month`,
      `${'contributors from '.repeat(20_000)}39`,
      '*'.repeat(200_000),
      `<!--${'x'.repeat(100_000)}`,
      `We write plain words first. ${'We publish [monthly releases. '.repeat(20_000)}`,
      `${'a ['.repeat(30_000)}\n${'](x '.repeat(30_000)}`,
    ];
    for (const line of hostile) {
      const doc = docOf(`# T\n\n${line}\n`);
      const metrics = extractMetrics(doc);
      const versioning = extractVersioning(doc);
      for (const fact of [...metrics, ...versioning]) expect(doc.lines[fact.line - 1]).toContain(fact.quote);
      for (const statement of versioning) expect(statement.quote.length).toBeLessThanOrEqual(400);
    }
  });
});
