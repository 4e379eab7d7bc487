// Contract 1 of DESIGN.md: the shape of `toc-review extract --json`. Fields may be added;
// these names and meanings must not drift.

import type { FactKind } from '../facts/kinds.js';
import type { DocumentOrigin } from '../sources/document-origin.js';
import type { TemplateMatch } from '../templates/template-field.js';

/** `criteria[].template` (docs/extract.md): the matched checkbox item of a filled template. */
export type TemplateField = TemplateMatch;

export const EXTRACT_SCHEMA = 'toc-review/extract@1' as const;

export const METRIC_KINDS = [
  'commits',
  'merged_prs',
  'prs',
  'contributors',
  'contributing_orgs',
  'releases',
  'stars',
  'forks',
  'other',
] as const;
export type MetricKind = (typeof METRIC_KINDS)[number];

export const METRIC_PERIODS = ['week', 'month', 'year', 'total'] as const;
export type MetricPeriod = (typeof METRIC_PERIODS)[number] | null;

export interface DocumentInfo {
  path: string;
  sha256: string;
  title: string;
  lineCount: number;
  /** Where a fetched document came from (a GitHub issue or pull request); absent for files and stdin. */
  origin?: DocumentOrigin;
}

export interface Adopter {
  name: string;
  line: number;
}

export interface Maintainer {
  name: string;
  handle: string | null;
  affiliation: string | null;
  line: number;
}

export interface Metric {
  kind: MetricKind;
  value: number;
  period: MetricPeriod;
  line: number;
  /** Exact substring of the line, markdown included. */
  quote: string;
}

export interface VersioningStatement {
  line: number;
  quote: string;
}

/**
 * Why a fact was taken: the structure or rule that found it, in fixed wording ("table under an
 * adoption heading, its organisation column"), so a reader can see what the tool saw.
 */
export interface Reasoned {
  reason: string;
}

/**
 * The item type of each fact kind's list in `extract --json` (the kinds: core/facts/kinds.ts):
 * the fact and its reason. Code that only reads facts (compare, rules) takes the plain shapes.
 */
export interface FactItems {
  adopters: Adopter & Reasoned;
  maintainers: Maintainer & Reasoned;
  metrics: Metric & Reasoned;
  versioning: VersioningStatement & Reasoned;
}

/** One list per fact kind, keyed by the kind (its JSON key), plus claimed counts. */
export type Facts = { [K in FactKind]: FactItems[K][] } & {
  /** An adopter count stated in prose ("11 adopters in production"), or null. */
  adoptersClaimedCount?: number | null;
};

export interface EvidencePassage {
  startLine: number;
  endLine: number;
  heading: string;
  reason: string;
}

export interface Suggestion {
  /** A value of the criteria set's scale, or null when there is nothing to go on. */
  score: number | null;
  rationale: string;
}

/** A measured input to a suggestion ("named adopters: 6"), with the lines it was read from. */
export interface Signal {
  name: string;
  value: number | string | boolean | null;
  lines: number[];
}

export interface CriterionEvidence {
  id: string;
  evidence: EvidencePassage[];
  suggestion: Suggestion;
  /** Explicit gaps: what is missing and what to ask the project. Empty when nothing is missing. */
  gaps: string[];
  /** What the suggestion was computed from (extra field; absent for criteria without a rule). */
  signals?: Signal[];
  /**
   * The checkbox item of a filled application or DD that answers this criterion, or null when
   * the document has none. Absent when the document is not a filled copy of the set's template.
   */
  template?: TemplateField | null;
}

export interface ExtractResult {
  schema: typeof EXTRACT_SCHEMA;
  document: DocumentInfo;
  facts: Facts;
  criteria: CriterionEvidence[];
}
