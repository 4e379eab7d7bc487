// The shipped due-diligence sets (criteria/cncf-incubation-dd.yaml, cncf-graduation-dd.yaml):
// own-words checklists that follow the TOC templates item by item. Their shape is checked here
// on its own; against the real templates (their structure, and that no template sentence was
// copied) when a local cncf/toc mirror is there.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CriteriaSet } from '../../src/core/criteria/criteria.js';
import { importTemplate } from '../../src/core/templates/template-import.js';
import { parseTemplate } from '../../src/core/templates/template-parse.js';
import { loadCriteria } from '../../src/store/criteria-files.js';

const SECTIONS = ['Application Process Principles', 'Governance and Maintainers', 'Contributors and Community', 'Engineering Principles', 'Security', 'Ecosystem'];
const SETS = [
  { id: 'cncf-incubation-dd', template: 'operations/toc-templates/template-dd-pr-incubation.md', required: 32, suggested: 15 },
  { id: 'cncf-graduation-dd', template: 'operations/toc-templates/template-dd-pr-graduation.md', required: 44, suggested: 6 },
];
const GIT_DIR = process.env.TOC_REVIEW_TOC_MIRROR ?? '/work/.mirror/cncf+toc/repo';

describe.each(SETS)('the shipped set $id', ({ id, template, required, suggested }) => {
  it('is a checklist of the template\'s items in order: positions 1..N, the six sections in template order, Required and Suggested counted as the template has them', async () => {
    const set = await loadCriteria(id);
    expect(set.id).toBe(id);
    expect(set.scale.map((s) => [s.value, s.meets])).toEqual([[0, false], [1, true]]);
    expect(set.items.filter((i) => i.required)).toHaveLength(required);
    expect(set.items.filter((i) => !i.required)).toHaveLength(suggested);
    expect(set.items.map((i) => i.source?.position)).toEqual(set.items.map((_, index) => index + 1));
    expect([...new Set(set.items.map((i) => i.group))]).toEqual(SECTIONS);
    for (const item of set.items) {
      expect(item.source?.template).toBe(template);
      expect(item.source?.version).toMatch(/^[0-9a-f]{8} \(\d{4}-\d{2}-\d{2}\)$/);
      expect(item.source?.section).toBe(`${item.group} / ${item.required ? 'Required' : 'Suggested'}`);
      expect(item.hints.headings.length + item.hints.keywords.length).toBeGreaterThan(0);
    }
  });

  it('points the maintainer, adopter, activity and release items at their facts', async () => {
    const set = await loadCriteria(id);
    const withFact = (kind: string) => set.items.filter((i) => (i.hints.facts as string[]).includes(kind)).map((i) => i.id);
    expect(withFact('maintainers')).toContain('maintainer-list');
    expect(withFact('adopters')).toEqual(expect.arrayContaining(['adopters-list', 'three-adopters']));
    expect(withFact('metrics')).toEqual(['contributor-activity']);
    expect(withFact('versioning')).toEqual(expect.arrayContaining(['release-process', 'release-history']));
  });
});

it('a criterion both templates carry has one id in both sets, so incubation scores can be read beside graduation ones', async () => {
  const [incubation, graduation] = await Promise.all(SETS.map((s) => loadCriteria(s.id)));
  const graduationIds = new Set(graduation!.items.map((i) => i.id));
  expect(incubation!.items.map((i) => i.id).filter((itemId) => !graduationIds.has(itemId))).toEqual([]);
  expect([...graduationIds].filter((itemId) => !incubation!.items.some((i) => i.id === itemId)).sort()).toEqual(['openssf-silver-gold', 'third-party-review', 'two-organisations']);
});

function templateAt(commit: string, path: string): string | null {
  try {
    return execFileSync('git', ['--git-dir', GIT_DIR, 'show', `${commit}:${path}`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return null;
  }
}

const words = (text: string) => text.toLowerCase().replace(/\]\([^)]*\)/g, ' ').replace(/[^a-z0-9']+/g, ' ').trim().split(' ').filter(Boolean);

/** Every run of `n` consecutive words of the text, joined by spaces. */
function runsOf(text: string, n: number): Set<string> {
  const all = words(text);
  const runs = new Set<string>();
  for (let i = 0; i + n <= all.length; i++) runs.add(all.slice(i, i + n).join(' '));
  return runs;
}

describe.skipIf(!existsSync(GIT_DIR))('the shipped sets against the real templates (cncf/toc mirror)', () => {
  async function pair(id: string): Promise<{ set: CriteriaSet; text: string } | null> {
    const set = await loadCriteria(id);
    const source = set.items[0]!.source!;
    const text = templateAt(source.version!.split(' ')[0]!, source.template);
    return text === null ? null : { set, text };
  }

  it.each(SETS.map((s) => s.id))('%s: position for position, the template\'s section and Required/Suggested', async (id) => {
    const found = await pair(id);
    if (found === null) return;
    const imported = importTemplate(parseTemplate(found.text), { path: 'template.md' }).set;
    expect(found.set.items.map((i) => [i.group, i.required])).toEqual(imported.items.map((i) => [i.group, i.required]));
  });

  it.each(SETS.map((s) => s.id))('%s: written in its own words (no title equals the template\'s, no run of six words is the template\'s)', async (id) => {
    const found = await pair(id);
    if (found === null) return;
    const imported = importTemplate(parseTemplate(found.text), { path: 'template.md' }).set;
    const templateRuns = runsOf(found.text, 6);
    found.set.items.forEach((item, index) => {
      expect(words(item.title).join(' ')).not.toBe(words(imported.items[index]!.title).join(' '));
      for (const text of [item.title, item.question, item.guidance]) {
        expect([...runsOf(text, 6)].filter((run) => templateRuns.has(run)), `${item.id}: ${text}`).toEqual([]);
      }
    });
  });
});
