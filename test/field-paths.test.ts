import { describe, expect, it } from 'vitest';
import { isNumeric, isScalar, resolvePath, splitPath } from '../src/content/field-paths.js';
import type { FieldType } from '../src/content/schema/types.js';
import { LANDING_FIELDS, LANDING_SCHEMA } from './helpers/memory-schema.js';

// Dot paths into a type's fields (docs/api.md §3): how they split, how they resolve through
// components, and which field types are scalars (filterable, orderable) or stored as numbers.

describe('splitPath', () => {
  it.for<[string, string[] | null]>([
    ['headline', ['headline']],
    ['seo.title', ['seo', 'title']],
    ['a-b_c.d1', ['a-b_c', 'd1']],
    ['404', ['404']],
    ['', null],
    ['.', null],
    ['a.', null],
    ['.a', null],
    ['a..b', null],
    ['Headline', null],
    [' a', null],
    ['a b', null],
    ['a*', null],
  ])('%j is %j', ([text, segments]) => {
    expect(splitPath(text)).toEqual(segments);
  });
});

describe('resolvePath', () => {
  it.for<[string[], string | null]>([
    [['headline'], 'headline'],
    [['seo'], 'seo'],
    [['seo', 'title'], 'seo.title'],
    [['brand'], 'brand'],
    [['nope'], null],
    [['seo', 'nope'], null],
    [['headline', 'x'], null],
    // References and repeaters are not walked through: only components are.
    [['brand', 'name'], null],
    [['faq', 'question'], null],
    // Inherited object keys are not fields.
    [['constructor'], null],
    [['toString'], null],
  ])('%j resolves to %j', ([segments, path]) => {
    expect(resolvePath(LANDING_FIELDS, segments, LANDING_SCHEMA)?.path ?? null).toBe(path);
  });
});

describe('isScalar and isNumeric', () => {
  it.for<[FieldType, boolean, boolean]>([
    ['short_text', true, false],
    ['long_text', true, false],
    ['wysiwyg', true, false],
    ['html', true, false],
    ['markdown', true, false],
    ['number', true, true],
    ['date', true, false],
    ['checkbox', true, true],
    ['dropdown', true, false],
    ['media', true, false],
    ['color', true, false],
    ['reference', false, false],
    ['component', false, false],
    ['component_picker', false, false],
    ['repeater', false, false],
  ])('%s: scalar %s, numeric %s', ([type, scalar, numeric]) => {
    expect(isScalar({ type })).toBe(scalar);
    expect(isNumeric({ type })).toBe(numeric);
  });
});
