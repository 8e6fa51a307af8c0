import { recordChange } from '../../src/cache/content-changes.js';
import { entryTags } from '../../src/cache/tags.js';
import { saveVersion } from '../../src/content/write/save-version.js';
import type { Store } from '../../src/store/database.js';
import { isoMicro } from '../../src/time.js';
import { schemaOf } from './content.js';

// Stored content the write API refuses since references are capped and unique per field: the
// state an install may hold from before, set up straight in the store.

/** The entry id of a page by slug (any type). */
export async function pageId(store: Store, accountId: number, slug: string): Promise<number> {
  const row = await store.db
    .selectFrom('entries')
    .select('id')
    .where('account_id', '=', accountId)
    .where('slug', '=', slug)
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Stores `values` over the fields of every version of a page, unchecked; the page's cached
 * answers are evicted as a write would evict them.
 */
export async function storeFields(
  store: Store,
  accountId: number,
  type: string,
  slug: string,
  values: Record<string, unknown>,
): Promise<void> {
  const schema = await schemaOf(store, accountId);
  const contentType = schema.byKey.get(type)!;
  const id = await pageId(store, accountId, slug);
  const versions = await store.db.selectFrom('entry_versions').selectAll().where('entry_id', '=', id).execute();
  await store.db.transaction().execute(async (trx) => {
    for (const v of versions) {
      const stored = { ...(JSON.parse(v.fields) as Record<string, unknown>), ...values };
      await saveVersion(trx, schema, contentType, {
        entryId: id,
        slug,
        locale: v.locale,
        channel: v.channel,
        status: v.status,
        name: v.name,
        values: stored,
        updated: v.updated,
        published: v.published,
        scheduled: v.scheduled,
      });
    }
    await recordChange(trx, accountId, entryTags(contentType, id, [slug]));
  });
}

/** Two landing pages whose `related` lists hold `times` copies of each other (finding 4's attack). */
export async function mutualCopies(
  store: Store,
  accountId: number,
  a: string,
  b: string,
  times: number,
): Promise<void> {
  const [idA, idB] = [await pageId(store, accountId, a), await pageId(store, accountId, b)];
  await storeFields(store, accountId, 'page_type:landing_page', a, { related: Array(times).fill(idB) });
  await storeFields(store, accountId, 'page_type:landing_page', b, { related: Array(times).fill(idA) });
}

/** `n` published items of a collection, inserted in bulk (no side-table rows); their ids in order. */
export async function bulkItems(
  store: Store,
  accountId: number,
  key: string,
  n: number,
  fields: (i: number) => Record<string, unknown>,
): Promise<number[]> {
  const schema = await schemaOf(store, accountId);
  const type = schema.byKey.get(`collection:${key}`)!;
  const now = isoMicro(new Date());
  const ids: number[] = [];
  for (let start = 0; start < n; start += 500) {
    const count = Math.min(500, n - start);
    const rows = await store.db
      .insertInto('entries')
      .values(
        Array.from({ length: count }, () => ({ account_id: accountId, type_id: type.id, slug: null, created: now })),
      )
      .returning('id')
      .execute();
    const made = rows.map((r) => r.id).sort((x, y) => x - y);
    const versions = made.flatMap((id, i) =>
      (['published', 'latest'] as const).map((channel) => ({
        entry_id: id,
        locale: schema.defaultLocale,
        channel,
        status: 'published' as const,
        name: '',
        fields: JSON.stringify(fields(start + i)),
        updated: now,
        published: now,
      })),
    );
    await store.db.insertInto('entry_versions').values(versions).execute();
    ids.push(...made);
  }
  await recordChange(store.db, accountId, [`t${type.id}`]);
  return ids;
}
