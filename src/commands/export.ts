// `toc-review export`: a scored summary (one score file) or a panel summary (several reviewers'
// files of one document) as paste-ready markdown or JSON. Loads no React, Ink or marked-terminal.
import { resolve } from 'node:path';
import { isShippedCriteriaSet, loadCriteriaFor } from '../store/criteria-files.js';
import { summaryToDd } from '../core/templates/dd-export.js';
import { UsageError, UserError } from '../core/errors.js';
import { sanitizeLine, toTerminalJson, quoted } from '../core/sanitize.js';
import { checkAgainstCriteria, type ScoreFile } from '../core/scores/score-file.js';
import { buildSummary, exportDate } from '../core/summary/summary.js';
import { summaryToMarkdown } from '../core/summary/summary-markdown.js';
import { buildPanelSummary } from '../core/summary/panel-summary.js';
import { panelSummaryToMarkdown } from '../core/summary/panel-markdown.js';
import { writeExportFile } from '../store/export-file.js';
import { extractDocumentFor, findScoreFilesForExport, type DocumentExtraction } from '../store/export-sources.js';
import { groupScoreFiles, repeatedReviewer } from '../core/summary/panel.js';
import { displayPath } from '../store/score-file-args.js';
import { documentWebOrigin } from '../store/document-web-origin.js';
import { openSettings, resolveReviewer } from '../store/settings.js';
import { resolveWorkspace, workspaceOfScoreFile } from '../store/workspace.js';
import { predecessorFinder } from '../store/predecessor-lookup.js';
import { parseCommandArgs, type CommandContext } from './context.js';
import type { CriteriaSet } from '../core/criteria/criteria.js';
import type { DocumentDiff } from '../core/compare/diff-types.js';
import type { DocumentFile } from '../store/document-file.js';
import { keptCopyArgument } from './issue-argument.js';

export { exportDate };

export const help = `Usage: toc-review export <score-file | document> [more score files] [options]

Export a scored summary as GitHub-flavoured markdown (paste it into a TOC issue, a
due-diligence pull request or an email unchanged) or as JSON.

  export reviews/scores/karmada/ada.score.json     one reviewer's summary
  export reviews/karmada.md                        your own score file for that document
  export reviews/karmada.md --panel                every reviewer's file for it, as a panel
  export a.score.json b.score.json c.score.json    a panel of those reviewers
  export reviews/scores/karmada/                   a panel of every score file in a folder
  export cncf/toc#1234                             the workspace's kept copy of that issue (as
                                                   extract or score kept it; never fetched here)
  export https://github.com/o/r/blob/main/x.md     the same for a document fetched from an address
  cat doc.md | export -                            the same for a document scored from standard
                                                   input (\`score -\`), found by its bytes

Options:
  --format md|json|dd  output format (default md); dd: the filled due-diligence document in
                       the TOC template's shape (one score file; see docs/templates.md)
  --project NAME       with dd: the project's name in the title (default: from the document)
  --level LEVEL        with dd: the level applied for (default: from the criteria set)
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
  --since DOC          md or json export, one reviewer's or a panel's: add what changed since
                       an earlier version of the document (last year's annual review, say),
                       as \`toc-review diff DOC <the reviewed document>\` finds it: a "Since the
                       last review" section (md) or a "since" field (json). DOC is read as
                       extract reads it (a file, -, an http(s) address); see docs/compare.md
  --since-predecessor  as --since, with the document's predecessor in its workspace: the one
                       chosen with p in the review UI's workspace list, else the earlier
                       document of the same project (docs/compare.md#in-the-review-ui)

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
  project: { type: 'string' },
  level: { type: 'string' },
  since: { type: 'string' },
  'since-predecessor': { type: 'boolean' },
} as const;

function checkOrigin(origin: string | undefined): string | undefined {
  if (origin === undefined) return undefined;
  if (!/^https?:\/\/\S+$/.test(origin)) throw new UsageError(`export: --origin must be an http(s) URL (got ${quoted(origin)})`);
  return origin;
}

interface SinceDocument {
  arg: string;
  /** The file's absolute path when DOC is a file (an input the output must not replace). */
  path: string | null;
  file: DocumentFile;
}

/** --since DOC, read as extract reads a document. */
async function readSince(arg: string, context: CommandContext): Promise<SinceDocument> {
  const [{ readDocumentArg }, { issueRefOf }] = await Promise.all([import('./document-input.js'), import('./issue-argument.js')]);
  const issue = await issueRefOf(arg, context);
  const { file } = await readDocumentArg(arg, issue, {}, context, 'export');
  const isFile = issue === null && arg !== '-' && !/^https?:\/\//i.test(arg);
  return { arg, path: isFile ? resolve(context.cwd, arg) : null, file };
}

/** What changed between --since's document and the reviewed one, or a one-line refusal. */
async function sinceLastReview(since: SinceDocument, current: DocumentExtraction, criteria: CriteriaSet, shown: string): Promise<DocumentDiff> {
  if (!current.extract || !current.model) {
    throw new UserError(`export: --since compares with the reviewed document, which could not be read: ${current.problem ?? sanitizeLine(shown)}`);
  }
  const { diffDocuments, diffSideOf } = await import('../core/compare/document-diff.js');
  return diffDocuments(diffSideOf(since.file.text, criteria, { path: since.arg, sha256: since.file.sha256 }), { doc: current.model, result: current.extract }, criteria);
}

export const EXPORT_GROUPS_SCHEMA = 'toc-review/export-groups@1' as const;

export async function run(args: string[], context: CommandContext): Promise<number> {
  const { values, positionals } = parseCommandArgs('export', args, OPTIONS);
  const format = values.format ?? 'md';
  if (format !== 'md' && format !== 'json' && format !== 'dd') throw new UsageError(`export: --format must be md, json or dd (got ${quoted(format)})`);
  if (positionals.length === 0) throw new UsageError('export: give a score file or a document (see: toc-review export --help)');
  const date = exportDate(values.date, context.env);
  const origin = checkOrigin(values.origin);

  const workspace = () => resolveWorkspace({ flag: values.workspace, setting: values.workspace === undefined ? openSettings(context.env).get('workspace') : undefined, cwd: context.cwd });
  // An issue (OWNER/REPO#N) is exported from its copy kept in the workspace (never fetched here).
  const documents: string[] = [];
  for (const arg of positionals) documents.push((await keptCopyArgument(arg, workspace, context, { fetch: false, command: 'export' })) ?? arg);
  const sources = await findScoreFilesForExport(documents, {
    cwd: context.cwd,
    panel: values.panel === true,
    workspace,
    reviewer: (documentPath) => {
      const reviewer = resolveReviewer({
        name: values.reviewer,
        handle: values.handle,
        env: context.env,
        settings: () => openSettings(context.env).all(),
      });
      if (!reviewer) {
        throw new UserError(
          `export: ${sanitizeLine(displayPath(context.cwd, documentPath))}: no reviewer known, so no score file to pick for it; give --reviewer NAME, set TOC_REVIEW_REVIEWER, give the score file itself, or add --panel for every reviewer's`,
        );
      }
      return reviewer;
    },
  });
  const panel = sources.length > 1 || values.panel === true;
  if (format === 'dd' && panel) throw new UsageError('export: --format dd writes one reviewer\'s due diligence: give one score file (or a document without --panel)');
  const byPredecessor = values['since-predecessor'] === true;
  if (byPredecessor && values.since !== undefined) throw new UsageError('export: give --since DOC or --since-predecessor, not both');
  if ((values.since !== undefined || byPredecessor) && format === 'dd') {
    throw new UsageError(`export: ${byPredecessor ? '--since-predecessor' : '--since'} adds to an md or json summary (one reviewer's or a panel's), not to --format dd`);
  }
  const given = values.since === undefined ? null : await readSince(values.since, context);
  const findPredecessor = predecessorFinder();
  /** The earlier document a group is compared with: --since's, or its own predecessor. */
  const sinceFor = async (source: { path: string; documentPath: string | null }): Promise<SinceDocument | null> => {
    if (!byPredecessor) return given;
    const workspace = workspaceOfScoreFile(source.path);
    if (workspace === null || source.documentPath === null) {
      throw new UserError(`export: --since-predecessor: ${sanitizeLine(displayPath(context.cwd, source.path))} is not in a workspace's scores/ folder, so its document has no workspace to find a predecessor in; give --since DOC`);
    }
    const found = await findPredecessor(workspace, source.documentPath);
    const shown = sanitizeLine(displayPath(context.cwd, source.documentPath));
    if (!found) {
      throw new UserError(`export: --since-predecessor: ${shown} has no predecessor in its workspace (no earlier document of the same project, or none chosen with p in the workspace list); give --since DOC`);
    }
    const arg = displayPath(context.cwd, found.path);
    context.stderr.write(`toc-review: export: ${shown} compared with ${sanitizeLine(arg)} (${found.how === 'chosen' ? 'chosen in the workspace' : 'the earlier document of the same project'})\n`);
    return readSince(arg, context);
  };
  const documentOverride = values.document !== undefined ? resolve(context.cwd, values.document) : null;

  // The same grouping as `panel`: files of different documents, document versions (sha256) or
  // criteria sets are exported as separate summaries, never averaged together.
  const groups = groupScoreFiles(sources);
  const extractions = new Map<string, Promise<DocumentExtraction>>();
  const inputs: string[] = given?.path ? [given.path] : [];
  const texts: string[] = [];
  const summaries: unknown[] = [];
  for (const group of groups) {
    const repeated = repeatedReviewer(group.entries);
    if (repeated) {
      const [other, entry] = repeated;
      throw new UserError(`export: ${sanitizeLine(entry.path)} and ${sanitizeLine(other.path)} are both by reviewer ${quoted(entry.file.reviewer.handle)}`);
    }
    const first = group.entries[0]!;
    const criteria = await loadCriteriaFor(values.criteria, first.file, first.path);
    // Same set id, known item ids, scores on the scale: a clear error naming the file otherwise.
    for (const source of group.entries) checkAgainstCriteria(source.file, criteria, source.path);
    const documentPath = documentOverride ?? first.documentPath;
    const key = `${documentPath}\0${criteria.source.sha256}`;
    if (!extractions.has(key)) extractions.set(key, extractDocumentFor(documentPath, criteria, first.file.document.path));
    const { extract, problem } = await extractions.get(key)!;
    inputs.push(...group.entries.map((source) => source.path), criteria.source.path);
    if (documentPath !== null) inputs.push(documentPath);

    const files: ScoreFile[] = group.entries.map((source) => source.file);
    let linkOrigin = origin ?? files.find((file) => file.document.origin)?.document.origin ?? undefined;
    if (linkOrigin === undefined && documentPath !== null && extract?.document.sha256 === group.document.sha256) {
      // No origin known, and the document on disk is the version scored: git may know where it is.
      const found = await documentWebOrigin(documentPath);
      const shown = sanitizeLine(first.file.document.path);
      if (found.url) linkOrigin = found.url;
      else if (found.actionable) context.stderr.write(`toc-review: export: ${shown}: cited lines are not linked: ${found.reason}\n`);
      if (found.note) context.stderr.write(`toc-review: export: ${shown}: ${found.note}\n`);
    }
    const options = { date, origin: linkOrigin, documentProblem: problem };
    // Each group's document against the earlier one, with the group's criteria set.
    const since = await sinceFor({ path: first.path, documentPath });
    if (since?.path && since !== given) inputs.push(since.path);
    const sinceDiff = since ? await sinceLastReview(since, await extractions.get(key)!, criteria, first.file.document.path) : undefined;
    if (panel) {
      const summary = buildPanelSummary(files, criteria, extract, options);
      summaries.push(sinceDiff ? { ...summary, since: sinceDiff } : summary);
      texts.push(panelSummaryToMarkdown(summary, sinceDiff ? { since: sinceDiff } : {}));
    } else {
      const summary = buildSummary(first.file, criteria, extract, options);
      summaries.push(sinceDiff ? { ...summary, since: sinceDiff } : summary);
      const dd = { project: values.project, level: values.level, sourceReferences: isShippedCriteriaSet(criteria) };
      texts.push(format === 'dd' ? summaryToDd(summary, criteria, dd) : summaryToMarkdown(summary, sinceDiff ? { since: sinceDiff } : {}));
    }
  }

  let text: string;
  if (groups.length > 1) {
    context.stderr.write(
      `toc-review: export: these files are for ${groups.length} different documents, document versions or criteria sets; each is exported as its own panel\n`,
    );
    text = format === 'json' ? `${toTerminalJson({ schema: EXPORT_GROUPS_SCHEMA, groups: summaries })}\n` : texts.join('\n---\n\n');
  } else {
    text = format === 'json' ? `${toTerminalJson(summaries[0])}\n` : texts[0]!;
  }

  if (values.output === undefined || values.output === '-') {
    context.stdout.write(text);
    return 0;
  }
  const output = resolve(context.cwd, values.output);
  // Never over what the export was made from: the score files, the documents they name and a
  // criteria file given by path.
  await writeExportFile(output, text, { overwrite: values.force === true, inputs });
  context.stderr.write(`toc-review: wrote ${sanitizeLine(output)}\n`);
  return 0;
}
