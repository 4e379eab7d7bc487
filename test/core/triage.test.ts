import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/core/document/document.js';
import { githubOwner, otherProjectLinks, ownOwners, scanLinks } from '../../src/core/links/evidence-links.js';
import { documentKind, projectName } from '../../src/core/triage/document-kind.js';
import { formatTriage, parseSort, sortRows } from '../../src/core/triage/triage-format.js';
import type { TriageRow } from '../../src/core/triage/triage-row.js';
import type { ExtractResult } from '../../src/core/evidence/extract-types.js';

const doc = (text: string) => parseDocument(text);

describe('documentKind and projectName', () => {
  it('reads the kind from the title, else the file name', () => {
    expect(documentKind(doc('# Widgetry 2023 Annual Review\n'), 'x/2023-widgetry-annual.md')).toBe('annual-review');
    expect(documentKind(doc('# Widgetry Incubation Due Diligence\n'), 'x.md')).toBe('dd');
    expect(documentKind(doc('# [Incubation] Widgetry Incubation Application\n'), 'x.md')).toBe('application');
    expect(documentKind(doc('# Widgetry Sandbox Proposal\n'), 'x.md')).toBe('proposal');
    expect(documentKind(doc('# Background\n'), 'widgetry/widgetry-graduation-proposal.md')).toBe('proposal');
    expect(documentKind(doc('# Widgetry Self-assessment\n'), 'widgetry/security/self-assessment.md')).toBe('other');
    expect(documentKind(doc('Some notes\n'), 'notes.md')).toBe('other');
  });

  it('names the project from a field, the title, or the folder', () => {
    expect(projectName(doc('# Proposal\n\n*Name of project:* Gizmo Mesh\n'), 'a/b.md')).toBe('Gizmo Mesh');
    expect(projectName(doc('# Gizmo 2022 Annual Review\n'), 'a/b.md')).toBe('Gizmo');
    expect(projectName(doc('# [Incubation] Gizmo Incubation Application\n'), 'a/b.md')).toBe('Gizmo');
    expect(projectName(doc('# Background\n\ntext\n'), 'projects/gizmo/2021-annual.md')).toBe('gizmo');
    // A placeholder field value is not a name.
    expect(projectName(doc('# Gizmo Proposal\n\nName of project: $PROJECT\n'), 'x.md')).toBe('Gizmo');
  });
});

function fakeResult(ranges: Array<[string, number, number]>): ExtractResult {
  return {
    schema: 'toc-review/extract@1',
    document: { path: 'x.md', sha256: '', title: '', lineCount: 0 },
    facts: { adopters: [], maintainers: [], metrics: [], versioning: [] },
    criteria: ranges.map(([id, startLine, endLine]) => ({ id, evidence: [{ startLine, endLine, heading: '', reason: '' }], suggestion: { score: null, rationale: '' }, gaps: [] })),
  } as ExtractResult;
}

describe('evidence links', () => {
  const text = [
    '# Gizmo Incubation Application', // 1
    '', // 2
    'Project Repo(s): $URL', // 3
    '', // 4
    '## Adopters', // 5
    '', // 6
    '- [ADOPTERS.md]() lists them', // 7
    '- See [the list](https://github.com/gizmo-io/gizmo/blob/main/ADOPTERS.md).', // 8
    '- And https://github.com/otherproj/other/blob/main/ADOPTERS.md too', // 9
    '- [Releases]($LINK)', // 10
    '', // 11
    '## Dependencies', // 12
    '', // 13
    '- https://github.com/thirdparty/lib', // 14
  ].join('\n');
  const model = doc(text);
  const result = fakeResult([['production-users', 5, 10]]);

  it('finds placeholders anywhere and http(s) links inside evidence passages only', () => {
    const { links, placeholders } = scanLinks(model, result);
    expect(placeholders.map((p) => [p.line, p.kind, p.criterion])).toEqual([
      [3, 'placeholder', null],
      [7, 'placeholder', 'production-users'],
      [10, 'placeholder', 'production-users'],
    ]);
    expect(links.map((l) => [l.line, l.url])).toEqual([
      [8, 'https://github.com/gizmo-io/gizmo/blob/main/ADOPTERS.md'],
      [9, 'https://github.com/otherproj/other/blob/main/ADOPTERS.md'],
    ]);
  });

  it("flags evidence links into another project's repository, not the project's own", () => {
    const own = ownOwners(model, 'Gizmo');
    expect(own.has('gizmo-io')).toBe(true);
    const problems = otherProjectLinks(scanLinks(model, result).links, own);
    expect(problems.map((p) => [p.line, p.detail])).toEqual([[9, "links to another project's repository (otherproj/other)"]]);
    expect(githubOwner('https://github.com/orgs/gizmo-io/people')).toBeNull();
  });
});

const row = (document: string, gaps: number, score: number | null, project = document): TriageRow => ({
  document,
  title: `T ${document}`,
  project,
  kind: 'proposal',
  suggestions: { 'production-users': score },
  adopters: gaps * 2,
  maintainers: 1,
  organisations: 1,
  gaps,
  required: null,
});

describe('triage formats and sorting', () => {
  const criteria = [{ id: 'production-users', title: 'Users' }];
  const rows = [row('b.md', 3, 2), row('a.md', 1, null), row('c.md', 3, 0, '=HYPERLINK("x")')];

  it('sorts by a key or a criterion, descending with "-", ties in document order', () => {
    expect(sortRows(rows, parseSort('-gaps', criteria)!).map((r) => r.document)).toEqual(['b.md', 'c.md', 'a.md']);
    expect(sortRows(rows, parseSort('production-users', criteria)!).map((r) => r.document)).toEqual(['a.md', 'c.md', 'b.md']);
    expect(parseSort('nope', criteria)).toBeNull();
  });

  it('prints an aligned table, markdown, CSV safe for spreadsheets, and JSON', () => {
    const table = formatTriage(rows, criteria, 'table').split('\n');
    expect(table[0]).toMatch(/^document\s+project\s+kind\s+production-users\s+adopters\s+maintainers\s+orgs\s+gaps$/);
    expect(table[2]).toMatch(/^a\.md\s+a\.md\s+proposal\s+-\s+2\s+1\s+1\s+1$/);
    const md = formatTriage(rows, criteria, 'md').split('\n');
    expect(md[1]).toBe('| --- | --- | --- | ---: | ---: | ---: | ---: | ---: |');
    const csv = formatTriage(rows, criteria, 'csv').split('\r\n');
    expect(csv[3]).toBe(`c.md,"'=HYPERLINK(""x"")",proposal,0,6,1,1,3`);
    // No suggestion is a plain "-", not a quoted formula.
    expect(csv[2]).toBe('a.md,a.md,proposal,-,2,1,1,1');
    const json = JSON.parse(formatTriage(rows, criteria, 'json'));
    expect(json.schema).toBe('toc-review/triage@1');
    expect(json.rows).toHaveLength(3);
  });

  it('adds the Required columns when an extraction carries template matches', () => {
    const withRequired = [{ ...row('a.md', 0, 1), required: { answered: 3, unanswered: 2 } }];
    const csv = formatTriage(withRequired, criteria, 'csv').split('\r\n');
    expect(csv[0]).toContain('required answered,required unanswered');
    expect(csv[1]!.endsWith(',3,2')).toBe(true);
  });
});
