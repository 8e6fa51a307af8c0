import { describe, expect, it } from 'vitest';
import { parseQueryString } from '../src/http/query-string.js';

// How a query string becomes parameters (docs/api.md §1): plain strings, the last of a repeated
// parameter, and malformed percent-escapes read as U+FFFD instead of failing.

describe('parseQueryString', () => {
  it.for<[string, Record<string, string>]>([
    ['', {}],
    ['a=1', { a: '1' }],
    ['a=1&b=2', { a: '1', b: '2' }],
    ['a=1&a=2', { a: '2' }],
    ['query=&query=ghee', { query: 'ghee' }],
    ['query=ghee&query=', { query: '' }],
    ['flag', { flag: '' }],
    ['a=x%20y&b=x+y', { a: 'x y', b: 'x y' }],
    ['fields.seo.title=Who%20we%20are', { 'fields.seo.title': 'Who we are' }],
    ['q=%F0%9F%A7%88', { q: '🧈' }],
    ['q=%E0%A4%A', { q: '\uFFFD%A' }],
    ['q=%ZZ', { q: '%ZZ' }],
    ['q=100%', { q: '100%' }],
    ['q=a%00b', { q: 'a\u0000b' }],
    ['%61=1', { a: '1' }],
    ['a=1&&b=2&', { a: '1', b: '2' }],
    ['a==1', { a: '=1' }],
  ])('%j', ([raw, parsed]) => {
    expect({ ...parseQueryString(raw) }).toEqual(parsed);
  });

  it.for(['__proto__=x', 'constructor=x', 'toString=x'])(
    'keeps %s a plain parameter, not an inherited property',
    (raw) => {
      const parsed = parseQueryString(raw);
      const [key] = raw.split('=') as [string];
      expect(Object.getPrototypeOf(parsed)).toBeNull();
      expect(Object.keys(parsed)).toEqual([key]);
      expect(parsed[key]).toBe('x');
    },
  );

  it('has no inherited properties for a parameter that is absent', () => {
    const parsed = parseQueryString('a=1');
    expect(parsed.toString).toBeUndefined();
    expect('hasOwnProperty' in parsed).toBe(false);
  });
});
