// Number normalisation for statistics written the way project self-reports write them:
// "1,500+", "2.6k", "5M+", "seven", "twenty-five", "150 million". Pure and linear.

const UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16,
  seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = {
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const SCALES: Record<string, number> = {
  hundred: 100, thousand: 1_000, million: 1_000_000, billion: 1_000_000_000,
};
const SUFFIXES: Record<string, number> = { k: 1_000, m: 1_000_000, b: 1_000_000_000 };

/** Value of a number word ("seven", "twenty-five", "Forty"), or null. */
export function numberWordValue(word: string): number | null {
  const lower = word.toLowerCase();
  if (Object.hasOwn(UNITS, lower)) return UNITS[lower]!;
  if (Object.hasOwn(TENS, lower)) return TENS[lower]!;
  const dash = lower.indexOf('-');
  if (dash > 0) {
    const tens = lower.slice(0, dash);
    const unit = lower.slice(dash + 1);
    if (Object.hasOwn(TENS, tens) && Object.hasOwn(UNITS, unit) && UNITS[unit]! > 0 && UNITS[unit]! < 10) {
      return TENS[tens]! + UNITS[unit]!;
    }
  }
  return null;
}

/** Multiplier of a scale word ("hundred", "million"), or null. */
export function scaleWordValue(word: string): number | null {
  const lower = word.toLowerCase();
  return Object.hasOwn(SCALES, lower) ? SCALES[lower]! : null;
}

/**
 * Value of a digit token with an optional magnitude suffix: "1,500" -> 1500, "2.6k" -> 2600,
 * "5M" -> 5000000. Returns null for anything else (versions such as "1.0.0" included).
 */
export function parseNumeral(token: string): number | null {
  const match = /^(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?([kKmMbB])?$/.exec(token);
  if (!match) return null;
  const whole = match[1]!.replace(/,/g, '');
  let value = Number(`${whole}${match[2] ?? ''}`);
  if (match[3]) value *= SUFFIXES[match[3].toLowerCase()]!;
  if (!Number.isFinite(value)) return null;
  // 2.6k is 2600 exactly, not 2600.0000000000005.
  return Math.round(value * 1000) / 1000;
}

/**
 * Normalise a free-text number as a reviewer would read it: "1,500+" -> 1500, "more than 350"
 * -> 350, "2.6k" -> 2600, "seven" -> 7, "10-20" -> 10 (lower bound), "150 million" -> 150000000.
 * Returns null when the text is not a single number or is a range starting at zero.
 */
export function normaliseNumber(text: string): number | null {
  let t = text.trim().toLowerCase();
  t = t.replace(/^(?:more than|over|about|around|approximately|approx\.?|nearly|almost|roughly|at least|~|>=?|≈)\s*/, '');
  t = t.replace(/\+$/, '').trim();
  const whole = numberWordValue(t);
  if (whole !== null) return whole;
  const range = /^([^\s–-]+)\s*(?:-|–|to)\s*([^\s–-]+)$/.exec(t);
  if (range) {
    const low = normaliseNumber(range[1]!);
    const high = normaliseNumber(range[2]!);
    if (low === null || high === null || high < low || low === 0) return null;
    return low;
  }
  const words = t.split(/\s+/);
  if (words.length === 2) {
    const scale = scaleWordValue(words[1]!);
    const base = parseNumeral(words[0]!) ?? numberWordValue(words[0]!);
    if (scale !== null && base !== null) return base * scale;
    return null;
  }
  if (words.length !== 1) return null;
  return parseNumeral(words[0]!) ?? numberWordValue(words[0]!);
}
