// `toc-review extract <doc> [--criteria <id|file>] [--json]`: the evidence found in a document,
// as Contract 1 JSON for scripts or as a readable report. Kept lean for startup: no React, Ink
// or markdown renderer on this path.
import type { CriteriaSet } from '../core/criteria/criteria.js';
import type { DocumentModel } from '../core/document/document-types.js';
import { UsageError } from '../core/errors.js';
import type { ExtractResult } from '../core/evidence/extract-types.js';
import { sanitizeLine, toTerminalJson } from '../core/sanitize.js';
import { DEFAULT_CRITERIA_ID, loadCriteria } from '../store/criteria-files.js';
import { readCachedExtract, writeCachedExtract } from '../store/extract-cache.js';
import { isDirectory } from '../store/score-file-args.js';
import { STDIN_ARG } from '../store/sources/stdin-document.js';
import { isHttpUrl } from '../core/sources/url-source.js';
import { parseCommandArgs, type CommandContext } from './context.js';
import { readDocumentArg, type ReadValues } from './document-input.js';
import { issueRefOf } from './issue-argument.js';
import { LINK_HELP, LINK_OPTIONS } from './batch/link-readiness.js';

/**
 * Several documents: one result each, in order. The cache is not used: it keeps a few dozen
 * results, and a batch of hundreds would only churn it.
 */
type ExtractValues = { criteria?: string | undefined; json?: boolean | undefined; 'check-links'?: boolean | undefined } & LinkValues & ReadValues;
type LinkValues = Parameters<(typeof import('./batch/link-readiness.js'))['linkCheckerFor']>[0];

/** --check-links: the extraction with its link problems as gaps (and in `links`), else as it is. */
async function linkChecked(values: ExtractValues, context: CommandContext) {
  if (!values['check-links']) return null;
  const links = await import('./batch/link-readiness.js');
  const { projectName } = await import('../core/triage/document-kind.js');
  const checker = await links.linkCheckerFor(values, context);
  return {
    checker,
    async apply(doc: DocumentModel, result: ExtractResult): Promise<ExtractResult> {
      const problems = await links.linkProblems(doc, result, projectName(doc, result.document.path), checker);
      return links.withLinkGaps(result, problems);
    },
    /** Problems no criterion's evidence holds, for the readable report. */
    loose(result: ExtractResult): string[] {
      const all = (result as ExtractResult & { links?: Array<{ criterion: string | null; line: number; url: string; detail: string }> }).links ?? [];
      return all.filter((p) => p.criterion === null).map((p) => `  line ${p.line}: ${p.detail}`);
    },
  };
}

async function runExtractBatch(paths: string[], values: ExtractValues, context: CommandContext): Promise<number> {
  const set = await chooseCriteria(values.criteria, context);
  const links = await linkChecked(values, context);
  const [{ extractOutput }, { runBatch }] = await Promise.all([import('./batch/document-output.js'), import('./batch/run-batch.js')]);
  const json = values.json === true;
  let first = true;
  const outcome = await runBatch(paths, context, {
    progress: !json,
    read: { values, command: 'extract' },
    produce: (doc) => extractOutput(set, doc, json, links),
    consume(input, output) {
      if (json) context.stdout.write(output);
      else {
        context.stdout.write(`${first ? '' : '\n'}==> ${sanitizeLine(input.shown)} <==\n${output}`);
        first = false;
      }
    },
    // Link checks ask servers through one checker: they stay in this thread.
    parallel: links ? null : { task: { command: 'extract', json }, set },
  });
  await links?.checker?.save();
  return outcome.failed > 0 ? 1 : 0;
}

export const help = `Usage: toc-review extract <document|folder>... [--criteria ID|FILE] [--json]
       toc-review extract <-|URL|OWNER/REPO#N> [--comments] [--timeout SEC] [--json]

Find the evidence a review document gives for each criterion: facts (adopters, maintainers,
activity figures, release statements) with their line numbers, the sections that matter most
for each criterion, a suggested score with its reasons, and what is missing.

Documents are markdown or AsciiDoc (.adoc). Several documents or a folder (read recursively:
.md, .markdown, .adoc, in path order) give one result per document: with --json one JSON
object per line (NDJSON), each naming its document in document.path. A document that cannot
be read is reported on stderr and the rest go on; the exit status is then 1. On a terminal a
progress bar is drawn on stderr (never with --json or when stderr is piped). http(s)
addresses and issues may be among them: each is read as it would be alone (its kept copy, or
fetched and kept), with its document.origin.
A lone \`-\` reads one document from standard input (document.path is then "-"); an http(s)
address is fetched (a GitHub blob/ page is read as its raw file; redirects: http(s) only, at most 5).
A GitHub blob/ address is read at the commit its ref names (asked of the API below), and
citations link to that commit.
A GitHub issue or pull request, OWNER/REPO#N or its https://github.com/OWNER/REPO/issues/N
(or /pull/N) address, is read through the GitHub API: its title as a "# " heading on line 1, then
its body; document.origin records the issue's address, number, updated_at and the time fetched.
The token is GITHUB_TOKEN, else \`gh auth token\` when gh is installed, else none (public issues
only, with a lower rate limit); GITHUB_API_URL sets the API (default https://api.github.com).
With a GitHub Enterprise API (https://HOST/api/v3), issue, pull request and blob/ pages on HOST
are read the same way, and the issue page recorded is the API's html_url.

Options:
  --criteria ID|FILE  criteria set: a shipped id or a YAML file (default: the "criteria"
                      setting, else ${DEFAULT_CRITERIA_ID})
  --timeout SEC       seconds to wait for a document given as a URL or issue (default 20)
  --comments          with a GitHub issue or pull request: append its comments, each under a
                      "## Comment by @login on YYYY-MM-DD" heading
  --refresh           with a GitHub issue or pull request or an http(s) address: fetch it
                      again even though the workspace keeps a copy, and say on stderr what
                      changed. A fetched issue is kept as fetched/OWNER/REPO/REPO-N.md, a URL
                      document as fetched/urls/HOST/PATH, in the workspace (--workspace DIR,
                      created if missing; else the workspace setting or ./reviews when it
                      exists), and later runs read that copy without the network
  --json              print one JSON object (schema toc-review/extract@1) for scripts
  --check-links       check the links offered as evidence (placeholders, other projects'
                      repositories, links that do not resolve): each problem becomes a gap
                      of its criterion with its line, and all are listed in "links"
${LINK_HELP}
  -h, --help          show this help

Exit status: 0 on success, 1 when a document or the criteria file cannot be read, 2 on a
usage error. See docs/extract.md for the JSON fields.`;

/** The criteria set: --criteria, else the user's setting, else the shipped default. */
export async function chooseCriteria(ref: string | undefined, context: CommandContext): Promise<CriteriaSet> {
  if (ref !== undefined) {
    // A file is read relative to the command's working directory; an id is looked up as is.
    if (!/[/\\]|\.(?:ya?ml|json|md|markdown)$/i.test(ref)) return loadCriteria(ref);
    const { resolve } = await import('node:path');
    const absolute = resolve(context.cwd, ref);
    return loadCriteria(absolute).catch((error: unknown) => {
      if (error instanceof Error) error.message = error.message.replace(sanitizeLine(absolute), sanitizeLine(ref));
      throw error;
    });
  }
  // Settings are read only when needed; a missing or unreadable settings file means the default.
  let configured: string | undefined;
  try {
    // The conf-free reader: loading conf and its validator cost more than the rest of startup.
    const { readSetting } = await import('../store/settings-read.js');
    configured = await readSetting(context.env, 'criteria');
  } catch {
    configured = undefined;
  }
  return loadCriteria(configured ?? DEFAULT_CRITERIA_ID);
}

export async function run(args: string[], context: CommandContext): Promise<number> {
  const { values, positionals } = parseCommandArgs('extract', args, {
    criteria: { type: 'string' },
    json: { type: 'boolean' },
    'check-links': { type: 'boolean' },
    timeout: { type: 'string' },
    comments: { type: 'boolean' },
    refresh: { type: 'boolean' },
    ...LINK_OPTIONS,
  });
  if (positionals.length === 0) throw new UsageError('extract: give a markdown document (see: toc-review extract --help)');
  const { resolve } = await import('node:path');
  const issueRef = positionals.length === 1 ? await issueRefOf(positionals[0]!, context) : null;
  // In a batch, --comments and --refresh apply to the issues and pull requests among the documents.
  const anyIssue = issueRef !== null || (positionals.length > 1 && (await Promise.all(positionals.map((p) => issueRefOf(p, context)))).some((r) => r !== null));
  if (values.comments && !anyIssue) throw new UsageError('extract: --comments is for GitHub issues and pull requests (OWNER/REPO#N or their addresses)');
  if (values.refresh && !anyIssue && !positionals.some((p) => isHttpUrl(p))) {
    throw new UsageError('extract: --refresh is for fetched documents (GitHub issues and pull requests, http(s) addresses)');
  }
  if (positionals.length > 1 || (!issueRef && positionals[0] !== STDIN_ARG && !isHttpUrl(positionals[0]!) && await isDirectory(resolve(context.cwd, positionals[0]!)))) {
    return runExtractBatch(positionals, values, context);
  }
  const path = positionals[0]!;
  const { file, origin } = await readDocumentArg(path, issueRef, values, context);
  const set = await chooseCriteria(values.criteria, context);
  // --json for the same document, criteria and path as an earlier run of this build is read
  // from the extraction cache (src/store/extract-cache.ts): same bytes out, no extraction.
  const key = { documentSha256: file.sha256, criteriaSha256: set.source.sha256, displayPath: path };
  const cached = values.json && !values['check-links'] ? await readCachedExtract(context.env, key) : null;
  // The origin changes with every fetch (fetchedAt), so it is added to the output, never cached.
  const withOrigin = (r: ExtractResult): ExtractResult => (origin ? { ...r, document: { ...r.document, origin } } : r);
  if (cached) {
    context.stdout.write(`${toTerminalJson(withOrigin(cached))}\n`);
    return 0;
  }
  // The extraction code is loaded only when it has to run (not for a cached answer).
  const [{ parseDocument }, { extractEvidence }, { FACT_REGISTRY }, { formatReport, reportWithLinks }] = await Promise.all([
    import('../core/document/document.js'),
    import('../core/evidence/extract.js'),
    import('../core/facts/registry.js'),
    import('./extract-report.js'),
  ]);
  const doc = parseDocument(file.text);
  const result = extractEvidence(doc, set, { path, sha256: file.sha256 });
  const links = await linkChecked(values, context);
  if (links) {
    const checked = withOrigin(await links.apply(doc, result));
    await links.checker?.save();
    context.stdout.write(values.json ? `${toTerminalJson(checked)}\n` : reportWithLinks(formatReport(checked, set, doc, FACT_REGISTRY), links.loose(checked)));
    return 0;
  }
  context.stdout.write(values.json ? `${toTerminalJson(withOrigin(result))}\n` : formatReport(withOrigin(result), set, doc, FACT_REGISTRY));
  await writeCachedExtract(context.env, key, result);
  return 0;
}
