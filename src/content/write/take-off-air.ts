import type { Transaction } from 'kysely';
import { recordChange } from '../../cache/content-changes.js';
import { entryTags } from '../../cache/tags.js';
import type { Actor } from '../../audit/actor.js';
import { recordEntryHistory } from '../../history/record-entry.js';
import type { Database } from '../../store/tables.js';
import { enqueueEntryEvents } from '../../webhooks/entry-events.js';
import type { AccountSchema, ContentType } from '../account-schema.js';
import { deleteDerived } from './save-version.js';

/**
 * Takes a page or item off the air inside a transaction, in one locale or (locale null) in all:
 * its published versions go, its newest version stays as a draft, so readers get the 404 and
 * `preview=1` still shows it. A schedule waiting to publish it stays. Returns false when nothing
 * was published (no change, no record).
 */
export async function takeOffAir(
  trx: Transaction<Database>,
  schema: AccountSchema,
  type: ContentType,
  entry: { id: number; slug: string | null },
  locale: string | null,
  actor: Actor,
  now: Date,
): Promise<boolean> {
  let published = trx
    .selectFrom('entry_versions')
    .select('locale')
    .where('entry_id', '=', entry.id)
    .where('channel', '=', 'published');
  if (locale !== null) published = published.where('locale', '=', locale);
  const locales = (await published.execute()).map((r) => r.locale);
  if (locales.length === 0) return false;
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
  return true;
}
