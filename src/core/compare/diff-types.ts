// The shape of `toc-review diff --json` for two documents (schemas/diff.schema.json). Every
// entry cites its lines in both documents: `lines.old` in the earlier one, `lines.new` in the
// later one, either empty when the entry exists on one side only.
import type { MetricKind, MetricPeriod } from '../evidence/extract-types.js';

export const DIFF_SCHEMA = 'toc-review/diff@1' as const;

export interface Lines {
  old: number[];
  new: number[];
}

export interface DiffDocument {
  path: string;
  sha256: string;
  title: string;
  lineCount: number;
}

export interface NamedEntry {
  name: string;
  lines: Lines;
}

export interface RenamedEntry extends NamedEntry {
  /** The name in the earlier document (`name` is the later one's). */
  oldName: string;
}

export interface AdoptersDiff {
  added: NamedEntry[];
  removed: NamedEntry[];
  /** In both, under another spelling ("Acme Corp" -> "ACME Corporation, Inc."). */
  renamed: RenamedEntry[];
  /** In both under the same name. */
  kept: NamedEntry[];
  count: { old: number; new: number };
}

export interface MaintainerEntry extends NamedEntry {
  handle: string | null;
  affiliation: string | null;
}

export interface MaintainerChange extends MaintainerEntry {
  /** What differs, each with its value before and after. */
  changes: Array<{ field: 'name' | 'handle' | 'affiliation'; old: string | null; new: string | null }>;
}

export interface OrganisationShare {
  name: string;
  old: { count: number; share: number };
  new: { count: number; share: number };
  lines: Lines;
}

export interface MaintainersDiff {
  joined: MaintainerEntry[];
  left: MaintainerEntry[];
  /** The same person with another affiliation, handle or spelling: not left and joined. */
  changed: MaintainerChange[];
  stayed: MaintainerEntry[];
  count: { old: number; new: number };
  /** Each organisation's share of the listed maintainers, before and after, largest first. */
  organisations: OrganisationShare[];
}

export interface Figure {
  value: number;
  line: number;
  quote: string;
}

export interface MetricPair {
  kind: MetricKind;
  period: MetricPeriod;
  old: Figure;
  new: Figure;
  change: number;
  /** Percent change from the old value; null when the old value is 0. */
  changePercent: number | null;
  lines: Lines;
}

/** Figures of one kind that cannot be set side by side: other periods or units. */
export interface MetricNotComparable {
  kind: MetricKind;
  old: Array<Figure & { period: MetricPeriod }>;
  new: Array<Figure & { period: MetricPeriod }>;
  reason: string;
  lines: Lines;
}

export interface MetricOneSide {
  kind: MetricKind;
  period: MetricPeriod;
  figure: Figure;
  lines: Lines;
}

export interface MetricsDiff {
  paired: MetricPair[];
  notComparable: MetricNotComparable[];
  onlyOld: MetricOneSide[];
  onlyNew: MetricOneSide[];
}

export interface SuggestionSide {
  score: number | null;
  rationale: string;
}

export interface CriterionDiff {
  id: string;
  before: SuggestionSide | null;
  after: SuggestionSide | null;
  changed: boolean;
  lines: Lines;
}

export type PlanStatus = 'reported' | 'planned-again' | 'not-mentioned';

export interface PlanDiff {
  /** The sentence of the earlier document that states the plan (visible text). */
  statement: string;
  /** The words the later document was searched for. */
  words: string[];
  status: PlanStatus;
  /** The later document's best matching sentences, best first (at most three). */
  mentions: Array<{ line: number; text: string; shared: string[] }>;
  lines: Lines;
}

export interface DocumentDiff {
  schema: typeof DIFF_SCHEMA;
  mode: 'documents';
  old: DiffDocument;
  new: DiffDocument;
  criteriaSet: { id: string; title: string };
  adopters: AdoptersDiff;
  maintainers: MaintainersDiff;
  metrics: MetricsDiff;
  criteria: CriterionDiff[];
  plans: PlanDiff[];
}
