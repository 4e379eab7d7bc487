import { describe, expect, it } from 'vitest';
import { normaliseNumber, numberWordValue, parseNumeral } from '../../../src/core/facts/numbers.js';

describe('normaliseNumber', () => {
  it.each([
    ['1,500+', 1500],
    ['2.6k', 2600],
    ['5M+', 5_000_000],
    ['1.6M', 1_600_000],
    ['more than 350', 350],
    ['over 1000', 1000],
    ['about 25', 25],
    ['seven', 7],
    ['Twenty-five', 25],
    ['10-20', 10],
    ['10 to 20', 10],
    ['150 million', 150_000_000],
    ['280,000', 280_000],
    ['92', 92],
  ])('%s -> %d', (text, value) => {
    expect(normaliseNumber(text)).toBe(value);
  });

  it.each(['0-5', '1.0.0', 'v1.2', 'many', '', '20-10', '1,50'])('rejects %j', (text) => {
    expect(normaliseNumber(text)).toBeNull();
  });
});

describe('parseNumeral and numberWordValue', () => {
  it('reads grouped digits and suffixes, not versions', () => {
    expect(parseNumeral('1,234,567')).toBe(1_234_567);
    expect(parseNumeral('3.5K')).toBe(3500);
    expect(parseNumeral('1.0.0')).toBeNull();
    expect(parseNumeral('12ab')).toBeNull();
  });

  it('reads number words and compound tens only', () => {
    expect(numberWordValue('three')).toBe(3);
    expect(numberWordValue('ninety-nine')).toBe(99);
    expect(numberWordValue('twenty-zero')).toBeNull();
    expect(numberWordValue('several')).toBeNull();
  });
});
