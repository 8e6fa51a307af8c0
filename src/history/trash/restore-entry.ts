import type { Transaction } from 'kysely';
import type { Actor } from '../../audit/actor.js';
import { recordChange } from '../../cache/content-changes.js';
import { entryTags } from '../../cache/tags.js';
import { typeKey, type AccountSchema, type ContentType } from '../../content/account-schema.js';
import { saveVersion } from '../../content/write/save-version.js';
import { trashErrors } from '../../errors/index.js';
import type { Database } from '../../store/tables.js';
import { enqueueEntryEvents } from '../../webhooks/entry-events.js';
import { recordEntryHistory } from '../record-entry.js';
import type { TrashRow } from './take-trash-row.js';
import type { EntrySnapshot } from './trash-snapshot.js';

const TYPE_NOUN = { page_type: 'page type', single_page: 'single page', collection: 'collection' } as const;

/**
 * Puts a trashed page or item back with its id, in the restore's transaction: each version
 * through saveVersion (so its filter, reference and search rows are rebuilt), then its history,
 * webhooks and cache change as a write records them. References it holds to entries gone since
 * keep their stored values, and read as null as after a forced delete.
 */
export async function restoreEntry(
  trx: Transaction<Database>,
  schema: AccountSchema,
  row: TrashRow,
  actor: Actor,
  now: Date,
): Promise<void> {
  const snapshot = JSON.parse(row.snapshot) as EntrySnapshot;
  const type = await typeOf(trx, schema, row, snapshot);
  const { id, slug, created } = snapshot.entry;
  if (slug !== null) {
    const taken = await trx
      .selectFrom('entries')
      .select('id')
      .where('type_id', '=', type.id)
      .where('slug', '=', slug)
      .executeTakeFirst();
    if (taken) throw trashErrors.pageSlugTaken(slug);
  }
  await trx
    .insertInto('entries')
    .values({
      id,
      account_id: row.account_id,
      type_id: type.id,
      slug,
      created,
      unpublish_at: snapshot.entry.unpublish_at ?? null,
    })
    .execute();
  for (const v of snapshot.versions) {
    await saveVersion(trx, schema, type, {
      entryId: id,
      slug,
      locale: v.locale,
      channel: v.channel,
      status: v.status,
      name: v.name,
      values: JSON.parse(v.fields) as Record<string, unknown>,
      updated: v.updated,
      published: v.published,
      scheduled: v.scheduled ?? null,
    });
  }
  await recordEntryHistory(trx, row.account_id, actor, [{ type, entryId: id, action: 'restore' }], { now });
  const locales = snapshot.versions.filter((v) => v.channel === 'latest').map((v) => v.locale);
  await enqueueEntryEvents(
    trx,
    schema,
    'write',
    locales.map((locale) => ({ type, entryId: id, locale })),
    actor.name,
  );
  await recordChange(trx, row.account_id, [...entryTags(type, id, [slug]), ...(await referrerTags(trx, id))]);
}

/**
 * The entry's page type or collection: the same one, or one of that kind and key added back to
 * the schema since, still in the database; else the 409 naming it.
 */
async function typeOf(
  trx: Transaction<Database>,
  schema: AccountSchema,
  row: TrashRow,
  snapshot: EntrySnapshot,
): Promise<ContentType> {
  const type =
    (row.type_id === null ? undefined : schema.byId.get(row.type_id)) ??
    schema.byKey.get(typeKey(snapshot.type.kind, snapshot.type.key));
  const stored =
    type &&
    (await trx
      .selectFrom('content_types')
      .select('id')
      .where('id', '=', type.id)
      .where('account_id', '=', row.account_id)
      .executeTakeFirst());
  if (!type || !stored || type.kind !== snapshot.type.kind) {
    const what = TYPE_NOUN[snapshot.type.kind as keyof typeof TYPE_NOUN] ?? 'page type';
    throw trashErrors.typeGone(what, snapshot.type.key, row.kind);
  }
  return type;
}

/**
 * The entries that point at it: cached answers that showed their reference to it as null
 * (it was force-deleted) depend on them, not on it, so they are evicted through them.
 */
async function referrerTags(trx: Transaction<Database>, entryId: number): Promise<string[]> {
  const rows = await trx
    .selectFrom('refs')
    .select('entry_id')
    .distinct()
    .where('target_entry_id', '=', entryId)
    .where('entry_id', '!=', entryId)
    .execute();
  return rows.map((r) => `e${r.entry_id}`);
}
