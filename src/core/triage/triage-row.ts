// One row of `toc-review triage`: the figures a reviewer scans a queue of documents by. Built
// from an extraction (Contract 1) and the document model; pure.
import type { CriteriaSet } from '../criteria/criteria.js';
import type { DocumentModel } from '../document/document-types.js';
import type { ExtractResult } from '../evidence/extract-types.js';
import type { LinkProblem } from '../links/evidence-links.js';
import { documentKind, projectName, type DocumentKind } from './document-kind.js';

export const TRIAGE_SCHEMA = 'toc-review/triage@1' as const;

export interface TriageRow {
  document: string;
  title: string;
  project: string;
  kind: DocumentKind;
  /** Suggested score per criterion id (null: nothing to go on), in the set's order. */
  suggestions: Record<string, number | null>;
  adopters: number;
  maintainers: number;
  /** Distinct organisations the listed maintainers belong to. */
  organisations: number;
  /** Gaps over all criteria, link problems included. */
  gaps: number;
  /** Required items of a template set answered / not, or null when the extraction has no template field. */
  required: { answered: number; unanswered: number } | null;
  /** Link problems found by the link check (absent when links were not checked). */
  links?: LinkProblem[];
}

/** The per-criterion template match tpl-align adds to the extraction (null: not found). */
interface TemplateMatch {
  answered?: boolean;
  checked?: boolean;
}

function requiredCounts(result: ExtractResult, set: CriteriaSet): TriageRow['required'] {
  const entries = result.criteria as Array<ExtractResult['criteria'][number] & { template?: TemplateMatch | null }>;
  if (!entries.some((c) => 'template' in c)) return null;
  let answered = 0;
  let unanswered = 0;
  for (const entry of entries) {
    const item = set.items.find((i) => i.id === entry.id);
    if (!item || (item as { required?: boolean }).required === false) continue;
    if (entry.template && (entry.template.answered || entry.template.checked)) answered++;
    else unanswered++;
  }
  return { answered, unanswered };
}

export function triageRow(result: ExtractResult, doc: DocumentModel, set: CriteriaSet, links?: LinkProblem[]): TriageRow {
  const path = result.document.path;
  const suggestions: Record<string, number | null> = {};
  for (const entry of result.criteria) suggestions[entry.id] = entry.suggestion.score;
  const organisations = new Set(
    result.facts.maintainers.map((m) => m.affiliation?.trim().toLowerCase()).filter((a): a is string => !!a && a !== 'independent' && a !== 'individual'),
  );
  const row: TriageRow = {
    document: path,
    title: result.document.title,
    project: projectName(doc, path),
    kind: documentKind(doc, path),
    suggestions,
    adopters: result.facts.adopters.length,
    maintainers: result.facts.maintainers.length,
    organisations: organisations.size,
    // Link problems of a criterion are among its gaps already (withLinkGaps); the rest count once.
    gaps: result.criteria.reduce((n, c) => n + c.gaps.length, 0) + (links?.filter((l) => l.criterion === null).length ?? 0),
    required: requiredCounts(result, set),
  };
  if (links) row.links = links;
  return row;
}
