// What changed between two versions of a project's document (last year's annual review and
// this year's, say): the pure assembly of `toc-review diff <old> <new>` from both documents'
// models and extractions (Contract 1, computed with the same criteria set).
import type { CriteriaSet } from '../criteria/criteria.js';
import { parseDocument } from '../document/document.js';
import type { DocumentModel } from '../document/document-types.js';
import { extractEvidence } from '../evidence/extract.js';
import type { ExtractResult } from '../evidence/extract-types.js';
import { diffAdopters } from './adopters-diff.js';
import { diffCriteria } from './criteria-diff.js';
import { DIFF_SCHEMA, type DocumentDiff } from './diff-types.js';
import { diffMaintainers } from './maintainers-diff.js';
import { diffMetrics } from './metrics-diff.js';
import { diffPlans } from './plans.js';

export interface DiffSide {
  doc: DocumentModel;
  result: ExtractResult;
}

/** One side of a diff from a document's text, extracted with the set both sides use. */
export function diffSideOf(text: string, set: CriteriaSet, info: { path: string; sha256: string }): DiffSide {
  const doc = parseDocument(text);
  return { doc, result: extractEvidence(doc, set, info) };
}

export function diffDocuments(before: DiffSide, after: DiffSide, set: Pick<CriteriaSet, 'id' | 'title'>): DocumentDiff {
  const a = before.result;
  const b = after.result;
  return {
    schema: DIFF_SCHEMA,
    mode: 'documents',
    old: a.document,
    new: b.document,
    criteriaSet: { id: set.id, title: set.title },
    adopters: diffAdopters(a.facts.adopters, b.facts.adopters),
    maintainers: diffMaintainers(a.facts.maintainers, b.facts.maintainers),
    metrics: diffMetrics(a.facts.metrics, b.facts.metrics),
    criteria: diffCriteria(a, b),
    plans: diffPlans(before.doc, after.doc),
  };
}
