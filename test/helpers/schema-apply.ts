import { afterAll, beforeAll, expect } from 'vitest';
import { createAccount } from '../../src/accounts/accounts.js';
import { applySchema } from '../../src/content/schema/apply-schema.js';
import { formatChanges } from '../../src/content/schema/diff-schema.js';
import { SchemaError } from '../../src/content/schema/schema-error.js';
import type { SchemaDocument } from '../../src/content/schema/types.js';
import type { Store } from '../../src/store/database.js';
import type { ContentTypeKind } from '../../src/store/tables.js';
import { freshStore, type DialectUnderTest } from './databases.js';

// What the schema-apply suites share (docs/schema.md): a document with every field type, the
// changes applying it to a new account reports, and a store with helpers to look inside it.

/** Every field type, in the canonical option order (so it is its own normalised form). */
export function full(): SchemaDocument {
  return {
    locales: [
      { slug: 'en', name: 'English', default: true },
      { slug: 'es', name: 'Spanish' },
    ],
    components: {
      seo: {
        name: 'SEO',
        fields: { title: { type: 'short_text', max_length: 60 }, description: { type: 'long_text' } },
      },
      card: { fields: { heading: { type: 'short_text' }, seo: { type: 'component', component: 'seo' } } },
    },
    page_types: {
      'landing-page': {
        name: 'Landing page',
        fields: {
          headline: { type: 'short_text', required: true, max_length: 120, pattern: '^[^<]*$' },
          intro: { type: 'long_text', min_length: 10 },
          body: { type: 'wysiwyg' },
          embed: { type: 'html', localized: false },
          notes: { type: 'markdown', help_text: 'Internal notes' },
          price: { type: 'number', min: 0, max: 100 },
          launch: { type: 'date' },
          featured: { type: 'checkbox' },
          tone: { type: 'dropdown', options: ['calm', 'loud'] },
          hero: { type: 'media' },
          accent: { type: 'color' },
          related: { type: 'reference', to: 'page_type:landing-page', many: true },
          brand: { type: 'reference', to: 'collection:brands' },
          seo: { type: 'component', component: 'seo' },
          sections: { type: 'component_picker', components: ['seo', 'card'] },
          faq: {
            type: 'repeater',
            fields: { question: { type: 'short_text', required: true }, answer: { type: 'wysiwyg' } },
          },
        },
      },
    },
    single_pages: { homepage: { name: 'Homepage', fields: { headline: { type: 'short_text' } } } },
    collections: {
      brands: { name: 'Brands', fields: { name: { type: 'short_text', required: true }, logo: { type: 'media' } } },
    },
  };
}

/** What applying `full()` to a new account reports. */
export const FULL_CHANGES = [
  '~ locales.en (name "en" -> "English")',
  '~ locales.es (name "es" -> "Spanish")',
  '+ components.seo (2 fields)',
  '+ components.card (2 fields)',
  '+ page_types.landing-page (16 fields)',
  '+ single_pages.homepage (1 field)',
  '+ collections.brands (2 fields)',
];

const NOW = '2024-01-01T00:00:00.000000Z';

/** Registers the hooks that open a fresh store of `dialect` for the enclosing suite, and helpers on it. */
export function useSchemaStore(dialect: DialectUnderTest) {
  let store: Store;
  beforeAll(async () => {
    store = await freshStore(dialect);
  });
  afterAll(() => store?.close());

  let n = 0;
  const db = () => store.db;
  /** A new account (enterprise, English and Spanish unless told) and its id. */
  const newAccount = async (plan = 'enterprise', locales = ['en', 'es']) =>
    (await createAccount(db(), { name: `acme ${++n}`, plan, locales })).id;
  const version = async (id: number) =>
    (await db().selectFrom('accounts').select('schema_version').where('id', '=', id).executeTakeFirstOrThrow())
      .schema_version;
  /** The changes applying `doc` reports, as lines. */
  const lines = async (id: number, doc: unknown, options = {}) =>
    formatChanges((await applySchema(db(), id, doc, options)).changes);
  /** The SchemaError applying `doc` is refused with (and fails if it is not). */
  const refusal = async (id: number, doc: unknown, options = {}) => {
    const error = await applySchema(db(), id, doc, options).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SchemaError);
    return {
      code: (error as SchemaError).code,
      errors: (error as SchemaError).errors,
      message: (error as SchemaError).message,
    };
  };
  const typeId = async (id: number, kind: ContentTypeKind, key: string) =>
    (
      await db()
        .selectFrom('content_types')
        .select('id')
        .where('account_id', '=', id)
        .where('kind', '=', kind)
        .where('key', '=', key)
        .executeTakeFirstOrThrow()
    ).id;

  /** An entry with a version, a field value, a ref and a search doc in each locale (the write path is not ours to use). */
  const addEntry = async (
    id: number,
    kind: ContentTypeKind,
    key: string,
    locales: string[],
    slug: string | null = null,
  ) => {
    const type_id = await typeId(id, kind, key);
    const entry = await db()
      .insertInto('entries')
      .values({ account_id: id, type_id, slug, created: NOW })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const locale of locales) {
      const at = { entry_id: entry.id, locale, channel: 'latest' as const };
      // A number in `price`: turning it into text loses it (data loss is decided by the values held).
      await db()
        .insertInto('entry_versions')
        .values({ ...at, status: 'draft', name: 'x', fields: '{"price":5}', updated: NOW, published: null })
        .execute();
      await db()
        .insertInto('field_values')
        .values({ ...at, type_id, path: 'headline', text_value: 'hi', num_value: null })
        .execute();
      await db()
        .insertInto('refs')
        .values({ ...at, path: 'related', position: 0, target_entry_id: entry.id })
        .execute();
      await db()
        .insertInto('search_docs')
        .values({ ...at, type_id, doc: 'hello' })
        .execute();
    }
    return entry.id;
  };
  /** The locales `entryId` has rows in, in `table`. */
  const rowsIn = async (table: 'entry_versions' | 'field_values' | 'refs' | 'search_docs', entryId: number) =>
    (await db().selectFrom(table).select('locale').where('entry_id', '=', entryId).orderBy('locale').execute()).map(
      (r) => r.locale,
    );

  return { store: () => store, newAccount, version, lines, refusal, typeId, addEntry, rowsIn };
}
