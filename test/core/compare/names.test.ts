import { describe, expect, it } from 'vitest';
import { editDistance, handleKey, orgKey, personKey, similarPersonKeys } from '../../../src/core/compare/names.js';

describe('orgKey', () => {
  it('meets one organisation across case, punctuation, legal forms and a leading "The"', () => {
    expect(orgKey('ACME Corporation, Inc.')).toBe(orgKey('Acme Corp'));
    expect(orgKey('The Blue Harbor Company')).toBe(orgKey('Blue Harbor'));
    expect(orgKey('Northwind GmbH')).toBe(orgKey('northwind'));
    expect(orgKey('Money Forward')).toBe(orgKey('MoneyForward'));
    expect(orgKey('Engel & Völkers')).toBe(orgKey('Engel & Volkers'));
  });
  it('keeps different organisations apart', () => {
    expect(orgKey('Acme')).not.toBe(orgKey('Acmeware'));
    expect(orgKey('Red Hat')).not.toBe(orgKey('Red Hat Insights'));
  });
  it('keeps a name made only of legal words rather than emptying it', () => {
    expect(orgKey('The Company')).toBe('company');
    expect(orgKey('Tech Group')).toBe('tech');
  });
});

describe('people', () => {
  it('meets a name across accents, order and case', () => {
    expect(personKey('Kremser, Jiří')).toBe(personKey('jiri kremser'));
  });
  it('counts small spelling slips only in names long enough to carry them', () => {
    expect(similarPersonKeys(personKey('Michal Kuritka'), personKey('Michael Kuritka'))).toBe(true);
    expect(similarPersonKeys(personKey('Ann Li'), personKey('Ann Lu'))).toBe(false);
    expect(similarPersonKeys(personKey('Donovan Muller'), personKey('Dinar Valev'))).toBe(false);
  });
  it('compares handles without case or "@"', () => {
    expect(handleKey('@JKremser')).toBe(handleKey('jkremser'));
    expect(handleKey(null)).toBeNull();
  });
  it('edit distance stops past its limit', () => {
    expect(editDistance('kitten', 'sitting', 5)).toBe(3);
    expect(editDistance('kitten', 'sitting', 1)).toBe(2);
  });
});
