import type { AccountSchema, ContentType } from '../../src/content/account-schema.js';
import type { Fields } from '../../src/content/schema/types.js';
import type { ContentTypeKind } from '../../src/store/tables.js';

/**
 * An account schema built in memory, for unit tests of code that only reads it: `types` maps
 * `<kind>:<key>` to the type's fields; English is the one locale.
 */
export function memorySchema(types: Record<string, Fields>): AccountSchema {
  const byId = new Map<number, ContentType>();
  const byKey = new Map<string, ContentType>();
  Object.entries(types).forEach(([typeKey, fields], index) => {
    const [kind, key] = typeKey.split(':') as [ContentTypeKind, string];
    const type: ContentType = { id: index + 1, kind, key, name: key, fields };
    byId.set(type.id, type);
    byKey.set(typeKey, type);
  });
  return {
    accountId: 1,
    version: 1,
    locales: [{ slug: 'en', name: 'English', isDefault: true }],
    defaultLocale: 'en',
    byId,
    byKey,
  };
}

/** A landing page type with a field of each kind a read parameter meets, and what it points at. */
export const LANDING_SCHEMA = memorySchema({
  'component:seo': { title: { type: 'short_text' }, score: { type: 'number' } },
  'collection:categories': { slug: { type: 'short_text' } },
  'collection:brands': {
    name: { type: 'short_text' },
    founded: { type: 'number' },
    category: { type: 'reference', to: 'collection:categories' },
  },
  'page_type:landing_page': {
    headline: { type: 'short_text' },
    priority: { type: 'number' },
    featured: { type: 'checkbox' },
    launch: { type: 'date' },
    seo: { type: 'component', component: 'seo' },
    brand: { type: 'reference', to: 'collection:brands' },
    related: { type: 'reference', to: 'page_type:landing_page', many: true },
    faq: { type: 'repeater', fields: { question: { type: 'short_text' } } },
  },
});

/** The landing page type's fields in LANDING_SCHEMA. */
export const LANDING_FIELDS = LANDING_SCHEMA.byKey.get('page_type:landing_page')!.fields;
