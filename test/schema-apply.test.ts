import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../src/accounts/accounts.js';
import { schemaCommand } from '../src/cli/schema-command.js';
import type { CliIo } from '../src/cli/io.js';
import { loadConfig } from '../src/config.js';
import { applySchema } from '../src/content/schema/apply-schema.js';
import { formatChanges } from '../src/content/schema/diff-schema.js';
import { exportSchema } from '../src/content/schema/export-schema.js';
import { SchemaError } from '../src/content/schema/schema-error.js';
import type { SchemaDocument } from '../src/content/schema/types.js';
import type { Store } from '../src/store/database.js';
import type { ContentTypeKind } from '../src/store/tables.js';
import { DIALECTS, freshStore } from './helpers/databases.js';

/** Every field type, in the canonical option order (so it is its own normalised form). */
function full(): SchemaDocument {
  return {
    locales: [{ slug: 'en', name: 'English', default: true }, { slug: 'es', name: 'Spanish' }],
    components: {
      seo: { name: 'SEO', fields: { title: { type: 'short_text', max_length: 60 }, description: { type: 'long_text' } } },
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
          faq: { type: 'repeater', fields: { question: { type: 'short_text', required: true }, answer: { type: 'wysiwyg' } } },
        },
      },
    },
    single_pages: { homepage: { name: 'Homepage', fields: { headline: { type: 'short_text' } } } },
    collections: { brands: { name: 'Brands', fields: { name: { type: 'short_text', required: true }, logo: { type: 'media' } } } },
  };
}

const FULL_CHANGES = [
  '~ locales.en (name "en" -> "English")',
  '~ locales.es (name "es" -> "Spanish")',
  '+ components.seo (2 fields)',
  '+ components.card (2 fields)',
  '+ page_types.landing-page (16 fields)',
  '+ single_pages.homepage (1 field)',
  '+ collections.brands (2 fields)',
];

const NOW = '2024-01-01T00:00:00.000000Z';

for (const dialect of DIALECTS) {
  describe(`schema apply (${dialect})`, () => {
    let store: Store;
    beforeAll(async () => {
      store = await freshStore(dialect);
    });
    afterAll(() => store.close());

    let n = 0;
    const newAccount = async (plan = 'enterprise', locales = ['en', 'es']) => (await createAccount(store.db, { name: `acme ${++n}`, plan, locales })).id;
    const version = async (id: number) => (await store.db.selectFrom('accounts').select('schema_version').where('id', '=', id).executeTakeFirstOrThrow()).schema_version;
    const lines = async (id: number, doc: unknown, options = {}) => formatChanges((await applySchema(store.db, id, doc, options)).changes);
    const refusal = async (id: number, doc: unknown, options = {}) => {
      const error = await applySchema(store.db, id, doc, options).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SchemaError);
      return { code: (error as SchemaError).code, errors: (error as SchemaError).errors, message: (error as SchemaError).message };
    };
    const typeId = async (id: number, kind: ContentTypeKind, key: string) =>
      (await store.db.selectFrom('content_types').select('id').where('account_id', '=', id).where('kind', '=', kind).where('key', '=', key).executeTakeFirstOrThrow()).id;

    /** An entry with a version, a field value, a ref and a search doc in each locale (the write path is not ours to use). */
    const addEntry = async (id: number, kind: ContentTypeKind, key: string, locales: string[], slug: string | null = null) => {
      const type_id = await typeId(id, kind, key);
      const entry = await store.db.insertInto('entries').values({ account_id: id, type_id, slug, created: NOW }).returning('id').executeTakeFirstOrThrow();
      for (const locale of locales) {
        const at = { entry_id: entry.id, locale, channel: 'latest' as const };
        // A number in `price`: turning it into text loses it (data loss is decided by the values held).
        await store.db.insertInto('entry_versions').values({ ...at, status: 'draft', name: 'x', fields: '{"price":5}', updated: NOW, published: null }).execute();
        await store.db.insertInto('field_values').values({ ...at, type_id, path: 'headline', text_value: 'hi', num_value: null }).execute();
        await store.db.insertInto('refs').values({ ...at, path: 'related', position: 0, target_entry_id: entry.id }).execute();
        await store.db.insertInto('search_docs').values({ ...at, type_id, doc: 'hello' }).execute();
      }
      return entry.id;
    };
    const rowsIn = async (table: 'entry_versions' | 'field_values' | 'refs' | 'search_docs', entryId: number) =>
      (await store.db.selectFrom(table).select('locale').where('entry_id', '=', entryId).orderBy('locale').execute()).map((r) => r.locale);

    it('applies a document with every field type; export returns it; re-applying changes nothing', async () => {
      const id = await newAccount();
      const result = await applySchema(store.db, id, full());
      expect({ lines: formatChanges(result.changes), applied: result.applied }).toEqual({ lines: FULL_CHANGES, applied: true });
      expect(result.changes.every((c) => !c.dataLoss)).toBe(true);
      const exported = await exportSchema(store.db, id);
      expect(JSON.stringify(exported)).toBe(JSON.stringify(full()));
      expect(await version(id)).toBe(2);
      expect(await applySchema(store.db, id, full())).toEqual({ changes: [], applied: true });
      expect(await applySchema(store.db, id, exported)).toEqual({ changes: [], applied: true });
      expect(await version(id)).toBe(2);
    });

    it('a dry run reports the changes and writes nothing', async () => {
      const id = await newAccount();
      await applySchema(store.db, id, full());
      const doc = full();
      doc.collections!.brands!.fields.url = { type: 'short_text' };
      const result = await applySchema(store.db, id, doc, { dryRun: true });
      expect(result).toEqual({ changes: [{ op: '+', path: 'collections.brands.fields.url', description: 'short_text', dataLoss: false }], applied: false });
      expect(await exportSchema(store.db, id)).toEqual(full());
      expect(await version(id)).toBe(2);
    });

    it('reports renames, option changes, nested fields and field order; each apply bumps schema_version', async () => {
      const id = await newAccount();
      await applySchema(store.db, id, full());
      const doc = full();
      const landing = doc.page_types!['landing-page']!;
      landing.fields.headline = { type: 'short_text', max_length: 80 };
      landing.fields.faq!.fields!.extra = { type: 'date' };
      doc.collections!.brands = { name: 'Makers', fields: { logo: { type: 'media' }, name: { type: 'short_text', required: true } } };
      expect(await lines(id, doc)).toEqual([
        '~ page_types.landing-page.fields.headline (required true -> unset, max_length 120 -> 80, pattern "^[^<]*$" -> unset)',
        '+ page_types.landing-page.fields.faq.fields.extra (date)',
        '~ collections.brands (name "Brands" -> "Makers")',
        '~ collections.brands.fields (order name, logo -> logo, name)',
      ]);
      expect(await exportSchema(store.db, id)).toEqual(doc);
      expect(await version(id)).toBe(3);
    });

    it('refuses removing types and fields that hold entries unless allowed; kept types keep their ids', async () => {
      const id = await newAccount();
      await applySchema(store.db, id, full());
      const landingId = await typeId(id, 'page_type', 'landing-page');
      const page = await addEntry(id, 'page_type', 'landing-page', ['en'], 'home');
      await addEntry(id, 'collection', 'brands', ['en']);
      await addEntry(id, 'collection', 'brands', ['en']);
      const doc = full();
      delete doc.collections!.brands;
      delete doc.page_types!['landing-page']!.fields.brand;
      delete doc.page_types!['landing-page']!.fields.intro;
      delete doc.components!.seo!.fields.description;
      doc.page_types!['landing-page']!.fields.price = { type: 'short_text' };
      delete doc.single_pages!.homepage;
      const expected = [
        '- components.seo.fields.description (long_text, 1 entry)',
        '- page_types.landing-page.fields.intro (long_text, 1 page)',
        '~ page_types.landing-page.fields.price (number -> short_text)',
        '- page_types.landing-page.fields.brand (reference, 1 page)',
        '- single_pages.homepage (0 pages)',
        '- collections.brands (2 items)',
      ];
      const refused = await refusal(id, doc);
      expect(refused.code).toBe('data_loss');
      expect(refused.errors).toEqual(expected.filter((l) => !l.includes('homepage')));
      expect(refused.message.split('\n')[0]).toBe('Refusing to apply: these changes would delete content:');
      expect((await refusal(id, doc, { dryRun: true })).code).toBe('data_loss');
      expect(await exportSchema(store.db, id)).toEqual(full());
      expect(await version(id)).toBe(2);

      const result = await applySchema(store.db, id, doc, { allowDataLoss: true });
      expect(formatChanges(result.changes)).toEqual(expected);
      expect(result.changes.map((c) => c.dataLoss)).toEqual([true, true, true, true, false, true]);
      expect(await exportSchema(store.db, id)).toEqual(doc);
      expect(await typeId(id, 'page_type', 'landing-page')).toBe(landingId);
      const left = await store.db.selectFrom('entries').select('id').where('account_id', '=', id).execute();
      expect(left.map((r) => r.id)).toEqual([page]);
    });

    it('changes types and fields of types without entries freely', async () => {
      const id = await newAccount();
      await applySchema(store.db, id, full());
      const doc = full();
      doc.single_pages!.homepage!.fields.headline = { type: 'number' };
      doc.page_types!['landing-page']!.fields = {};
      expect(await lines(id, doc)).toContain('~ single_pages.homepage.fields.headline (short_text -> number)');
    });

    it('replaces locales; removing one with content is refused unless allowed, and deletes its rows', async () => {
      const id = await newAccount();
      await applySchema(store.db, id, full());
      const entry = await addEntry(id, 'page_type', 'landing-page', ['en', 'es'], 'home');
      const { locales: _locales, ...withoutLocales } = full();
      expect(await lines(id, withoutLocales)).toEqual([]);

      const reordered = { ...full(), locales: [{ slug: 'es', name: 'Spanish', default: true }, { slug: 'en', name: 'English' }] };
      expect(await lines(id, reordered)).toEqual([
        '~ locales.en (default true -> unset)',
        '~ locales.es (default unset -> true)',
        '~ locales (order en, es -> es, en)',
      ]);
      expect((await exportSchema(store.db, id)).locales).toEqual(reordered.locales);

      const next = { ...full(), locales: [{ slug: 'en', name: 'English' }, { slug: 'fr', name: 'French' }] };
      expect(await refusal(id, next)).toMatchObject({ code: 'data_loss', errors: ['- locales.es (1 entry)'] });
      expect(await lines(id, next, { allowDataLoss: true })).toEqual([
        '- locales.es (1 entry)',
        '~ locales.en (default unset -> true)',
        '+ locales.fr (French)',
      ]);
      expect((await exportSchema(store.db, id)).locales).toEqual([{ slug: 'en', name: 'English', default: true }, { slug: 'fr', name: 'French' }]);
      for (const table of ['entry_versions', 'field_values', 'refs', 'search_docs'] as const) expect(await rowsIn(table, entry)).toEqual(['en']);
      expect(await lines(id, { ...full(), locales: [{ slug: 'en', name: 'English' }] })).toEqual(['- locales.fr (0 entries)']);
    });

    it("enforces the plan's locale count, naming the plan", async () => {
      const id = await newAccount('free', ['en']);
      expect(await refusal(id, full())).toEqual({
        code: 'plan_limit', errors: ['locales: the free plan allows 1 locale(s), not 2'], message: 'locales: the free plan allows 1 locale(s), not 2',
      });
      expect((await refusal(id, full(), { dryRun: true })).code).toBe('plan_limit');
      expect((await refusal(id, full(), { planLocaleLimit: 0 })).errors).toEqual(['locales: the free plan allows 0 locale(s), not 2']);
      expect((await applySchema(store.db, id, full(), { planLocaleLimit: null })).applied).toBe(true);
    });

    it('refuses an invalid document and an unknown account', async () => {
      const id = await newAccount();
      expect(await refusal(id, { collections: { 'team-members': { name: 'T', fields: {} } } })).toEqual({
        code: 'invalid',
        errors: ['collections.team-members: collection keys must be lowercase letters, digits and underscores, starting with a letter'],
        message: 'The schema document is invalid:\ncollections.team-members: collection keys must be lowercase letters, digits and underscores, starting with a letter',
      });
      expect(await refusal(999_999, {})).toMatchObject({ code: 'no_account', errors: ['No account with id 999999'] });
    });

    describe('CLI', () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ghee-schema-'));
      afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
      const file = (name: string, text: string) => {
        const at = path.join(dir, name);
        fs.writeFileSync(at, text);
        return at;
      };
      const run = async (args: string[]) => {
        const out: string[] = [];
        const io: CliIo = { out: (t) => void out.push(t), err: () => undefined, env: {}, config: loadConfig({}) };
        const code = await schemaCommand(args, io, store);
        return { code, out: out.join('\n') };
      };
      const failure = (args: string[]) => run(args).then(() => undefined, (e: unknown) => e as { exitCode: number; message: string });

      it('applies, dry-runs, reports JSON and exports', async () => {
        const id = String(await newAccount());
        const doc = file('full.json', JSON.stringify(full()));
        const dry = await run(['apply', '--account', id, '--dry-run', doc]);
        expect(dry).toEqual({ code: 0, out: [...FULL_CHANGES, 'dry run: nothing changed'].join('\n') });
        const dryJson = JSON.parse((await run(['apply', '--dry-run', '--json', '--account', id, doc])).out);
        expect(dryJson.applied).toBe(false);
        expect(dryJson.changes[2]).toEqual({ op: '+', path: 'components.seo', description: '2 fields', dataLoss: false });
        expect(formatChanges(dryJson.changes)).toEqual(FULL_CHANGES);
        const json = await run(['apply', doc, '--json', '--account', id]);
        expect(json.code).toBe(0);
        expect(JSON.parse(json.out)).toEqual({ changes: dryJson.changes, applied: true });
        expect(await run(['apply', '--account', id, doc])).toEqual({ code: 0, out: 'no changes\napplied' });
        const exported = await run(['export', '--account', id]);
        expect(exported).toEqual({ code: 0, out: JSON.stringify(full(), null, 2) });
      });

      it('refuses data loss without --allow-data-loss (exit 1) and applies it with', async () => {
        const id = await newAccount();
        await applySchema(store.db, id, full());
        await addEntry(id, 'collection', 'brands', ['en']);
        const doc = full();
        delete doc.collections!.brands!.fields.logo;
        const at = file('loss.json', JSON.stringify(doc));
        expect(await failure(['apply', '--account', String(id), at])).toMatchObject({
          exitCode: 1,
          message: 'Refusing to apply: these changes would delete content:\n- collections.brands.fields.logo (media, 1 item)\nRun again with --allow-data-loss to apply them.',
        });
        expect(await run(['apply', '--account', String(id), '--allow-data-loss', at])).toEqual({ code: 0, out: '- collections.brands.fields.logo (media, 1 item)\napplied' });
      });

      it('exits 2 on bad usage', async () => {
        const doc = file('empty.json', '{}');
        const apply = 'usage: ghee schema apply [--account ID] [--dry-run] [--allow-data-loss] [--json] FILE';
        for (const args of [['apply'], ['apply', doc, doc], ['apply', '--force', doc], ['apply', '--account', 'x', doc], ['apply', '--account', '0', doc]]) {
          expect(await failure(args)).toMatchObject({ exitCode: 2, message: apply });
        }
        expect(await failure(['export', 'extra'])).toMatchObject({ exitCode: 2, message: 'usage: ghee schema export [--account ID]' });
        for (const args of [[], ['import']]) {
          expect(await failure(args)).toMatchObject({ exitCode: 2, message: `${apply} | ghee schema export [--account ID]` });
        }
      });

      it('exits 1 on an invalid, unreadable or non-JSON file, and on an unknown or ambiguous account', async () => {
        const id = String(await newAccount());
        const invalid = file('invalid.json', JSON.stringify({ page_types: { search: { name: 'S', fields: {} } } }));
        expect(await failure(['apply', '--account', id, invalid])).toMatchObject({
          exitCode: 1, message: 'The schema document is invalid:\npage_types.search: "search" is reserved (it would shadow /v2/pages/search/)',
        });
        const missing = path.join(dir, 'missing.json');
        expect(await failure(['apply', '--account', id, missing])).toMatchObject({ exitCode: 1, message: `Cannot read ${missing}: no such file` });
        const broken = file('broken.json', '{"page_types": ');
        const error = await failure(['apply', '--account', id, broken]);
        expect(error?.exitCode).toBe(1);
        expect(error?.message.startsWith(`${broken} is not valid JSON: `)).toBe(true);
        expect(await failure(['export', '--account', '999999'])).toMatchObject({ exitCode: 1, message: 'No account with id 999999' });
        const ambiguous = await failure(['export']);
        expect(ambiguous?.exitCode).toBe(1);
        expect(ambiguous?.message.split('\n')[0]).toBe('Several accounts exist; choose one with --account ID:');
      });
    });
  });
}
