// extractEvidence: the document model and a criteria set in, Contract 1 out (the shape of
// `toc-review extract --json`): facts, then per criterion (in the set's order) the evidence
// passages best first, a suggested score with a rationale citing lines, and explicit gaps.
import type { CriteriaSet } from '../criteria/criteria.js';
import type { DocumentModel } from '../document/document-types.js';
import { EXTRACT_SCHEMA, type ExtractResult, type Facts } from './extract-types.js';
import { findEvidence } from './evidence.js';
import { extractAllFacts, type Claims } from '../facts/registry.js';
import { suggest } from './suggest.js';

/** Every fact kind of the registry (core/facts/registry.ts), and the counts the document claims. */
export function extractFacts(doc: DocumentModel): { facts: Facts; claims: Claims } {
  return extractAllFacts(doc);
}

export function extractEvidence(doc: DocumentModel, criteria: CriteriaSet, info: { path: string; sha256: string }): ExtractResult {
  const { facts, claims } = extractFacts(doc);
  return {
    schema: EXTRACT_SCHEMA,
    document: { path: info.path, sha256: info.sha256, title: doc.title, lineCount: doc.lineCount },
    facts,
    criteria: criteria.items.map((item) => {
      const evidence = findEvidence(doc, item, facts);
      const { suggestion, gaps, signals } = suggest({ doc, set: criteria, item, facts, evidence, claims });
      return { id: item.id, evidence, suggestion, gaps, ...(signals.length > 0 ? { signals } : {}) };
    }),
  };
}
