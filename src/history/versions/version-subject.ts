import type { Kysely } from 'kysely';
import type { AccountSchema } from '../../content/account-schema.js';
import { itemTarget } from '../../content/find-item.js';
import { findPage } from '../../content/find-page.js';
import { errors } from '../../errors/index.js';
import type { SubjectKind } from '../../store/history-tables.js';
import type { Database } from '../../store/tables.js';
import { entryKind } from '../record-entry.js';

/** What a version belongs to: a page, an item or a post of one account, by id. */
export interface VersionSubject {
  accountId: number;
  kind: SubjectKind;
  /** entries.id or posts.id. */
  id: number;
}

/** The page at `/pages/<type>/<slug>/` (`*`: of any type), or the read's 404. */
export async function pageSubject(
  db: Kysely<Database>,
  schema: AccountSchema,
  typeKey: string,
  slug: string,
): Promise<VersionSubject> {
  const { type, id } = await findPage(db, schema, typeKey, slug);
  return { accountId: schema.accountId, kind: entryKind(type), id };
}

/** The item at `/content/<key>/<id>/`, or the read's 404s. */
export async function itemSubject(
  db: Kysely<Database>,
  schema: AccountSchema,
  key: string,
  rawId: string | undefined,
): Promise<VersionSubject> {
  const { type, id } = itemTarget(schema, key, rawId);
  const found = await db
    .selectFrom('entries')
    .select('id')
    .where('id', '=', id)
    .where('type_id', '=', type.id)
    .where('account_id', '=', schema.accountId)
    .executeTakeFirst();
  if (!found) throw errors.notFound();
  return { accountId: schema.accountId, kind: 'item', id };
}

/** The post at `/posts/<slug>/`, or the read's 404. */
export async function postSubject(db: Kysely<Database>, accountId: number, slug: string): Promise<VersionSubject> {
  const found = slug.includes('\u0000')
    ? undefined
    : await db
        .selectFrom('posts')
        .select('id')
        .where('account_id', '=', accountId)
        .where('slug', '=', slug)
        .executeTakeFirst();
  if (!found) throw errors.postNotFound();
  return { accountId, kind: 'post', id: found.id };
}
