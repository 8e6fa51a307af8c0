import { describe, expect, it } from 'vitest';
import { forceFlag, parseBool, queryBool } from '../src/params/query-bool.js';

// The one reading of a boolean in the query (docs/api.md §1): `true`/`1` and `false`/`0` in any
// case, since ButterCMS's Python client sends `True`; anything else is no answer.

describe('queryBool', () => {
  it.for<[string | undefined, boolean | null]>([
    ['true', true],
    ['TRUE', true],
    ['True', true],
    ['1', true],
    ['false', false],
    ['False', false],
    ['0', false],
    [undefined, null],
    ['', null],
    ['yes', null],
    ['no', null],
    ['on', null],
    [' true', null],
    ['01', null],
    ['2', null],
  ])('%j is %j', ([raw, value]) => {
    expect(queryBool(raw)).toBe(value);
  });
});

describe('parseBool and forceFlag', () => {
  it.for<[string | undefined, boolean]>([
    ['1', true],
    ['tRuE', true],
    ['0', false],
    ['false', false],
    ['yes', false],
    ['', false],
    [undefined, false],
  ])('%j is %j', ([raw, on]) => {
    expect(parseBool(raw)).toBe(on);
    expect(forceFlag(raw)).toBe(on);
  });
});
