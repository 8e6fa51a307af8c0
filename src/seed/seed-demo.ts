import { createAccount, type CreatedAccount } from '../accounts/accounts.js';
import { loadAccountSchema, type AccountSchema } from '../content/account-schema.js';
import { applySchema } from '../content/schema/apply-schema.js';
import { writeEntry, type EntryWrite } from '../content/write/write-entry.js';
import type { Store } from '../store/database.js';
import { demoBrands, demoCategories, demoHomepage, demoPages } from './demo-content.js';
import { demoSchema } from './demo-schema.js';
import { seedDemoPosts } from './demo-posts.js';
import { importActor } from '../audit/actor.js';

/** The demo content is written as an import named `demo`. */
const SEED = importActor('demo');

type DemoLocale = 'en' | 'es';

/** Creates the demo account (enterprise plan, en + es) with its schema and content. */
export async function seedDemo(store: Store, name = 'Demo'): Promise<CreatedAccount> {
  const account = await createAccount(store.db, {
    name,
    plan: 'enterprise',
    locales: ['en', 'es'],
    email: 'owner@demo.invalid',
  });
  await applySchema(store.db, account.id, demoSchema, { dryRun: false, allowDataLoss: false });
  const row = await store.db
    .selectFrom('accounts')
    .select('schema_version')
    .where('id', '=', account.id)
    .executeTakeFirstOrThrow();
  const schema = await loadAccountSchema(store.db, account.id, row.schema_version);
  await seedContent(store, schema);
  await seedDemoPosts(store, account.id);
  return account;
}

async function seedContent(store: Store, schema: AccountSchema): Promise<void> {
  const type = (key: string) => schema.byKey.get(key)!;
  const create = (key: string, w: Omit<EntryWrite, 'type' | 'intent'>) =>
    writeEntry(store.db, schema, { ...w, type: type(key), intent: 'create' }, { actor: SEED });
  const categoryIds: number[] = [];
  for (const c of demoCategories) {
    const locales = { en: { name: c.name.en, slug: c.slug }, es: { name: c.name.es, slug: c.slug } };
    categoryIds.push((await create('collection:categories', { status: 'published', locales })).id);
  }
  const brandIds: number[] = [];
  for (const b of demoBrands) {
    const fields = {
      name: b.name,
      website: b.website,
      founded: b.founded,
      logo: '',
      category: categoryIds[b.category],
    };
    brandIds.push((await create('collection:brands', { status: 'published', locales: { en: fields, es: fields } })).id);
  }
  for (const page of demoPages) {
    const fieldsIn = (locale: DemoLocale) => {
      const text = page[locale];
      return {
        ...text,
        ...page.shared,
        notes: `# ${text.headline}\n\n${text.summary}`,
        embed: '',
        hero_image: '',
        seo: { title: text.headline, description: text.summary },
        sections: [{ type: 'cta', fields: { label: locale === 'en' ? 'Get started' : 'Empezar', url: '/start' } }],
        faq: [
          {
            question: locale === 'en' ? 'Is it fast?' : '¿Es rápido?',
            answer: locale === 'en' ? '<p>Yes.</p>' : '<p>Sí.</p>',
          },
        ],
        related: page.related,
        brand: page.brand === null ? '' : brandIds[page.brand],
      };
    };
    const locales = { en: fieldsIn('en'), es: fieldsIn('es') };
    await create('page_type:landing_page', { slug: page.slug, name: page.name, status: page.status, locales });
    if (page.draft) {
      await writeEntry(
        store.db,
        schema,
        {
          type: type('page_type:landing_page'),
          intent: 'update',
          slug: page.slug,
          status: 'draft',
          locales: { en: page.draft, es: page.draft },
          mode: { partial: true, requireAll: false },
        },
        { actor: SEED },
      );
    }
  }
  const home = (locale: DemoLocale) => ({ ...demoHomepage[locale], featured: demoHomepage.featured });
  await create('single_page:homepage', {
    slug: 'homepage',
    name: 'Homepage',
    status: 'published',
    locales: { en: home('en'), es: home('es') },
  });
}
