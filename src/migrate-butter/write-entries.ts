import { parseDateTime } from '../blog/write/parse-date-time.js';
import type { Transaction } from 'kysely';
import { importActor } from '../audit/actor.js';
import { recordChange } from '../cache/content-changes.js';
import { entryTags } from '../cache/tags.js';
import type { AccountSchema, ContentType } from '../content/account-schema.js';
import { sanitizeImportedFields } from '../content/write/sanitize-imported.js';
import { chunks, LOOKUP_CHUNK } from '../content/write/reference-limits.js';
import { saveVersion } from '../content/write/save-version.js';
import { recordEntryHistory } from '../history/record-entry.js';
import type { Dialect } from '../store/dialect/dialect.js';
import type { Database } from '../store/tables.js';
import { isoMicro } from '../time.js';
import { entryFields } from './entry-fields.js';
import type { ApiObject, SourceEntry } from './read-source.js';
import { toStored, type Lookups, type Unresolved } from './to-stored.js';

/** Who the history of what `ghee import-butter` writes names. */
const IMPORT_BUTTER = importActor('import-butter');

/** The entry ids made so far: pages by `<kind>:<type key>\0<slug>`, items by `<collection>\0<source id>`. */
export interface EntryIds {
  pages: Map<string, number>;
  items: Map<string, number>;
}

/** Lookups over the ids made so far and the stored values of the media downloaded. */
export function lookupsOf(ids: EntryIds, media: (url: string) => string | undefined): Lookups {
  return {
    media: (url) => media(url),
    page: (type, slug) => ids.pages.get(`page_type:${type}\u0000${slug}`),
    item: (key, id) => ids.items.get(`${key}\u0000${id}`),
  };
}

/**
 * Creates the entries of one content type (pass one) in the caller's transaction: an item keeps
 * its source id where the install has it free, a page its slug; an entry the account already has
 * is left alone. Every version read is stored with the source's timestamps, references resolved
 * as far as their targets exist, and each entry's first version of history is kept. Returns the
 * entries created.
 */
export async function createEntries(
  trx: Transaction<Database>,
  dialect: Dialect,
  schema: AccountSchema,
  type: ContentType,
  entries: SourceEntry[],
  ids: EntryIds,
  lookups: Lookups,
  now: Date,
): Promise<{ entry: SourceEntry; id: number }[]> {
  const made: { entry: SourceEntry; id: number }[] = [];
  for (const entry of entries) {
    const isItem = type.kind === 'collection';
    const key = isItem ? `${type.key}\u0000${entry.sourceId}` : `${type.kind}:${type.key}\u0000${entry.slug}`;
    if ((isItem ? ids.items : ids.pages).has(key)) continue;
    const free =
      isItem &&
      entry.sourceId !== null &&
      !(await trx.selectFrom('entries').select('id').where('id', '=', entry.sourceId).executeTakeFirst());
    if (!free) await dialect.syncIdSequence(trx, 'entries');
    const row = await trx
      .insertInto('entries')
      .values({
        ...(free && { id: entry.sourceId! }),
        account_id: schema.accountId,
        type_id: type.id,
        slug: isItem ? null : entry.slug,
        created: createdOf(entry, now),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    (isItem ? ids.items : ids.pages).set(key, row.id);
    made.push({ entry, id: row.id });
  }
  await dialect.syncIdSequence(trx, 'entries');
  for (const { entry, id } of made) await storeVersions(trx, schema, type, entry, id, lookups, now, { count: 0 });
  // Each entry's first version, by the import, in the transaction that creates it.
  for (const slice of chunks(made, LOOKUP_CHUNK))
    await recordEntryHistory(
      trx,
      schema.accountId,
      IMPORT_BUTTER,
      slice.map(({ id }) => ({ type, entryId: id, action: 'create' })),
      { now },
    );
  if (made.length)
    await recordChange(
      trx,
      schema.accountId,
      made.flatMap(({ entry, id }) => entryTags(type, id, [entry.slug])),
    );
  return made;
}

/**
 * Stores an entry's versions again once every target exists (pass two), so references that
 * pointed forward resolve; when that changed what it holds, it keeps a new version of its
 * history, by the import, and its audit record.
 */
export async function saveVersions(
  trx: Transaction<Database>,
  schema: AccountSchema,
  type: ContentType,
  entry: SourceEntry,
  id: number,
  lookups: Lookups,
  now: Date,
  unresolved: Unresolved,
): Promise<void> {
  const before = await latestFields(trx, id);
  await storeVersions(trx, schema, type, entry, id, lookups, now, unresolved);
  if ((await latestFields(trx, id)) !== before)
    await recordEntryHistory(trx, schema.accountId, IMPORT_BUTTER, [{ type, entryId: id, action: 'update' }], { now });
}

/** What an entry's `latest` channel holds, every locale, to tell whether a store changed it. */
async function latestFields(trx: Transaction<Database>, id: number): Promise<string> {
  const rows = await trx
    .selectFrom('entry_versions')
    .select(['locale', 'status', 'name', 'fields'])
    .where('entry_id', '=', id)
    .where('channel', '=', 'latest')
    .orderBy('locale')
    .execute();
  return JSON.stringify(rows);
}

/** Stores every version of an entry read from the source; counts references still unresolved. */
async function storeVersions(
  trx: Transaction<Database>,
  schema: AccountSchema,
  type: ContentType,
  entry: SourceEntry,
  id: number,
  lookups: Lookups,
  now: Date,
  unresolved: Unresolved,
): Promise<void> {
  const stamp = isoMicro(now);
  for (const [locale, channels] of entry.locales) {
    for (const channel of ['published', 'latest'] as const) {
      const obj = channels[channel];
      if (!obj) continue;
      const values = toStored(type.fields, entryFields(type.kind, obj), schema, lookups, unresolved);
      await sanitizeImportedFields(
        type,
        values,
        schema,
        `${type.key} ${entry.slug ?? entry.sourceId} (${locale}, ${channel})`,
      );
      await saveVersion(trx, schema, type, {
        entryId: id,
        slug: entry.slug,
        locale,
        channel,
        status: statusOf(type, channel, channels),
        name: typeof obj.name === 'string' ? obj.name : (entry.slug ?? ''),
        values,
        updated: typeof obj.updated === 'string' ? obj.updated : stamp,
        published: typeof obj.published === 'string' ? obj.published : channels.published ? stamp : null,
        scheduled: waitingTime(channel, obj),
      });
    }
  }
}

/** Pages say their status; an item is a draft when only preview shows it, or shows it changed. */
function statusOf(
  type: ContentType,
  channel: 'published' | 'latest',
  channels: { published?: ApiObject; latest?: ApiObject },
): 'draft' | 'published' {
  if (channel === 'published') return 'published';
  const latest = channels.latest!;
  if (type.kind !== 'collection') return latest.status === 'published' ? 'published' : 'draft';
  // An item says its status in `meta` where the source shows it (Ghee does); else it is published
  // when its newest fields are the published ones.
  const said = (latest.meta as { status?: unknown } | undefined)?.status;
  if (said === 'published' || said === 'draft' || said === 'scheduled')
    return said === 'published' ? 'published' : 'draft';
  return channels.published && sameFields(channels.published, latest) ? 'published' : 'draft';
}

/** Two item objects with the same fields, whatever their `meta`. */
function sameFields(a: ApiObject, b: ApiObject): boolean {
  const fields = ({ meta: _meta, ...rest }: ApiObject) => JSON.stringify(rest);
  return fields(a) === fields(b);
}

function createdOf(entry: SourceEntry, now: Date): string {
  const stamps = [...entry.locales.values()]
    .flatMap((c) => [c.published, c.latest])
    .flatMap((o) => [o?.published, o?.updated])
    .filter((s): s is string => typeof s === 'string');
  return stamps.sort()[0] ?? isoMicro(now);
}

/** ButterCMS's scheduled draft keeps its time: the newest version then waits for it in Ghee too. */
function waitingTime(channel: 'published' | 'latest', obj: Record<string, unknown>): string | null {
  if (channel !== 'latest' || obj.status !== 'scheduled' || typeof obj.scheduled !== 'string') return null;
  return parseDateTime(obj.scheduled);
}
