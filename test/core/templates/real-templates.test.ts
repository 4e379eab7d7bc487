// The parser on the real TOC templates, read from a local cncf/toc mirror when there is one
// (never copied into this repository: cncf/toc states no licence). Skipped without the mirror.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importTemplate } from '../../../src/core/templates/template-import.js';
import { parseTemplate } from '../../../src/core/templates/template-parse.js';

const GIT_DIR = process.env.TOC_REVIEW_TOC_MIRROR ?? '/work/.mirror/cncf+toc/repo';
const present = existsSync(GIT_DIR);

function show(path: string): string | null {
  try {
    return execFileSync('git', ['--git-dir', GIT_DIR, 'show', `HEAD:${path}`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return null;
  }
}

/** Top-level task lines outside HTML comments, counted by a plain regex (independent of the parser). */
function taskLines(text: string): number {
  return text
    .replace(/<!--[\s\S]*?-->/g, (c) => c.replace(/[^\n]/g, ''))
    .split('\n')
    .filter((l) => /^(?:[-*] )?\[[ xX]\]/.test(l)).length;
}

const CHECKLISTS = [
  '.github/ISSUE_TEMPLATE/template-incubation-application.md',
  '.github/ISSUE_TEMPLATE/template-graduation-application.md',
  'operations/toc-templates/template-dd-pr-incubation.md',
  'operations/toc-templates/template-dd-pr-graduation.md',
];
const SECTIONS = ['Application Process Principles', 'Governance and Maintainers', 'Contributors and Community', 'Engineering Principles', 'Security', 'Ecosystem'];

describe.skipIf(!present)('the real TOC templates (cncf/toc mirror)', () => {
  it.each(CHECKLISTS)('%s: every top-level task is an item, in the six criteria sections, Required and Suggested both present', (path) => {
    const text = show(path);
    if (text === null) return;
    const parsed = parseTemplate(text);
    expect(parsed.shape).toBe('checklist');
    expect(parsed.items.length).toBe(taskLines(text));
    expect(parsed.items.length).toBeGreaterThanOrEqual(40);
    const groups = parsed.groups.map((g) => g.title);
    expect(groups.filter((g) => SECTIONS.includes(g))).toEqual(SECTIONS);
    const inSections = parsed.items.filter((i) => SECTIONS.includes(i.group ?? ''));
    expect(inSections.filter((i) => i.required === true).length).toBeGreaterThan(20);
    expect(inSections.filter((i) => i.required === false).length).toBeGreaterThanOrEqual(5);
    expect(parsed.items.every((i) => i.title.length > 5 && !i.title.includes('**'))).toBe(true);
    if (path.includes('application')) expect(parsed.version).toMatch(/^v\d/);
  });

  it('the incubation DD and application name the same criteria in the six sections', () => {
    const dd = show(CHECKLISTS[2]!);
    const app = show(CHECKLISTS[0]!);
    if (dd === null || app === null) return;
    const titles = (text: string) => parseTemplate(text).items.filter((i) => SECTIONS.includes(i.group ?? '')).map((i) => i.group);
    expect(titles(app)).toEqual(titles(dd));
  });

  it('the General Technical Review: bulleted questions under Day 0/1/2 headings', () => {
    const text = show('toc_subprojects/project-reviews-subproject/general-technical-questions.md');
    if (text === null) return;
    const parsed = parseTemplate(text);
    expect(parsed.shape).toBe('questions');
    expect(parsed.version).toMatch(/^v\d/);
    expect(parsed.groups.map((g) => g.title).every((t) => /^Day [012]/.test(t))).toBe(true);
    expect(parsed.items.length).toBeGreaterThan(50);
    expect(parsed.items.every((i) => i.subsection !== null)).toBe(true);
  });

  it('the Governance Review: bold statements with their level lines', () => {
    const text = show('toc_subprojects/project-reviews-subproject/governance-review-template.md');
    if (text === null) return;
    const parsed = parseTemplate(text);
    expect(parsed.shape).toBe('statements');
    const levelLines = text.split('\n').filter((l) => /^\*\*Incubating:\*\*/.test(l)).length;
    expect(parsed.items.length).toBe(levelLines);
    expect(parsed.items.every((i) => Object.keys(i.levels).length === 2)).toBe(true);
  });

  it.each([
    ['incubation', CHECKLISTS[0]!, CHECKLISTS[2]!],
    ['graduation', CHECKLISTS[1]!, CHECKLISTS[3]!],
  ])('importing the %s application and its DD gives the same items: six groups, the same Required/Suggested split', (_level, appPath, ddPath) => {
    const app = show(appPath);
    const dd = show(ddPath);
    if (app === null || dd === null) return;
    const fromApp = importTemplate(parseTemplate(app), { path: appPath }).set;
    const fromDd = importTemplate(parseTemplate(dd), { path: ddPath }).set;
    expect(fromApp.items.length).toBe(fromDd.items.length);
    // Every criterion the DD lists (the task lines in its six sections) is imported, nothing else.
    expect(fromDd.items.length).toBe(parseTemplate(dd).items.filter((i) => SECTIONS.includes(i.group ?? '')).length);
    for (const set of [fromApp, fromDd]) expect([...new Set(set.items.map((i) => i.group))]).toEqual(SECTIONS);
    const split = (set: typeof fromApp) => SECTIONS.map((g) => set.items.filter((i) => i.group === g && i.required).length);
    expect(split(fromApp)).toEqual(split(fromDd));
    expect(fromApp.version).toMatch(/^v\d/);
    expect(new Set(fromDd.items.map((i) => i.id)).size).toBe(fromDd.items.length);
  });
});
