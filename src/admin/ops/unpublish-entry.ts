import type { Kysely } from 'kysely';
import { recordChange } from '../../cache/content-changes.js';
import { entryTags } from '../../cache/tags.js';
import type { AccountSchema, ContentType } from '../../content/account-schema.js';
import { deleteDerived } from '../../content/write/save-version.js';
import type { Database } from '../../store/tables.js';
import { enqueueEntryEvents } from '../../webhooks/entry-events.js';
import { targetEntry, type EntryTarget } from './target-entry.js';
import type { Actor } from '../../audit/actor.js';
import { recordEntryHistory } from '../../history/record-entry.js';

/**
 * Takes a page or item off the air, in one locale or (locale null) in all: its published
 * versions go, its newest version stays as a draft, so readers get the 404 and `preview=1` still
 * shows it. Records the change, so cached answers are evicted on every node.
 */
export async function unpublishEntry(
  db: Kysely<Database>,
  schema: AccountSchema,
  type: ContentType,
  target: EntryTarget,
  locale: string | null,
  actor: Actor,
  now = new Date(),
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const entry = await targetEntry(trx, schema, type, target);
    let published = trx
      .selectFrom('entry_versions')
      .select('locale')
      .where('entry_id', '=', entry.id)
      .where('channel', '=', 'published');
    if (locale !== null) published = published.where('locale', '=', locale);
    const locales = (await published.execute()).map((r) => r.locale);
    if (locales.length === 0) return;
    for (const l of locales) await deleteDerived(trx, entry.id, l, 'published');
    await trx
      .deleteFrom('entry_versions')
      .where('entry_id', '=', entry.id)
      .where('channel', '=', 'published')
      .where('locale', 'in', locales)
      .execute();
    await trx
      .updateTable('entry_versions')
      .set({ status: 'draft', published: null })
      .where('entry_id', '=', entry.id)
      .where('channel', '=', 'latest')
      .where('locale', 'in', locales)
      .execute();
    await recordEntryHistory(trx, schema.accountId, actor, [{ type, entryId: entry.id, action: 'unpublish' }], { now });
    await enqueueEntryEvents(
      trx,
      schema,
      'unpublish',
      locales.map((l) => ({ type, entryId: entry.id, locale: l })),
      actor.name,
    );
    await recordChange(trx, schema.accountId, entryTags(type, entry.id, [entry.slug]));
  });
}
