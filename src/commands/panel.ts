// `toc-review panel <files...>`: several reviewers' score files side by side, one row per
// criterion, with mean/median/range and a flag where reviewers disagree. Files of different
// documents (or document versions) or criteria sets are shown as separate panels, never averaged.
import type { CriteriaSet } from '../core/criteria/criteria.js';
import { UsageError, UserError } from '../core/errors.js';
import { computePanel, DISAGREEMENT_SPREAD, groupScoreFiles, repeatedReviewer, type PanelRow } from '../core/summary/panel.js';
import { sanitizeLine, toTerminalJson, quoted } from '../core/sanitize.js';
import { checkAgainstCriteria, type ScoreFile } from '../core/scores/score-file.js';
import { loadCriteria, loadCriteriaFor } from '../store/criteria-files.js';
import { expandScoreFileArgs, invalidFilesSummary } from '../store/score-file-args.js';
import { listScoreFiles, loadScoreFiles } from '../store/score-store.js';
import { openSettings } from '../store/settings.js';
import { resolveWorkspace } from '../store/workspace.js';
import { parseCommandArgs, type CommandContext } from './context.js';

export const help = `Usage: toc-review panel <file.score.json | folder | document.md>... [options]

Combine several reviewers' score files for one document: a row per criterion, a column per
reviewer, then the mean, median and range. A "!" flags criteria where reviewers disagree: a
spread of two points or more, or some scoring it met and others not met. A folder adds every
*.score.json in it; a markdown document adds every reviewer's file for it in the workspace.
Files for different documents (or versions of one) or criteria sets are shown as separate
panels, never averaged together. Any invalid file stops the panel (exit 1).

Options:
  --workspace DIR     workspace for document arguments (default: settings, else ./reviews)
  --criteria ID|FILE  criteria set to use (default: the one the files name)
  --json              print JSON: { schema, groups: [{ document, criteria, reviewers, rows }] }
  -h, --help          show this help`;

export const PANEL_SCHEMA = 'toc-review/panel@1' as const;

interface Entry {
  path: string;
  file: ScoreFile;
}

interface Group {
  document: { path: string; sha256: string; title: string };
  criteria: { id: string; sha256: string; title: string; changedSinceScored: boolean };
  reviewers: { name: string; handle: string; path: string; verdict: string | null; updatedAt: string }[];
  rows: PanelRow[];
  disagreements: number;
}

/** Files, folders and documents (each document becomes every reviewer's file for it). */
async function expandArguments(positionals: string[], context: CommandContext, workspaceFlag: string | undefined): Promise<string[]> {
  return expandScoreFileArgs(positionals, context.cwd, async (arg, full) => {
    if (!/\.(md|markdown|mdown|mkd)$/i.test(arg)) return null;
    const setting = workspaceFlag === undefined ? openSettings(context.env).get('workspace') : undefined;
    const workspace = resolveWorkspace({ flag: workspaceFlag, setting, cwd: context.cwd });
    const listed = await listScoreFiles(workspace, full);
    if (listed.length === 0) throw new UserError(`${sanitizeLine(arg)}: no score files for this document yet`);
    return listed.map((entry) => entry.path);
  });
}

function format(value: number | 'na' | null): string {
  if (value === null) return '-';
  if (value === 'na') return 'N/A';
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

function renderGroup(group: Group, criteria: CriteriaSet, index: number, count: number): string {
  const handles = group.reviewers.map((r) => (r.handle.length > 12 ? `${r.handle.slice(0, 11)}…` : r.handle));
  const header = ['criterion', ...handles, 'mean', 'median', 'range', ''];
  const body = group.rows.map((row) => [
    row.id,
    ...row.scores.map((s) => format(s.score)),
    format(row.mean),
    format(row.median),
    row.min === null ? '-' : row.min === row.max ? format(row.min) : `${row.min}-${row.max}`,
    row.disagreement ? `! ${row.reasons.join('; ')}` : '',
  ]);
  const table = [header, ...body];
  const widths = header.map((_, column) => Math.max(...table.map((cells) => cells[column]!.length)));
  const lines = table.map((cells) =>
    cells
      .map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column]!)))
      .join('  ')
      .trimEnd(),
  );
  const title = count > 1 ? `Panel ${index + 1} of ${count}: ` : 'Panel: ';
  const out = [
    `${title}${group.document.title || group.document.path} (${group.document.path}, sha256 ${group.document.sha256.slice(0, 12)})`,
    `criteria: ${group.criteria.id}${group.criteria.changedSinceScored ? ' (the criteria file has changed since these were scored)' : ''}; scale: ${criteria.scale.map((s) => `${s.value} ${s.label}`).join(', ')}`,
    '',
    ...lines,
    '',
    `recommendations: ${group.reviewers.map((r) => `${r.handle} ${r.verdict ?? 'none'}`).join(', ')}`,
    group.disagreements === 0
      ? 'no disagreements'
      : `${group.disagreements} of ${group.rows.length} criteria flagged (!): reviewers disagree (spread of ${DISAGREEMENT_SPREAD}+ points, or met vs not met)`,
  ];
  return out.map(sanitizeLine).join('\n');
}

export async function run(args: string[], context: CommandContext): Promise<number> {
  const { values, positionals } = parseCommandArgs('panel', args, {
    workspace: { type: 'string' },
    criteria: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (positionals.length === 0) throw new UsageError('panel: give score files, a folder, or a document (see: toc-review panel --help)');
  const paths = await expandArguments(positionals, context, values.workspace);

  const loaded = await loadScoreFiles(paths, undefined, { cwd: context.cwd });
  const failures = loaded.flatMap((entry) => (entry.ok ? [] : [entry.error]));
  if (failures.length) {
    // One line per bad file, as validate gives; a summary line only when there are several.
    const summary = invalidFilesSummary('panel', failures.length, loaded.length);
    if (summary === null) throw new UserError(failures[0]!);
    for (const error of failures) context.stderr.write(`toc-review: ${sanitizeLine(error)}\n`);
    throw new UserError(summary);
  }
  const entries: Entry[] = loaded.flatMap((entry) => (entry.ok ? [{ path: entry.path, file: entry.file }] : []));
  const override = values.criteria === undefined ? undefined : await loadCriteria(values.criteria);

  const groups: Group[] = [];
  const sets: CriteriaSet[] = [];
  for (const group of groupScoreFiles(entries)) {
    const repeated = repeatedReviewer(group.entries);
    if (repeated) {
      const [other, entry] = repeated;
      throw new UserError(`panel: ${sanitizeLine(entry.path)} and ${sanitizeLine(other.path)} are both by reviewer ${quoted(entry.file.reviewer.handle)} for the same document; give one`);
    }
    const criteria = override ?? (await loadCriteriaFor(undefined, group.entries[0]!.file, group.entries[0]!.path));
    for (const entry of group.entries) checkAgainstCriteria(entry.file, criteria, entry.path);
    const rows = computePanel(
      group.entries.map((e) => e.file),
      criteria,
    );
    sets.push(criteria);
    groups.push({
      document: group.document,
      criteria: { id: criteria.id, sha256: group.criteria.sha256, title: criteria.title, changedSinceScored: group.criteria.sha256 !== criteria.source.sha256 },
      reviewers: group.entries.map((e) => ({
        name: e.file.reviewer.name,
        handle: e.file.reviewer.handle,
        path: e.path,
        verdict: e.file.recommendation.verdict,
        updatedAt: e.file.updatedAt,
      })),
      rows,
      disagreements: rows.filter((row) => row.disagreement).length,
    });
  }

  if (groups.length > 1) {
    context.stderr.write(
      `toc-review: panel: these files are for ${groups.length} different documents, document versions or criteria sets; each is shown as its own panel\n`,
    );
  }
  if (values.json) {
    context.stdout.write(`${toTerminalJson({ schema: PANEL_SCHEMA, groups })}\n`);
  } else {
    context.stdout.write(`${groups.map((group, i) => renderGroup(group, sets[i]!, i, groups.length)).join('\n\n')}\n`);
  }
  return 0;
}
