import type { Kysely } from 'kysely';
import type { AccountSchema, ContentType } from '../content/account-schema.js';
import type { Database } from '../store/tables.js';
import { EDITOR, enqueueEvents, eventTimestamp, type WebhookEvent } from './enqueue.js';

/** What happened to a page or collection item. */
export type EntryChange = 'write' | 'unpublish' | 'delete';

/** One entry in one locale (null: the entry as a whole, for a delete). */
export interface EntryRef {
  type: ContentType;
  entryId: number;
  locale: string | null;
}

/**
 * Queues the page or collection item events of a change, inside its transaction. Call a delete's
 * before the rows go (the payload names the entry); a write's and an unpublish's after.
 */
export async function enqueueEntryEvents(
  trx: Kysely<Database>,
  schema: AccountSchema,
  change: EntryChange,
  refs: EntryRef[],
  editor = EDITOR,
): Promise<void> {
  await enqueueEvents(trx, schema.accountId, async () => {
    const events: WebhookEvent[] = [];
    for (const ref of refs) {
      const event = await entryEvent(trx, schema, change, ref, editor);
      if (event) events.push(event);
    }
    return events;
  });
}

async function entryEvent(
  trx: Kysely<Database>,
  schema: AccountSchema,
  change: EntryChange,
  ref: EntryRef,
  editor: string,
): Promise<WebhookEvent | null> {
  const entry = await trx.selectFrom('entries').select('slug').where('id', '=', ref.entryId).executeTakeFirst();
  const versions = await trx
    .selectFrom('entry_versions')
    .selectAll()
    .where('entry_id', '=', ref.entryId)
    .where('channel', '=', 'latest')
    .execute();
  // A delete speaks of the entry as a whole: its default-locale version names it.
  const version =
    versions.find((v) => v.locale === (ref.locale ?? schema.defaultLocale)) ??
    (ref.locale === null ? versions[0] : undefined);
  if (!entry || !version) return null;
  const status = change === 'delete' ? 'deleted' : change === 'unpublish' ? 'draft' : version.status;
  const action =
    change === 'delete'
      ? 'delete'
      : change === 'unpublish'
        ? 'unpublished'
        : version.status === 'published'
          ? 'published'
          : 'draft';
  // ButterCMS leaves `locale` null for the default locale.
  const locale = ref.locale === null || ref.locale === schema.defaultLocale ? null : ref.locale;
  const timestamp = eventTimestamp();
  if (ref.type.kind === 'collection') {
    return {
      event: `collectionitem.${action}`,
      data: {
        id: ref.type.key,
        itemid: `/v2/content/?keys=${ref.type.key}[_id=${ref.entryId}]`,
        label: itemLabel(ref.type, version.fields, ref.entryId),
        editor,
        timestamp,
        locale,
        status,
      },
    };
  }
  return {
    event: `page.${action}`,
    data: {
      id: entry.slug,
      buttercms_id: ref.entryId,
      page_type: ref.type.kind === 'single_page' ? '*' : ref.type.key,
      editor,
      name: version.name,
      timestamp,
      locale,
      status,
      updated: version.updated,
      published: change === 'write' ? version.published : null,
      scheduled: null,
    },
  };
}

/** An item's label, as ButterCMS shows it: its first text value, else the collection and id. */
/** How an item is named where it has no title: its first plain text value, else its collection and id. */
export function itemLabel(type: ContentType, fieldsJson: string, id: number): string {
  const values = JSON.parse(fieldsJson) as Record<string, unknown>;
  for (const key of Object.keys(type.fields)) {
    const value = values[key];
    if (typeof value === 'string' && value.trim() && !value.includes('<')) return value;
  }
  return `${type.name} ${id}`;
}
