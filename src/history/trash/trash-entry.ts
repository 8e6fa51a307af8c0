import type { Transaction } from 'kysely';
import type { Actor } from '../../audit/actor.js';
import type { ContentType } from '../../content/account-schema.js';
import type { Database, EntryVersion } from '../../store/tables.js';
import { entryKind } from '../record-entry.js';
import { putInTrash } from './put-in-trash.js';
import type { EntrySnapshot } from './trash-snapshot.js';

/**
 * Keeps a page or item in the trash, in its delete's transaction and before its rows go: the
 * entries row and every version (both channels, every locale). Its history stays in `versions`.
 */
export async function trashEntry(
  trx: Transaction<Database>,
  accountId: number,
  defaultLocale: string,
  type: ContentType,
  entryId: number,
  actor: Actor,
  now: Date,
): Promise<void> {
  const entry = await trx
    .selectFrom('entries')
    .select(['id', 'type_id', 'slug', 'created', 'unpublish_at'])
    .where('id', '=', entryId)
    .executeTakeFirstOrThrow();
  const versions = await trx
    .selectFrom('entry_versions')
    .selectAll()
    .where('entry_id', '=', entryId)
    .orderBy('locale')
    .orderBy('channel')
    .execute();
  const snapshot: EntrySnapshot = {
    entry,
    type: { key: type.key, kind: type.kind },
    versions: versions.map(({ entry_id: _id, ...version }) => version),
  };
  await putInTrash(
    trx,
    {
      accountId,
      kind: entryKind(type),
      subjectId: entryId,
      typeId: type.id,
      slug: entry.slug,
      name: entryName(type, entry, versions, defaultLocale),
      snapshot,
    },
    actor,
    now,
  );
}

/**
 * How the trash names an entry: a page by its name in the default locale; an item, which has
 * none, by its first text value (as webhooks label it), else its collection and id.
 */
function entryName(
  type: ContentType,
  entry: { id: number; slug: string | null },
  versions: EntryVersion[],
  defaultLocale: string,
): string {
  const latest = versions.filter((v) => v.channel === 'latest');
  const version = latest.find((v) => v.locale === defaultLocale) ?? latest[0];
  if (type.kind !== 'collection') return version?.name || entry.slug || '';
  const values = version ? (JSON.parse(version.fields) as Record<string, unknown>) : {};
  for (const key of Object.keys(type.fields)) {
    const value = values[key];
    if (typeof value === 'string' && value.trim() && !value.includes('<')) return value.slice(0, 200);
  }
  return `${type.name} ${entry.id}`;
}
