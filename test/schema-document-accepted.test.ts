import { describe, expect, it } from 'vitest';
import { validateSchemaDocument } from '../src/content/schema/validate-document.js';
import { errorsOf, example, withFields } from './helpers/schema-document.js';

// Schema documents validateSchemaDocument accepts (docs/schema.md), and the normal form it
// gives them.

describe('validateSchemaDocument: accepted documents', () => {
  it('accepts the example document and normalises it', () => {
    const result = validateSchemaDocument(example());
    expect(result).toEqual({ ok: true, doc: example() });
  });

  it('fills in missing sections, marks the first locale default, drops default: false', () => {
    const result = validateSchemaDocument({
      locales: [
        { slug: 'en', name: 'English', default: false },
        { slug: 'fr-ca', name: 'French' },
      ],
    });
    expect(result).toEqual({
      ok: true,
      doc: {
        locales: [
          { slug: 'en', name: 'English', default: true },
          { slug: 'fr-ca', name: 'French' },
        ],
        components: {},
        page_types: {},
        single_pages: {},
        collections: {},
      },
    });
  });

  it('leaves locales out when the document has none', () => {
    expect(validateSchemaDocument({})).toEqual({
      ok: true,
      doc: { components: {}, page_types: {}, single_pages: {}, collections: {} },
    });
  });

  it('puts field options in canonical order', () => {
    const result = validateSchemaDocument(withFields({ t: { max_length: 5, required: true, type: 'short_text' } }));
    expect(result.ok && JSON.stringify(result.doc.page_types?.p?.fields.t)).toBe(
      '{"type":"short_text","required":true,"max_length":5}',
    );
  });

  it('accepts hyphenated page type keys, slug single pages and every option where it applies', () => {
    const doc = {
      components: {
        seo: { name: 'SEO', fields: { t: { type: 'short_text' } } },
        card: { fields: { s: { type: 'component', component: 'seo' } } },
      },
      page_types: {
        'landing-page': {
          name: 'L',
          fields: {
            t: {
              type: 'long_text',
              required: false,
              localized: false,
              help_text: 'h',
              min_length: 0,
              max_length: 0,
              pattern: '^a+$',
            },
            n: { type: 'number', min: -1.5, max: -1.5 },
            d: { type: 'dropdown', options: ['a', 'b'] },
            r: { type: 'reference', to: 'page_type:landing-page', many: false },
            picker: { type: 'component_picker', components: ['seo', 'card'] },
            rows: {
              type: 'repeater',
              fields: { c: { type: 'color' }, r: { type: 'reference', to: 'page_type:landing-page' } },
            },
          },
        },
      },
      single_pages: { 'about-us-2': { name: 'About', fields: {} }, '404': { name: 'Not found', fields: {} } },
    };
    expect(errorsOf(doc)).toEqual([]);
  });

  it('accepts a component used twice along different paths (no cycle)', () => {
    const doc = {
      components: {
        leaf: { fields: {} },
        a: { fields: { x: { type: 'component', component: 'leaf' } } },
        b: { fields: { x: { type: 'component', component: 'leaf' }, y: { type: 'component', component: 'a' } } },
      },
    };
    expect(errorsOf(doc)).toEqual([]);
  });
});
