// `toc-review criteria list|show`: the shipped criteria sets and any user file.
import type { CriteriaSet } from '../core/criteria/criteria.js';
import { UsageError } from '../core/errors.js';
import { sanitizeText, toTerminalJson } from '../core/sanitize.js';
import { loadAllBuiltinCriteria, loadCriteria } from '../store/criteria-files.js';
import { parseCommandArgs, type CommandContext } from './context.js';

export const help = `Usage: toc-review criteria list [--json]
       toc-review criteria show <id | file.yaml | template.md> [--json]
       toc-review criteria import <template.md> [-o set.yaml] [--previous old.yaml] [options]

List the shipped criteria sets, or show one set (by id, or any YAML file of yours) with its
scale and items. Criteria files are validated; errors name the file, line and field.

import turns a TOC markdown template into a criteria set: "##" sections become groups,
"- [ ] **Title.**" items become items ("### Required" / "### Suggested" set required), their
description lines the guidance, the version line the set's version; bulleted questions
(technical review) and bold statements with a level line (governance review) work too. Ids
come from the titles; importing a newer template with --previous (or into an existing -o
file) keeps the ids of unchanged and reworded items and prints what was added, removed and
reworded. A template.md given wherever a set is expected is imported on the fly.

Options:
  --json              print JSON instead of text (import: the set, skipped count, changes)
  -o, --output FILE   import: write the set here (default: print the YAML)
  --previous FILE     import: the set imported from the older template, whose ids to keep
  --level NAME        import: for templates with per-level marks (governance review), use
                      this level's Required/Suggested (e.g. graduated); N/A items are left out
  --id ID             import: the set's id (default: from the template's title)
  -h, --help          show this help`;

function describeSet(set: CriteriaSet): string {
  const lines = [
    `${set.id}  ${set.title} (version ${set.version})`,
    set.description ? `  ${set.description}` : '',
    `  scale: ${set.scale.map((s) => `${s.value} ${s.label}${s.meets ? ' (meets)' : ''}`).join(', ')}, or N/A with a reason`,
    '  items:',
    ...set.items.flatMap((item, index) => [
      // A group heading where the group changes, so a 50-item template set reads as its sections.
      item.group !== undefined && item.group !== set.items[index - 1]?.group ? `  [${item.group}]` : '',
      `    ${item.id}${item.required ? '' : ' (suggested)'}: ${item.title}`,
      `      question: ${item.question}`,
      item.guidance ? `      guidance: ${item.guidance}` : '',
    ]),
    `  file: ${set.source.path}`,
  ];
  return sanitizeText(lines.filter(Boolean).join('\n'));
}

/** A short set's item ids; a template-sized one's counts (its ids are for `criteria show`). */
function itemsLine(set: CriteriaSet): string {
  if (set.items.length <= LISTED_IDS) return `items: ${set.items.map((i) => i.id).join(', ')}`;
  const required = set.items.filter((i) => i.required).length;
  const groups = new Set(set.items.map((i) => i.group).filter((g) => g !== undefined)).size;
  const grouped = groups > 0 ? ` in ${groups} groups` : '';
  return `${set.items.length} items${grouped} (${required} Required, ${set.items.length - required} Suggested); criteria show ${set.id} lists them`;
}

const LISTED_IDS = 8;

/** The set as loaded, each item with `group` (null when none) and `required` always present. */
function forJson(set: CriteriaSet) {
  return { ...set, items: set.items.map((item) => ({ ...item, group: item.group ?? null, required: item.required })) };
}

export async function run(args: string[], context: CommandContext): Promise<number> {
  const { values, positionals } = parseCommandArgs('criteria', args, {
    json: { type: 'boolean' },
    output: { type: 'string', short: 'o' },
    previous: { type: 'string' },
    level: { type: 'string' },
    id: { type: 'string' },
  });
  const [action, ref, ...extra] = positionals;
  if (extra.length > 0) throw new UsageError(`criteria: unexpected argument "${extra[0]}"`);
  if (action === 'import') {
    if (ref === undefined) throw new UsageError('criteria import: give a template file (markdown), e.g. criteria import template-dd-pr-incubation.md -o dd.yaml');
    const { runImport } = await import('./criteria-import.js');
    return runImport(ref, values, context);
  }
  for (const flag of ['output', 'previous', 'level', 'id'] as const) {
    if (values[flag] !== undefined) throw new UsageError(`criteria ${action ?? 'list'}: --${flag} is an option of criteria import`);
  }
  if (action === 'list' || action === undefined) {
    if (ref !== undefined) throw new UsageError(`criteria list: unexpected argument "${ref}"`);
    const sets = await loadAllBuiltinCriteria();
    if (values.json) {
      const list = sets.map((s) => ({ id: s.id, title: s.title, version: s.version, items: s.items.map((i) => i.id), path: s.source.path }));
      context.stdout.write(`${toTerminalJson(list)}\n`);
    } else {
      for (const set of sets) context.stdout.write(sanitizeText(`${set.id}  ${set.title}\n  ${itemsLine(set)}\n`));
    }
    return 0;
  }
  if (action === 'show') {
    if (ref === undefined) throw new UsageError('criteria show: give a criteria set id or file (see: toc-review criteria list)');
    const set = await loadCriteria(ref);
    context.stdout.write(values.json ? `${toTerminalJson(forJson(set))}\n` : `${describeSet(set)}\n`);
    return 0;
  }
  throw new UsageError(`criteria: unknown action "${action}" (use list, show or import)`);
}
