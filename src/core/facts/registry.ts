// The fact-kind registry: everything a kind needs, in one entry. Extraction, the JSON keys of
// Contract 1, the evidence reasons, the suggestion rule, the `extract` report and the review
// pane all iterate this table, so a new kind is one entry here (plus its name in ./kinds.ts and
// its item type in extract-types.ts's FactItems); the mapped type makes a missing kind or a
// missing piece a type error rather than a kind that is silently never shown or scored.
import type { DocumentModel } from '../document/document-types.js';
import type { FactItems, Facts } from '../evidence/extract-types.js';
import { adoptersRule, flowRule, maintainersRule, versioningRule, type Claim, type Rule } from '../evidence/rules.js';
import { extractAdopters, extractAdoptersClaimedCount } from './adopters.js';
import * as render from './fact-render.js';
import type { PaneLine } from './fact-render.js';
import { FACT_KINDS, type FactKind } from './kinds.js';
import { extractMaintainers, extractMaintainersStatedCount } from './maintainers.js';
import { extractMetrics } from './metrics.js';
import { extractVersioning } from './versioning.js';

export type { Claim, FactKind, PaneLine };
export { FACT_KINDS };

export interface FactKindSpec<K extends FactKind> {
  /** Pulls this kind's facts out of the document; the list is `facts[K]` in `extract --json`. */
  extract: (doc: DocumentModel) => FactItems[K][];
  /**
   * The count the document claims for this kind ("4 current maintainers"), for cross-checks by
   * the rule. `jsonKey` also writes it into `facts`, right after the list (Contract 1 order).
   */
  claim: { read: (doc: DocumentModel) => Claim | null; jsonKey?: 'adoptersClaimedCount' } | null;
  /** Evidence reason words: "1 adopter named", "3 adopters named". */
  label: readonly [one: string, many: string];
  /** The suggestion rule; null for a kind that informs evidence but scores nothing. */
  rule: Rule | null;
  /** Lines of the readable `extract` report. */
  report: (facts: Facts) => string[];
  /** Rows of the review pane, at most `max` facts. */
  pane: (facts: Facts, max: number) => PaneLine[];
}

export const FACT_REGISTRY: { readonly [K in FactKind]: FactKindSpec<K> } = {
  adopters: {
    extract: extractAdopters,
    claim: { read: extractAdoptersClaimedCount, jsonKey: 'adoptersClaimedCount' },
    label: ['adopter named', 'adopters named'],
    rule: adoptersRule,
    report: render.adoptersReport,
    pane: render.adoptersPane,
  },
  maintainers: {
    extract: extractMaintainers,
    claim: { read: extractMaintainersStatedCount },
    label: ['maintainer listed', 'maintainers listed'],
    rule: maintainersRule,
    report: render.maintainersReport,
    pane: render.maintainersPane,
  },
  metrics: {
    extract: extractMetrics,
    claim: null,
    label: ['activity figure', 'activity figures'],
    rule: flowRule,
    report: render.metricsReport,
    pane: render.metricsPane,
  },
  versioning: {
    extract: extractVersioning,
    claim: null,
    label: ['release statement', 'release statements'],
    rule: versioningRule,
    report: render.versioningReport,
    pane: render.versioningPane,
  },
};

/** Claimed counts by kind, for the rules (a kind without a claim reader has no entry). */
export type Claims = Partial<Record<FactKind, Claim | null>>;

/** Every kind's facts in registry order (the key order of `facts` in Contract 1), and the claims. */
export function extractAllFacts(doc: DocumentModel): { facts: Facts; claims: Claims } {
  const facts = {} as Record<string, unknown>;
  const claims: Claims = {};
  for (const kind of FACT_KINDS) {
    const spec: FactKindSpec<FactKind> = FACT_REGISTRY[kind];
    // The claim is read before the list, as the extraction always did (both are pure).
    const claim = spec.claim ? spec.claim.read(doc) : undefined;
    facts[kind] = spec.extract(doc);
    if (spec.claim) {
      claims[kind] = claim ?? null;
      if (spec.claim.jsonKey) facts[spec.claim.jsonKey] = claim?.count ?? null;
    }
  }
  return { facts: facts as Facts, claims };
}

/** The lines of one kind's facts, for locating them in sections. */
export function factLines(facts: Facts, kind: FactKind): number[] {
  return (facts[kind] as ReadonlyArray<{ line: number }>).map((f) => f.line);
}
