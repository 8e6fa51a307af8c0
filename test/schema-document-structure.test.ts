import { describe, expect, it } from 'vitest';
import { errorsOf, TYPES, withFields } from './helpers/schema-document.js';

// The structure of a schema document (docs/schema.md): its sections, the keys of content types,
// components and fields, the reserved page type keys, and what a content type holds.

const typeWithKey = (section: string, key: string) => ({ [section]: { [key]: { name: 'N', fields: {} } } });

describe('validateSchemaDocument: document shape', () => {
  it.for<[string, unknown]>([
    ['null', null],
    ['a list', []],
    ['a string', 'x'],
    ['a number', 3],
  ])('refuses a document that is not an object: %s', ([_label, doc]) => {
    expect(errorsOf(doc)).toEqual(['document: must be a JSON object']);
  });

  it('refuses unknown top-level keys and sections that are not objects', () => {
    expect(errorsOf({ posts: {}, collections: [] })).toEqual([
      'posts: unknown key; a schema document has locales, components, page_types, single_pages, collections, blog',
      'collections: must be an object keyed by key',
    ]);
    expect(errorsOf({ single_pages: 'x' })).toEqual(['single_pages: must be an object keyed by page slug']);
  });

  it('reports every problem at once', () => {
    expect(
      errorsOf({
        page_types: { Bad: { name: 'B', fields: { x: { type: 'image' } } } },
        collections: { c: { fields: {} } },
      }),
    ).toEqual([
      'page_types.Bad: page type keys must be lowercase letters, digits, underscores and hyphens, starting with a letter',
      `page_types.Bad.fields.x.type: unknown field type "image"; expected one of ${TYPES}`,
      'collections.c.name: must be a non-empty string',
    ]);
  });
});

describe('validateSchemaDocument: keys and reserved words', () => {
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
    expect(errorsOf(typeWithKey('page_types', 'search'))).toEqual([
      'page_types.search: "search" is reserved (it would shadow /v2/pages/search/)',
    ]);
    expect(errorsOf(typeWithKey('page_types', '*'))).toEqual([
      'page_types.*: "*" is reserved (it is the page type of single pages)',
    ]);
  });

  it.for(['About', 'about_us', 'about--us', '-about', 'about-'])(
    'refuses single page keys that are not page slugs: %s',
    (key) => {
      expect(errorsOf(typeWithKey('single_pages', key))).toEqual([
        `single_pages.${key}: single page keys are page slugs: lowercase letters and digits, in words joined by single hyphens`,
      ]);
    },
  );

  it('refuses field keys outside snake_case, nested ones included', () => {
    expect(
      errorsOf(
        withFields({ Title: { type: 'short_text' }, rows: { type: 'repeater', fields: { 'a-b': { type: 'date' } } } }),
      ),
    ).toEqual([
      'page_types.p.fields.Title: field keys must be lowercase letters, digits and underscores, starting with a letter',
      'page_types.p.fields.rows.fields.a-b: field keys must be lowercase letters, digits and underscores, starting with a letter',
    ]);
  });
});

describe('validateSchemaDocument: content types', () => {
  it.for<[unknown, string]>([
    [{ page_types: { p: { fields: {} } } }, 'page_types.p.name: must be a non-empty string'],
    [{ single_pages: { home: { name: 3, fields: {} } } }, 'single_pages.home.name: must be a non-empty string'],
    [{ components: { c: { name: '', fields: {} } } }, 'components.c.name: must be a non-empty string'],
    [{ collections: { c: { name: 'C' } } }, 'collections.c.fields: required (an object of fields keyed by field key)'],
    [
      { collections: { c: { name: 'C', fields: [] } } },
      'collections.c.fields: must be an object of fields keyed by field key',
    ],
    [
      { collections: { c: { name: 'C', fields: {}, description: 'x' } } },
      'collections.c.description: unknown key; a content type has name, fields, preview_url',
    ],
    [{ collections: { c: 'C' } }, 'collections.c: must be an object with "name" and "fields"'],
    [{ components: { c: null } }, 'components.c: must be an object with "fields"'],
  ])('needs a name (except on components) and a fields object; no other keys: %j', ([doc, problem]) => {
    expect(errorsOf(doc)).toEqual([problem]);
  });
});
