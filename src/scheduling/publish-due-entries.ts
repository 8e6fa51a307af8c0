import type { Transaction } from 'kysely';
import { SCHEDULER } from '../audit/actor.js';
import { recordChange } from '../cache/content-changes.js';
import { entryTags } from '../cache/tags.js';
import type { AccountSchema, ContentType } from '../content/account-schema.js';
import { propagateShared } from '../content/write/propagate-shared.js';
import { saveVersion } from '../content/write/save-version.js';
import { recordEntryHistory } from '../history/record-entry.js';
import type { Database } from '../store/tables.js';
import { isoMicro } from '../time.js';
import { enqueueEntryEvents, type EntryRef } from '../webhooks/entry-events.js';

/**
 * Publishes the account's pages and items whose newest version waits for a time now past, in
 * the caller's transaction: the version becomes the published one, with the first publication's
 * time kept (or the scheduled time for a first one). The UPDATE that marks them is conditional,
 * so of two processes at the same moment only one publishes each (the other finds no draft).
 * Their versions, audit records (by the scheduler), `*.published` events and cache change
 * commit with it. Returns how many entries it published.
 */
export async function publishDueEntries(trx: Transaction<Database>, schema: AccountSchema, now: Date): Promise<number> {
  const due = await trx
    .updateTable('entry_versions')
    .set({ status: 'published' })
    .where('channel', '=', 'latest')
    .where('status', '=', 'draft')
    .where('scheduled', 'is not', null)
    .where('scheduled', '<=', isoMicro(now))
    .where('entry_id', 'in', trx.selectFrom('entries').select('id').where('account_id', '=', schema.accountId))
    .returning(['entry_id', 'locale', 'name', 'fields', 'updated', 'scheduled'])
    .execute();
  if (due.length === 0) return 0;
  const ids = [...new Set(due.map((d) => d.entry_id))];
  const entries = new Map(
    (await trx.selectFrom('entries').select(['id', 'type_id', 'slug']).where('id', 'in', ids).execute()).map((e) => [
      e.id,
      e,
    ]),
  );
  const refs: EntryRef[] = [];
  const tags: string[] = [];
  for (const version of due.sort((a, b) => a.entry_id - b.entry_id || a.locale.localeCompare(b.locale))) {
    const entry = entries.get(version.entry_id)!;
    const type = schema.byId.get(entry.type_id);
    if (!type) continue;
    await publishVersion(trx, schema, type, { ...version, slug: entry.slug });
    refs.push({ type, entryId: entry.id, locale: version.locale });
    tags.push(...entryTags(type, entry.id, [entry.slug]));
  }
  const published = [...new Map(refs.map((r) => [r.entryId, r])).values()];
  await recordEntryHistory(
    trx,
    schema.accountId,
    SCHEDULER,
    published.map((r) => ({ type: r.type, entryId: r.entryId, action: 'publish' })),
    { now },
  );
  await enqueueEntryEvents(trx, schema, 'write', refs, SCHEDULER.name);
  await recordChange(trx, schema.accountId, tags);
  return published.length;
}

/** One due version in one locale made the published one; its shared fields reach the others'. */
async function publishVersion(
  trx: Transaction<Database>,
  schema: AccountSchema,
  type: ContentType,
  v: {
    entry_id: number;
    slug: string | null;
    locale: string;
    name: string;
    fields: string;
    updated: string;
    scheduled: string | null;
  },
): Promise<void> {
  const live = await trx
    .selectFrom('entry_versions')
    .select('published')
    .where('entry_id', '=', v.entry_id)
    .where('locale', '=', v.locale)
    .where('channel', '=', 'published')
    .executeTakeFirst();
  const published = live?.published ?? v.scheduled;
  await trx
    .updateTable('entry_versions')
    .set({ published })
    .where('entry_id', '=', v.entry_id)
    .where('locale', '=', v.locale)
    .where('channel', '=', 'latest')
    .execute();
  const values = JSON.parse(v.fields) as Record<string, unknown>;
  await saveVersion(trx, schema, type, {
    entryId: v.entry_id,
    slug: v.slug,
    locale: v.locale,
    channel: 'published',
    status: 'published',
    name: v.name,
    values,
    updated: v.updated,
    published,
    scheduled: v.scheduled,
  });
  await propagateShared(trx, schema, type, v.entry_id, v.locale, values, ['published']);
}
