// `toc-review triage <paths...>`: one row per document for a review day's queue (project, kind,
// the suggestion per criterion, adopters / maintainers / organisations, gaps, link readiness),
// as a table, markdown, CSV or JSON. No React or Ink on this path.
import { UsageError } from '../core/errors.js';
import { quoted } from '../core/sanitize.js';
import type { TriageRow } from '../core/triage/triage-row.js';
import { parseCommandArgs, type CommandContext } from './context.js';
import { LINK_HELP, LINK_OPTIONS } from './batch/link-readiness.js';

export const help = `Usage: toc-review triage <document|folder|URL|OWNER/REPO#N>... [--format table|md|csv|json] [--sort KEY]

One row per document (folders are read recursively: .md, .markdown, .adoc; http(s) addresses
and GitHub issues or pull requests are read as extract reads them, from the workspace's kept
copy when there is one): its project, its
kind (annual review, application, proposal, DD, other), the suggested score for each criterion,
the adopters, maintainers and maintainers' organisations it names, the number of gaps, and the
problems with the links it offers as evidence: placeholders ($LINK, an empty "()"), links to
another project's repository, links that do not resolve (status, timeout). With a criteria set
whose extraction matches template items, the Required items answered and unanswered too.

Options:
  --format F            table (default), md, csv or json
  --sort KEY            document (default), project, kind, adopters, maintainers,
                        organisations, gaps, required, links or a criterion id; "-KEY"
                        (written --sort=-gaps) sorts descending
  --criteria ID|FILE    criteria set (default: the "criteria" setting, else cncf-incubation)
  --timeout SEC         seconds to wait for each URL or issue (default 20)
  --comments            issues and pull requests: append their comments
  --refresh             issues and pull requests: fetch again although a copy is kept, and
                        say on stderr what changed
${LINK_HELP}
  -h, --help            show this help

A document that cannot be read is reported on stderr and the rest go on (exit 1). On a
terminal a progress bar is drawn on stderr (never with --format json or when piped).
See docs/inputs.md.`;

export async function run(args: string[], context: CommandContext): Promise<number> {
  const { values, positionals } = parseCommandArgs('triage', args, {
    format: { type: 'string' },
    sort: { type: 'string' },
    criteria: { type: 'string' },
    timeout: { type: 'string' },
    comments: { type: 'boolean' },
    refresh: { type: 'boolean' },
    ...LINK_OPTIONS,
  });
  if (positionals.length === 0) throw new UsageError('triage: give documents or folders (see: toc-review triage --help)');
  const [{ TRIAGE_FORMATS, formatTriage, parseSort, sortRows }, { chooseCriteria }] = await Promise.all([
    import('../core/triage/triage-format.js'),
    import('./extract.js'),
  ]);
  const format = (values.format ?? 'table') as (typeof TRIAGE_FORMATS)[number];
  if (!TRIAGE_FORMATS.includes(format)) throw new UsageError(`triage: --format is one of ${TRIAGE_FORMATS.join(', ')} (got ${quoted(values.format!)})`);
  const set = await chooseCriteria(values.criteria, context);
  const criteria = set.items.map((i) => ({ id: i.id, title: i.title }));
  const sort = parseSort(values.sort ?? 'document', criteria);
  if (!sort) throw new UsageError(`triage: unknown --sort key ${quoted(values.sort!)} (see: toc-review triage --help)`);
  const [{ triageOutput }, { runBatch }, links] = await Promise.all([
    import('./batch/document-output.js'),
    import('./batch/run-batch.js'),
    import('./batch/link-readiness.js'),
  ]);
  const checker = await links.linkCheckerFor(values, context);
  const rows: TriageRow[] = [];
  const outcome = await runBatch(positionals, context, {
    progress: format !== 'json',
    read: { values, command: 'triage' },
    produce: (doc) => triageOutput(set, doc, checker),
    consume: (_input, row) => void rows.push(row),
    // Links asked of servers go through one checker (its concurrency limit and cache): this thread.
    parallel: checker ? null : { task: { command: 'triage' }, set },
  });
  await checker?.save();
  if (rows.length > 0) context.stdout.write(`${formatTriage(sortRows(rows, sort), criteria, format)}\n`);
  return outcome.failed > 0 ? 1 : 0;
}
