// `toc-review criteria list|show`: the shipped criteria sets and any user file.
import type { CriteriaSet } from '../core/criteria/criteria.js';
import { UsageError } from '../core/errors.js';
import { sanitizeText, toTerminalJson } from '../core/sanitize.js';
import { loadAllBuiltinCriteria, loadCriteria } from '../store/criteria-files.js';
import { parseCommandArgs, type CommandContext } from './context.js';

export const help = `Usage: toc-review criteria list [--json]
       toc-review criteria show <id | file.yaml> [--json]

List the shipped criteria sets, or show one set (by id, or any YAML file of yours) with its
scale and items. Criteria files are validated; errors name the file, line and field.

Options:
  --json      print JSON instead of text
  -h, --help  show this help`;

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

/** The set as loaded, each item with `group` (null when none) and `required` always present. */
function forJson(set: CriteriaSet) {
  return { ...set, items: set.items.map((item) => ({ ...item, group: item.group ?? null, required: item.required })) };
}

export async function run(args: string[], context: CommandContext): Promise<number> {
  const { values, positionals } = parseCommandArgs('criteria', args, { json: { type: 'boolean' } });
  const [action, ref, ...extra] = positionals;
  if (extra.length > 0) throw new UsageError(`criteria: unexpected argument "${extra[0]}"`);
  if (action === 'list' || action === undefined) {
    if (ref !== undefined) throw new UsageError(`criteria list: unexpected argument "${ref}"`);
    const sets = await loadAllBuiltinCriteria();
    if (values.json) {
      const list = sets.map((s) => ({ id: s.id, title: s.title, version: s.version, items: s.items.map((i) => i.id), path: s.source.path }));
      context.stdout.write(`${toTerminalJson(list)}\n`);
    } else {
      for (const set of sets) {
        context.stdout.write(sanitizeText(`${set.id}  ${set.title}\n  items: ${set.items.map((i) => i.id).join(', ')}\n`));
      }
    }
    return 0;
  }
  if (action === 'show') {
    if (ref === undefined) throw new UsageError('criteria show: give a criteria set id or file (see: toc-review criteria list)');
    const set = await loadCriteria(ref);
    context.stdout.write(values.json ? `${toTerminalJson(forJson(set))}\n` : `${describeSet(set)}\n`);
    return 0;
  }
  throw new UsageError(`criteria: unknown action "${action}" (use list or show)`);
}
