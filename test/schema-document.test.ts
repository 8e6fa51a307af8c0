import { describe, expect, it } from 'vitest';
import { validateSchemaDocument } from '../src/content/schema/validate-document.js';

const TYPES = 'short_text, long_text, wysiwyg, html, markdown, number, date, checkbox, dropdown, media, color, reference, component, component_picker, repeater';
const TEXT_OPTIONS = 'required, localized, help_text, min_length, max_length, pattern';

/** The example document of API.md section 7. */
function example(): Record<string, unknown> {
  return {
    locales: [{ slug: 'en', name: 'English', default: true }, { slug: 'es', name: 'Spanish' }],
    components: { seo: { fields: { title: { type: 'short_text' }, description: { type: 'long_text' } } } },
    page_types: {
      landing_page: {
        name: 'Landing page',
        fields: {
          headline: { type: 'short_text', required: true, max_length: 120 },
          hero_image: { type: 'media' },
          seo: { type: 'component', component: 'seo' },
          body: { type: 'component_picker', components: ['seo'] },
          faq: { type: 'repeater', fields: { question: { type: 'short_text' }, answer: { type: 'wysiwyg' } } },
          related: { type: 'reference', to: 'page_type:landing_page', many: true },
          brand: { type: 'reference', to: 'collection:brands' },
        },
      },
    },
    single_pages: { homepage: { name: 'Homepage', fields: { headline: { type: 'short_text' } } } },
    collections: { brands: { name: 'Brands', fields: { name: { type: 'short_text', required: true }, logo: { type: 'media' } } } },
  };
}

/** A document with one page type `p` holding the given fields (plus a collection and a component to point at). */
function withFields(fields: Record<string, unknown>, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    components: { seo: { fields: { title: { type: 'short_text' } } } },
    page_types: { p: { name: 'P', fields } },
    collections: { brands: { name: 'Brands', fields: {} } },
    ...extra,
  };
}

function errorsOf(doc: unknown): string[] {
  const result = validateSchemaDocument(doc);
  return result.ok ? [] : result.errors;
}

describe('validateSchemaDocument: accepted documents', () => {
  it('accepts the API.md example and normalises it', () => {
    const result = validateSchemaDocument(example());
    expect(result).toEqual({ ok: true, doc: example() });
  });

  it('fills in missing sections, marks the first locale default, drops default: false', () => {
    const result = validateSchemaDocument({ locales: [{ slug: 'en', name: 'English', default: false }, { slug: 'fr-ca', name: 'French' }] });
    expect(result).toEqual({
      ok: true,
      doc: {
        locales: [{ slug: 'en', name: 'English', default: true }, { slug: 'fr-ca', name: 'French' }],
        components: {}, page_types: {}, single_pages: {}, collections: {},
      },
    });
  });

  it('leaves locales out when the document has none', () => {
    expect(validateSchemaDocument({})).toEqual({ ok: true, doc: { components: {}, page_types: {}, single_pages: {}, collections: {} } });
  });

  it('puts field options in canonical order', () => {
    const result = validateSchemaDocument(withFields({ t: { max_length: 5, required: true, type: 'short_text' } }));
    expect(result.ok && JSON.stringify(result.doc.page_types?.p?.fields.t)).toBe('{"type":"short_text","required":true,"max_length":5}');
  });

  it('accepts hyphenated page type keys, slug single pages and every option where it applies', () => {
    const doc = {
      components: { seo: { name: 'SEO', fields: { t: { type: 'short_text' } } }, card: { fields: { s: { type: 'component', component: 'seo' } } } },
      page_types: {
        'landing-page': {
          name: 'L',
          fields: {
            t: { type: 'long_text', required: false, localized: false, help_text: 'h', min_length: 0, max_length: 0, pattern: '^a+$' },
            n: { type: 'number', min: -1.5, max: -1.5 },
            d: { type: 'dropdown', options: ['a', 'b'] },
            r: { type: 'reference', to: 'page_type:landing-page', many: false },
            picker: { type: 'component_picker', components: ['seo', 'card'] },
            rows: { type: 'repeater', fields: { c: { type: 'color' }, r: { type: 'reference', to: 'page_type:landing-page' } } },
          },
        },
      },
      single_pages: { 'about-us-2': { name: 'About', fields: {} }, '404': { name: 'Not found', fields: {} } },
    };
    expect(errorsOf(doc)).toEqual([]);
  });

  it('accepts a component used twice along different paths (no cycle)', () => {
    const doc = { components: {
      leaf: { fields: {} },
      a: { fields: { x: { type: 'component', component: 'leaf' } } },
      b: { fields: { x: { type: 'component', component: 'leaf' }, y: { type: 'component', component: 'a' } } },
    } };
    expect(errorsOf(doc)).toEqual([]);
  });
});

describe('validateSchemaDocument: document shape', () => {
  it('refuses a document that is not an object', () => {
    for (const doc of [null, [], 'x', 3]) expect(errorsOf(doc)).toEqual(['document: must be a JSON object']);
  });

  it('refuses unknown top-level keys and sections that are not objects', () => {
    expect(errorsOf({ posts: {}, collections: [] })).toEqual([
      'posts: unknown key; a schema document has locales, components, page_types, single_pages, collections',
      'collections: must be an object keyed by key',
    ]);
    expect(errorsOf({ single_pages: 'x' })).toEqual(['single_pages: must be an object keyed by page slug']);
  });

  it('reports every problem at once', () => {
    expect(errorsOf({ page_types: { Bad: { name: 'B', fields: { x: { type: 'image' } } } }, collections: { c: { fields: {} } } })).toEqual([
      'page_types.Bad: page type keys must be lowercase letters, digits, underscores and hyphens, starting with a letter',
      `page_types.Bad.fields.x.type: unknown field type "image"; expected one of ${TYPES}`,
      'collections.c.name: must be a non-empty string',
    ]);
  });
});

describe('validateSchemaDocument: keys and reserved words', () => {
  const typeWithKey = (section: string, key: string) => ({ [section]: { [key]: { name: 'N', fields: {} } } });

  it('refuses collection and component keys outside snake_case', () => {
    expect(errorsOf(typeWithKey('collections', 'team-members'))).toEqual([
      'collections.team-members: collection keys must be lowercase letters, digits and underscores, starting with a letter',
    ]);
    expect(errorsOf(typeWithKey('components', 'Seo'))).toEqual([
      'components.Seo: component keys must be lowercase letters, digits and underscores, starting with a letter',
    ]);
    expect(errorsOf(typeWithKey('collections', '2col'))).toHaveLength(1);
    expect(errorsOf(typeWithKey('collections', 'team_members_2'))).toEqual([]);
  });

  it('refuses page type keys outside the rule, and the reserved search and *', () => {
    expect(errorsOf(typeWithKey('page_types', 'Landing'))).toEqual([
      'page_types.Landing: page type keys must be lowercase letters, digits, underscores and hyphens, starting with a letter',
    ]);
    expect(errorsOf(typeWithKey('page_types', '-x'))).toHaveLength(1);
    expect(errorsOf(typeWithKey('page_types', 'search'))).toEqual(['page_types.search: "search" is reserved (it would shadow /v2/pages/search/)']);
    expect(errorsOf(typeWithKey('page_types', '*'))).toEqual(['page_types.*: "*" is reserved (it is the page type of single pages)']);
  });

  it('refuses single page keys that are not page slugs', () => {
    for (const key of ['About', 'about_us', 'about--us', '-about', 'about-']) {
      expect(errorsOf(typeWithKey('single_pages', key))).toEqual([
        `single_pages.${key}: single page keys are page slugs: lowercase letters and digits, in words joined by single hyphens`,
      ]);
    }
  });

  it('refuses field keys outside snake_case, nested ones included', () => {
    expect(errorsOf(withFields({ Title: { type: 'short_text' }, rows: { type: 'repeater', fields: { 'a-b': { type: 'date' } } } }))).toEqual([
      'page_types.p.fields.Title: field keys must be lowercase letters, digits and underscores, starting with a letter',
      'page_types.p.fields.rows.fields.a-b: field keys must be lowercase letters, digits and underscores, starting with a letter',
    ]);
  });
});

describe('validateSchemaDocument: content types', () => {
  it('needs a name (except on components) and a fields object; no other keys', () => {
    expect(errorsOf({ page_types: { p: { fields: {} } } })).toEqual(['page_types.p.name: must be a non-empty string']);
    expect(errorsOf({ single_pages: { home: { name: 3, fields: {} } } })).toEqual(['single_pages.home.name: must be a non-empty string']);
    expect(errorsOf({ components: { c: { name: '', fields: {} } } })).toEqual(['components.c.name: must be a non-empty string']);
    expect(errorsOf({ collections: { c: { name: 'C' } } })).toEqual(['collections.c.fields: required (an object of fields keyed by field key)']);
    expect(errorsOf({ collections: { c: { name: 'C', fields: [] } } })).toEqual(['collections.c.fields: must be an object of fields keyed by field key']);
    expect(errorsOf({ collections: { c: { name: 'C', fields: {}, description: 'x' } } })).toEqual(['collections.c.description: unknown key; a content type has name, fields']);
    expect(errorsOf({ collections: { c: 'C' } })).toEqual(['collections.c: must be an object with "name" and "fields"']);
    expect(errorsOf({ components: { c: null } })).toEqual(['components.c: must be an object with "fields"']);
  });
});

describe('validateSchemaDocument: fields', () => {
  it('needs a known type', () => {
    expect(errorsOf(withFields({ a: 'short_text', b: {}, c: { type: 'image' } }))).toEqual([
      'page_types.p.fields.a: must be an object with a "type"',
      `page_types.p.fields.b.type: missing field type; expected one of ${TYPES}`,
      `page_types.p.fields.c.type: unknown field type "image"; expected one of ${TYPES}`,
    ]);
  });

  it('allows options only where they apply, and no unknown ones', () => {
    expect(errorsOf(withFields({
      t: { type: 'short_text', min: 1, maxlength: 3 },
      n: { type: 'number', max_length: 3 },
      c: { type: 'checkbox', options: ['a'] },
      r: { type: 'reference', to: 'collection:brands', fields: {} },
    }))).toEqual([
      `page_types.p.fields.t.min: does not apply to a short_text field (its options are ${TEXT_OPTIONS})`,
      `page_types.p.fields.t.maxlength: unknown option; a short_text field takes ${TEXT_OPTIONS}`,
      'page_types.p.fields.n.max_length: does not apply to a number field (its options are required, localized, help_text, min, max)',
      'page_types.p.fields.c.options: does not apply to a checkbox field (its options are required, localized, help_text)',
      'page_types.p.fields.r.fields: does not apply to a reference field (its options are required, localized, help_text, to, many)',
    ]);
  });

  it('checks booleans, help text, lengths, bounds and patterns', () => {
    expect(errorsOf(withFields({
      a: { type: 'short_text', required: 'yes', localized: 1, help_text: 5 },
      b: { type: 'short_text', min_length: -1, max_length: 1.5 },
      c: { type: 'markdown', min_length: 10, max_length: 5 },
      d: { type: 'number', min: '1', max: Infinity },
      e: { type: 'number', min: 3, max: 2 },
      f: { type: 'html', pattern: '(' },
      g: { type: 'short_text', pattern: 5 },
      h: { type: 'reference', to: 'collection:brands', many: 'yes' },
    }))).toEqual([
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
    expect(errorsOf(withFields({
      a: { type: 'dropdown' },
      b: { type: 'dropdown', options: [] },
      c: { type: 'dropdown', options: 'a,b' },
      d: { type: 'dropdown', options: ['a', '', 3, 'a'] },
    }))).toEqual([
      'page_types.p.fields.a.options: required for a dropdown field',
      'page_types.p.fields.b.options: must be a non-empty list of strings',
      'page_types.p.fields.c.options: must be a non-empty list of strings',
      'page_types.p.fields.d.options.1: must be a non-empty string',
      'page_types.p.fields.d.options.2: must be a non-empty string',
      'page_types.p.fields.d.options.3: duplicate option "a"',
    ]);
  });

  it('needs a reference target defined in the same document', () => {
    expect(errorsOf(withFields({
      a: { type: 'reference' },
      b: { type: 'reference', to: 'brands' },
      c: { type: 'reference', to: 'single_page:home' },
      d: { type: 'reference', to: 'page_type:nope' },
      e: { type: 'reference', to: 'collection:nope' },
      f: { type: 'reference', to: 'page_type:p' },
      g: { type: 'reference', to: 'collection:brands', many: true },
    }))).toEqual([
      'page_types.p.fields.a.to: required for a reference field',
      'page_types.p.fields.b.to: must be "page_type:<key>" or "collection:<key>"',
      'page_types.p.fields.c.to: must be "page_type:<key>" or "collection:<key>"',
      'page_types.p.fields.d.to: no page type "nope" in this document',
      'page_types.p.fields.e.to: no collection "nope" in this document',
    ]);
  });

  it('needs components that exist', () => {
    expect(errorsOf(withFields({
      a: { type: 'component' },
      b: { type: 'component', component: 'nope' },
      c: { type: 'component', component: ['seo'] },
      d: { type: 'component_picker' },
      e: { type: 'component_picker', components: [] },
      f: { type: 'component_picker', components: ['seo', 'nope', 'seo', 1] },
    }))).toEqual([
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
    expect(errorsOf(withFields({ a: { type: 'repeater' }, b: { type: 'repeater', fields: { q: { type: 'nope' } } } }))).toEqual([
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

describe('validateSchemaDocument: component cycles', () => {
  it('refuses a component that contains itself', () => {
    expect(errorsOf({ components: { a: { fields: { self: { type: 'component', component: 'a' } } } } })).toEqual([
      'components.a.fields.self.component: a component may not contain itself (a -> a)',
    ]);
  });

  it('refuses a cycle through other components and pickers, once per cycle', () => {
    expect(errorsOf({ components: {
      a: { fields: { b: { type: 'component', component: 'b' } } },
      b: { fields: { pick: { type: 'component_picker', components: ['c'] } } },
      c: { fields: { back: { type: 'component_picker', components: ['seo', 'a'] } } },
      seo: { fields: {} },
    } })).toEqual(['components.c.fields.back.components.1: a component may not contain itself (a -> b -> c -> a)']);
  });
});

describe('validateSchemaDocument: locales', () => {
  const loc = (locales: unknown) => errorsOf({ locales });

  it('needs a non-empty list of {slug, name, default?}', () => {
    expect(loc({ en: 'English' })).toEqual(['locales: must be a list of {"slug", "name", "default"} objects']);
    expect(loc([])).toEqual(['locales: must list at least one locale']);
    expect(loc(['en'])).toEqual(['locales.0: must be an object with a slug and a name']);
    expect(loc([{ slug: 'en', name: 'English', flag: 'gb' }])).toEqual(['locales.0.flag: unknown key; a locale has slug, name, default']);
  });

  it('checks slugs, names and default flags', () => {
    expect(loc([{ slug: 'EN', name: 'English' }, { slug: 'en', name: '' }, { slug: 'en', name: 'Again', default: 'yes' }, { name: 'No slug' }])).toEqual([
      'locales.0.slug: "EN" is not a locale slug (lowercase letters with an optional region, e.g. en, fr-ca)',
      'locales.1.name: must be a non-empty string',
      'locales.2.slug: duplicate locale "en"',
      'locales.2.default: must be true or false',
      'locales.3.slug: null is not a locale slug (lowercase letters with an optional region, e.g. en, fr-ca)',
    ]);
  });

  it('allows exactly one default', () => {
    expect(loc([{ slug: 'en', name: 'E', default: true }, { slug: 'es', name: 'S', default: true }])).toEqual([
      'locales: exactly one locale may be the default, not 2 (en, es)',
    ]);
    const result = validateSchemaDocument({ locales: [{ slug: 'en', name: 'E' }, { slug: 'es', name: 'S', default: true }] });
    expect(result.ok && result.doc.locales).toEqual([{ slug: 'en', name: 'E' }, { slug: 'es', name: 'S', default: true }]);
  });
});
