// `toc-review validate <files...>`: check score files against the schema and their criteria set.
// One line per file; exit 1 if any is invalid. Never modifies a file (older schema versions are
// reported, not migrated).
import { resolve } from 'node:path';
import type { CriteriaSet } from '../core/criteria/criteria.js';
import { UsageError, UserError } from '../core/errors.js';
import { sanitizeLine, toTerminalJson } from '../core/sanitize.js';
import { checkAgainstCriteria, checkCitationsAgainstDocument, parseScoreFileWithInfo, SCORE_SCHEMA_ID, type ScoreFile } from '../core/scores/score-file.js';
import { splitLines } from '../core/document/lines.js';
import { readDocumentFile } from '../store/document-file.js';
import { documentPathOf } from '../store/workspace.js';
import { loadCriteria } from '../store/criteria-files.js';
import { expandScoreFileArgs, invalidFilesSummary } from '../store/score-file-args.js';
import { readScoreFileText } from '../store/score-store.js';
import { parseCommandArgs, type CommandContext } from './context.js';

export const help = `Usage: toc-review validate <file.score.json | folder>... [options]

Check score files: the schema (${SCORE_SCHEMA_ID}), every field, the criteria set the file
names (item ids and scale values), and cited lines against the document when it is in the
file's workspace and is the version scored. A folder is searched for *.score.json files.
Prints one line per file and exits 1 if any file is invalid. Files are only read, never changed; a file in an
older schema version is valid and is migrated (with a backup) when it is next opened for editing.

Options:
  --criteria ID|FILE  check against this criteria set instead of the one each file names
  --json              print a JSON array: [{ path, valid, error, schema, reviewer, scored, items }]
  -h, --help          show this help`;

interface Report {
  path: string;
  valid: boolean;
  error: string | null;
  schema: string | null;
  reviewer: string | null;
  scored: number | null;
  items: number | null;
  notes: string[];
}

type DocumentLines = { sha256: string; lineCount: number } | null;

/**
 * Cited lines against the document, when it is where the file's workspace says and is the
 * version scored (another version has other lines). Throws a UserError for a citation past the end.
 */
async function checkCitations(file: ScoreFile, fullPath: string, shown: string, notes: string[], documents: Map<string, Promise<DocumentLines>>): Promise<void> {
  const documentPath = documentPathOf(fullPath, file);
  if (documentPath === null || !file.items.some((item) => item.cited.length > 0)) return;
  // Several reviewers' files name one document: read it once.
  if (!documents.has(documentPath)) {
    documents.set(
      documentPath,
      readDocumentFile(documentPath).then(
        (document) => ({ sha256: document.sha256, lineCount: splitLines(document.text).length }),
        () => null,
      ),
    );
  }
  const document = await documents.get(documentPath)!;
  if (document === null) return;
  if (document.sha256 !== file.document.sha256) {
    notes.push('the document has changed since it was scored: cited lines not checked against it');
    return;
  }
  checkCitationsAgainstDocument(file, document.lineCount, shown);
}

export async function run(args: string[], context: CommandContext): Promise<number> {
  const { values, positionals } = parseCommandArgs('validate', args, { criteria: { type: 'string' }, json: { type: 'boolean' } });
  if (positionals.length === 0) throw new UsageError('validate: give one or more score files or folders (see: toc-review validate --help)');

  const paths = await expandScoreFileArgs(positionals, context.cwd);

  const override = values.criteria === undefined ? undefined : await loadCriteria(values.criteria);
  const criteriaCache = new Map<string, Promise<CriteriaSet | null>>();
  const criteriaFor = (id: string) => {
    if (!criteriaCache.has(id)) criteriaCache.set(id, loadCriteria(id).catch(() => null));
    return criteriaCache.get(id)!;
  };

  const documents = new Map<string, Promise<DocumentLines>>();
  const reports: Report[] = [];
  for (const path of paths) {
    const report: Report = { path, valid: false, error: null, schema: null, reviewer: null, scored: null, items: null, notes: [] };
    try {
      const text = await readScoreFileText(resolve(context.cwd, path), path);
      const { file, migratedFrom } = parseScoreFileWithInfo(text, path);
      report.schema = migratedFrom === null ? SCORE_SCHEMA_ID : `toc-review/score@${migratedFrom}`;
      if (migratedFrom !== null) report.notes.push(`older schema ${report.schema}: migrated (with a backup) when next opened`);
      const criteria = override ?? (await criteriaFor(file.criteria.id));
      if (criteria) {
        checkAgainstCriteria(file, criteria, path);
        const missing = criteria.items.filter((c) => !file.items.some((i) => i.id === c.id)).map((c) => c.id);
        if (missing.length) report.notes.push(`missing items (added unscored when opened): ${missing.join(', ')}`);
        if (file.criteria.sha256 !== criteria.source.sha256) report.notes.push(`criteria set ${criteria.id} has changed since this file was scored`);
      } else {
        report.notes.push(`criteria set "${file.criteria.id}" is not a shipped set: item ids and scores not checked (it was scored with a criteria file of its own: pass --criteria FILE)`);
      }
      await checkCitations(file, resolve(context.cwd, path), path, report.notes, documents);
      report.valid = true;
      report.reviewer = file.reviewer.handle;
      report.items = file.items.length;
      report.scored = file.items.filter((i) => i.score !== null).length;
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      report.error = error.message;
    }
    reports.push(report);
  }

  if (values.json) {
    context.stdout.write(`${toTerminalJson(reports)}\n`);
  } else {
    for (const r of reports) {
      const line = r.valid
        ? `ok       ${r.path} (${r.reviewer}, ${r.scored}/${r.items} scored${r.notes.length ? `; ${r.notes.join('; ')}` : ''})`
        : `invalid  ${r.error}`;
      context.stdout.write(`${sanitizeLine(line)}\n`);
    }
  }
  const summary = invalidFilesSummary('validate', reports.filter((r) => !r.valid).length, reports.length);
  if (summary !== null && !values.json) context.stderr.write(`toc-review: ${summary}\n`);
  return reports.every((r) => r.valid) ? 0 : 1;
}
