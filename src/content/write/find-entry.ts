import type { Kysely, Transaction } from 'kysely';
import { errors, messages } from '../../errors/index.js';
import type { Database } from '../../store/tables.js';
import type { ContentType } from '../account-schema.js';
import type { Validation } from './validate-fields.js';

/** Page and post slugs: lowercase letters, digits and hyphens. */
export const PAGE_SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Which entry a write is for. */
export interface EntryTarget {
  type: ContentType;
  /** `create` makes a new entry (a page's slug must be free); `update` needs an existing one. */
  intent: 'create' | 'update';
  /** Pages: the slug it is created with, or addressed by for an update. */
  slug?: string;
  /** Pages, on update: a new slug to rename it to. */
  newSlug?: string;
  /** Collection items, on update. */
  id?: number;
}

/**
 * The entry a write goes to: created (create) or found (update; the read's 404 when missing).
 * Slug problems become field errors in `v`; returns null when the entry cannot be had.
 */
export async function findOrCreateEntry(
  trx: Transaction<Database>,
  accountId: number,
  t: EntryTarget,
  stamp: string,
  v: Validation,
): Promise<number | null> {
  const isItem = t.type.kind === 'collection';
  if (t.intent === 'update') {
    const id = await existingEntryId(trx, accountId, t);
    if (!isItem && t.newSlug !== undefined && t.newSlug !== t.slug) {
      if (await slugProblem(trx, t.type, t.newSlug, v)) return null;
      await trx.updateTable('entries').set({ slug: t.newSlug }).where('id', '=', id).execute();
    }
    return id;
  }
  const slug = isItem ? null : (t.slug ?? '');
  if (slug !== null && (await slugProblem(trx, t.type, slug, v))) return null;
  const row = await trx
    .insertInto('entries')
    .values({ account_id: accountId, type_id: t.type.id, slug, created: stamp })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The entry an update is for (a page by slug, an item by id), or the read's 404. */
export async function existingEntryId(db: Kysely<Database>, accountId: number, t: EntryTarget): Promise<number> {
  const isItem = t.type.kind === 'collection';
  const query = db
    .selectFrom('entries')
    .select('id')
    .where('type_id', '=', t.type.id)
    .where('account_id', '=', accountId);
  const found = isItem
    ? await query.where('id', '=', t.id ?? -1).executeTakeFirst()
    : t.slug?.includes('\u0000')
      ? undefined
      : await query.where('slug', '=', t.slug ?? '').executeTakeFirst();
  if (!found) throw isItem ? errors.notFound() : errors.pageNotFound();
  return found.id;
}

async function slugProblem(
  trx: Transaction<Database>,
  type: ContentType,
  slug: string,
  v: Validation,
): Promise<boolean> {
  const problem =
    !PAGE_SLUG.test(slug) || slug.length > 200
      ? messages.slugFormat
      : (await trx
            .selectFrom('entries')
            .select('id')
            .where('type_id', '=', type.id)
            .where('slug', '=', slug)
            .executeTakeFirst())
        ? messages.slugTaken
        : null;
  if (problem) (v.errors.slug ??= []).push(problem);
  return problem !== null;
}
