import { describe, expect, it } from 'vitest';
import { parseFilters, parseOrder, parseSelection, type Filter, type Order } from '../src/content/list-spec.js';
import { MAX_INDEXED_TEXT } from '../src/content/write/derived-rows.js';
import { LANDING_FIELDS, LANDING_SCHEMA } from './helpers/memory-schema.js';
import { thrownBy } from './helpers/thrown.js';

// The list parameters checked against a type's schema (docs/api.md §3): `fields.<path>=` filters
// (through one reference at most), `order=` on scalars, and `fields=` selections.

const FIELDS = { code: 'invalid_fields', message: 'Invalid fields parameter' };
const ORDER = { code: 'invalid_order', message: 'Invalid order parameter' };
const filters = (query: Record<string, string>) => parseFilters(query, LANDING_FIELDS, LANDING_SCHEMA);

describe('parseFilters', () => {
  it.for<[Record<string, string>, Filter[]]>([
    [{}, []],
    [{ page: '2', locale: 'en', order: 'x' }, []],
    [{ 'fields.headline': 'Hi' }, [{ via: null, path: 'headline', numeric: false, value: 'Hi' }]],
    [{ 'fields.launch': '2026-05-17' }, [{ via: null, path: 'launch', numeric: false, value: '2026-05-17' }]],
    [{ 'fields.seo.title': 'Who' }, [{ via: null, path: 'seo.title', numeric: false, value: 'Who' }]],
    [{ 'fields.seo.score': '4.5' }, [{ via: null, path: 'seo.score', numeric: true, value: 4.5 }]],
    [{ 'fields.brand.name': 'Acme' }, [{ via: 'brand', path: 'name', numeric: false, value: 'Acme' }]],
    [{ 'fields.brand.founded': '1949' }, [{ via: 'brand', path: 'founded', numeric: true, value: 1949 }]],
    [
      { 'fields.headline': 'a', 'fields.priority': '2' },
      [
        { via: null, path: 'headline', numeric: false, value: 'a' },
        { via: null, path: 'priority', numeric: true, value: 2 },
      ],
    ],
  ])('%j', ([query, parsed]) => {
    expect(filters(query)).toEqual(parsed);
  });

  // The comparable value: null when the text can never match the field.
  it.for<[string, string, string | number | null]>([
    ['priority', '3', 3],
    ['priority', ' 2 ', 2],
    ['priority', '1e3', 1000],
    ['priority', '-0.5', -0.5],
    ['priority', 'abc', null],
    ['priority', '', null],
    ['priority', 'Infinity', null],
    ['priority', '1e400', null],
    ['featured', 'true', 1],
    ['featured', 'True', 1],
    ['featured', '0', 0],
    ['featured', 'yes', null],
    ['headline', '', ''],
    ['headline', 'a\u0000b', null],
    ['priority', '1\u0000', null],
  ])('fields.%s=%j compares as %j', ([field, raw, value]) => {
    expect(filters({ [`fields.${field}`]: raw })[0]!.value).toBe(value);
  });

  it('compares only the indexed start of a long text', () => {
    const long = 'x'.repeat(MAX_INDEXED_TEXT + 10);
    expect(filters({ 'fields.headline': long })[0]!.value).toBe('x'.repeat(MAX_INDEXED_TEXT));
  });

  it.for([
    'fields.nope',
    'fields.',
    'fields.Headline',
    'fields..headline',
    'fields.headline.',
    'fields.headline.x',
    'fields.seo',
    'fields.seo.nope',
    'fields.faq',
    'fields.faq.question',
    'fields.related',
    'fields.brand',
    'fields.brand.nope',
    'fields.brand.category.slug',
    'fields.slug',
    'fields.id',
  ])('refuses %s', (key) => {
    expect(thrownBy(() => filters({ [key]: '1' }))).toEqual(FIELDS);
  });
});

describe('parseOrder', () => {
  it.for<[string | undefined, Order | null]>([
    [undefined, null],
    ['published', { kind: 'published', desc: false }],
    ['-updated', { kind: 'updated', desc: true }],
    ['headline', { kind: 'field', path: 'headline', numeric: false, desc: false }],
    ['-priority', { kind: 'field', path: 'priority', numeric: true, desc: true }],
    ['featured', { kind: 'field', path: 'featured', numeric: true, desc: false }],
    ['seo.title', { kind: 'field', path: 'seo.title', numeric: false, desc: false }],
  ])('%j', ([raw, order]) => {
    expect(parseOrder(raw, LANDING_FIELDS, LANDING_SCHEMA)).toEqual(order);
  });

  it('orders by published or updated where there are no fields (the * list)', () => {
    expect(parseOrder('-published', null, LANDING_SCHEMA)).toEqual({ kind: 'published', desc: true });
    expect(thrownBy(() => parseOrder('headline', null, LANDING_SCHEMA))).toEqual(ORDER);
  });

  it.for([
    '',
    '-',
    '--published',
    'nope',
    'Headline',
    'seo',
    'faq',
    'brand',
    'related',
    'brand.name',
    'published,slug',
    'slug',
    'id',
  ])('refuses order=%j', (raw) => {
    expect(thrownBy(() => parseOrder(raw, LANDING_FIELDS, LANDING_SCHEMA))).toEqual(ORDER);
  });
});

describe('parseSelection', () => {
  it.for<[string | undefined, string[][] | null]>([
    [undefined, null],
    ['headline', [['headline']]],
    ['headline,seo.title', [['headline'], ['seo', 'title']]],
    ['seo', [['seo']]],
    ['faq,brand,related', [['faq'], ['brand'], ['related']]],
  ])('%j', ([raw, selection]) => {
    expect(parseSelection(raw, LANDING_FIELDS, LANDING_SCHEMA)).toEqual(selection);
  });

  it.for([
    '',
    ',',
    'headline,',
    'a,,b',
    'nope',
    'HEADLINE',
    'headline.x',
    'seo.nope',
    ' headline',
    'brand.name',
    'slug',
  ])('refuses fields=%j', (raw) => {
    expect(thrownBy(() => parseSelection(raw, LANDING_FIELDS, LANDING_SCHEMA))).toEqual(FIELDS);
  });
});
