import type { Kysely } from 'kysely';
import type { Config } from '../../config.js';
import type { AccountSchema, ContentType } from '../../content/account-schema.js';
import { fetchHandles, type EntryHandle } from '../../content/entry-rows.js';
import { collectReferences, renderFields } from '../../content/render-fields.js';
import { chunks, LOOKUP_CHUNK } from '../../content/write/reference-limits.js';
import { absoluteMediaInHtml, absoluteMediaUrl } from '../../media/public-media-urls.js';
import type { Database } from '../../store/tables.js';
import type { PostHistoryFields } from '../record-post.js';
import type { VersionRow } from './version-rows.js';

/** Where media and API URLs point: `PUBLIC_URL`, and `MEDIA_PUBLIC_URL` when set. */
export type HistoryUrls = Pick<Config, 'publicUrl' | 'mediaPublicUrl'>;

/**
 * A version's `fields` as the API shows them. Pages and items: as a /v2 read renders them under
 * the current schema, with references as API URI strings (the last level of a read) when their
 * target still exists in the version's locale, media as absolute URLs. Posts: the post's history
 * fields (record-post.ts) with the featured image and the body's media absolute.
 */
export async function versionFields(
  db: Kysely<Database>,
  schema: AccountSchema,
  row: VersionRow,
  urls: HistoryUrls,
): Promise<Record<string, unknown>> {
  const stored = JSON.parse(row.fields) as Record<string, unknown>;
  if (row.kind === 'post') return postFields(stored as unknown as PostHistoryFields, urls);
  const type = row.type_id === null ? undefined : schema.byId.get(row.type_id);
  // The page type or collection is gone (a schema apply removed it): no schema to read the values by.
  if (!type) return stored;
  const ids = new Set<number>();
  collectReferences(type.fields, stored, schema, ids);
  const scope = { accountId: schema.accountId, locale: row.locale, channel: 'latest' as const };
  const uris = new Map<number, string>();
  for (const slice of chunks([...ids], LOOKUP_CHUNK)) {
    for (const handle of await fetchHandles(db, scope, slice)) uris.set(handle.id, entryUri(schema, handle, urls));
  }
  return renderFields(type.fields, stored, schema, {
    resolve: (id) => uris.get(id) ?? null,
    publicUrl: urls.publicUrl,
    mediaPublicUrl: urls.mediaPublicUrl,
  });
}

function postFields(fields: PostHistoryFields, urls: HistoryUrls): Record<string, unknown> {
  return {
    ...fields,
    body: absoluteMediaInHtml(fields.body, urls.publicUrl, urls.mediaPublicUrl),
    featured_image: absoluteMediaUrl(fields.featured_image, urls.publicUrl, urls.mediaPublicUrl),
  };
}

/** The API URI of a referenced entry, as a read's last level shows references. */
function entryUri(schema: AccountSchema, row: EntryHandle, urls: HistoryUrls): string {
  const type = schema.byId.get(row.type_id) as ContentType;
  if (type.kind === 'collection') return `${urls.publicUrl}/v2/content/${type.key}/${row.id}/`;
  return `${urls.publicUrl}/v2/pages/${type.kind === 'page_type' ? type.key : '*'}/${row.slug}/`;
}
