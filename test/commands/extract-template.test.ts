// `extract` on filled applications and DDs: the per-criterion `template` field, the aligned
// block as the first evidence passage, the tick as the project's claim, unanswered items as gaps.
// Fixtures are our own words in the templates' shape: dd-template-v3.md is the "current"
// template, dd-filled-old.md a DD filled from an older version with everything reviewers do
// to one (reworded titles, bold removed, numbering and emoji, reordered and deleted items, a
// title split across lines, `[X]`).
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CriterionEvidence, ExtractResult } from '../../src/core/evidence/extract-types.js';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/score-fixtures.js';

const FIXTURES = join(import.meta.dirname, '../fixtures/templates');
const SAMPLE = join(import.meta.dirname, '../../reviews/lanternfish-incubation.md');

function setup() {
  const dir = tempDir('toc-tplfield-');
  for (const name of ['dd-template-v3.md', 'dd-filled-old.md', 'checklist-v1.md', 'checklist-messy.md']) copyFileSync(join(FIXTURES, name), join(dir, name));
  copyFileSync(SAMPLE, join(dir, 'prose.md'));
  const env = { ...process.env, TOC_REVIEW_CONFIG_DIR: join(dir, 'config'), TOC_REVIEW_CACHE_DIR: join(dir, 'cache') };
  const extract = async (...args: string[]) => {
    const result = await runCli(['extract', ...args], { cwd: dir, env });
    expect(result.code).toBe(0);
    return result;
  };
  const json = async (doc: string, criteria?: string) => JSON.parse((await extract(doc, ...(criteria ? ['--criteria', criteria] : []), '--json')).stdout) as ExtractResult;
  return { dir, extract, json };
}

/** 1-based line of the first line containing the text. */
function lineOf(file: string, text: string): number {
  const index = readFileSync(join(FIXTURES, file), 'utf8').split('\n').findIndex((l) => l.includes(text));
  if (index < 0) throw new Error(`${file}: no line with ${text}`);
  return index + 1;
}

const byId = (result: ExtractResult) => Object.fromEntries(result.criteria.map((c) => [c.id, c])) as Record<string, CriterionEvidence>;

describe('extract --json on a DD filled from an older template version', () => {
  it('gives every criterion its item line, block end, tick and answered, or null', async () => {
    const { json } = setup();
    const got = byId(await json('dd-filled-old.md', 'dd-template-v3.md'));
    const at = (text: string) => lineOf('dd-filled-old.md', text);
    const templates = Object.fromEntries(Object.entries(got).map(([id, c]) => [id, c.template]));
    expect(templates).toEqual({
      // Reworded, bold removed, numbered, an emoji, `[X]`.
      'present-technical-advisory-group': { line: at('Give a presentation'), endLine: at('The reviewer watched'), checked: true, answered: true },
      // The bold title is split across two lines.
      'resources-owned-neutral-home': { line: at('Project resources are owned'), endLine: at('The domain, the GitHub'), checked: true, answered: true },
      // Older, shorter title; only the template's guidance with placeholders and the comment.
      'complete-technical-review-keep-up-date': { line: at('Complete a technical review'), endLine: at('Complete a technical review') + 3, checked: false, answered: false },
      // `* [X]`, the answer on the checkbox line itself.
      'publish-list-maintainers-employers': { line: at('Publish the list of maintainers'), endLine: at('Publish the list of maintainers'), checked: true, answered: true },
      // Deleted from the older copy, and added by the newer template: no such item.
      'explain-contributor-becomes-maintainer': null,
      'adopt-code-conduct': { line: at('Adopt a code of conduct'), endLine: at('has followed the foundation'), checked: true, answered: true },
      // Engineering comes before Governance in this copy (reordered sections).
      'keep-public-roadmap': { line: at('Keep a public roadmap'), endLine: at('Keep a public roadmap') + 2, checked: false, answered: false },
      'describe-release-process-cadence': { line: at('Describe the release process'), endLine: at('Releases ship every'), checked: true, answered: true },
      'run-bug-bounty-reward-programme': null,
      'complete-joint-security-assessment-security': null,
    });
  });

  it('makes the aligned block the first evidence passage and reports the tick as a claim, not a score', async () => {
    const { json } = setup();
    const got = byId(await json('dd-filled-old.md', 'dd-template-v3.md'));
    const roadmap = got['keep-public-roadmap']!;
    expect(roadmap.evidence[0]).toEqual({
      startLine: roadmap.template!.line,
      endLine: roadmap.template!.endLine,
      heading: 'Engineering',
      reason: 'template item; project claims: not ticked; not answered (only the template text and placeholders)',
    });
    expect(roadmap.signals).toContainEqual({ name: 'project claims', value: 'not ticked', lines: [roadmap.template!.line] });
    const releases = got['describe-release-process-cadence']!;
    expect(releases.evidence[0]!.reason).toBe('template item; project claims: met; answered');
    expect(releases.signals?.[0]).toEqual({ name: 'project claims', value: 'met', lines: [releases.template!.line] });
  });

  it('never lets the tick decide the suggested score: unticking every box changes only the claim', async () => {
    const { dir, json } = setup();
    const unticked = readFileSync(join(dir, 'dd-filled-old.md'), 'utf8').replace(/\[[xX]\]/g, '[ ]');
    writeFileSync(join(dir, 'unticked.md'), unticked);
    const ticked = await json('dd-filled-old.md', 'dd-template-v3.md');
    const plain = byId(await json('unticked.md', 'dd-template-v3.md'));
    expect(ticked.criteria.filter((c) => c.template?.checked).length).toBe(5);
    for (const entry of ticked.criteria) {
      const other = plain[entry.id]!;
      expect(other.suggestion).toEqual(entry.suggestion);
      expect(other.template && other.template.checked).toBe(entry.template ? false : null);
    }
  });

  it('lists unanswered and missing items among the gaps, answered ones not', async () => {
    const { json } = setup();
    const got = byId(await json('dd-filled-old.md', 'dd-template-v3.md'));
    const review = got['complete-technical-review-keep-up-date']!;
    expect(review.gaps[0]).toBe(`template item at lines ${review.template!.line}-${review.template!.endLine} is not answered: only the template's text and placeholders`);
    expect(got['run-bug-bounty-reward-programme']!.gaps[0]).toBe('the document has no item of the template for this criterion');
    expect(got['adopt-code-conduct']!.gaps.filter((g) => g.startsWith('template item'))).toEqual([]);
  });

  it('says when a ticked item is not answered (the older messy fixture)', async () => {
    const { json } = setup();
    const got = byId(await json('checklist-messy.md', 'checklist-v1.md'));
    const review = got['write-technical-review']!;
    expect(review.template).toMatchObject({ checked: true, answered: false });
    expect(review.gaps[0]).toContain('is not answered although the project ticks it');
  });

  it('shows the template item in the readable report', async () => {
    const { extract } = setup();
    const { stdout } = await extract('dd-filled-old.md', '--criteria', 'dd-template-v3.md');
    expect(stdout).toContain(`lines ${lineOf('dd-filled-old.md', 'Keep a public roadmap')}-${lineOf('dd-filled-old.md', 'Keep a public roadmap') + 2}  Engineering: template item; project claims: not ticked`);
  });
});

describe('extract --json on documents that are not a filled template', () => {
  it('has no template field, with the template set or the default one', async () => {
    const { json } = setup();
    for (const result of [await json('prose.md', 'dd-template-v3.md'), await json('prose.md')]) {
      for (const entry of result.criteria) {
        expect(entry).not.toHaveProperty('template');
        expect(entry.evidence.every((p) => !p.reason.startsWith('template item'))).toBe(true);
      }
    }
  });
});
