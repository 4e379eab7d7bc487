// The suggestion rule of each fact kind: facts in, a level (none, partial, met, exceeded) with a
// rationale that cites lines, explicit gaps and the signals it measured. The registry
// (core/facts/registry.ts) names each kind's rule; suggest.ts maps the level onto the set's scale.
import type { DocumentModel, ListItem, Section } from '../document/document-types.js';
import type { EvidencePassage, Facts, Maintainer, Metric, Signal } from './extract-types.js';
import { lineSetLabel, linesLabel, sectionPaths, walkItems } from '../document/doc-query.js';
import { MAINTAINER_WORDS } from '../facts/maintainers.js';
import { stripInline } from '../document/inline.js';

export type Level = 'none' | 'partial' | 'met' | 'exceeded';

/** A count the document states for a kind ("4 current maintainers"), with its line. */
export interface Claim {
  count: number;
  line: number;
}

export interface RuleInput {
  doc: DocumentModel;
  facts: Facts;
  /** The criterion's evidence passages, best first. */
  evidence: EvidencePassage[];
  /** The count the document claims for this rule's kind, if any. */
  claim: Claim | null;
}

export type Rule = (input: RuleInput) => RuleOutput;

/** Bar of the shipped criterion: "at least three independent adopters". */
export const ADOPTERS_REQUIRED = 3;
/** Largest organisation's share of maintainers above which there is a concern. */
export const DOMINANT_SHARE = 2 / 3;

export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

export interface RuleOutput {
  level: Level;
  rationale: string;
  gaps: string[];
  signals: Signal[];
}

// ---- adopters ----

export function adoptersRule({ facts, claim }: RuleInput): RuleOutput {
  const n = facts.adopters.length;
  const claimed = claim?.count ?? null;
  const claimedLine = claim?.line ?? null;
  const lines = facts.adopters.map((a) => a.line);
  const signals: Signal[] = [
    { name: 'named adopters', value: n, lines },
    { name: 'claimed adopters', value: claimed, lines: claimedLine === null ? [] : [claimedLine] },
  ];
  const gaps: string[] = [];
  const claimText = claimed !== null ? `; the document claims ${claimed}${claimedLine !== null ? ` (line ${claimedLine})` : ''}` : '';
  let level: Level;
  if (n >= 10) level = 'exceeded';
  else if (n >= ADOPTERS_REQUIRED) level = 'met';
  else if (n > 0 || (claimed !== null && claimed >= ADOPTERS_REQUIRED)) level = 'partial';
  else level = 'none';
  if (n === 0) gaps.push(`no adopters named in the document${claimed !== null ? ` (it claims ${claimed} at line ${claimedLine}; ask for the names)` : '; ask for production users'}`);
  else if (n < ADOPTERS_REQUIRED) gaps.push(`only ${plural(n, 'adopter', 'adopters')} named; the bar is ${ADOPTERS_REQUIRED} independent adopters`);
  if (claimed !== null && claimed > n && n > 0) gaps.push(`${claimed} adopters claimed but ${n} named; the rest are not in the document`);
  // "shows 3 users" above a list of 5: one of the two is out of date, or the list holds others.
  if (claimed !== null && claimed < n) gaps.push(`${n} adopters named but the document claims ${claimed} (line ${claimedLine}); check which is current and whether every name is an adopter`);
  const where = n > 0 ? ` (${lineSetLabel(lines)})` : '';
  const rationale = `${plural(n, 'named adopter', 'named adopters')}${where} against the ${ADOPTERS_REQUIRED} required${claimText}.`;
  return { level, rationale, gaps, signals };
}

// ---- maintainers ----

/** What a maintainer section holds when no maintainer was read from it, for the gap text. */
function describeMaintainerSection(doc: DocumentModel): string {
  const path = sectionPaths(doc).find((p) => MAINTAINER_WORDS.test(stripInline(p.section.heading)));
  if (!path) return 'the document has no section about maintainers';
  const section: Section = path.section;
  const name = `the ${stripInline(section.heading)} section (${linesLabel(section.line, section.endLine)})`;
  const items: ListItem[] = section.blocks.flatMap((b) => (b.kind === 'list' ? walkItems(b.items).map((e) => e.item) : []));
  const empty = items.filter((i) => i.empty);
  if (items.length > 0 && empty.length === items.length) {
    return `${name} has ${plural(empty.length, 'empty bullet', 'empty bullets')} at ${lineSetLabel(empty.map((i) => i.line))}`;
  }
  const text = section.blocks.map((b) => (b.kind === 'list' ? items.map((i) => i.text).join(' ') : 'text' in b ? b.text : '')).join(' ');
  const links = text.match(/https?:\/\/\S+/g) ?? [];
  if (links.length > 0 && stripInline(text).replace(/https?:\/\/\S+/g, '').trim().split(/\s+/).length <= 12) {
    return `${name} only links elsewhere (${links[0]!.replace(/[)\]>.,]+$/, '')})`;
  }
  if (section.blocks.length === 0 && section.children.length === 0) return `${name} is empty`;
  return `${name} names no one in a list or table`;
}

const INDEPENDENT = /^(?:independent|individual|self|self-employed|personal|freelance|freelancer|none|unaffiliated|n\/a)$/i;

export function maintainersRule({ doc, facts, claim: stated }: RuleInput): RuleOutput {
  const list = facts.maintainers;
  const m = list.length;
  const unknown = list.filter((x) => x.affiliation === null).length;
  // Independent maintainers are each their own organisation: together they are not a block.
  const keyOf = (x: Maintainer) =>
    INDEPENDENT.test(x.affiliation!.trim()) ? `independent:${x.name.toLowerCase()}` : x.affiliation!.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  const orgs = [...new Set(list.filter((x) => x.affiliation !== null).map(keyOf))];
  const counts = new Map<string, { name: string; count: number }>();
  for (const x of list) {
    if (x.affiliation === null) continue;
    const key = keyOf(x);
    const entry = counts.get(key) ?? { name: x.affiliation, count: 0 };
    entry.count++;
    counts.set(key, entry);
  }
  const largest = [...counts.values()].sort((a, b) => b.count - a.count)[0] ?? null;
  const share = largest && m > 0 ? largest.count / m : null;
  const lines = list.map((x) => x.line);
  const signals: Signal[] = [
    { name: 'maintainers', value: m, lines },
    { name: 'organisations', value: orgs.length, lines },
    { name: 'largest organisation', value: largest ? largest.name : null, lines: list.filter((x) => largest && x.affiliation === largest.name).map((x) => x.line) },
    { name: 'largest organisation share', value: share === null ? null : Math.round(share * 100) / 100, lines: [] },
  ];
  const gaps: string[] = [];
  if (stated) signals.push({ name: 'stated maintainers', value: stated.count, lines: [stated.line] });
  if (m === 0) {
    const statedText = stated ? `; the document states ${stated.count} (line ${stated.line}) but names none` : '';
    gaps.push(`no maintainer list found${statedText}; ${describeMaintainerSection(doc)}`);
    return { level: 'none', rationale: 'No maintainers or committers are listed by name in the document.', gaps, signals };
  }
  let level: Level;
  if (orgs.length >= 3 && share !== null && share <= 0.5 && m >= 6) level = 'exceeded';
  else if (orgs.length >= 2 && share !== null && share <= DOMINANT_SHARE) level = 'met';
  else level = 'partial';
  let rationale = `${plural(m, 'maintainer', 'maintainers')} (${lineSetLabel(lines)}) from ${plural(orgs.length, 'organisation', 'organisations')}`;
  if (largest && share !== null) rationale += `; the largest, ${largest.name}, has ${largest.count} of ${m} (${Math.round(share * 100)}%)`;
  rationale += '.';
  if (share !== null && share > DOMINANT_SHARE) {
    const concern = `${largest!.count} of ${m} maintainers are from ${largest!.name}`;
    rationale += ` Concern: ${concern}.`;
    gaps.push(`${concern}; ask how the project will diversify its maintainers`);
  }
  if (orgs.length <= 1 && unknown < m) gaps.push('all maintainers with a stated affiliation are from one organisation');
  if (unknown > 0) gaps.push(`affiliation not given for ${plural(unknown, 'maintainer', 'maintainers')}`);
  if (stated && stated.count !== m) gaps.push(`the document states ${stated.count} maintainers (line ${stated.line}) but lists ${m}`);
  return { level, rationale, gaps, signals };
}

// ---- commit flow ----

const ACTIVITY_KINDS = new Set(['commits', 'merged_prs', 'prs']);
const PER_MONTH: Record<string, number> = { week: 52 / 12, month: 1, year: 1 / 12 };

const KIND_WORDS: Record<string, string> = { commits: 'commits', merged_prs: 'merged PRs', prs: 'PRs' };

function metricLabel(m: Metric): string {
  return `${m.value} ${KIND_WORDS[m.kind] ?? m.kind}${m.period && m.period !== 'total' ? ` per ${m.period}` : ''} (line ${m.line})`;
}

export function flowRule({ facts }: RuleInput): RuleOutput {
  const activity = facts.metrics.filter((m) => ACTIVITY_KINDS.has(m.kind));
  const rated = activity.filter((m) => m.period !== null && m.period !== 'total');
  const monthly = rated.map((m) => ({ metric: m, perMonth: m.value * PER_MONTH[m.period!]! }));
  const bestRate = monthly.sort((a, b) => b.perMonth - a.perMonth)[0] ?? null;
  const contributors = facts.metrics.filter((m) => m.kind === 'contributors').sort((a, b) => b.value - a.value)[0] ?? null;
  const orgs = facts.metrics.filter((m) => m.kind === 'contributing_orgs').sort((a, b) => b.value - a.value)[0] ?? null;
  const signals: Signal[] = [
    { name: 'activity per month', value: bestRate ? Math.round(bestRate.perMonth) : null, lines: bestRate ? [bestRate.metric.line] : [] },
    { name: 'activity figures', value: activity.length, lines: activity.map((m) => m.line) },
    { name: 'contributors', value: contributors?.value ?? null, lines: contributors ? [contributors.line] : [] },
    { name: 'contributing organisations', value: orgs?.value ?? null, lines: orgs ? [orgs.line] : [] },
  ];
  const gaps: string[] = [];
  const parts: string[] = [];
  if (bestRate) {
    const m = bestRate.metric;
    parts.push(m.period === 'month' ? metricLabel(m) : `about ${Math.round(bestRate.perMonth)} ${KIND_WORDS[m.kind]} per month (from ${m.value} per ${m.period}, line ${m.line})`);
  }
  else if (activity.length > 0) parts.push(`${metricLabel(activity[0]!)} with no time window`);
  if (contributors) parts.push(`${contributors.value} contributors (line ${contributors.line})`);
  if (orgs) parts.push(`${orgs.value} contributing organisations (line ${orgs.line})`);
  let level: Level;
  const rate = bestRate?.perMonth ?? 0;
  if (rate >= 100 && ((contributors?.value ?? 0) >= 50 || (orgs?.value ?? 0) >= 10)) level = 'exceeded';
  else if (rate >= 20) level = 'met';
  else if (activity.length > 0 || contributors) level = 'partial';
  else level = 'none';
  if (!bestRate) gaps.push(activity.length > 0 ? 'commit and pull request figures have no time window; ask for a monthly rate' : 'no commit or merged pull request rate found; ask for devstats figures over the last year');
  if (!contributors) gaps.push('no contributor count found');
  const rationale = parts.length > 0 ? `${parts.join('; ')}.` : 'No commit, pull request or contributor figures found in the document.';
  return { level, rationale, gaps, signals };
}

// ---- versioning ----

// A release at 1.0 or later, or GA. The bare word "stable" is not enough: documents restate the
// criterion ("dev and stable releases").
const STABLE = /(?<![\d.])v?[1-9]\d*\.\d+(?:\.\d+)?(?![\d.]*\d)|\bv[1-9]\d*\b|\bgeneral availability\b|\bGA\b/;
const CADENCE = /\bevery\s+(?:\d+|two|three|four|six|few)?\s*(?:weeks?|months?|quarters?)\b|\bcadence\b|\bmonthly\b|\bquarterly\b|\brelease cycle\b|\beach (?:month|quarter)\b/i;
const SCHEME = /\bsemver\b|semantic versioning|release process|versioning (?:scheme|policy)|backwards? compatib|deprecation policy|breaking changes/i;

export function versioningRule({ doc, facts, evidence }: RuleInput): RuleOutput {
  // The statements, plus the lines of the best evidence section (links to release docs live there).
  const texts = facts.versioning.map((v) => ({ line: v.line, text: v.quote }));
  const top = evidence[0];
  if (top) for (let n = top.startLine; n <= top.endLine && n <= doc.lineCount; n++) texts.push({ line: n, text: doc.lines[n - 1]! });
  const stable = texts.filter((t) => STABLE.test(t.text));
  const cadence = texts.filter((t) => CADENCE.test(t.text));
  const scheme = texts.filter((t) => SCHEME.test(t.text));
  const statementLines = facts.versioning.map((v) => v.line);
  const signals: Signal[] = [
    { name: 'release statements', value: facts.versioning.length, lines: statementLines },
    { name: 'stable release', value: stable.length > 0, lines: stable.slice(0, 3).map((t) => t.line) },
    { name: 'release cadence', value: cadence.length > 0, lines: cadence.slice(0, 3).map((t) => t.line) },
    { name: 'versioning scheme or process', value: scheme.length > 0, lines: scheme.slice(0, 3).map((t) => t.line) },
  ];
  const found = [stable.length > 0, cadence.length > 0, scheme.length > 0].filter(Boolean).length;
  let level: Level;
  if (facts.versioning.length === 0 && found === 0) level = 'none';
  else if (found === 3) level = 'exceeded';
  else if (found === 2 || (found === 1 && facts.versioning.length >= 2)) level = 'met';
  else level = 'partial';
  const parts: string[] = [];
  if (facts.versioning.length > 0) parts.push(`${plural(facts.versioning.length, 'release statement', 'release statements')} (${lineSetLabel(statementLines)})`);
  if (stable.length > 0) parts.push(`stable release mentioned (line ${stable[0]!.line})`);
  if (cadence.length > 0) parts.push(`cadence stated (line ${cadence[0]!.line})`);
  if (scheme.length > 0) parts.push(`scheme or process described (line ${scheme[0]!.line})`);
  const gaps: string[] = [];
  if (facts.versioning.length === 0 && found === 0) gaps.push('no release or versioning statements found; ask for the release history and versioning scheme');
  else {
    if (stable.length === 0) gaps.push('no stable release (1.0 or later) mentioned');
    if (cadence.length === 0) gaps.push('no release cadence stated');
    if (scheme.length === 0) gaps.push('no versioning scheme or release process described');
  }
  const rationale = parts.length > 0 ? `${parts.join('; ')}.` : 'No release or versioning statements found in the document.';
  return { level, rationale, gaps, signals };
}
