// `toc-review export`: a scored summary (one score file) or a panel summary (several reviewers'
// files of one document) as paste-ready markdown or JSON. Loads no React, Ink or marked-terminal.
import { resolve } from 'node:path';
import { loadCriteria } from '../store/criteria-files.js';
import { UsageError, UserError } from '../core/errors.js';
import { sanitizeLine, toTerminalJson, quoted } from '../core/sanitize.js';
import { checkAgainstCriteria, type ScoreFile } from '../core/score-file.js';
import { buildSummary, exportDate } from '../core/summary.js';
import { summaryToMarkdown } from '../core/summary-markdown.js';
import { buildPanelSummary } from '../core/panel-summary.js';
import { panelSummaryToMarkdown } from '../core/panel-markdown.js';
import { writeExportFile } from '../store/export-file.js';
import { extractDocumentFor, findScoreFilesForExport, type ExportSource } from '../store/export-sources.js';
import { openSettings, resolveReviewer } from '../store/settings.js';
import { resolveWorkspace } from '../store/workspace.js';
import { parseCommandArgs, type CommandContext } from './context.js';

export { exportDate };

export const help = `Usage: toc-review export <score-file | document> [more score files] [options]

Export a scored summary as GitHub-flavoured markdown (paste it into a TOC issue, a
due-diligence pull request or an email unchanged) or as JSON.

  export reviews/scores/karmada/ada.score.json     one reviewer's summary
  export reviews/karmada.md                        your own score file for that document
  export reviews/karmada.md --panel                every reviewer's file for it, as a panel
  export a.score.json b.score.json c.score.json    a panel of those reviewers
  export reviews/scores/karmada/                   a panel of every score file in a folder

Options:
  --format md|json     output format (default md)
  -o, --output FILE    write to FILE (atomically) instead of stdout; - is stdout. Never a
                       symlink, device, FIFO or folder, nor one of the export's inputs
  --force              replace FILE if it exists
  --panel              with a document: combine all reviewers' score files for it
  --origin URL         the document's source URL, overriding the score file's; GitHub and
                       GitLab blob URLs get links to the exact cited lines
  --date YYYY-MM-DD    export date shown (default: env TOC_REVIEW_NOW, else today, UTC)
  --document PATH      the reviewed document, when it is not where the score file says
  --workspace DIR      workspace for 'export <document>' (default: settings, else ./reviews)
  --reviewer NAME      whose score file 'export <document>' uses (default: env
                       TOC_REVIEW_REVIEWER, else settings); --handle HANDLE to give the handle
  --criteria ID|FILE   criteria set (default: the one named in the score file)

The gaps list comes from re-reading the document; if it is missing or has changed since
scoring, the export says so. See docs/export.md.`;

const OPTIONS = {
  format: { type: 'string' },
  output: { type: 'string', short: 'o' },
  force: { type: 'boolean' },
  panel: { type: 'boolean' },
  origin: { type: 'string' },
  date: { type: 'string' },
  document: { type: 'string' },
  workspace: { type: 'string' },
  reviewer: { type: 'string' },
  handle: { type: 'string' },
  criteria: { type: 'string' },
} as const;

function checkOrigin(origin: string | undefined): string | undefined {
  if (origin === undefined) return undefined;
  if (!/^https?:\/\/\S+$/.test(origin)) throw new UsageError(`export: --origin must be an http(s) URL (got ${quoted(origin)})`);
  return origin;
}

/** Panel files must describe the same document and criteria set, each reviewer once. */
function checkPanel(sources: ExportSource[]): void {
  const [first, ...rest] = sources;
  if (!first) return;
  const seen = new Map<string, string>([[first.file.reviewer.handle, first.path]]);
  for (const source of rest) {
    const { file } = source;
    if (file.document.path !== first.file.document.path) {
      throw new UserError(
        `export: ${sanitizeLine(source.path)} is for document ${quoted(file.document.path)} but ${sanitizeLine(first.path)} is for ${quoted(first.file.document.path)}; a panel combines files of one document`,
      );
    }
    if (file.criteria.id !== first.file.criteria.id) {
      throw new UserError(
        `export: ${sanitizeLine(source.path)} uses criteria ${quoted(file.criteria.id)} but ${sanitizeLine(first.path)} uses ${quoted(first.file.criteria.id)}; a panel needs one criteria set`,
      );
    }
    const other = seen.get(file.reviewer.handle);
    if (other !== undefined) {
      throw new UserError(`export: ${sanitizeLine(source.path)} and ${sanitizeLine(other)} are both by reviewer ${quoted(file.reviewer.handle)}`);
    }
    seen.set(file.reviewer.handle, source.path);
  }
}

export async function run(args: string[], context: CommandContext): Promise<number> {
  const { values, positionals } = parseCommandArgs('export', args, OPTIONS);
  const format = values.format ?? 'md';
  if (format !== 'md' && format !== 'json') throw new UsageError(`export: --format must be md or json (got ${quoted(format)})`);
  if (positionals.length === 0) throw new UsageError('export: give a score file or a document (see: toc-review export --help)');
  const date = exportDate(values.date, context.env);
  const origin = checkOrigin(values.origin);

  const sources = await findScoreFilesForExport(positionals, {
    cwd: context.cwd,
    panel: values.panel === true,
    workspace: () => resolveWorkspace({ flag: values.workspace, setting: values.workspace === undefined ? openSettings(context.env).get('workspace') : undefined, cwd: context.cwd }),
    reviewer: () => {
      const reviewer = resolveReviewer({
        name: values.reviewer,
        handle: values.handle,
        env: context.env,
        settings: () => openSettings(context.env).all(),
      });
      if (!reviewer) throw new UserError('export: no reviewer known; give --reviewer NAME, set TOC_REVIEW_REVIEWER, or give the score file itself');
      return reviewer;
    },
  });
  const panel = sources.length > 1 || values.panel === true;
  if (panel) checkPanel(sources);

  const files: ScoreFile[] = sources.map((source) => source.file);
  const first = sources[0]!;
  const criteria = await loadCriteria(values.criteria ?? first.file.criteria.id);
  // Same set id, known item ids, scores on the scale: a clear error naming the file otherwise.
  for (const source of sources) checkAgainstCriteria(source.file, criteria, source.path);
  const documentPath = values.document !== undefined ? resolve(context.cwd, values.document) : first.documentPath;
  const { extract, problem } = await extractDocumentFor(documentPath, criteria, first.file.document.path);

  let text: string;
  if (panel) {
    const summary = buildPanelSummary(files, criteria, extract, { date, origin, documentProblem: problem });
    text = format === 'json' ? `${toTerminalJson(summary)}\n` : panelSummaryToMarkdown(summary);
  } else {
    const summary = buildSummary(first.file, criteria, extract, { date, origin, documentProblem: problem });
    text = format === 'json' ? `${toTerminalJson(summary)}\n` : summaryToMarkdown(summary);
  }

  if (values.output === undefined || values.output === '-') {
    context.stdout.write(text);
    return 0;
  }
  const output = resolve(context.cwd, values.output);
  // Never over what the export was made from: the score files, the documents they name and a
  // criteria file given by path.
  const inputs = [...sources.map((source) => source.path), ...sources.flatMap((source) => (source.documentPath ? [source.documentPath] : [])), criteria.source.path];
  if (documentPath !== null) inputs.push(documentPath);
  await writeExportFile(output, text, { overwrite: values.force === true, inputs });
  context.stderr.write(`toc-review: wrote ${sanitizeLine(output)}\n`);
  return 0;
}
