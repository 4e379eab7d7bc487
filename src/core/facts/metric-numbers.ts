// Numbers in a sentence of a self-report that may be counts: digits and number words with their
// qualifiers and magnitude suffixes, with dates, versions, percentages, times, enumerators and
// references weeded out; then grouped into before -> after pairs and ranges. Part of
// extractMetrics (metrics.ts); pure and linear.
import { MONTH, NOT_A_COUNT_BEFORE, YEAR_BEFORE } from './metric-lexicon.js';
import { numberWordValue, parseNumeral, scaleWordValue } from './numbers.js';

export interface Token {
  text: string;
  lower: string;
  start: number;
  end: number;
  type: 'word' | 'num' | 'punct';
}

export interface NumberHit {
  start: number;
  end: number;
  value: number;
  yearLike: boolean;
  /** A fraction without k/M suffix: a rate average or a version. */
  decimal: boolean;
  /** Start of a leading qualifier ("more than", "about") for the quote. */
  quoteStart: number;
}

export interface Group {
  members: NumberHit[];
  /** Values to record: both ends of a before -> after pair, the lower bound of a range. */
  values: number[];
  start: number;
  end: number;
}

const TOKEN = /\s*(?:([A-Za-z][A-Za-z'’]*(?:-[A-Za-z]+)*)|(\d[\d,.]*[kKmMbB]?\+?)|(\S))/y;

export function tokensAfter(text: string, from: number, limit: number, max: number): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = from;
  while (tokens.length < max && TOKEN.lastIndex < limit) {
    const match = TOKEN.exec(text);
    if (!match) break;
    const value = match[1] ?? match[2] ?? match[3] ?? '';
    const end = TOKEN.lastIndex;
    if (end > limit) break;
    tokens.push({
      text: value,
      lower: value.toLowerCase(),
      start: end - value.length,
      end,
      type: match[1] ? 'word' : match[2] ? 'num' : 'punct',
    });
  }
  return tokens;
}

/** Up to `max` tokens ending at `to`, nearest first. */
export function tokensBefore(text: string, from: number, to: number, max: number): Token[] {
  const start = Math.max(from, to - 160);
  const tokens = tokensAfter(text, start, to, 64);
  return tokens.slice(-max).reverse();
}

const NUMBER = /\d[\d,.]*|\b(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?\b/gi;
// 2021-06-01, 2021/06, 06/01/2021, 1.2.2022
const DATE = /^(?:\d{4}[-/.]\d{1,2}(?:[-/.]\d{1,2})?|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4})(?![\d])/;
const QUALIFIER = /(?:more than|over|about|around|approximately|approx\.|nearly|almost|roughly|at least|up to|~|>|≈)\s*$/i;

export function findNumbers(text: string, start: number, end: number): NumberHit[] {
  const hits: NumberHit[] = [];
  const sentence = text.slice(start, end);
  let skipUntil = -1;
  for (const match of sentence.matchAll(NUMBER)) {
    let token = match[0];
    let s = start + match.index;
    if (s < skipUntil) continue;
    const date = DATE.exec(text.slice(s, s + 12));
    if (date) {
      skipUntil = s + date[0].length;
      continue;
    }
    const isWord = /^[a-z]/i.test(token);
    if (!isWord) token = token.replace(/[.,]+$/, '');
    let e = s + token.length;
    const before = text[s - 1] ?? ' ';
    const before2 = text[s - 2] ?? ' ';
    if (/[A-Za-z_#$€£@\\]/.test(before)) continue;
    if (/[./:]/.test(before) && /\d/.test(before2)) continue;
    let value: number | null;
    if (isWord) {
      if (text[e] === '-' && /[a-z]/i.test(text[e + 1] ?? '')) continue; // "one-stop", "two-thirds"
      value = numberWordValue(token);
    } else {
      if ((token.match(/\./g) ?? []).length > 1) continue; // version "1.0.0"
      let suffix = '';
      if (/[kKmMbB]/.test(text[e] ?? '') && !/[A-Za-z0-9]/.test(text[e + 1] ?? '')) {
        suffix = text[e]!;
        e++;
      } else if (text[e] === ' ' && /[kKM]/.test(text[e + 1] ?? '') && !/[A-Za-z0-9]/.test(text[e + 2] ?? '')) {
        suffix = text[e + 1]!; // "5.2 k" in devstats tables
        e += 2;
      }
      if (/[A-Za-z%]/.test(text[e] ?? '')) continue; // "3rd", "64GB", "2x", "80%"
      if (/[/:]/.test(text[e] ?? '') && /\d/.test(text[e + 1] ?? '')) continue; // dates, times
      if (text[e] === '.' && /\d/.test(text[e + 1] ?? '')) continue;
      if (/^\s*percent\b/i.test(text.slice(e, e + 9))) continue;
      value = parseNumeral(token + suffix);
    }
    if (value === null) continue;
    // A decimal without a magnitude suffix is a devstats average ("52.5 commits per month") or a
    // version ("the 1.0 release"); versions are weeded out once the noun is known.
    const decimal = !isWord && token.includes('.') && !/[kKmMbB]$/.test(text.slice(s, e).replace(/\+$/, ''));
    if (decimal && /\.0$/.test(token)) continue;
    // "150 million"
    const scale = /^\s+(hundred|thousand|million|billion)\b/i.exec(text.slice(e, e + 10));
    if (scale) {
      value *= scaleWordValue(scale[1]!)!;
      e += scale[0].length;
    }
    if (text[e] === '+') e++;
    // Enumerators: "1) Limited availability", "(2) Limited resources" — small bare numbers at the
    // start of a sentence or after punctuation, unlike "stars (~2,000 to 3,480+)".
    if (text[e] === ')' && value < 100 && /^\d+$/.test(token) && /(?:^|[.:;,]|^\s*\(|[.:;,]\s*\()\s*$/.test(text.slice(start, s).slice(-12))) continue;
    const prev = tokensBefore(text, start, s, 2);
    const prevWord = prev[0]?.type === 'word' ? prev[0].lower : '';
    const next = tokensAfter(text, e, end, 1)[0];
    if (NOT_A_COUNT_BEFORE.has(prevWord)) continue;
    // "from one company", "in one place": a determiner, not a count.
    if (isWord && value === 1 && /^(?:from|of|in|by|at|to|with|for|per|each|any|than|only|just|into|on)$/.test(prevWord)) continue;
    if (MONTH.test(prevWord) || (next && MONTH.test(next.text))) continue;
    const yearLike = !isWord && /^\d{4}$/.test(token) && value >= 1970 && value <= 2100 && !suffix(text, s, e);
    if (yearLike) {
      if (YEAR_BEFORE.has(prevWord)) continue;
      if (prev[0]?.text === ',' && prev[1]?.type === 'num') continue; // "Oct 25, 2022"
    }
    const head = text.slice(Math.max(start, s - 16), s);
    // Criteria thresholds restated: "at least three", "more than one organisation".
    if ((/at least\s*$/i.test(head) && value <= 3) || (/more than\s*$/i.test(head) && value === 1)) continue;
    // Rules and capacities, not counts: "no more than 2 maintainers from one company", "requires
    // two reviewers", "the free account only supports 3 members".
    if (/(?:no more than|at most|maximum of|minimum of|requires?|required|needs?|supports?|allows?|permits?|limited to|limit of|capacity of)\s*$/i.test(text.slice(Math.max(start, s - 24), s))) continue;
    const qualifier = QUALIFIER.exec(head);
    hits.push({ start: s, end: e, value, yearLike, decimal, quoteStart: qualifier ? s - qualifier[0].length : s });
  }
  return hits;
}

function suffix(text: string, s: number, e: number): boolean {
  return /[kKmMbB+]$/.test(text.slice(s, e));
}

/** Pairs ("from 1,600+ to 2,600+", "50+ -> 90+") and ranges ("10-20", "between 10 and 20"). */
const GROWTH = /\b(?:increas\w*|grew|grow\w*|rose|risen|went|jump\w*|doubl\w*|tripl\w*|expand\w*)\b/i;

export function groupNumbers(text: string, hits: NumberHit[], sentence: string): Group[] {
  const growth = GROWTH.test(sentence);
  const groups: Group[] = [];
  for (let i = 0; i < hits.length; i++) {
    const a = hits[i]!;
    const b = hits[i + 1];
    const single: Group = { members: [a], values: [a.value], start: a.quoteStart, end: a.end };
    if (!b) {
      if (a.value > 0) groups.push(single);
      continue;
    }
    const gap = text.slice(a.end, b.start);
    const lead = text.slice(Math.max(0, a.quoteStart - 12), a.quoteStart);
    // "from A to B", and "A to B" in a sentence about growth ("stars (~2,000 to 3,480+)"), are
    // before -> after pairs; other "A to B" are ranges.
    // "from a max of 7 to a max of 13": a statistic named on both sides.
    const toGap = /^\s*to\s+(?:over\s+|about\s+|around\s+|more than\s+|nearly\s+|almost\s+|an?\s+(?:max(?:imum)?|min(?:imum)?|average|peak|total)\s+of\s+)?$/i.test(gap);
    const pair = /^\s*(?:->|-->|→|=>|⇒)\s*$/.test(gap) || (toGap && (/\bfrom\s*$/i.test(lead) || growth));
    // "Stars: 3.7k (from 1.5k)": the current figure first, its earlier value in parentheses.
    const fromAfter = /^\s*\(\s*(?:up\s+)?from\s+(?:about\s+|around\s+|~\s*)?$/i.test(gap) && /^\s*\)/.test(text.slice(b.end, b.end + 3));
    if (fromAfter) {
      groups.push({ members: [a, b], values: [b.value, a.value], start: a.quoteStart, end: b.end });
      i++;
      continue;
    }
    const range = (/^[-–]$|^\s*–\s*$/.test(gap) || /^\s*to\s+$/i.test(gap) || (/^\s*and\s+$/i.test(gap) && /\bbetween\s*$/i.test(lead))) && !pair;
    if (pair) {
      groups.push({ members: [a, b], values: [a.value, b.value], start: a.quoteStart, end: b.end });
      i++;
    } else if (range) {
      i++;
      if (a.yearLike && b.yearLike) continue; // "2020-2021"
      if (a.value === 0 || b.value <= a.value) continue; // "0-5 new threads per day" is not recorded
      groups.push({ members: [a, b], values: [a.value], start: a.quoteStart, end: b.end });
    } else if (a.value > 0) {
      groups.push(single);
    }
  }
  return groups;
}
