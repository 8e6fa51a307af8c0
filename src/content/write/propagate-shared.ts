import type { Transaction } from 'kysely';
import type { Database } from '../../store/tables.js';
import type { AccountSchema, ContentType } from '../account-schema.js';
import type { Channel } from '../entry-rows.js';
import { saveVersion } from './save-version.js';

/**
 * Fields declared `localized: false` hold one value for every locale: a write through one
 * locale copies them into the entry's versions in the other locales (same channels).
 */
export async function propagateShared(
  trx: Transaction<Database>,
  schema: AccountSchema,
  type: ContentType,
  entryId: number,
  locale: string,
  input: Record<string, unknown>,
  channels: readonly Channel[],
): Promise<void> {
  const shared = Object.entries(type.fields).filter(([key, f]) => f.localized === false && Object.hasOwn(input, key));
  if (shared.length === 0) return;
  const others = await trx
    .selectFrom('entry_versions as v')
    .innerJoin('entries as e', 'e.id', 'v.entry_id')
    .select([
      'v.locale',
      'v.channel',
      'v.status',
      'v.name',
      'v.fields',
      'v.updated',
      'v.published',
      'v.scheduled',
      'e.slug',
    ])
    .where('v.entry_id', '=', entryId)
    .where('v.locale', '!=', locale)
    .where('v.channel', 'in', [...channels])
    .execute();
  for (const other of others) {
    const values = JSON.parse(other.fields) as Record<string, unknown>;
    for (const [key] of shared) values[key] = input[key];
    await saveVersion(trx, schema, type, {
      entryId,
      slug: other.slug,
      locale: other.locale,
      channel: other.channel,
      status: other.status,
      name: other.name,
      values,
      updated: other.updated,
      published: other.published,
      scheduled: other.scheduled,
    });
  }
}
