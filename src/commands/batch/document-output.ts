// One batch document's output, worked out from the document alone: `extract`'s JSON line or
// readable report, `triage`'s row. The batch loop runs these in this thread or in its workers
// (./batch-worker.ts), so both paths give the same bytes.
import type { CriteriaSet } from '../../core/criteria/criteria.js';
import type { DocumentModel } from '../../core/document/document-types.js';
import { parseDocument } from '../../core/document/document.js';
import { extractEvidence } from '../../core/evidence/extract.js';
import type { ExtractResult } from '../../core/evidence/extract-types.js';
import { FACT_REGISTRY } from '../../core/facts/registry.js';
import { toTerminalJson } from '../../core/sanitize.js';
import { projectName } from '../../core/triage/document-kind.js';
import { triageRow, type TriageRow } from '../../core/triage/triage-row.js';
import { formatReport, reportWithLinks } from '../extract-report.js';
import { linkProblems, withLinkGaps } from './link-readiness.js';
import type { BatchDocument } from './run-batch.js';

/** What a worker is asked to make of each document: serialisable, so it can cross threads. */
export type BatchTask = { command: 'extract'; json: boolean } | { command: 'triage' };

/** --check-links for extract: the link problems as gaps, and those outside any passage. */
export interface ExtractLinks {
  apply(doc: DocumentModel, result: ExtractResult): Promise<ExtractResult>;
  loose(result: ExtractResult): string[];
}

type LinkChecker = Parameters<typeof linkProblems>[3];

/** `extract`'s output for one document: its NDJSON line, or its report (without the "==>" banner). */
export async function extractOutput(set: CriteriaSet, { input, file, origin }: BatchDocument, json: boolean, links: ExtractLinks | null): Promise<string> {
  const doc = parseDocument(file.text);
  let result = extractEvidence(doc, set, { path: input.shown, sha256: file.sha256 });
  if (origin) result = { ...result, document: { ...result.document, origin } };
  if (links) result = await links.apply(doc, result);
  // NDJSON: one object per line.
  if (json) return `${toTerminalJson(result, 0)}\n`;
  return reportWithLinks(formatReport(result, set, doc, FACT_REGISTRY), links?.loose(result) ?? []);
}

/** `triage`'s row for one document; without a checker only the offline link checks run. */
export async function triageOutput(set: CriteriaSet, { input, file }: BatchDocument, checker: LinkChecker): Promise<TriageRow> {
  const doc = parseDocument(file.text);
  const result = extractEvidence(doc, set, { path: input.shown, sha256: file.sha256 });
  const problems = await linkProblems(doc, result, projectName(doc, input.shown), checker);
  return triageRow(withLinkGaps(result, problems), doc, set, problems);
}

/** A task's output with no link checker (the only way a worker runs it). */
export function taskOutput(task: BatchTask, set: CriteriaSet, doc: BatchDocument): Promise<string | TriageRow> {
  return task.command === 'extract' ? extractOutput(set, doc, task.json, null) : triageOutput(set, doc, null);
}
