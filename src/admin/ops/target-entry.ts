import type { Kysely } from 'kysely';
import type { AccountSchema, ContentType } from '../../content/account-schema.js';
import { errors } from '../../errors/index.js';
import type { Database } from '../../store/tables.js';

/** The dashboard's way to name an entry of a type: an item by id, a page by slug. */
export interface EntryTarget {
  slug?: string;
  id?: number;
}

/** The entry a dashboard route names, or the 404 of its kind (an item's `Not found`, a page's). */
export async function targetEntry(db: Kysely<Database>, schema: AccountSchema, type: ContentType, target: EntryTarget) {
  const query = db
    .selectFrom('entries')
    .select(['id', 'type_id', 'slug', 'unpublish_at'])
    .where('account_id', '=', schema.accountId)
    .where('type_id', '=', type.id);
  const entry =
    target.id !== undefined
      ? await query.where('id', '=', target.id).executeTakeFirst()
      : await query.where('slug', '=', target.slug ?? '').executeTakeFirst();
  if (!entry) throw type.kind === 'collection' ? errors.notFound() : errors.pageNotFound();
  return entry;
}
