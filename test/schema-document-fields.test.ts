import { describe, expect, it } from 'vitest';
import { errorsOf, TEXT_OPTIONS, TYPES, withFields } from './helpers/schema-document.js';

// Fields of a schema document (docs/schema.md): a known type, only the options that apply to
// it, and values for them that make sense (bounds, patterns, dropdown options, reference
// targets, components, repeaters).

describe('validateSchemaDocument: fields', () => {
  it('needs a known type', () => {
    expect(errorsOf(withFields({ a: 'short_text', b: {}, c: { type: 'image' } }))).toEqual([
      'page_types.p.fields.a: must be an object with a "type"',
      `page_types.p.fields.b.type: missing field type; expected one of ${TYPES}`,
      `page_types.p.fields.c.type: unknown field type "image"; expected one of ${TYPES}`,
    ]);
  });

  it('allows options only where they apply, and no unknown ones', () => {
    expect(
      errorsOf(
        withFields({
          t: { type: 'short_text', min: 1, maxlength: 3 },
          n: { type: 'number', max_length: 3 },
          c: { type: 'checkbox', options: ['a'] },
          r: { type: 'reference', to: 'collection:brands', fields: {} },
        }),
      ),
    ).toEqual([
      `page_types.p.fields.t.min: does not apply to a short_text field (its options are ${TEXT_OPTIONS})`,
      `page_types.p.fields.t.maxlength: unknown option; a short_text field takes ${TEXT_OPTIONS}`,
      'page_types.p.fields.n.max_length: does not apply to a number field (its options are required, localized, help_text, min, max)',
      'page_types.p.fields.c.options: does not apply to a checkbox field (its options are required, localized, help_text)',
      'page_types.p.fields.r.fields: does not apply to a reference field (its options are required, localized, help_text, to, many)',
    ]);
  });

  it('checks booleans, help text, lengths, bounds and patterns', () => {
    expect(
      errorsOf(
        withFields({
          a: { type: 'short_text', required: 'yes', localized: 1, help_text: 5 },
          b: { type: 'short_text', min_length: -1, max_length: 1.5 },
          c: { type: 'markdown', min_length: 10, max_length: 5 },
          d: { type: 'number', min: '1', max: Infinity },
          e: { type: 'number', min: 3, max: 2 },
          f: { type: 'html', pattern: '(' },
          g: { type: 'short_text', pattern: 5 },
          h: { type: 'reference', to: 'collection:brands', many: 'yes' },
        }),
      ),
    ).toEqual([
      'page_types.p.fields.a.required: must be true or false',
      'page_types.p.fields.a.localized: must be true or false',
      'page_types.p.fields.a.help_text: must be a string',
      'page_types.p.fields.b.min_length: must be a non-negative integer',
      'page_types.p.fields.b.max_length: must be a non-negative integer',
      'page_types.p.fields.c.min_length: must not exceed max_length (10 > 5)',
      'page_types.p.fields.d.min: must be a number',
      'page_types.p.fields.d.max: must be a number',
      'page_types.p.fields.e.min: must not exceed max (3 > 2)',
      'page_types.p.fields.f.pattern: not a valid RE2 pattern: missing ): (; patterns use RE2 syntax (no lookahead, lookbehind or backreferences)',
      'page_types.p.fields.g.pattern: must be a regular expression, as a string',
      'page_types.p.fields.h.many: must be true or false',
    ]);
  });

  it('needs dropdown options: a non-empty list of unique non-empty strings', () => {
    expect(
      errorsOf(
        withFields({
          a: { type: 'dropdown' },
          b: { type: 'dropdown', options: [] },
          c: { type: 'dropdown', options: 'a,b' },
          d: { type: 'dropdown', options: ['a', '', 3, 'a'] },
        }),
      ),
    ).toEqual([
      'page_types.p.fields.a.options: required for a dropdown field',
      'page_types.p.fields.b.options: must be a non-empty list of strings',
      'page_types.p.fields.c.options: must be a non-empty list of strings',
      'page_types.p.fields.d.options.1: must be a non-empty string',
      'page_types.p.fields.d.options.2: must be a non-empty string',
      'page_types.p.fields.d.options.3: duplicate option "a"',
    ]);
  });

  it('needs a reference target defined in the same document', () => {
    expect(
      errorsOf(
        withFields({
          a: { type: 'reference' },
          b: { type: 'reference', to: 'brands' },
          c: { type: 'reference', to: 'single_page:home' },
          d: { type: 'reference', to: 'page_type:nope' },
          e: { type: 'reference', to: 'collection:nope' },
          f: { type: 'reference', to: 'page_type:p' },
          g: { type: 'reference', to: 'collection:brands', many: true },
        }),
      ),
    ).toEqual([
      'page_types.p.fields.a.to: required for a reference field',
      'page_types.p.fields.b.to: must be "page_type:<key>" or "collection:<key>"',
      'page_types.p.fields.c.to: must be "page_type:<key>" or "collection:<key>"',
      'page_types.p.fields.d.to: no page type "nope" in this document',
      'page_types.p.fields.e.to: no collection "nope" in this document',
    ]);
  });

  it('needs components that exist', () => {
    expect(
      errorsOf(
        withFields({
          a: { type: 'component' },
          b: { type: 'component', component: 'nope' },
          c: { type: 'component', component: ['seo'] },
          d: { type: 'component_picker' },
          e: { type: 'component_picker', components: [] },
          f: { type: 'component_picker', components: ['seo', 'nope', 'seo', 1] },
        }),
      ),
    ).toEqual([
      'page_types.p.fields.a.component: required for a component field',
      'page_types.p.fields.b.component: no component "nope" in this document',
      'page_types.p.fields.c.component: must be a component key',
      'page_types.p.fields.d.components: required for a component_picker field',
      'page_types.p.fields.e.components: must be a non-empty list of component keys',
      'page_types.p.fields.f.components.1: no component "nope" in this document',
      'page_types.p.fields.f.components.2: duplicate component "seo"',
      'page_types.p.fields.f.components.3: must be a component key',
    ]);
  });

  it('keeps repeaters to pages and components, and needs their fields', () => {
    const repeater = { type: 'repeater', fields: { q: { type: 'short_text' } } };
    expect(
      errorsOf(withFields({ a: { type: 'repeater' }, b: { type: 'repeater', fields: { q: { type: 'nope' } } } })),
    ).toEqual([
      'page_types.p.fields.a.fields: required for a repeater field',
      `page_types.p.fields.b.fields.q.type: unknown field type "nope"; expected one of ${TYPES}`,
    ]);
    expect(errorsOf({ single_pages: { home: { name: 'H', fields: { r: repeater } } } })).toEqual([]);
    expect(errorsOf({ collections: { c: { name: 'C', fields: { r: repeater } } } })).toEqual([
      'collections.c.fields.r.type: a collection cannot hold repeater fields; repeaters are for pages and components',
    ]);
    expect(errorsOf({ components: { c: { fields: { r: repeater } } } })).toEqual([]);
  });
});
