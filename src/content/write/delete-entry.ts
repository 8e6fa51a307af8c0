import type { Kysely } from 'kysely';
import { errors } from '../../errors/index.js';
import type { Database } from '../../store/tables.js';
import type { AccountSchema, ContentType } from '../account-schema.js';
import { recordChange } from '../../cache/content-changes.js';
import { entryTags } from '../../cache/tags.js';
import { enqueueEntryEvents } from '../../webhooks/entry-events.js';
import type { Actor } from '../../audit/actor.js';
import { recordAudit } from '../../audit/record-audit.js';
import { entryKind } from '../../history/record-entry.js';
import { trashEntry } from '../../history/trash/trash-entry.js';

/**
 * Deletes a page (by slug) or an item (by id) with all its versions, into the trash: restorable,
 * with its id, for TRASH_DAYS (src/history/trash/). Refused with the referrers named while other
 * entries point at it, unless `force`; forced, those references read as null (or drop out of
 * their `many` lists) until it is restored.
 */
export async function deleteEntry(
  db: Kysely<Database>,
  schema: AccountSchema,
  type: ContentType,
  target: { slug?: string; id?: number },
  force: boolean,
  actor: Actor,
): Promise<void> {
  const now = new Date();
  await db.transaction().execute(async (trx) => {
    const query = trx
      .selectFrom('entries')
      .select('id')
      .where('account_id', '=', schema.accountId)
      .where('type_id', '=', type.id);
    const query2 = query.select('slug');
    const found =
      target.id !== undefined
        ? await query2.where('id', '=', target.id).executeTakeFirst()
        : await query2.where('slug', '=', target.slug ?? '').executeTakeFirst();
    if (!found) throw type.kind === 'collection' ? errors.notFound() : errors.pageNotFound();
    if (!force) {
      const referrers = await trx
        .selectFrom('refs as r')
        .innerJoin('entries as e', 'e.id', 'r.entry_id')
        .select(['e.id', 'e.type_id', 'e.slug'])
        .distinct()
        .where('r.target_entry_id', '=', found.id)
        .where('r.entry_id', '!=', found.id)
        .orderBy('e.id')
        .execute();
      if (referrers.length) throw errors.referenced(referrers.map((r) => label(schema, r)).join(', '));
    }
    await enqueueEntryEvents(trx, schema, 'delete', [{ type, entryId: found.id, locale: null }], actor.name);
    await recordAudit(
      trx,
      actor,
      [
        {
          accountId: schema.accountId,
          action: 'delete',
          kind: entryKind(type),
          targetId: found.id,
          targetSlug: found.slug,
        },
      ],
      now,
    );
    await trashEntry(trx, schema.accountId, schema.defaultLocale, type, found.id, actor, now);
    await trx.deleteFrom('entries').where('id', '=', found.id).execute();
    await recordChange(trx, schema.accountId, entryTags(type, found.id, [found.slug]));
  });
}

/** How a referrer is named in the refusal: `landing_page/launch`, `homepage`, `brands/3`. */
function label(schema: AccountSchema, row: { id: number; type_id: number; slug: string | null }): string {
  const type = schema.byId.get(row.type_id);
  if (!type) return String(row.id);
  if (type.kind === 'collection') return `${type.key}/${row.id}`;
  return type.kind === 'single_page' ? `${row.slug}` : `${type.key}/${row.slug}`;
}
