// `toc-review criteria import <template.md>`: a TOC markdown template -> a criteria set file.
// Re-importing a newer template against the previous set (--previous, or the -o file itself)
// keeps the ids of unchanged and reworded items and reports what was added, removed, reworded.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CriteriaSet } from '../core/criteria/criteria.js';
import { UsageError } from '../core/errors.js';
import { sanitizeLine, toTerminalJson } from '../core/sanitize.js';
import type { ImportChanges } from '../core/templates/template-import.js';
import { writeFileAtomic } from '../store/atomic-write.js';
import { loadCriteriaFile } from '../store/criteria-files.js';
import { importTemplateFile } from '../store/template-files.js';
import type { CommandContext } from './context.js';

export interface ImportFlags {
  output?: string;
  previous?: string;
  level?: string;
  id?: string;
  json?: boolean;
}

function changeLines(changes: ImportChanges): string[] {
  return [
    ...changes.added.map((c) => `  added     ${c.id}: ${c.title}`),
    ...changes.removed.map((c) => `  removed   ${c.id}: ${c.title}`),
    ...changes.reworded.map((c) => `  reworded  ${c.id}: "${c.from}" -> "${c.to}"`),
  ];
}

export async function runImport(template: string, flags: ImportFlags, context: CommandContext): Promise<number> {
  if (flags.id !== undefined && !/^[a-z0-9][a-z0-9-]*$/.test(flags.id)) throw new UsageError('criteria import: --id must be lower-case letters, digits and dashes');
  const output = flags.output === undefined || flags.output === '-' ? null : resolve(context.cwd, flags.output);
  // The previous set: --previous, else the file about to be replaced (so its ids survive).
  const previousPath = flags.previous !== undefined ? resolve(context.cwd, flags.previous) : output !== null && existsSync(output) ? output : null;
  let previous: CriteriaSet | undefined;
  if (previousPath !== null) {
    // A broken previous file is an error naming it; nothing is written.
    previous = await loadCriteriaFile(previousPath);
  }
  const imported = await importTemplateFile(resolve(context.cwd, template), { level: flags.level, id: flags.id ?? previous?.id, shownPath: template }, previous);
  const { result } = imported;
  // Check the file we are about to write is a valid criteria set, with the same parser that reads it.
  const { parseCriteriaSet } = await import('../core/criteria/criteria.js');
  const set = parseCriteriaSet(imported.yaml, output ?? 'stdout');
  if (output !== null) await writeFileAtomic(output, imported.yaml);
  if (flags.json) context.stdout.write(`${toTerminalJson({ set: { ...set, source: undefined }, skipped: result.skipped, changes: result.changes })}\n`);
  else if (output === null) context.stdout.write(imported.yaml);
  const groups = new Set(set.items.map((i) => i.group).filter(Boolean)).size;
  const required = set.items.filter((i) => i.required).length;
  const summary = `${sanitizeLine(template)}: ${set.items.length} items in ${groups} groups (${required} required, ${set.items.length - required} suggested)${result.skipped > 0 ? `, ${result.skipped} form fields skipped` : ''}${set.version !== 1 ? `, version ${set.version}` : ''}${output !== null ? `; wrote ${sanitizeLine(flags.output!)}` : ''}`;
  context.stderr.write(`toc-review: ${summary}\n`);
  if (result.changes) {
    const head = `toc-review: against ${sanitizeLine(flags.previous ?? flags.output ?? '')}: ${result.changes.added.length} added, ${result.changes.removed.length} removed, ${result.changes.reworded.length} reworded`;
    context.stderr.write(`${[head, ...changeLines(result.changes).map(sanitizeLine)].join('\n')}\n`);
  }
  return 0;
}
