// extractEvidence: the document model and a criteria set in, Contract 1 out (the shape of
// `toc-review extract --json`): facts, then per criterion (in the set's order) the evidence
// passages best first, a suggested score with a rationale citing lines, and explicit gaps.
import type { CriteriaSet } from '../criteria/criteria.js';
import type { DocumentModel } from '../document/document-types.js';
import { EXTRACT_SCHEMA, type CriterionEvidence, type EvidencePassage, type ExtractResult, type Facts } from './extract-types.js';
import { findEvidence } from './evidence.js';
import { extractAllFacts, type Claims } from '../facts/registry.js';
import { suggest, type SuggestResult } from './suggest.js';
import { claimSignal, documentTemplate, templateGaps, withTemplatePassage } from '../templates/template-evidence.js';

/** Every fact kind of the registry (core/facts/registry.ts), and the counts the document claims. */
export function extractFacts(doc: DocumentModel): { facts: Facts; claims: Claims } {
  return extractAllFacts(doc);
}

export function extractEvidence(doc: DocumentModel, criteria: CriteriaSet, info: { path: string; sha256: string }): ExtractResult {
  const { facts, claims } = extractFacts(doc);
  // A filled application or DD of the set's template: null for any other document, which then
  // keeps its ranked sections and has no `template` field at all.
  const template = documentTemplate(doc, criteria.items);
  return {
    schema: EXTRACT_SCHEMA,
    document: { path: info.path, sha256: info.sha256, title: doc.title, lineCount: doc.lineCount },
    facts,
    criteria: criteria.items.map((item) => {
      const match = template ? (template.get(item.id) ?? null) : null;
      const evidence = withTemplatePassage(doc, match, findEvidence(doc, item, facts));
      const suggested = suggest({ doc, set: criteria, item, facts, evidence, claims });
      if (!template) return entryOf(item.id, evidence, suggested);
      const gaps = [...templateGaps(match), ...suggested.gaps];
      const signals = [...claimSignal(match), ...suggested.signals];
      return { ...entryOf(item.id, evidence, { ...suggested, gaps, signals }), template: match };
    }),
  };
}

function entryOf(id: string, evidence: EvidencePassage[], { suggestion, gaps, signals }: SuggestResult): CriterionEvidence {
  return { id, evidence, suggestion, gaps, ...(signals.length > 0 ? { signals } : {}) };
}
