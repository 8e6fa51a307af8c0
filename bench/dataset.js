// Builds the benchmark's data set through Ghee's real operations (applySchema, writeEntries,
// writePost), so every table, index and derived row is what a live account would have.
import { createAccount } from '../dist/accounts/accounts.js';
import { importActor } from '../dist/audit/actor.js';
import { loadAccountSchema } from '../dist/content/account-schema.js';
import { applySchema } from '../dist/content/schema/apply-schema.js';
import { writeEntries } from '../dist/content/write/write-entry.js';
import { parsePostInput } from '../dist/blog/write/post-input.js';
import { writePost } from '../dist/blog/write/write-post.js';
import { openStore } from '../dist/store/database.js';
import { migrateToLatest } from '../dist/store/migrate.js';

/** Bump when the data set changes shape, so cached SQLite files are rebuilt. */
export const DATASET_VERSION = 2;

export const FULL = { pages: 10_000, items: 100_000, posts: 1_000 };
export const SMALL = { pages: 200, items: 1_000, posts: 20 };

/** Pages form four tiers of equal size; a page of tier t references 3 pages of tier t+1. */
const TIERS = 4;
const FAN_OUT = 3;
const CATEGORIES = 20;
const BATCH = 1_000;
/** Who the data set's history names (every write keeps a version and an audit record). */
const BENCH = importActor('bench');

export const SCHEMA = {
  locales: [{ slug: 'en', name: 'English', default: true }],
  page_types: {
    article: {
      name: 'Article',
      fields: {
        headline: { type: 'short_text', required: true },
        summary: { type: 'long_text' },
        body: { type: 'wysiwyg' },
        rank: { type: 'number' },
        related: { type: 'reference', to: 'page_type:article', many: true },
      },
    },
  },
  collections: {
    products: {
      name: 'Products',
      fields: {
        name: { type: 'short_text', required: true },
        sku: { type: 'short_text' },
        category: { type: 'short_text' },
        price: { type: 'number' },
        description: { type: 'long_text' },
      },
    },
  },
};

const LOREM = 'Ghee keeps content in one place and serves it fast to every site that asks for it. ';

/** The slug of page n of a tier (tier 0 pages have references three levels deep). */
export function pageSlug(tier, n) {
  return `t${tier}-${String(n).padStart(5, '0')}`;
}

/** A deterministic pseudo-random sequence, so every build holds the same data. */
function random(seed) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

async function pages(store, schema, size, now) {
  const type = schema.byKey.get('page_type:article');
  const perTier = Math.floor(size / TIERS);
  const rand = random(7);
  // Leaves first: a reference is resolved (and must exist) when it is written.
  for (let tier = TIERS - 1; tier >= 0; tier--) {
    for (let start = 0; start < perTier; start += BATCH) {
      const writes = [];
      for (let n = start; n < Math.min(start + BATCH, perTier); n++) {
        const related =
          tier === TIERS - 1
            ? []
            : Array.from({ length: FAN_OUT }, () => pageSlug(tier + 1, Math.floor(rand() * perTier)));
        writes.push({
          type,
          intent: 'create',
          slug: pageSlug(tier, n),
          name: `Article ${tier}-${n}`,
          status: 'published',
          locales: {
            en: {
              headline: `Article ${n} of tier ${tier}`,
              summary: LOREM.repeat(2),
              body: `<h2>Section ${n}</h2><p>${LOREM.repeat(8)}</p><p><a href="https://example.com/${n}">more</a></p>`,
              rank: Math.floor(rand() * 1000),
              related: [...new Set(related)],
            },
          },
        });
      }
      await writeEntries(store.db, schema, writes, { now, actor: BENCH });
    }
  }
  return perTier * TIERS;
}

async function items(store, schema, size, now) {
  const type = schema.byKey.get('collection:products');
  const rand = random(11);
  for (let start = 0; start < size; start += BATCH) {
    const writes = [];
    for (let n = start; n < Math.min(start + BATCH, size); n++) {
      writes.push({
        type,
        intent: 'create',
        status: 'published',
        locales: {
          en: {
            name: `Product ${n}`,
            sku: `SKU-${String(n).padStart(6, '0')}`,
            category: `cat-${String(n % CATEGORIES).padStart(2, '0')}`,
            price: Math.round(rand() * 100_000) / 100,
            description: LOREM,
          },
        },
      });
    }
    await writeEntries(store.db, schema, writes, { now, actor: BENCH });
  }
}

async function posts(store, accountId, size) {
  const base = Date.UTC(2024, 0, 1);
  for (let n = 0; n < size; n++) {
    const { input, errors } = parsePostInput({
      title: `Post ${n} about Ghee`,
      slug: `post-${n}`,
      status: 'published',
      summary: `Summary of post ${n}`,
      body: `<p>${LOREM.repeat(20)}</p>`,
      categories: [`Category ${n % 10}`],
      tags: [`tag-${n % 25}`, 'bench'],
    });
    await writePost(
      store.db,
      { accountId, intent: 'create', input, errors },
      { now: new Date(base + n * 3_600_000), actor: BENCH },
    );
  }
}

/**
 * Builds the data set into an empty database and returns what the benchmark needs to call it:
 * tokens, the page read in the single-page scenarios, the collection filter.
 */
export async function buildDataset(databaseUrl, size, log = () => {}) {
  const store = openStore(databaseUrl);
  try {
    await migrateToLatest(store);
    // A plan with a monthly limit (not blocking), so metering does its full work: the count,
    // the billing period and the RateLimit headers on every answer.
    const account = await createAccount(store.db, {
      name: 'Bench',
      plan: 'professional',
      monthlyCallLimit: 1_000_000_000,
    });
    await applySchema(store.db, account.id, SCHEMA, { allowDataLoss: false });
    const version = await store.db
      .selectFrom('accounts')
      .select('schema_version')
      .where('id', '=', account.id)
      .executeTakeFirstOrThrow();
    const schema = await loadAccountSchema(store.db, account.id, version.schema_version);
    const now = new Date(Date.UTC(2025, 0, 1));
    let t = Date.now();
    const pageCount = await pages(store, schema, size.pages, now);
    log(`  ${pageCount} pages in ${((Date.now() - t) / 1000).toFixed(1)} s`);
    t = Date.now();
    await items(store, schema, size.items, now);
    log(`  ${size.items} items in ${((Date.now() - t) / 1000).toFixed(1)} s`);
    t = Date.now();
    await posts(store, account.id, size.posts);
    log(`  ${size.posts} posts in ${((Date.now() - t) / 1000).toFixed(1)} s`);
    return {
      version: DATASET_VERSION,
      size,
      accountId: account.id,
      readToken: account.read_token,
      writeToken: account.write_token,
      page: pageSlug(0, 0),
      category: 'cat-07',
      categoryMatches: Math.floor(size.items / CATEGORIES),
      newPageRelated: [pageSlug(1, 0), pageSlug(1, 1), pageSlug(1, 2)],
    };
  } finally {
    await store.close();
  }
}
