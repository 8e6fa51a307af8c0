import { describe, expect, it } from 'vitest';
import type { Caller } from '../src/accounts/find-caller.js';
import type { AccountSchema } from '../src/content/account-schema.js';
import { listMeta, parseLevels, parsePagination, parseScope, type Pagination } from '../src/api/params.js';
import { thrownBy } from './helpers/thrown.js';

// The read parameters as pure functions (docs/api.md §3): `levels`, pagination in its two
// styles, the list `meta` of each, and the locale and channel of a read.

const LEVELS = {
  code: 'invalid_levels',
  message: 'levels query parameter should be an integer between 1 and 5 (inclusive)',
};
const PAGE = { code: 'invalid_page', message: 'page query parameter should be a positive integer' };
const PAGE_SIZE = {
  code: 'invalid_page_size',
  message: 'page_size query parameter should be an integer between 1 and 100 (inclusive)',
};
const LIMIT = {
  code: 'invalid_limit',
  message: 'limit query parameter should be an integer between 1 and 100 (inclusive)',
};
const OFFSET = { code: 'invalid_offset', message: 'offset query parameter should be a non-negative integer' };
const MIXED = { code: 'mixed_pagination', message: 'Use either page and page_size or limit and offset, not both' };

describe('parseLevels', () => {
  it.for<[Record<string, string>, number]>([
    [{}, 2],
    [{ levels: '1' }, 1],
    [{ levels: '5' }, 5],
    [{ levels: '05' }, 5],
  ])('%j is %i', ([query, levels]) => {
    expect(parseLevels(query)).toBe(levels);
  });

  it.for(['0', '6', '', ' 1', '1 ', '+1', '-1', '1.0', '1e0', 'abc', '99999999999999999'])(
    'refuses levels=%j',
    (raw) => {
      expect(thrownBy(() => parseLevels({ levels: raw }))).toEqual(LEVELS);
    },
  );
});

describe('parsePagination', () => {
  it.for<[Record<string, string>, Pagination]>([
    [{}, { style: 'page', page: 1, pageSize: 10, limit: 10, offset: 0 }],
    [
      { page: '3', page_size: '20' },
      { style: 'page', page: 3, pageSize: 20, limit: 20, offset: 40 },
    ],
    [{ page_size: '100' }, { style: 'page', page: 1, pageSize: 100, limit: 100, offset: 0 }],
    [{ limit: '5' }, { style: 'offset', limit: 5, offset: 0 }],
    [{ offset: '7' }, { style: 'offset', limit: 10, offset: 7 }],
    [
      { limit: '100', offset: '9007199254740991' },
      { style: 'offset', limit: 100, offset: 9007199254740991 },
    ],
    // Far past the end stays a safe integer: an empty page, not an error.
    [
      { page: '9007199254740991', page_size: '100' },
      { style: 'page', page: 9007199254740991, pageSize: 100, limit: 100, offset: 9007199254740991 },
    ],
  ])('%j', ([query, pagination]) => {
    expect(parsePagination(query)).toEqual(pagination);
  });

  it.for<[Record<string, string>, { code: string; message: string }]>([
    [{ page: '0' }, PAGE],
    [{ page: '1.5' }, PAGE],
    [{ page: '' }, PAGE],
    [{ page: '99999999999999999' }, PAGE],
    [{ page_size: '0' }, PAGE_SIZE],
    [{ page_size: '101' }, PAGE_SIZE],
    [{ limit: '0' }, LIMIT],
    [{ limit: '101' }, LIMIT],
    [{ offset: '-1' }, OFFSET],
    [{ limit: '5', offset: 'x' }, OFFSET],
    [{ page: '1', limit: '5' }, MIXED],
    [{ page_size: '5', offset: '0' }, MIXED],
    // Mixed styles win over bad values.
    [{ page: '0', limit: '0' }, MIXED],
  ])('refuses %j', ([query, refusal]) => {
    expect(thrownBy(() => parsePagination(query))).toEqual(refusal);
  });
});

describe('listMeta', () => {
  const page = (p: number, size: number): Pagination => ({
    style: 'page',
    page: p,
    pageSize: size,
    limit: size,
    offset: (p - 1) * size,
  });
  const offset = (limit: number, at: number): Pagination => ({ style: 'offset', limit, offset: at });

  it.for<[string, Pagination, number, Record<string, number | null>]>([
    ['the only page', page(1, 10), 3, { count: 3, next_page: null, previous_page: null }],
    ['a first page of two', page(1, 2), 3, { count: 3, next_page: 2, previous_page: null }],
    ['the last page', page(2, 2), 3, { count: 3, next_page: null, previous_page: 1 }],
    ['a page past the end', page(9, 2), 3, { count: 3, next_page: null, previous_page: 8 }],
    ['an exact fit', page(1, 3), 3, { count: 3, next_page: null, previous_page: null }],
    ['offsets from the start', offset(2, 0), 5, { count: 5, next_offset: 2, previous_offset: null }],
    ['offsets in the middle', offset(2, 2), 5, { count: 5, next_offset: 4, previous_offset: 0 }],
    ['offsets short of a whole step back', offset(5, 3), 10, { count: 10, next_offset: 8, previous_offset: 0 }],
    ['offsets at the end', offset(2, 4), 5, { count: 5, next_offset: null, previous_offset: 2 }],
  ])('%s', ([_label, pagination, count, meta]) => {
    expect(listMeta(pagination, count)).toEqual(meta);
  });
});

describe('parseScope', () => {
  const caller = { accountId: 7 } as Caller;
  const schema = {
    locales: [
      { slug: 'en', name: 'English', isDefault: true },
      { slug: 'es', name: 'Spanish', isDefault: false },
    ],
    defaultLocale: 'en',
  } as AccountSchema;

  it.for<[Record<string, string>, string, 'published' | 'latest']>([
    [{}, 'en', 'published'],
    [{ locale: 'es' }, 'es', 'published'],
    [{ preview: '1' }, 'en', 'latest'],
    [{ preview: 'True' }, 'en', 'latest'],
    [{ test: '1' }, 'en', 'latest'],
    [{ preview: '0', test: 'false' }, 'en', 'published'],
    [{ preview: 'yes' }, 'en', 'published'],
  ])('%j reads %s, %s', ([query, locale, channel]) => {
    expect(parseScope(query, caller, schema)).toEqual({ accountId: 7, locale, channel });
  });

  it.for(['fr', 'EN', '', 'en '])('refuses locale=%j', (locale) => {
    expect(thrownBy(() => parseScope({ locale }, caller, schema))).toEqual({
      code: 'invalid_locale',
      message: 'Invalid locale parameter',
    });
  });
});
