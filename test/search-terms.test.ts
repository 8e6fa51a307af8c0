import { describe, expect, it } from 'vitest';
import { parseSearchTerms } from '../src/api/search-query.js';
import { thrownBy } from './helpers/thrown.js';

// A search `query` (docs/api.md §3): 1 to 256 code points without control characters, split
// into lowercase terms of letters and digits (at most 32); punctuation only separates them.

const INVALID = { code: 'invalid_search', message: 'Invalid search query' };

describe('parseSearchTerms', () => {
  it.for<[string, string[]]>([
    ['ghee', ['ghee']],
    ['Ghee Butter', ['ghee', 'butter']],
    ["o'brien", ['o', 'brien']],
    ['a & b | !c:* <-> d', ['a', 'b', 'c', 'd']],
    ['café CRÈME', ['café', 'crème']],
    ['日本 料理', ['日本', '料理']],
    ['v2.0-beta', ['v2', '0', 'beta']],
    [' ', []],
    ['!!!', []],
    ['🧈', []],
  ])('%j is %j', ([raw, terms]) => {
    expect(parseSearchTerms(raw)).toEqual(terms);
  });

  it('keeps the first 32 terms', () => {
    const words = Array.from({ length: 40 }, (_, i) => `w${i}`);
    expect(parseSearchTerms(words.join(' '))).toEqual(words.slice(0, 32));
  });

  it.for<[string, string]>([
    ['256 letters', 'a'.repeat(256)],
    ['256 emoji (512 UTF-16 units)', '🧈'.repeat(256)],
  ])('takes %s', ([_label, raw]) => {
    expect(() => parseSearchTerms(raw)).not.toThrow();
  });

  it.for<[string, string | undefined]>([
    ['no query', undefined],
    ['an empty query', ''],
    ['257 letters', 'a'.repeat(257)],
    ['257 emoji', '🧈'.repeat(257)],
    ['a NUL', 'a\u0000b'],
    ['a newline', 'a\nb'],
    ['a tab', 'a\tb'],
    ['DEL', 'a\u007fb'],
    ['a C1 control', 'a\u0085b'],
  ])('refuses %s', ([_label, raw]) => {
    expect(thrownBy(() => parseSearchTerms(raw))).toEqual(INVALID);
  });
});
