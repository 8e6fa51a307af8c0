import { describe, expect, it } from 'vitest';
import { applySchema } from '../src/content/schema/apply-schema.js';
import { formatChanges } from '../src/content/schema/diff-schema.js';
import { exportSchema } from '../src/content/schema/export-schema.js';
import { DIALECTS } from './helpers/databases.js';
import { full, FULL_CHANGES, useSchemaStore } from './helpers/schema-apply.js';

// applySchema (docs/schema.md): the changes it reports, dry runs, schema_version, content it
// refuses to delete unless allowed, locales, the plan's locale count, and invalid documents.

describe.each(DIALECTS)('schema apply (%s)', (dialect) => {
  const { store, newAccount, version, lines, refusal, typeId, addEntry, rowsIn } = useSchemaStore(dialect);
  const db = () => store().db;

  it('applies a document with every field type; export returns it; re-applying changes nothing', async () => {
    const id = await newAccount();
    const result = await applySchema(db(), id, full());
    expect({ lines: formatChanges(result.changes), applied: result.applied }).toEqual({
      lines: FULL_CHANGES,
      applied: true,
    });
    expect(result.changes.every((c) => !c.dataLoss)).toBe(true);
    const exported = await exportSchema(db(), id);
    expect(JSON.stringify(exported)).toBe(JSON.stringify(full()));
    expect(await version(id)).toBe(2);
    expect(await applySchema(db(), id, full())).toEqual({ changes: [], applied: true });
    expect(await applySchema(db(), id, exported)).toEqual({ changes: [], applied: true });
    expect(await version(id)).toBe(2);
  });

  it('a dry run reports the changes and writes nothing', async () => {
    const id = await newAccount();
    await applySchema(db(), id, full());
    const doc = full();
    doc.collections!.brands!.fields.url = { type: 'short_text' };
    const result = await applySchema(db(), id, doc, { dryRun: true });
    expect(result).toEqual({
      changes: [{ op: '+', path: 'collections.brands.fields.url', description: 'short_text', dataLoss: false }],
      applied: false,
    });
    expect(await exportSchema(db(), id)).toEqual(full());
    expect(await version(id)).toBe(2);
  });

  it('reports renames, option changes, nested fields and field order; each apply bumps schema_version', async () => {
    const id = await newAccount();
    await applySchema(db(), id, full());
    const doc = full();
    const landing = doc.page_types!['landing-page']!;
    landing.fields.headline = { type: 'short_text', max_length: 80 };
    landing.fields.faq!.fields!.extra = { type: 'date' };
    doc.collections!.brands = {
      name: 'Makers',
      fields: { logo: { type: 'media' }, name: { type: 'short_text', required: true } },
    };
    expect(await lines(id, doc)).toEqual([
      '~ page_types.landing-page.fields.headline (required true -> unset, max_length 120 -> 80, pattern "^[^<]*$" -> unset)',
      '+ page_types.landing-page.fields.faq.fields.extra (date)',
      '~ collections.brands (name "Brands" -> "Makers")',
      '~ collections.brands.fields (order name, logo -> logo, name)',
    ]);
    expect(await exportSchema(db(), id)).toEqual(doc);
    expect(await version(id)).toBe(3);
  });

  it('refuses removing types and fields that hold entries unless allowed; kept types keep their ids', async () => {
    const id = await newAccount();
    await applySchema(db(), id, full());
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
    expect(await exportSchema(db(), id)).toEqual(full());
    expect(await version(id)).toBe(2);

    const result = await applySchema(db(), id, doc, { allowDataLoss: true });
    expect(formatChanges(result.changes)).toEqual(expected);
    expect(result.changes.map((c) => c.dataLoss)).toEqual([true, true, true, true, false, true]);
    expect(await exportSchema(db(), id)).toEqual(doc);
    expect(await typeId(id, 'page_type', 'landing-page')).toBe(landingId);
    const left = await db().selectFrom('entries').select('id').where('account_id', '=', id).execute();
    expect(left.map((r) => r.id)).toEqual([page]);
  });

  it('changes types and fields of types without entries freely', async () => {
    const id = await newAccount();
    await applySchema(db(), id, full());
    const doc = full();
    doc.single_pages!.homepage!.fields.headline = { type: 'number' };
    doc.page_types!['landing-page']!.fields = {};
    expect(await lines(id, doc)).toContain('~ single_pages.homepage.fields.headline (short_text -> number)');
  });

  it('replaces locales; removing one with content is refused unless allowed, and deletes its rows', async () => {
    const id = await newAccount();
    await applySchema(db(), id, full());
    const entry = await addEntry(id, 'page_type', 'landing-page', ['en', 'es'], 'home');
    const { locales: _locales, ...withoutLocales } = full();
    expect(await lines(id, withoutLocales)).toEqual([]);

    const reordered = {
      ...full(),
      locales: [
        { slug: 'es', name: 'Spanish', default: true },
        { slug: 'en', name: 'English' },
      ],
    };
    expect(await lines(id, reordered)).toEqual([
      '~ locales.en (default true -> unset)',
      '~ locales.es (default unset -> true)',
      '~ locales (order en, es -> es, en)',
    ]);
    expect((await exportSchema(db(), id)).locales).toEqual(reordered.locales);

    const next = {
      ...full(),
      locales: [
        { slug: 'en', name: 'English' },
        { slug: 'fr', name: 'French' },
      ],
    };
    expect(await refusal(id, next)).toMatchObject({ code: 'data_loss', errors: ['- locales.es (1 entry)'] });
    expect(await lines(id, next, { allowDataLoss: true })).toEqual([
      '- locales.es (1 entry)',
      '~ locales.en (default unset -> true)',
      '+ locales.fr (French)',
    ]);
    expect((await exportSchema(db(), id)).locales).toEqual([
      { slug: 'en', name: 'English', default: true },
      { slug: 'fr', name: 'French' },
    ]);
    for (const table of ['entry_versions', 'field_values', 'refs', 'search_docs'] as const)
      expect(await rowsIn(table, entry)).toEqual(['en']);
    expect(await lines(id, { ...full(), locales: [{ slug: 'en', name: 'English' }] })).toEqual([
      '- locales.fr (0 entries)',
    ]);
  });

  it("enforces the plan's locale count, naming the plan", async () => {
    const id = await newAccount('free', ['en']);
    expect(await refusal(id, full())).toEqual({
      code: 'plan_limit',
      errors: ['locales: the free plan allows 1 locale(s), not 2'],
      message: 'locales: the free plan allows 1 locale(s), not 2',
    });
    expect((await refusal(id, full(), { dryRun: true })).code).toBe('plan_limit');
    expect((await refusal(id, full(), { planLocaleLimit: 0 })).errors).toEqual([
      'locales: the free plan allows 0 locale(s), not 2',
    ]);
    expect((await applySchema(db(), id, full(), { planLocaleLimit: null })).applied).toBe(true);
  });

  it('refuses an invalid document and an unknown account', async () => {
    const id = await newAccount();
    expect(await refusal(id, { collections: { 'team-members': { name: 'T', fields: {} } } })).toEqual({
      code: 'invalid',
      errors: [
        'collections.team-members: collection keys must be lowercase letters, digits and underscores, starting with a letter',
      ],
      message:
        'The schema document is invalid:\ncollections.team-members: collection keys must be lowercase letters, digits and underscores, starting with a letter',
    });
    expect(await refusal(999_999, {})).toMatchObject({ code: 'no_account', errors: ['No account with id 999999'] });
  });
});
