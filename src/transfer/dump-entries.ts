import type { Kysely } from 'kysely';
import { loadAccountSchema } from '../content/account-schema.js';
import type { Database } from '../store/tables.js';
import { byCodePoint, type ArchivedEntry } from './archive-format.js';
import { mapReferences } from './map-references.js';

/**
 * Every page and collection item of an account with all its versions (every locale, both
 * channels), entries by id and versions by locale then channel. A reference to an entry that no
 * longer exists (deleted with `force`) reads as nothing, so it is left out here too: the archive
 * then round-trips exactly.
 */
export async function dumpEntries(db: Kysely<Database>, accountId: number): Promise<ArchivedEntry[]> {
  const account = await db
    .selectFrom('accounts')
    .select('schema_version')
    .where('id', '=', accountId)
    .executeTakeFirstOrThrow();
  const schema = await loadAccountSchema(db, accountId, account.schema_version);
  const entries = await db
    .selectFrom('entries')
    .select(['id', 'type_id', 'slug', 'created', 'unpublish_at'])
    .where('account_id', '=', accountId)
    .orderBy('id')
    .execute();
  const versions = await db
    .selectFrom('entry_versions as v')
    .innerJoin('entries as e', 'e.id', 'v.entry_id')
    .select([
      'v.entry_id',
      'v.locale',
      'v.channel',
      'v.status',
      'v.name',
      'v.fields',
      'v.updated',
      'v.published',
      'v.scheduled',
    ])
    .where('e.account_id', '=', accountId)
    .execute();
  const ids = new Set(entries.map((e) => e.id));
  const keep = (id: number) => (ids.has(id) ? id : null);
  return entries.map((entry) => {
    const type = schema.byId.get(entry.type_id)!;
    const own = versions
      .filter((v) => v.entry_id === entry.id)
      .sort((a, b) => byCodePoint(a.locale, b.locale) || byCodePoint(a.channel, b.channel))
      .map((v) => ({
        locale: v.locale,
        channel: v.channel,
        status: v.status,
        name: v.name,
        fields: mapReferences(type.fields, JSON.parse(v.fields), schema, keep),
        updated: v.updated,
        published: v.published,
        ...(v.scheduled !== null && { scheduled: v.scheduled }),
      }));
    return {
      id: entry.id,
      type: `${type.kind}:${type.key}`,
      slug: entry.slug,
      created: entry.created,
      ...(entry.unpublish_at !== null && { unpublish_at: entry.unpublish_at }),
      versions: own,
    };
  });
}
