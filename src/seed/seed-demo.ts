import { createAccount, type CreatedAccount } from '../accounts/accounts.js';
import { loadAccountSchema, type AccountSchema } from '../content/account-schema.js';
import { applySchema } from '../content/schema/apply-schema.js';
import { writeEntry } from '../content/write/write-entry.js';
import type { Store } from '../store/database.js';
import { demoBrands, demoCategories, demoHomepage, demoPages } from './demo-content.js';
import { demoSchema } from './demo-schema.js';

const LOCALES = ['en', 'es'] as const;

/** Creates the demo account (enterprise plan, en + es) with its schema and content. */
export async function seedDemo(store: Store, name = 'Demo'): Promise<CreatedAccount> {
  const account = await createAccount(store.db, { name, plan: 'enterprise', locales: ['en', 'es'], email: 'owner@demo.invalid' });
  await applySchema(store.db, account.id, demoSchema, { dryRun: false, allowDataLoss: false });
  const row = await store.db.selectFrom('accounts').select('schema_version').where('id', '=', account.id).executeTakeFirstOrThrow();
  const schema = await loadAccountSchema(store.db, account.id, row.schema_version);
  await seedContent(store, schema);
  return account;
}

async function seedContent(store: Store, schema: AccountSchema): Promise<void> {
  const type = (key: string) => schema.byKey.get(key)!;
  const db = store.db;
  const categoryIds: number[] = [];
  for (const c of demoCategories) {
    const { id } = await writeEntry(db, schema, { type: type('collection:categories'), locale: 'en', status: 'published', fields: { name: c.name.en, slug: c.slug } });
    await writeEntry(db, schema, { type: type('collection:categories'), id, locale: 'es', status: 'published', fields: { name: c.name.es, slug: c.slug } });
    categoryIds.push(id);
  }
  const brandIds: number[] = [];
  for (const b of demoBrands) {
    const fields = { name: b.name, website: b.website, founded: b.founded, logo: '', category: categoryIds[b.category] };
    const { id } = await writeEntry(db, schema, { type: type('collection:brands'), locale: 'en', status: 'published', fields });
    await writeEntry(db, schema, { type: type('collection:brands'), id, locale: 'es', status: 'published', fields });
    brandIds.push(id);
  }
  for (const page of demoPages) {
    for (const locale of LOCALES) {
      const text = page[locale];
      const fields = {
        ...text, ...page.shared,
        notes: `# ${text.headline}\n\n${text.summary}`,
        embed: '',
        hero_image: '',
        seo: { title: text.headline, description: text.summary },
        sections: [{ type: 'cta', fields: { label: locale === 'en' ? 'Get started' : 'Empezar', url: '/start' } }],
        faq: [{ question: locale === 'en' ? 'Is it fast?' : '¿Es rápido?', answer: locale === 'en' ? '<p>Yes.</p>' : '<p>Sí.</p>' }],
        related: page.related,
        brand: page.brand === null ? '' : brandIds[page.brand],
      };
      await writeEntry(db, schema, { type: type('page_type:landing_page'), slug: page.slug, name: page.name, locale, status: page.status, fields });
      if (page.draft) {
        await writeEntry(db, schema, { type: type('page_type:landing_page'), slug: page.slug, locale, status: 'draft', fields: { ...fields, ...page.draft } });
      }
    }
  }
  for (const locale of LOCALES) {
    await writeEntry(db, schema, {
      type: type('single_page:homepage'), name: 'Homepage', locale, status: 'published',
      fields: { ...demoHomepage[locale], featured: demoHomepage.featured },
    });
  }
}
