import type { Transaction } from 'kysely';
import type { Database } from '../../store/tables.js';
import type { AccountSchema, ContentType } from '../account-schema.js';
import type { Channel } from '../entry-rows.js';
import { deriveRows } from './derived-rows.js';
import { chunks, LOOKUP_CHUNK } from './reference-limits.js';

export interface VersionToSave {
  entryId: number;
  slug: string | null;
  locale: string;
  channel: Channel;
  status: 'draft' | 'published';
  name: string;
  values: Record<string, unknown>;
  updated: string;
  published: string | null;
  /** The time a newest draft waits for, or a published version was published at (entry-schedule.ts). */
  scheduled: string | null;
}

/** Writes one version and replaces its rows in the filter, reference and search tables. */
export async function saveVersion(
  trx: Transaction<Database>,
  schema: AccountSchema,
  type: ContentType,
  v: VersionToSave,
): Promise<void> {
  const key = { entry_id: v.entryId, locale: v.locale, channel: v.channel };
  const row = {
    ...key,
    status: v.status,
    name: v.name,
    fields: JSON.stringify(v.values),
    updated: v.updated,
    published: v.published,
    scheduled: v.scheduled,
  };
  await trx
    .insertInto('entry_versions')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['entry_id', 'locale', 'channel']).doUpdateSet({
        status: row.status,
        name: row.name,
        fields: row.fields,
        updated: row.updated,
        published: row.published,
        scheduled: row.scheduled,
      }),
    )
    .execute();
  await deleteDerived(trx, v.entryId, v.locale, v.channel);
  const derived = deriveRows(type.fields, v.values, schema);
  // In slices: a version may hold thousands of references (repeater rows), and each row binds
  // six or seven values, so one insert of them all could pass SQLite's 32,766 bound values.
  for (const slice of chunks(derived.scalars, LOOKUP_CHUNK)) {
    await trx
      .insertInto('field_values')
      .values(slice.map((s) => ({ ...key, type_id: type.id, ...s })))
      .execute();
  }
  for (const slice of chunks(derived.refs, LOOKUP_CHUNK)) {
    await trx
      .insertInto('refs')
      .values(slice.map((r) => ({ ...key, ...r })))
      .execute();
  }
  if (type.kind !== 'collection') {
    const doc = [v.name, v.slug ?? '', derived.text].join('\n');
    await trx
      .insertInto('search_docs')
      .values({ ...key, type_id: type.id, doc })
      .execute();
  }
}

/** Removes a version's side-table rows (before rewriting them, or when the version goes). */
export async function deleteDerived(
  trx: Transaction<Database>,
  entryId: number,
  locale: string,
  channel: Channel,
): Promise<void> {
  for (const table of ['field_values', 'refs', 'search_docs'] as const) {
    await trx
      .deleteFrom(table)
      .where('entry_id', '=', entryId)
      .where('locale', '=', locale)
      .where('channel', '=', channel)
      .execute();
  }
}
