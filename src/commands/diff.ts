// `toc-review diff <old> <new>`: what changed between two versions of a project's document
// (adopters, maintainers, figures, suggestions, last year's plans), or between two score files
// (one reviewer over time, or two reviewers of one document). Which of the two comes from the
// arguments: score files by their .json name or their content, anything else is a document.
import type { CriteriaSet } from '../core/criteria/criteria.js';
import { UsageError } from '../core/errors.js';
import { sanitizeLine, toTerminalJson } from '../core/sanitize.js';
import type { ScoreFile } from '../core/scores/score-file.js';
import { isHttpUrl } from '../core/sources/url-source.js';
import type { DocumentOrigin } from '../core/sources/document-origin.js';
import type { DocumentFile } from '../store/document-file.js';
import { STDIN_ARG } from '../store/sources/stdin-document.js';
import { parseCommandArgs, type CommandContext } from './context.js';
import { readDocumentArg } from './document-input.js';
import { chooseCriteria } from './extract.js';
import { issueRefOf } from './issue-argument.js';

export const help = `Usage: toc-review diff <old> <new> [--criteria ID|FILE] [--json | --format text|md|json]

What changed between two versions of a project's document, last year's annual review and this
year's say: adopters added and removed (one organisation however it is spelled: "Acme Corp" and
"ACME Corporation, Inc." are renamed, not removed and added), maintainers joined and left (matched
by GitHub handle and name; one who changed company is "changed"), each organisation's share of
the maintainers, activity figures paired by kind and period (figures over different periods are
said to be not comparable, never subtracted), each criterion's suggested score before and after,
and the plans the old document stated with whether the new one reports on them. Every entry
cites its lines in the old and the new document.

Documents are whatever extract reads: a markdown or AsciiDoc file, - for standard input (one of
the two), an http(s) address, or a GitHub issue or pull request (OWNER/REPO#N or its address,
kept in the workspace as extract keeps it).

Given two score files (*.json, or files whose content is one), diff compares them item by item:
for one reviewer's earlier and later files, what changed in scores, notes and citations; for two
reviewers of the same document, where they differ (flagged as panel flags disagreements). A score
file and a document cannot be compared (exit 2).

Options:
  --criteria ID|FILE  documents: criteria set for the suggestions (default: the "criteria"
                      setting, else cncf-incubation); score files: the set to read them
                      with (default: the one the old file names)
  --format FORMAT     text (default), md (markdown to paste into a review; cited lines link
                      to a document's page pinned to a commit: a GitHub blob read at its
                      commit, a file committed unchanged) or json
  --json              the same as --format json (schema toc-review/diff@1, see docs/compare.md)
  --timeout SEC       seconds to wait for a document given as a URL or issue (default 20)
  -h, --help          show this help

Exit status: 0 on success, 1 when an input cannot be read or is invalid, 2 on a usage error.
See docs/compare.md.`;

const FORMATS = ['text', 'md', 'json'] as const;
type Format = (typeof FORMATS)[number];

type Input = { kind: 'document'; shown: string; file: DocumentFile; origin: DocumentOrigin | undefined } | { kind: 'score'; shown: string; file: ScoreFile };

/** A score file's text: a JSON object naming the score schema near its start. */
function looksLikeScoreFile(text: string): boolean {
  return /^\s*\{/.test(text) && /"schema"\s*:\s*"toc-review\/score@/.test(text.slice(0, 4096));
}

async function readInput(arg: string, context: CommandContext, timeout: string | undefined): Promise<Input> {
  if (arg !== STDIN_ARG && !isHttpUrl(arg) && /\.json$/i.test(arg)) {
    const { loadScoreFile } = await import('../store/score-store.js');
    return { kind: 'score', shown: arg, file: (await loadScoreFile(arg, undefined, { cwd: context.cwd })).file };
  }
  const { file, origin } = await readDocumentArg(arg, await issueRefOf(arg, context), { timeout }, context, 'diff');
  if (!looksLikeScoreFile(file.text)) return { kind: 'document', shown: arg, file, origin };
  const { parseScoreFile } = await import('../core/scores/score-file.js');
  return { kind: 'score', shown: arg, file: parseScoreFile(file.text, arg) };
}

function chooseFormat(values: { json?: boolean | undefined; format?: string | undefined }): Format {
  if (values.format !== undefined && !(FORMATS as readonly string[]).includes(values.format)) {
    throw new UsageError(`diff: --format wants text, md or json, not "${sanitizeLine(values.format)}"`);
  }
  if (values.json && values.format !== undefined && values.format !== 'json') throw new UsageError(`diff: --json and --format ${values.format} ask for two different outputs; give one`);
  return values.json ? 'json' : ((values.format as Format | undefined) ?? 'text');
}

/**
 * Where a document compared lives on the web, for `--format md` line links: a GitHub blob read at
 * its commit, else (a file) its kept copy's or git's pinned origin; null for anything else.
 */
async function webOriginOf(input: Input & { kind: 'document' }, context: CommandContext): Promise<string | null> {
  if (input.origin) return input.origin.kind === 'url' && input.origin.commit ? input.origin.blobUrl : null;
  if (input.shown === STDIN_ARG || isHttpUrl(input.shown)) return null;
  const [{ documentWebOrigin }, { resolve }] = await Promise.all([import('../store/document-web-origin.js'), import('node:path')]);
  return (await documentWebOrigin(resolve(context.cwd, input.shown))).url;
}

async function diffDocumentInputs(a: DocumentFile, b: DocumentFile, shown: [string, string], set: CriteriaSet, format: Format, origins: () => Promise<{ old: string | null; new: string | null }>): Promise<string> {
  const { diffDocuments, diffSideOf } = await import('../core/compare/document-diff.js');
  const diff = diffDocuments(diffSideOf(a.text, set, { path: shown[0], sha256: a.sha256 }), diffSideOf(b.text, set, { path: shown[1], sha256: b.sha256 }), set);
  if (format === 'json') return `${toTerminalJson(diff)}\n`;
  if (format === 'md') return (await import('../core/compare/diff-markdown.js')).diffMarkdown(diff, { origins: await origins() });
  return (await import('../core/compare/diff-text.js')).diffText(diff);
}

async function diffScoreInputs(a: Input & { kind: 'score' }, b: Input & { kind: 'score' }, criteria: string | undefined, format: Format): Promise<string> {
  const [{ loadCriteriaFor }, { checkAgainstCriteria }, { diffScoreFiles }] = await Promise.all([
    import('../store/criteria-files.js'),
    import('../core/scores/score-file.js'),
    import('../core/compare/score-diff.js'),
  ]);
  if (criteria === undefined && a.file.criteria.id !== b.file.criteria.id) {
    throw new UsageError(`diff: ${sanitizeLine(a.shown)} is scored against "${a.file.criteria.id}" and ${sanitizeLine(b.shown)} against "${b.file.criteria.id}"; give --criteria to read both with one set`);
  }
  const set = await loadCriteriaFor(criteria, a.file, a.shown);
  checkAgainstCriteria(a.file, set, a.shown);
  checkAgainstCriteria(b.file, set, b.shown);
  const diff = diffScoreFiles({ file: a.file, path: a.shown }, { file: b.file, path: b.shown }, set);
  if (format === 'json') return `${toTerminalJson(diff)}\n`;
  if (format === 'md') return (await import('../core/compare/diff-markdown.js')).scoreDiffMarkdown(diff);
  return (await import('../core/compare/diff-text.js')).scoreDiffText(diff);
}

export async function run(args: string[], context: CommandContext): Promise<number> {
  const { values, positionals } = parseCommandArgs('diff', args, {
    criteria: { type: 'string' },
    json: { type: 'boolean' },
    format: { type: 'string' },
    timeout: { type: 'string' },
  });
  if (positionals.length !== 2) {
    throw new UsageError(`diff: give two documents or two score files, the old one first (got ${positionals.length}; see: toc-review diff --help)`);
  }
  const [oldArg, newArg] = positionals as [string, string];
  if (oldArg === STDIN_ARG && newArg === STDIN_ARG) throw new UsageError('diff: only one of the two can be read from standard input (-)');
  const format = chooseFormat(values);
  const a = await readInput(oldArg, context, values.timeout);
  const b = await readInput(newArg, context, values.timeout);
  if (a.kind !== b.kind) {
    const [score, doc] = a.kind === 'score' ? [a, b] : [b, a];
    throw new UsageError(`diff: ${sanitizeLine(score.shown)} is a score file and ${sanitizeLine(doc.shown)} a document; give two documents or two score files`);
  }
  if (a.kind === 'score' && b.kind === 'score') {
    context.stdout.write(await diffScoreInputs(a, b, values.criteria, format));
    return 0;
  }
  const set = await chooseCriteria(values.criteria, context);
  const [docA, docB] = [a, b] as Array<Input & { kind: 'document' }>;
  const origins = async () => ({ old: await webOriginOf(docA!, context), new: await webOriginOf(docB!, context) });
  context.stdout.write(await diffDocumentInputs(docA!.file, docB!.file, [oldArg, newArg], set, format, origins));
  return 0;
}
