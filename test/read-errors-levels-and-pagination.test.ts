import { describe, it } from 'vitest';
import { DIALECTS } from './helpers/databases.js';
import {
  atBrand,
  cross,
  DETAILS,
  expectError,
  expectOk,
  LISTS,
  TEXT,
  useDemoReads,
  withParam,
} from './helpers/read-errors.js';

// `levels`, `page`/`page_size` and `limit`/`offset` out of range (docs/api.md §3 and §9): the
// exact 400 text on every list and detail endpoint, and the bounds that still pass.

const BAD_LEVELS = ['0', '6', '1.5', '-1', 'abc', '', '+1', '1e0', '%201', '99999999999999999999'];
const BAD_PAGE = ['0', '-1', '1.5', 'abc', '', '99999999999999999999', '1e2'];
const BAD_PAGE_SIZE = ['0', '101', '-1', '1.5', 'abc', '', '99999999999999999999'];
const BAD_LIMIT = ['0', '101', '-1', '1.5', 'abc', ''];
const BAD_OFFSET = ['-1', '1.5', 'abc', '', '99999999999999999999'];
const MIXED = ['page=1&limit=5', 'page_size=5&offset=0', 'page=1&offset=0', 'page_size=5&limit=5', 'page=0&limit=0'];

describe.each(DIALECTS)('levels and pagination parameters, 400 (%s)', (dialect) => {
  const demo = useDemoReads(dialect);

  it.for(cross([...LISTS, ...DETAILS], BAD_LEVELS))(
    'levels not an integer in 1..5: %s levels=%s',
    async ([base, v]) => {
      await expectError(demo.s, withParam(atBrand(demo, base), `levels=${v}`), 400, TEXT.levels);
    },
  );

  it.for(cross([...LISTS, ...DETAILS], ['1', '5']))('levels in 1..5 is fine: %s levels=%s', async ([base, v]) => {
    await expectOk(demo.s, withParam(atBrand(demo, base), `levels=${v}`));
  });

  it.for(cross(LISTS, BAD_PAGE))('page not a positive integer: %s page=%s', async ([base, v]) => {
    await expectError(demo.s, withParam(base, `page=${v}`), 400, TEXT.page);
  });

  it.for(LISTS)('page=2 is fine: %s', async (base) => {
    await expectOk(demo.s, withParam(base, 'page=2'));
  });

  it.for(cross(LISTS, BAD_PAGE_SIZE))('page_size not an integer in 1..100: %s page_size=%s', async ([base, v]) => {
    await expectError(demo.s, withParam(base, `page_size=${v}`), 400, TEXT.pageSize);
  });

  it.for(cross(LISTS, ['1', '100']))('page_size in 1..100 is fine: %s page_size=%s', async ([base, v]) => {
    await expectOk(demo.s, withParam(base, `page_size=${v}`));
  });

  it.for(cross(LISTS, BAD_LIMIT))('limit not an integer in 1..100: %s limit=%s', async ([base, v]) => {
    await expectError(demo.s, withParam(base, `limit=${v}`), 400, TEXT.limit);
  });

  it.for(cross(LISTS, BAD_OFFSET))('offset not a non-negative integer: %s offset=%s', async ([base, v]) => {
    await expectError(demo.s, withParam(base, `limit=5&offset=${v}`), 400, TEXT.offset);
  });

  it.for(cross(LISTS, ['limit=100&offset=0', 'offset=2']))(
    'limit and offset in range are fine: %s %s',
    async ([base, p]) => {
      await expectOk(demo.s, withParam(base, p));
    },
  );

  it.for(cross(LISTS, MIXED))('page and offset pagination mixed: %s %s', async ([base, p]) => {
    await expectError(demo.s, withParam(base, p), 400, TEXT.mixed);
  });
});
