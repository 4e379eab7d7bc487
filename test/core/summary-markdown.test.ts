import { describe, expect, it, beforeAll } from 'vitest';
import fc from 'fast-check';
import type { CriteriaSet } from '../../src/core/criteria/criteria.js';
import type { ExtractResult } from '../../src/core/evidence/extract-types.js';
import { newScoreFile, setItemNotes, setItemScore, setItemSuggested, setRecommendation, toggleCitation, type ScoreFile } from '../../src/core/scores/score-file.js';
import { buildSummary } from '../../src/core/summary/summary.js';
import { renderSummaryMarkdown } from '../../src/core/summary/summary-markdown.js';
import { escapeParagraphs } from '../../src/core/summary/markdown-escape.js';
import { loadCriteria } from '../../src/store/criteria-files.js';
import { htmlTables, renderHtml, tableShapes, tagCounts } from '../helpers/markdown-check.js';

const NOW = '2026-11-20T10:00:00.000Z';
const SHA = 'a'.repeat(64);
let criteria: CriteriaSet;

beforeAll(async () => {
  criteria = await loadCriteria('cncf-incubation');
});

function baseFile(origin: string | null = null): ScoreFile {
  return newScoreFile({
    document: { path: 'docs/sample.md', sha256: SHA, title: 'Sample Project 2026 Annual Review', origin },
    criteria,
    reviewer: { name: 'Ada Lovelace', handle: 'ada' },
    suggestions: { 'production-users': 2, 'committer-health': 1 },
    now: NOW,
  });
}

function extractFor(sha: string, overrides: Partial<Record<string, { evidence: number; gaps: string[] }>> = {}): ExtractResult {
  return {
    schema: 'toc-review/extract@1',
    document: { path: 'docs/sample.md', sha256: sha, title: 'Sample', lineCount: 100 },
    facts: { adopters: [], maintainers: [], metrics: [], versioning: [] },
    criteria: criteria.items.map((item) => {
      const o = overrides[item.id] ?? { evidence: 1, gaps: [] };
      return {
        id: item.id,
        evidence: Array.from({ length: o.evidence }, (_, i) => ({ startLine: 10 + i, endLine: 12 + i, heading: 'H', reason: 'r' })),
        suggestion: { score: null, rationale: '' },
        gaps: o.gaps,
      };
    }),
  };
}

function scored(origin: string | null = null): ScoreFile {
  let file = baseFile(origin);
  file = setItemScore(file, 'production-users', 3, NOW);
  file = setItemNotes(file, 'production-users', 'Ten named adopters.\n\nSee the ADOPTERS list.', NOW);
  file = toggleCitation(file, 'production-users', { startLine: 40, endLine: 42, quote: '## Adopters\n- **NVIDIA**\n- Alibaba' }, NOW);
  file = setItemScore(file, 'committer-health', 1, NOW);
  file = setRecommendation(file, 'needs-more-info', 'Ask for maintainer affiliations.', NOW);
  return file;
}

describe('renderSummaryMarkdown', () => {
  it('has a summary table with one row per criterion and three columns, unscored items included', () => {
    const md = renderSummaryMarkdown(scored(), criteria, extractFor(SHA), { date: '2026-11-21' });
    expect(tableShapes(md)).toEqual([{ header: 3, rows: [3, 3, 3, 3] }]);
    expect(htmlTables(renderHtml(md))).toEqual([[3, 3, 3, 3, 3]]);
    expect(md).toContain('| Production users | 3 (Exceeded) | ✅ met |');
    expect(md).toContain('| Committer health | 1 (Partially met) | ❌ not met |');
    expect(md).toContain('| Commit flow | unscored | — unscored |');
    expect(md).toContain('2 of 4 criteria scored, 1 met.');
  });

  it('shows the header facts: document path, short sha, dates, reviewer, criteria, verdict', () => {
    const md = renderSummaryMarkdown(scored(), criteria, extractFor(SHA), { date: '2026-11-21' });
    expect(md).toContain('## CNCF Incubation review: Sample Project 2026 Annual Review');
    expect(md).toContain('- **Document:** `docs/sample.md`, sha256 `aaaaaaaaaaaa`');
    expect(md).toContain('- **Reviewer:** Ada Lovelace (`ada`)');
    expect(md).toContain('- **Criteria:** CNCF Incubation (`cncf-incubation`, version 1)');
    expect(md).toContain('- **Date:** exported 2026-11-21, scores last changed 2026-11-20');
    expect(md).toContain('- **Recommendation:** **Needs more information**');
    expect(md).toMatch(/### Recommendation\n\n\*\*Needs more information\*\*\n\nAsk for maintainer affiliations\.\n$/);
  });

  it('shows the suggested score only when it differs from the final one', () => {
    const md = renderSummaryMarkdown(scored(), criteria, extractFor(SHA), { date: '2026-11-21' });
    expect(md).toContain('#### Production users: 3 (Exceeded), suggested 2 (Met)\n');
    expect(md).toContain('#### Committer health: 1 (Partially met)\n');
    const same = setItemScore(scored(), 'production-users', 2, NOW);
    expect(renderSummaryMarkdown(same, criteria, extractFor(SHA), { date: 'd' })).toContain('#### Production users: 2 (Met)\n');
    const unscoredWithSuggestion = setItemSuggested(baseFile(), 'commit-flow', 0, NOW);
    const md2 = renderSummaryMarkdown(unscoredWithSuggestion, criteria, null, { date: 'd' });
    expect(md2).toContain('#### Commit flow: unscored, suggested 0 (Not met)\n');
    expect(md2).toContain('#### Versioning: unscored\n\n_Does the project have a clear versioning scheme with development and stable releases?_\n\n_No notes or cited evidence._');
  });

  it('quotes cited evidence as an escaped blockquote with line links when the origin is a GitHub blob', () => {
    const origin = 'https://github.com/cncf/toc/blob/main/reviews/sample.md';
    const md = renderSummaryMarkdown(scored(origin), criteria, extractFor(SHA), { date: 'd' });
    expect(md).toContain('[Lines 40–42](https://github.com/cncf/toc/blob/main/reviews/sample.md?plain=1#L40-L42):\n\n> \\#\\# Adopters\n> \\- \\*\\*NVIDIA\\*\\*\n> \\- Alibaba');
    expect(md).toContain('([source](https://github.com/cncf/toc/blob/main/reviews/sample.md))');
    // --origin overrides; a non-blob origin links the document but not line numbers.
    const other = renderSummaryMarkdown(scored(origin), criteria, extractFor(SHA), { date: 'd', origin: 'https://example.org/doc.md' });
    expect(other).toContain('Lines 40–42:\n');
    expect(other).toContain('([source](https://example.org/doc.md))');
  });

  it('lists gaps from extraction: explicit gaps and criteria without evidence', () => {
    const extract = extractFor(SHA, {
      'committer-health': { evidence: 0, gaps: [] },
      versioning: { evidence: 1, gaps: ['No release cadence stated | ask how often they release'] },
    });
    const md = renderSummaryMarkdown(scored(), criteria, extract, { date: 'd' });
    expect(md).toContain(
      '### Gaps and questions for the project\n\n- **Committer health:** No evidence found in the document. Does the project have a healthy number of committers, from more than one organisation?\n',
    );
    expect(md).toContain('- **Versioning:** No release cadence stated \\| ask how often they release.\n');
    const none = renderSummaryMarkdown(scored(), criteria, extractFor(SHA), { date: 'd' });
    expect(none).toContain('_None: the document has evidence for every criterion._');
  });

  it('says so when the document is missing or changed instead of failing', () => {
    const missing = renderSummaryMarkdown(scored(), criteria, null, { date: 'd', documentProblem: 'docs/sample.md: no such file' });
    expect(missing).toContain('**Note:** the document could not be read (docs/sample.md: no such file), so the gaps list was not computed.');
    expect(missing).toContain('_Not computed: the document could not be read._');
    const changed = renderSummaryMarkdown(scored(), criteria, extractFor('b'.repeat(64)), { date: 'd' });
    expect(changed).toContain('**Note:** the document has changed since it was scored (now sha256 `bbbbbbbbbbbb`)');
    expect(buildSummary(scored(), criteria, extractFor('b'.repeat(64)), { date: 'd' }).document.status).toBe('changed');
  });

  it('keeps hostile notes, quotes and names as text', () => {
    let file = scored();
    file = { ...file, reviewer: { name: 'Eve <img src=x onerror=alert(1)> | *', handle: 'eve' }, document: { ...file.document, title: '# Title <script>' } };
    file = setItemNotes(file, 'commit-flow', '| a | b |\n|---|---|\n<details><summary>x</summary>\n```\ncode\n```\n    indented\n1. list\n- item\n[link](javascript:alert(1)) https://evil.example www.evil.example a@b.example $x^2$ \x1b]52;c;AAAA\x07', NOW);
    file = toggleCitation(file, 'commit-flow', { startLine: 1, endLine: 1, quote: '<script>alert(1)</script> `code` ' + 'long '.repeat(100) }, NOW);
    const md = renderSummaryMarkdown(file, criteria, extractFor(SHA), { date: 'd' });
    const html = renderHtml(md);
    expect(html).not.toMatch(/<(script|img|details|summary|pre|ol|h1)\b/);
    expect(html).not.toMatch(/href=/);
    expect(html).toContain('[link](javascript:alert(1))');
    expect(html).not.toContain('\x1b');
    expect(tagCounts(html).a ?? 0).toBe(0);
    expect(tableShapes(md)).toEqual([{ header: 3, rows: [3, 3, 3, 3] }]);
    const quoteLine = md.split('\n').find((line) => line.startsWith('> \\<script'));
    expect(quoteLine).toMatch(/^> \\<script\\>alert\(1\)\\<\/script\\> \\`code\\` (long )+[long]*…$/);
    expect(Array.from(quoteLine!.replace(/\\(.)/g, '$1')).length).toBeLessThanOrEqual(2 + 200);
  });

  it('property: arbitrary notes never change the table shape or add tags to the rendered HTML', () => {
    const text = fc.string({ unit: fc.constantFrom(...'|\\`*_[]<>#!()-+=.~&$@:/ \n\tab1é<script>'.split(''), 'http://', 'www.', '<div>', '&amp;', '```', '    ', '\x1b[31m', '\r\n'), maxLength: 80 });
    const render = (notes: string, otherNotes: string, quote: string, verdictNotes: string) => {
      let file = setItemNotes(scored(), 'production-users', notes, NOW);
      file = setItemNotes(file, 'commit-flow', otherNotes, NOW);
      file = toggleCitation(file, 'versioning', { startLine: 3, endLine: 9, quote }, NOW);
      file = setRecommendation(file, 'ready', verdictNotes, NOW);
      return renderSummaryMarkdown(file, criteria, extractFor(SHA), { date: 'd' });
    };
    // The same summary with each text replaced by a harmless word (or left empty when the text
    // has nothing to show): the structure the hostile text must not change.
    const plain = (value: string) => (escapeParagraphs(value) === '' ? '' : 'x');
    // Paragraph breaks may differ; code spans only ever quote @mentions and #refs from the text.
    const structure = (html: string) => {
      const { p: _p, br: _br, code: _code, ...rest } = tagCounts(html);
      return rest;
    };
    const codeSpans = (html: string) => Array.from(html.matchAll(/<code>([^<]*)<\/code>/g), (m) => m[1]!);
    fc.assert(
      fc.property(text, text, text, (notes, quote, verdictNotes) => {
        const md = render(notes, quote, quote, verdictNotes);
        const html = renderHtml(md);
        expect(htmlTables(html)).toEqual([[3, 3, 3, 3, 3]]);
        const baseline = renderHtml(render(plain(notes), plain(quote), 'x', plain(verdictNotes)));
        expect(structure(html), md).toEqual(structure(baseline));
        const known = new Set(codeSpans(baseline));
        for (const span of codeSpans(html)) if (!known.has(span)) expect(span).toMatch(/^(@[A-Za-z0-9/-]+|#\d+)$/);
      }),
      { numRuns: 300 },
    );
  });
});
