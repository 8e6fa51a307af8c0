import type { RawBuilder, Transaction } from 'kysely';
import { updatePostBody } from '../../blog/write/save-post-version.js';
import { entryTags } from '../../cache/tags.js';
import type { AccountSchema } from '../../content/account-schema.js';
import { saveVersion } from '../../content/write/save-version.js';
import type { Database } from '../../store/tables.js';
import type { EntryRef } from '../../webhooks/entry-events.js';
import { rewriteMediaRefs, type MediaBases } from './media-refs.js';
import { postsMentioning, versionsMentioning } from './mentioning-rows.js';
import { mapStrings } from './value-strings.js';

/** A replacement's target: the stored file, and the label its URLs get. */
export interface NewFile {
  name: string;
  label: string | null;
}

/** What a rewrite changed: the entries (per locale) and posts, and the cache tags to record. */
export interface Rewritten {
  entries: EntryRef[];
  postIds: number[];
  tags: string[];
  /** How many pages, items and posts changed. */
  count: number;
}

/**
 * Points every mention of the file `from` in the account's content at `to`: media fields, rich
 * text and featured images, in the published and latest versions of every locale, their image
 * tasks and queries kept. Versions keep their status and times; their filter and search rows are
 * written again. Runs in the caller's transaction; `lock` holds each row read until it commits.
 */
export async function rewriteReferences(
  trx: Transaction<Database>,
  schema: AccountSchema,
  from: string,
  to: NewFile,
  options: { urls: MediaBases; lock: RawBuilder<unknown> },
): Promise<Rewritten> {
  const hash = from.slice(0, from.indexOf('.'));
  const rewrite = (text: string) => rewriteMediaRefs(text, options.urls, from, to.name, to.label);
  const entries = new Map<string, EntryRef>();
  const tags = new Set<string>();
  for await (const batch of versionsMentioning(trx, schema.accountId, hash, options.lock)) {
    for (const row of batch) {
      const type = schema.byId.get(row.type_id);
      if (!type) continue;
      let changed = false;
      const next = mapStrings(JSON.parse(row.fields), (text) => {
        const out = rewrite(text);
        changed ||= out !== text;
        return out;
      }) as Record<string, unknown>;
      if (!changed) continue;
      const { entry_id: entryId, slug, locale, channel, status, name, updated, published, scheduled } = row;
      await saveVersion(trx, schema, type, {
        entryId,
        slug,
        locale,
        channel,
        status,
        name,
        values: next,
        updated,
        published,
        scheduled,
      });
      entries.set(`${entryId}:${locale}`, { type, entryId, locale });
      for (const tag of entryTags(type, entryId, [slug])) tags.add(tag);
    }
  }
  const postIds = new Set<number>();
  for await (const batch of postsMentioning(trx, schema.accountId, hash, options.lock)) {
    for (const row of batch) {
      const [body, image] = [rewrite(row.body), rewrite(row.featured_image)];
      if (body === row.body && image === row.featured_image) continue;
      await updatePostBody(trx, row.id, row.channel, { body, featured_image: image });
      postIds.add(row.id);
    }
  }
  const entryCount = new Set([...entries.values()].map((e) => e.entryId)).size;
  return { entries: [...entries.values()], postIds: [...postIds], tags: [...tags], count: entryCount + postIds.size };
}
