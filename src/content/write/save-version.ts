import type { Transaction } from 'kysely';
import type { Database } from '../../store/tables.js';
import type { AccountSchema, ContentType } from '../account-schema.js';
import type { Channel } from '../entry-rows.js';
import { deriveRows } from './derived-rows.js';

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
}

/** Writes one version and replaces its rows in the filter, reference and search tables. */
export async function saveVersion(trx: Transaction<Database>, schema: AccountSchema, type: ContentType, v: VersionToSave): Promise<void> {
  const key = { entry_id: v.entryId, locale: v.locale, channel: v.channel };
  const row = { ...key, status: v.status, name: v.name, fields: JSON.stringify(v.values), updated: v.updated, published: v.published };
  await trx
    .insertInto('entry_versions')
    .values(row)
    .onConflict((oc) => oc.columns(['entry_id', 'locale', 'channel']).doUpdateSet({
      status: row.status, name: row.name, fields: row.fields, updated: row.updated, published: row.published,
    }))
    .execute();
  await deleteDerived(trx, v.entryId, v.locale, v.channel);
  const derived = deriveRows(type.fields, v.values, schema);
  if (derived.scalars.length) {
    await trx.insertInto('field_values').values(derived.scalars.map((s) => ({ ...key, type_id: type.id, ...s }))).execute();
  }
  if (derived.refs.length) {
    await trx.insertInto('refs').values(derived.refs.map((r) => ({ ...key, ...r }))).execute();
  }
  if (type.kind !== 'collection') {
    const doc = [v.name, v.slug ?? '', derived.text].join('\n');
    await trx.insertInto('search_docs').values({ ...key, type_id: type.id, doc }).execute();
  }
}

/** Removes a version's side-table rows (before rewriting them, or when the version goes). */
export async function deleteDerived(trx: Transaction<Database>, entryId: number, locale: string, channel: Channel): Promise<void> {
  for (const table of ['field_values', 'refs', 'search_docs'] as const) {
    await trx.deleteFrom(table).where('entry_id', '=', entryId).where('locale', '=', locale).where('channel', '=', channel).execute();
  }
}
