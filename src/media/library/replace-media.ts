import { recordAudit } from '../../audit/record-audit.js';
import { recordEntryHistory } from '../../history/record-entry.js';
import { recordPostHistory } from '../../history/record-post.js';
import { BLOG_TAG } from '../../blog/blog-tag.js';
import { recordChange } from '../../cache/content-changes.js';
import type { AccountSchema } from '../../content/account-schema.js';
import { errors, libraryErrors } from '../../errors/index.js';
import type { MediaItem } from '../../shared/media.js';
import type { Store } from '../../store/database.js';
import { isoMicro } from '../../time.js';
import { enqueueEntryEvents } from '../../webhooks/entry-events.js';
import { enqueueMediaEvents } from '../../webhooks/media-events.js';
import type { MediaStore } from '../media-store.js';
import { addAccountMedia, findAccountMedia, removeAccountMedia, updateAccountMedia } from '../media-table.js';
import { labelFor } from '../media-url.js';
import { storeUpload, type StoredUpload, type UploadPart } from '../upload-media.js';
import { cleanFileName } from './list-uploads.js';
import { mediaItem } from './media-item.js';
import { enqueuePostWrites } from './post-write-events.js';
import { removeIfUnused } from './remove-unused.js';
import { rewriteReferences } from './rewrite-references.js';
import { refusal, type UploadOptions } from './upload-files.js';

/** What a replacement did: the new file, and how many pages, items and posts now point at it. */
export interface Replaced {
  media: MediaItem;
  replaced: number;
}

/**
 * Replaces a file of the account's library with an upload (exactly one part): the new file is
 * stored, then in one transaction it takes the old one's place in the library with its alt
 * text, caption, tags and focal point, every mention of the old file in the account's content
 * points at the new one under the new name's label, caches are evicted and the webhook events
 * (`media.updated`, and the changed pages', items' and posts' own) are queued, with its
 * `media.replace` audit record. The old bytes go
 * once nothing else uses them. 404, before the upload is read, for a file the account does not list.
 */
export async function replaceMedia(
  store: Store,
  library: MediaStore,
  schema: AccountSchema,
  name: string,
  parts: AsyncIterable<UploadPart>,
  options: UploadOptions,
): Promise<Replaced> {
  const accountId = schema.accountId;
  if (!(await findAccountMedia(store.db, accountId, name))) throw errors.notFound();
  const upload = await oneUpload(store, library, parts);
  const { fileName, stored } = upload;
  let result: Replaced;
  try {
    result = await store.db.transaction().execute(async (trx) => {
      const old = await findAccountMedia(trx, accountId, name);
      if (!old) throw errors.notFound();
      const now = isoMicro(options.now);
      const original_name = cleanFileName(fileName);
      const { name: to, mime, size, width, height } = stored;
      if (to !== name) await addAccountMedia(trx, accountId, { name: to, mime, size, created: now, width, height });
      const { alt, caption, tags, focal_x, focal_y } = old;
      await updateAccountMedia(trx, accountId, to, {
        original_name,
        alt,
        caption,
        tags,
        focal_x,
        focal_y,
        updated: now,
      });
      if (to !== name) await removeAccountMedia(trx, accountId, name);
      const label = original_name ? labelFor(original_name) : null;
      const lock = store.dialect.forUpdate();
      const changed = await rewriteReferences(trx, schema, name, { name: to, label }, { urls: options.urls, lock });
      // Every page, item and post it rewrote keeps a version; the replacement is their one audit record.
      const entryIds = [...new Map(changed.entries.map((e) => [e.entryId, e.type])).entries()];
      const history = { now: options.now, audit: false };
      await recordEntryHistory(
        trx,
        accountId,
        options.actor,
        entryIds.map(([entryId, type]) => ({ type, entryId, action: 'update' })),
        history,
      );
      for (const postId of changed.postIds)
        await recordPostHistory(trx, accountId, options.actor, postId, 'update', history);
      await recordChange(trx, accountId, [...changed.tags, BLOG_TAG]);
      await enqueueEntryEvents(trx, schema, 'write', changed.entries, options.actor.name);
      await enqueuePostWrites(trx, accountId, changed.postIds);
      const media = mediaItem((await findAccountMedia(trx, accountId, to))!, options.urls);
      const replaced = { name, url: mediaItem(old, options.urls).url };
      const detail = { name: to, original_name, references: changed.count };
      await recordAudit(
        trx,
        options.actor,
        [{ accountId, action: 'media.replace', kind: 'media', targetId: name, detail }],
        options.now,
      );
      await enqueueMediaEvents(trx, accountId, [{ event: 'media.updated', item: media, replaced }], options.actor);
      return { media, replaced: changed.count };
    });
  } catch (error) {
    if (stored.name !== name) await removeIfUnused(store.db, library, stored.name, null).catch(() => false);
    throw error;
  }
  if (stored.name !== name) await removeIfUnused(store.db, library, name, null);
  return result;
}

/** The one file of a replacement, stored; a second part (or none) is refused, and the first removed again. */
async function oneUpload(
  store: Store,
  library: MediaStore,
  parts: AsyncIterable<UploadPart>,
): Promise<{ fileName: string; stored: StoredUpload }> {
  let upload: { fileName: string; stored: StoredUpload } | undefined;
  for await (const part of parts) {
    if (upload) {
      await removeIfUnused(store.db, library, upload.stored.name, null).catch(() => false);
      throw libraryErrors.oneFileToReplace();
    }
    try {
      upload = { fileName: part.fileName, stored: await storeUpload(library, part.chunks) };
    } catch (error) {
      throw refusal(error, cleanFileName(part.fileName) || 1);
    }
  }
  if (!upload) throw libraryErrors.oneFileToReplace();
  return upload;
}
