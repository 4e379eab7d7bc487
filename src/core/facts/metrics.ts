// Metrics: every numeric statement about contribution activity and community size (commits,
// PRs, contributors, organisations, releases, stars, forks, and `other` community counts), with
// the number normalised and the period it covers. Rules are written for the ways self-reports
// phrase statistics ("28 commits per month contained within 18 merged PRs", "contributors from
// [39] companies", "increased from 1,600+ to 2,600+", "seven maintainers", devstats tables),
// not for particular documents. See docs/evidence-quality.md.
import type { DocumentModel } from '../document/document-types.js';
import type { Metric, MetricKind, Reasoned } from '../evidence/extract-types.js';
import { headClass, LABEL_TAIL_WORDS, STOP_WORDS, type HeadClass } from './metric-lexicon.js';
import { findNumbers, groupNumbers, tokensAfter, tokensBefore, type Group, type NumberHit, type Token } from './metric-numbers.js';
import { CONTRIBUTED_FROM, periodFor, rateAt, type Head } from './metric-period.js';
import { rawQuote, readingUnits, sentenceSpans, type TextUnit } from './text-units.js';

const COUNTED_ELSEWHERE = /^(?:branch|branches|notes|managers?|teams?|process|processes|cycles?|candidates?|artifacts?|pipelines?|templates?|labels?|trackers?|channels?|leads?|guide|guides|bit|rights|access)$/;
const CADENCE_AFTER = /^\s*(?:every|each)\s+(?:\d+|two|three|four|five|six|eight|twelve|few|other|couple of)\s+(?:weeks?|months?|quarters?|years?)\b/i;
const ADOPTION_VERB = /^(?:use|uses|used|using|adopt|adopts|adopted|adopting|run|runs|running|deploy|deploys|deployed|deploying|rely|relies)$/;
const BECOME = /^\s*(?:have |has |had )?(?:become|became|were promoted|was promoted|got promoted|promoted|joined as|grew into|(?:were|was|been|got) (?:granted|given)\b[^.;]{0,40}?\b(?:role|rights|access|permissions?|bit))\b/i;
const COMMIT_VERB_NEXT = /^(?:to|on|regularly|daily|weekly|frequently|actively|often|less|more|code|changes|directly|at)$/;
const ORG_TAKING_UP =
  /^\s*(?:are|were|have|has|had)\s+(?:(?:now|already|actively|also)\s+)?(?:(?:beginning|starting|planning|looking|going|working)\s+to\s+)?(?:us(?:e|ed|ing)|adopt\w*|deploy\w*|run(?:ning)?|build(?:ing)?\s+(?:it|this|them|\w+)\s+into|evaluat\w*|trial\w*|pilot\w*)\b/i;
// Issue 14: metrics are activity figures only. Counts of roles (maintainers, approvers, members,
// owners), audiences (subscribers, followers, attendees, participants, people) and gatherings
// (meetings, events, threads) describe community size, not contribution activity, and are not
// metrics. Reviewers are activity only as PR or code reviewers.
const NOT_ACTIVITY =
  /^(?:maintainers?|approvers?|members?|membership|subscribers?|followers?|watchers?|watched|registrants|attendees?|participants?|people|persons|individuals|owners?|meetings?|meetups?|threads?|events?|creators|forkers|reporters)$/;
const ACTIVITY_REVIEWER = /^(?:pr|prs|code|pull)$/;

function notActivity(noun: string, modifiers: string[]): boolean {
  if (/^reviewers?$/.test(noun)) return !modifiers.some((m) => ACTIVITY_REVIEWER.test(m));
  return NOT_ACTIVITY.test(noun);
}


/** Resolve a head noun that needs context into a metric kind, or null when it is not one. */
function resolveHead(
  head: HeadClass,
  sentence: string,
  modifiers: string[],
  before: Token[],
  after: Token[],
  noun = '',
  afterText = '',
): { kind: MetricKind; stock: boolean } | null {
  switch (head.kind) {
    case 'excluded':
    case 'duration':
      return null;
    case 'users': {
      if (modifiers.some((m) => m === 'end' || m === 'production' || m === 'enterprise')) return null;
      // "7 community contributions from 3 different users": the users are contributors.
      if (before[1]?.lower === 'from' && /contribut|commit|pull request|\bPRs?\b/i.test(sentence)) return { kind: 'contributors', stock: true };
      // Chat and channel users are an audience, not activity.
      return null;
    }
    case 'times': {
      if (after[0] && /^(?:more|faster|larger|higher|bigger|less|fewer|slower|smaller|greater|better)$/.test(after[0].lower)) return null;
      if (after[0]?.lower === 'as' && /^(?:many|much|large|fast|big|high|often)$/.test(after[1]?.lower ?? '')) return null;
      // "held 38 times" counts meetings: not activity.
      return null;
    }
    case 'other':
      // "29 different people have contributed": contributors, counted over the sentence's window.
      if (head.stock && /^(?:people|persons|individuals)$/.test(noun) && /^\s*(?:have |has |had )?(?:contributed|made contributions|committed)\b/i.test(afterText))
        return { kind: 'contributors', stock: false };
      // "468 commits from 83 individuals": the people who made them are contributors.
      if (head.stock && /^(?:people|persons|individuals)$/.test(noun) && before[1]?.lower === 'from' && /\bcommits?\b|pull requests?|\bPRs?\b|contributions?/i.test(sentence))
        return { kind: 'contributors', stock: true };
      return notActivity(noun, modifiers) ? null : head;
    case 'country':
      return null;
    case 'version':
      return modifiers.some((m) => /^(?:major|minor|patch|stable|new|feature)$/.test(m)) || /\breleas/i.test(sentence)
        ? { kind: 'releases', stock: false }
        : null;
    case 'org': {
      if (after[0] && ADOPTION_VERB.test(after[0].lower)) return null;
      // "four companies are beginning to build it into …", "20 organizations have adopted it".
      if (ORG_TAKING_UP.test(afterText)) return null;
      if (after[0]?.lower === 'in' && after[1]?.lower === 'production') return null;
      // "commits mainly come from two companies" describes concentration, not a count.
      // ("in all our repositories come from 23 organizations" is a count: the word must be near.)
      if (before.slice(0, 4).some((t) => /^(?:mainly|mostly|primarily|largely|predominantly|majority|only|all)$/.test(t.lower))) return null;
      if (modifiers.some((m) => m.startsWith('contribut'))) return { kind: 'contributing_orgs', stock: true };
      if (modifiers.some((m) => m.startsWith('member') || m.startsWith('maintain'))) return null;
      // The noun the organisations belong to: "contributors from 39 companies".
      for (const token of before) {
        if (token.type !== 'word') continue;
        const owner = headClass(token.lower);
        if (!owner) continue;
        if (owner.kind === 'contributors' || owner.kind === 'commits' || owner.kind === 'prs') return { kind: 'contributing_orgs', stock: true };
        // "7 maintainers from 6 companies": the maintainers' organisations, not activity.
        if (owner.kind === 'other') return notActivity(token.lower, []) ? null : { kind: 'other', stock: true };
        if (owner.kind === 'users' && /contribut|commit|pull request|\bPRs?\b/i.test(sentence)) return { kind: 'contributing_orgs', stock: true };
        if (owner.kind === 'excluded' || owner.kind === 'users') return null;
      }
      if (/contribut|commit|pull request|\bPRs?\b/i.test(sentence)) return { kind: 'contributing_orgs', stock: true };
      // Organisations with no contribution context (taking part in calls, founding, using) are not activity.
      return null;
    }
    default:
      return head;
  }
}

/** The noun a number counts, looked for after it ("28 commits", "4 minor and 1 major releases"). */
function headAfter(text: string, sentence: { start: number; end: number }, pos: number, hits: Map<number, NumberHit>, depth = 0, context = ''): Head | null {
  // `context` is the table row label for a cell: "| Slack weekly active users | 645+ users |".
  const sentenceText = `${text.slice(sentence.start, sentence.end)} ${context}`;
  let cursor = pos;
  const rate = rateAt(text, cursor, sentence.end);
  if (rate) cursor = rate.end;
  let tokens = tokensAfter(text, cursor, sentence.end, 8);
  // "10-20 per month come from new contributors"
  if (rate && tokens.length >= 2 && /^(?:come|came|coming|are|were)$/.test(tokens[0]!.lower) && tokens[1]!.lower === 'from') tokens = tokens.slice(2);
  // "330 of the issues were closed", "806 of the total PRs are merged"
  if (tokens[0]?.lower === 'of' && depth === 0) {
    let skip = 1;
    if (/^(?:the|our|all|these|those|its|their)$/.test(tokens[skip]?.lower ?? '')) skip++;
    if (tokens[skip]?.lower === 'total') skip++;
    if (skip > 1) tokens = tokens.slice(skip);
  }
  const modifiers: string[] = [];
  // Up to four modifiers: "2 additional active repo level maintainers".
  for (let i = 0; i < tokens.length && modifiers.length <= 4; i++) {
    const token = tokens[i]!;
    if (token.type === 'num') return null;
    if (token.type === 'punct') {
      if (token.text === '-' || token.text === '/' || token.text === '&') continue;
      // "8, 10, and 2 releases": each number of a comma list shares the last one's noun.
      if (token.text === ',' && i === 0 && depth < 6 && !/(?:^|\D)(?:19|20)\d\d$/.test(text.slice(Math.max(0, pos - 5), pos))) {
        const following = tokens[1]?.lower === 'and' || tokens[1]?.lower === 'or' ? tokens[2] : tokens[1];
        const other = following?.type === 'num' ? hits.get(following.start) : undefined;
        if (other) return headAfter(text, sentence, other.end, hits, depth + 1, context);
      }
      return null;
    }
    const lower = token.lower;
    // "first-time-contributors", "core-maintainers": the last part names what is counted.
    let head = headClass(lower) ?? (lower.includes('-') ? headClass(lower.slice(lower.lastIndexOf('-') + 1)) : undefined);
    let end = token.end;
    const next = tokens[i + 1];
    if ((lower === 'pull' || lower === 'merge') && next && /^requests?$/.test(next.lower)) {
      head = { kind: 'prs', stock: false };
      end = next.end;
      i++;
    }
    if (head) {
      if (head.kind === 'duration' && modifiers.length === 0) return null; // "3 months", "two years"
      // "4 release branches", "2 issue templates": the count is of something else.
      if (next?.type === 'word' && COUNTED_ELSEWHERE.test(next.lower) && head.kind !== 'excluded') return null;
      // Compound nouns name what is counted by their last word: "PR reviewers", "commit authors".
      const following = tokens[i + 1];
      const compound = following?.type === 'word' ? headClass(following.lower) : undefined;
      if (compound && compound.kind !== 'duration' && head.kind !== 'excluded') {
        modifiers.push(lower);
        head = compound;
        end = following!.end;
        i++;
      }
      if (lower === 'end' || modifiers.includes('end')) return null;
      // "four commit to the project daily": a verb after a plural count, not the noun.
      if (lower === 'commit' && modifiers.length === 0 && next?.type === 'word' && COMMIT_VERB_NEXT.test(next.lower) && !/(?:^|\W)(?:1|one|a|an)\s*$/i.test(text.slice(Math.max(0, pos - 4), pos)))
        return null;
      if (modifiers.includes('press') || lower === 'press') return null; // "3 press releases"
      const after = tokensAfter(text, end, sentence.end, 3);
      const before = tokensBefore(text, sentence.start, pos, 8).filter((t) => t.end <= pos);
      const resolved = resolveHead(head, sentenceText, modifiers, before, after, lower, text.slice(end, Math.min(sentence.end, end + 40)));
      if (!resolved) return null;
      let kind = resolved.kind;
      const mergedVerb = before.slice(0, 3).some((t) => t.lower === 'merged');
      // "806 of the total PRs (...) are merged": the verb follows, before any other number or clause.
      const mergedLater = /^(?:(?!\band\b)[^.;\d]){0,60}?\b(?:are|were|got|been)\s+(?:\w+ly\s+)?merged\b/i.test(text.slice(end, Math.min(sentence.end, end + 80)));
      if (kind === 'prs' && (modifiers.includes('merged') || after[0]?.lower === 'merged' || mergedVerb || mergedLater)) kind = 'merged_prs';
      // "1 minor release every three months" states the cadence, "2 releases into the future" and
      // "within the next two releases" a planning horizon: none is a count.
      if (
        resolved.kind === 'releases' &&
        (CADENCE_AFTER.test(text.slice(end, end + 32)) ||
          /^\s*(?:into the future|ahead|from now|out)\b/i.test(text.slice(end, end + 20)) ||
          /^(?:next|upcoming|coming|following|future)$/.test(before[1]?.lower ?? ''))
      )
        return null;
      // "3 contributors become maintainers" counts promotions: not activity.
      const become = BECOME.test(text.slice(end, end + 64));
      if (become) return null;
      // "added 3 maintainers", "attracted 37 new committers": a change, not a level.
      const grew = before.slice(1, 3).some((t) => /^(?:added|gained|attracted|welcomed|onboarded|promoted|new)$/.test(t.lower));
      const change = grew || modifiers.includes('new') || modifiers.includes('additional') || lower.startsWith('first-time') || lower.startsWith('new-');
      return { kind, stock: resolved.stock, change, end, labelStart: null };
    }
    if ((lower === 'and' || lower === 'or') && modifiers.length > 0 && next?.type === 'num' && depth === 0) {
      // "4 minor and 1 major releases": the first number shares the second one's noun; not when
      // it has a plural noun of its own ("3.6K packages and 50K releases").
      if (modifiers.some((m) => PLURAL_NOUN.test(m))) return null;
      const other = hits.get(next.start);
      return other ? headAfter(text, sentence, other.end, hits, depth + 1, context) : null;
    }
    if (STOP_WORDS.has(lower)) return null;
    if (/^[a-z]+(?:-[a-z]+)*$/i.test(token.text)) modifiers.push(lower); // "full-time", "long-standing"
    else return null;
  }
  return null;
}

/** A plural noun, not an adjective such as "minor", "new" or "various". */
const PLURAL_NOUN = /^[a-z]{2,}[^su'’]s$/;

/** A label before a number that ends its clause ("Github stars: 1700+", "Number of commits increased to 300+"). */
function headBefore(text: string, sentence: { start: number; end: number }, group: Group): Head | null {
  if (group.members.every((m) => m.yearLike)) return null;
  let cursor = group.end;
  const rate = rateAt(text, cursor, sentence.end);
  if (rate) cursor = rate.end;
  const next = tokensAfter(text, cursor, sentence.end, 1)[0];
  if (next) {
    const ok = (next.type === 'punct' && /[.,;:!?()\]]/.test(next.text)) || (next.type === 'word' && LABEL_TAIL_WORDS.has(next.lower));
    if (!ok) return null;
  }
  const sentenceText = text.slice(sentence.start, sentence.end);
  const before = tokensBefore(text, sentence.start, group.start, 10);
  let percent = false;
  for (const [index, token] of before.entries()) {
    // "Stargazers: 331% annual growth from 524 -> 1735": a percentage is not a count, look past it.
    if (token.type === 'num' && percent) {
      percent = false;
      continue;
    }
    if (token.type === 'num') return null;
    percent = token.text === '%';
    if (token.type === 'punct') {
      // "GitHub stars (~2,000 to 3,480+)", "community meetings (total 15 as of June)": figures in
      // parentheses right after their label, at most behind a qualifier word.
      if (token.text === '(' && before.slice(0, index).every((t) => /^(?:total|about|around|approximately|approx|over|almost|nearly|roughly|~)$/i.test(t.text))) continue;
      if (/[,;()!?.]/.test(token.text)) return null;
      continue;
    }
    const head = headClass(token.lower);
    if (!head || head.kind === 'duration') continue;
    if (head.kind === 'excluded') return null;
    const modifiers = before.slice(index + 1, index + 3).filter((t) => t.type === 'word').map((t) => t.lower);
    let resolved = resolveHead(head, sentenceText, modifiers, before.slice(index + 1), [], token.lower);
    if (head.kind === 'version') resolved = null;
    if (!resolved) return null;
    let kind = resolved.kind;
    if (kind === 'prs' && (modifiers.includes('merged') || /\bmerged\b/i.test(text.slice(token.end, group.start)))) kind = 'merged_prs';
    // The quote starts where the label's clause starts ("Number of contributors: 50+ -> 90+").
    let labelStart = token.start;
    for (const earlier of before.slice(index + 1)) {
      if (earlier.type === 'punct' && /[,;()!?.]/.test(earlier.text)) break;
      if (earlier.type === 'num') break;
      labelStart = earlier.start;
    }
    return { kind, stock: resolved.stock, change: modifiers.includes('new'), end: group.end, labelStart };
  }
  return null;
}

function quoteFor(unit: TextUnit, raw: string[], start: number, end: number, anchor: number, sentenceStart: number): { line: number; quote: string } {
  let quote = rawQuote(unit, raw, start, end, anchor);
  // A quote cut down to the bare number ("[92]") gets a few words of context before it.
  if (quote.quote.replace(/[\[\]*_+\s]/g, '').length <= 6) {
    const before = tokensBefore(unit.text, sentenceStart, start, 3).filter((t) => unit.lineOf[t.start] === quote.line);
    const from = before.length > 0 ? before[before.length - 1]!.start : start;
    quote = rawQuote(unit, raw, from, end, anchor);
  }
  return quote;
}

function sentenceMetrics(unit: TextUnit, sentence: { start: number; end: number }, raw: string[], label?: { text: string; line: number | null; start: number }): Metric[] {
  const text = unit.text;
  const sentenceText = text.slice(sentence.start, sentence.end);
  const hits = findNumbers(text, sentence.start, sentence.end);
  const byStart = new Map(hits.map((hit) => [hit.start, hit]));
  const metrics: Metric[] = [];
  let previous: Head | null = null;
  let introContext: string | undefined;
  for (const group of groupNumbers(text, hits, sentenceText)) {
    const last = group.members[group.members.length - 1]!;
    // A list's intro that says its items contributed ("In the last year Proj has had contributions
    // from:") tells what a bare "9 organizations" item counts. (Tested once per sentence.)
    if (introContext === undefined) introContext = unit.intro && CONTRIBUTED_FROM.test(unit.intro.text) ? unit.intro.text : '';
    const context = label?.text ?? introContext;
    let head = headAfter(text, sentence, last.end, byStart, 0, context);
    if (!head && group.members.length === 2 && group.values.length === 2) head = headAfter(text, sentence, group.members[0]!.end, byStart, 0, context);
    if (!head) head = headBefore(text, sentence, group);
    let labelText = '';
    const rest = text.slice(group.end, sentence.end).replace(/^\s*(?:per|a|each|\/)\s*\w+/i, '').replace(/\([^()]*\)/g, '');
    if (!head && label && !group.members.every((m) => m.yearLike) && (/^\s*$/.test(text.slice(sentence.start, group.start) + rest) || figuresOnly(sentenceText))) {
      head = labelHead(label.text);
      labelText = label.text;
    }
    if (!head && previous) head = subsetHead(text, sentence, group, previous);
    // "increased to 209 totally, up from 63 before joining": the earlier value of the pair.
    const upFrom = previous ? UP_FROM.exec(text.slice(Math.max(sentence.start, group.start - 24), group.start)) : null;
    if (!head && previous && upFrom) head = sameHead(previous, group.end, group.start - upFrom[0].length + upFrom[0].search(/\S/));
    if (!head && !previous && unit.intro) head = introHead(unit.intro.text, text.slice(sentence.start, group.start), text.slice(group.end, sentence.end));
    if (head?.fromIntro) labelText = head.fromIntro;
    if (!head) continue;
    previous = head;
    if (group.members.some((m) => m.decimal) && head.kind === 'releases') continue; // "1.3 release"
    const period = periodFor(unit, sentenceText, head, text, group, labelText);
    const start = head.labelStart !== null ? Math.min(head.labelStart, group.start) : group.start;
    const rate = rateAt(text, Math.max(head.end, group.end), sentence.end);
    const end = Math.max(head.end, group.end, rate?.end ?? 0);
    for (const [index, value] of group.values.entries()) {
      const anchor = group.members[Math.min(index, group.members.length - 1)]!.start;
      const { line, quote } = quoteFor(unit, raw, start, end, anchor, sentence.start);
      metrics.push({ kind: head.kind, value, period, line, quote });
    }
  }
  return metrics;
}

const CELL_FIGURE = /[+-]?\d[\d,.]*(?:\s*[kKmM](?![A-Za-z]))?\+?%?/g;
const CELL_RATE = /(?:\b(?:per|a|each)\s+|\/\s*)(?:week|month|year|day|quarter)s?\b/gi;
const CELL_QUALIFIER = /\b(?:avg|average|mean|median|max|maximum|min|minimum|peak|total|about|approx|approximately)\b|~/gi;

/**
 * A table cell that holds only figures with their qualifiers and rates: "3051 (24 per week)",
 * "Avg: 7 Max: 25", "56 (+250%)". Every figure in it counts what the row or column label names.
 */
function figuresOnly(cell: string): boolean {
  if (!/\d/.test(cell)) return false;
  const residue = cell.replace(CELL_RATE, ' ').replace(CELL_FIGURE, ' ').replace(CELL_QUALIFIER, ' ');
  return /^[\s():;,=|/+\-.]*$/.test(residue);
}

function sameHead(previous: Head, end: number, labelStart: number): Head {
  return { kind: previous.kind, stock: previous.stock, change: previous.change, end, labelStart };
}

const UP_FROM = /\b(?:up|down|grown|increased|rising|rose|climbed)\s+from\s+(?:about\s+|around\s+|~\s*)?\[?\s*$/i;
// (Its quote starts at the verb: "up from [63]".)
const INTRO_NOUN = /\b(?:number|count|total)\s+of\s+((?:[\w-]+\s+){0,2}?(?:pull requests?|merge requests?|[\w-]+))\b/i;

/**
 * A list item that only labels its figure ("merged: 362", "total: 396") under an intro that names
 * what is counted ("Total number of PRs in the past year:"): the intro's noun, qualified by the label.
 */
function introHead(intro: string, before: string, after: string): Head | null {
  if (!/number|count|total/i.test(intro)) return null;
  if (!/^\s*[A-Za-z][\w -]{0,24}:\s*\[?\s*$/.test(before) || !/^[\s\]).;,]*$/.test(after)) return null;
  const noun = INTRO_NOUN.exec(intro);
  if (!noun) return null;
  const label = `${before.replace(/[:\[\s]+$/, '')} ${noun[1]}`;
  const head = labelHead(label);
  return head ? { ...head, labelStart: null, fromIntro: label } : null;
}

const SUBSET_BEFORE = /\b(?:of which|of whom|of those|of these|of them|among them|among which)\s*,?\s*(?:\w+\s+)?$/i;
const SUBSET_VERB = /^\s*(?:\+\s*)?(?:are|were|was|is|come|came|have|had|got)\b/i;
const DAILY = /\b(?:on a daily basis|daily|per day|a day|each day)\b/i;

/**
 * A number counting part of an earlier figure of the sentence: "235 members, of which roughly
 * 30 are online on a daily basis", "Out of the last 100 merged PRs, 22 were made by ...".
 */
function subsetHead(text: string, sentence: { start: number; end: number }, group: Group, previous: Head): Head | null {
  const before = text.slice(Math.max(sentence.start, group.start - 40), group.start);
  const after = text.slice(group.end, Math.min(sentence.end, group.end + 60));
  const outOf = /\bout of\b/i.test(text.slice(sentence.start, group.start));
  if (!SUBSET_VERB.test(after) || !(SUBSET_BEFORE.test(before) || outOf)) return null;
  return { ...previous, change: true, end: group.end, labelStart: null, subsetDaily: DAILY.test(after.split(/[.;]/)[0] ?? '') };
}

/** Kind named by a table label cell or header ("Commits", "Merged PRs per month"). */
function labelHead(label: string): Head | null {
  const tokens = tokensAfter(label, 0, label.length, 12).filter((t) => t.type === 'word');
  let found: Head | null = null;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    let head = headClass(token.lower);
    if ((token.lower === 'pull' || token.lower === 'merge') && /^requests?$/.test(tokens[i + 1]?.lower ?? '')) head = { kind: 'prs', stock: false };
    if (!head || head.kind === 'duration') continue;
    if (head.kind === 'excluded') return null;
    const modifiers = i > 0 ? [tokens[i - 1]!.lower] : [];
    const resolved = head.kind === 'version' ? null : resolveHead(head, label, modifiers, [], [], token.lower);
    if (!resolved) return null;
    let kind = resolved.kind;
    if (kind === 'prs' && /\bmerged\b/i.test(label)) kind = 'merged_prs';
    // A "Growth since last review" or "New" column counts a change, not a level.
    found = { kind, stock: resolved.stock, change: /\b(?:new|growth|grown|increase|increased|added|gained|change|delta|diff)\b/i.test(label), end: 0, labelStart: null };
    break;
  }
  return found;
}

const YEAR_HEADER = /^\s*(?:19|20)\d\d\s*$/;

function rowMetrics(unit: TextUnit, raw: string[]): Metric[] {
  const cells = unit.cells ?? [];
  const header = unit.header ?? [];
  const metrics: Metric[] = [];
  const firstText = cells[0] ? unit.text.slice(cells[0].start, cells[0].end).trim() : '';
  const rowLabel = /\d/.test(firstText) && !/[a-z]{3}/i.test(firstText) ? '' : firstText;
  // An abbreviated label explained in a text cell of its row: "| Slack WAU | 93 | 213 | Weekly Active Users |".
  const notes = cells.slice(1).map((c) => unit.text.slice(c.start, c.end).trim()).filter((t) => t !== '' && !/\d/.test(t));
  const describedLabel = rowLabel && notes.length > 0 ? `${rowLabel} ${notes.join(' ')}` : '';
  const headLabel = rowLabel && labelHead(rowLabel) ? rowLabel : describedLabel && labelHead(describedLabel) ? describedLabel : '';
  for (const [index, cell] of cells.entries()) {
    if (cell.end <= cell.start) continue;
    const columnHeader = header[index] ?? '';
    const rowHead = index > 0 && headLabel ? labelHead(headLabel) : null;
    const label = rowHead ? headLabel : columnHeader;
    // The other axis can carry the window: a "2022" column or a "Last 12 months" row.
    // A year column holds that year's activity, but a level (stars, contributors) at that time.
    const context = rowHead ? `${columnHeader} ${YEAR_HEADER.test(columnHeader) && !rowHead.stock ? 'per year' : ''}` : rowLabel;
    const found = sentenceMetrics(unit, cell, raw, index > 0 || !rowLabel ? { text: `${label} ${context}`, line: null, start: cell.start } : undefined);
    for (const metric of found) {
      // Quote from the label cell to the value when both are on this row.
      if (rowHead && cells[0]) {
        const span = rawQuote(unit, raw, cells[0].start, cell.end, cell.start);
        if (span.quote.length <= 160) metric.quote = span.quote;
      }
      metrics.push(metric);
    }
  }
  return metrics;
}

/** The reasons, in one place: what found an activity figure. */
export const METRIC_REASONS = {
  row: 'table cell whose row label or column header names the activity counted',
  sentence: 'figure in a sentence, with the activity noun it counts',
} as const;

/** Every numeric statement about contribution activity and community size, in document order. */
export function extractMetrics(doc: DocumentModel): Array<Metric & Reasoned> {
  const metrics: Array<Metric & Reasoned> = [];
  const seen = new Set<string>();
  for (const unit of readingUnits(doc)) {
    const found = unit.kind === 'row' ? rowMetrics(unit, doc.lines) : sentenceSpans(unit.text).flatMap((s) => sentenceMetrics(unit, s, doc.lines));
    const reason = unit.kind === 'row' ? METRIC_REASONS.row : METRIC_REASONS.sentence;
    for (const metric of found) {
      const key = `${metric.line}\u0000${metric.kind}\u0000${metric.value}\u0000${metric.quote}`;
      if (seen.has(key)) continue;
      seen.add(key);
      metrics.push({ ...metric, reason });
    }
  }
  return metrics;
}
