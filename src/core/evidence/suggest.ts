// Signals and a suggested score per criterion, with a rationale that cites lines, and explicit
// gaps (what is missing, so the reviewer knows what to ask). The reviewer decides; this only
// helps. The rule is the first fact kind in the criterion's hints whose registry entry has one
// (core/facts/registry.ts, rules in ./rules.ts); its level maps onto the set's own scale
// (lowest value, highest "not met", lowest "met", highest "met"), so rules work for any scale.
// A criterion whose hints name no kind with a rule gets no suggested score.
import type { CriteriaItem, CriteriaSet } from '../criteria/criteria.js';
import type { DocumentModel } from '../document/document-types.js';
import type { EvidencePassage, Facts, Signal, Suggestion } from './extract-types.js';
import { linesLabel } from '../document/doc-query.js';
import { FACT_REGISTRY, type Claims } from '../facts/registry.js';
import { plural, type Level } from './rules.js';

export type { Level, Signal };
export { ADOPTERS_REQUIRED, DOMINANT_SHARE } from './rules.js';

export interface SuggestResult {
  suggestion: Suggestion;
  gaps: string[];
  signals: Signal[];
}

/** The scale value for a level: lowest, highest not-met, lowest met, highest met. */
export function scaleValueFor(set: CriteriaSet, level: Level): number {
  const values = [...set.scale].sort((a, b) => a.value - b.value);
  const notMet = values.filter((v) => !v.meets);
  const met = values.filter((v) => v.meets);
  const lowest = values[0]!.value;
  const highest = values[values.length - 1]!.value;
  switch (level) {
    case 'none':
      return lowest;
    case 'partial':
      return notMet.length > 0 ? notMet[notMet.length - 1]!.value : lowest;
    case 'met':
      return met.length > 0 ? met[0]!.value : highest;
    case 'exceeded':
      return met.length > 0 ? met[met.length - 1]!.value : highest;
  }
}

// ---- dispatch ----

export interface SuggestInput {
  doc: DocumentModel;
  set: CriteriaSet;
  item: CriteriaItem;
  facts: Facts;
  evidence: EvidencePassage[];
  /** Counts the document claims per kind (extractFacts' `claims`). */
  claims: Claims;
}

export function suggest(input: SuggestInput): SuggestResult {
  const { doc, set, item, facts, evidence } = input;
  const kind = item.hints.facts.find((k) => FACT_REGISTRY[k].rule !== null);
  const noEvidenceGap = evidence.length === 0 ? [`no section of the document matches this criterion's hints (${item.hints.headings.slice(0, 4).join(', ') || 'none'})`] : [];
  const rule = kind === undefined ? null : FACT_REGISTRY[kind].rule;
  if (kind === undefined || rule === null) {
    const rationale =
      evidence.length > 0
        ? `No scoring rule for this criterion; ${plural(evidence.length, 'passage', 'passages')} found from its hints, best at ${linesLabel(evidence[0]!.startLine, evidence[0]!.endLine)}.`
        : 'No scoring rule for this criterion and no passage matches its hints.';
    return { suggestion: { score: null, rationale }, gaps: noEvidenceGap, signals: [] };
  }
  const out = rule({ doc, facts, evidence, claim: input.claims[kind] ?? null });
  const score = scaleValueFor(set, out.level);
  const label = set.scale.find((s) => s.value === score)?.label ?? String(score);
  return {
    suggestion: { score, rationale: `${label}: ${out.rationale}` },
    gaps: [...noEvidenceGap, ...out.gaps],
    signals: out.signals,
  };
}
