import { describe, expect, it } from 'vitest';
import { validateSchemaDocument } from '../src/content/schema/validate-document.js';
import { errorsOf } from './helpers/schema-document.js';

// Two whole-document rules of a schema document (docs/schema.md): no component may contain
// itself, and the locales list has valid, unique slugs and exactly one default.

describe('validateSchemaDocument: component cycles', () => {
  it('refuses a component that contains itself', () => {
    expect(errorsOf({ components: { a: { fields: { self: { type: 'component', component: 'a' } } } } })).toEqual([
      'components.a.fields.self.component: a component may not contain itself (a -> a)',
    ]);
  });

  it('refuses a cycle through other components and pickers, once per cycle', () => {
    expect(
      errorsOf({
        components: {
          a: { fields: { b: { type: 'component', component: 'b' } } },
          b: { fields: { pick: { type: 'component_picker', components: ['c'] } } },
          c: { fields: { back: { type: 'component_picker', components: ['seo', 'a'] } } },
          seo: { fields: {} },
        },
      }),
    ).toEqual(['components.c.fields.back.components.1: a component may not contain itself (a -> b -> c -> a)']);
  });
});

describe('validateSchemaDocument: locales', () => {
  const loc = (locales: unknown) => errorsOf({ locales });

  it.for<[unknown, string]>([
    [{ en: 'English' }, 'locales: must be a list of {"slug", "name", "default"} objects'],
    [[], 'locales: must list at least one locale'],
    [['en'], 'locales.0: must be an object with a slug and a name'],
    [[{ slug: 'en', name: 'English', flag: 'gb' }], 'locales.0.flag: unknown key; a locale has slug, name, default'],
  ])('needs a non-empty list of {slug, name, default?}: %j', ([locales, problem]) => {
    expect(loc(locales)).toEqual([problem]);
  });

  it('checks slugs, names and default flags', () => {
    expect(
      loc([
        { slug: 'EN', name: 'English' },
        { slug: 'en', name: '' },
        { slug: 'en', name: 'Again', default: 'yes' },
        { name: 'No slug' },
      ]),
    ).toEqual([
      'locales.0.slug: "EN" is not a locale slug (lowercase letters with an optional region, e.g. en, fr-ca)',
      'locales.1.name: must be a non-empty string',
      'locales.2.slug: duplicate locale "en"',
      'locales.2.default: must be true or false',
      'locales.3.slug: null is not a locale slug (lowercase letters with an optional region, e.g. en, fr-ca)',
    ]);
  });

  it('allows exactly one default', () => {
    expect(
      loc([
        { slug: 'en', name: 'E', default: true },
        { slug: 'es', name: 'S', default: true },
      ]),
    ).toEqual(['locales: exactly one locale may be the default, not 2 (en, es)']);
    const result = validateSchemaDocument({
      locales: [
        { slug: 'en', name: 'E' },
        { slug: 'es', name: 'S', default: true },
      ],
    });
    expect(result.ok && result.doc.locales).toEqual([
      { slug: 'en', name: 'E' },
      { slug: 'es', name: 'S', default: true },
    ]);
  });
});
