import type { Kysely } from 'kysely';
import { errors } from '../errors/index.js';
import type { Database } from '../store/tables.js';
import type { AccountSchema, ContentType } from './account-schema.js';

/** A page as a write (or the dashboard) addresses it: its type and entry id. */
export interface FoundPage {
  type: ContentType;
  id: number;
}

/** The page type of a path or `?page_type=` (not `*`), or the read's 404. */
export function pageTypeOf(schema: AccountSchema, key: string): ContentType {
  const type = schema.byKey.get(`page_type:${key}`);
  if (!type) throw errors.pageNotFound();
  return type;
}

/** The types a page path's type names: one page type, or for `*` every page type and the single pages. */
export function pageTypesOf(schema: AccountSchema, key: string): ContentType[] {
  if (key !== '*') return [pageTypeOf(schema, key)];
  return [...schema.byId.values()].filter((t) => t.kind === 'page_type' || t.kind === 'single_page');
}

/**
 * The page at `/pages/<type>/<slug>/`, in any version (drafts included), for the writes of /v2
 * and every page route of the admin API. `*` finds the slug among single pages and pages of
 * every page type, as ButterCMS does for updates; two pages of different types with that slug
 * are the read's 403. Missing: the read's 404.
 */
export async function findPage(
  db: Kysely<Database>,
  schema: AccountSchema,
  typeKey: string,
  slug: string,
): Promise<FoundPage> {
  const types = pageTypesOf(schema, typeKey);
  // No slug holds U+0000 (PostgreSQL could not even compare it).
  if (types.length === 0 || slug.includes('\u0000')) throw errors.pageNotFound();
  const rows = await db
    .selectFrom('entries')
    .select(['id', 'type_id'])
    .where('account_id', '=', schema.accountId)
    .where(
      'type_id',
      'in',
      types.map((t) => t.id),
    )
    .where('slug', '=', slug)
    .limit(2)
    .execute();
  if (rows.length > 1) throw errors.multiplePages();
  const row = rows[0];
  if (!row) throw errors.pageNotFound();
  return { type: schema.byId.get(row.type_id)!, id: row.id };
}
