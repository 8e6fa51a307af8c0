import type { Actor } from '../../audit/actor.js';
import { recordAudit } from '../../audit/record-audit.js';
import { BLOG_TAG } from '../../blog/blog-tag.js';
import { recordChange } from '../../cache/content-changes.js';
import type { AccountSchema } from '../../content/account-schema.js';
import { errors } from '../../errors/index.js';
import type { Store } from '../../store/database.js';
import { enqueueMediaEvents } from '../../webhooks/media-events.js';
import type { MediaStore } from '../media-store.js';
import { findAccountMedia, removeAccountMedia } from '../media-table.js';
import { findUses, type MediaUses } from './find-uses.js';
import { mediaItem } from './media-item.js';
import type { MediaBases } from './media-refs.js';
import { removeIfUnused } from './remove-unused.js';

/** A delete's outcome: done, or refused while the account's content uses the file (without `force`). */
export type Deleted = { deleted: true } | { deleted: false; uses: MediaUses };

/**
 * Takes a file off the account's library and sends `media.deleted`. While the account's pages,
 * items or posts use it, refused with where they do, unless `force` (their values then point at a
 * file no longer served). Its bytes are removed from the store once no other account needs
 * them: none lists the file, and no other account's content mentions it. A delete leaves a
 * `media.delete` audit record; a refusal, none. 404 for a file the account does not list.
 */
export async function deleteMedia(
  store: Store,
  library: MediaStore,
  schema: AccountSchema,
  name: string,
  options: { force: boolean; urls: MediaBases; actor: Actor },
): Promise<Deleted> {
  const accountId = schema.accountId;
  const outcome = await store.db.transaction().execute(async (trx): Promise<Deleted> => {
    const row = await findAccountMedia(trx, accountId, name);
    if (!row) throw errors.notFound();
    if (!options.force) {
      const uses = await findUses(trx, schema, name, options.urls);
      if (uses.count > 0) return { deleted: false, uses };
    }
    await removeAccountMedia(trx, accountId, name);
    // Posts without alt text of their own showed this file's.
    if (row.alt) await recordChange(trx, accountId, [BLOG_TAG]);
    const detail = { original_name: row.original_name, force: options.force };
    await recordAudit(trx, options.actor, [
      { accountId, action: 'media.delete', kind: 'media', targetId: name, detail },
    ]);
    const item = mediaItem(row, options.urls);
    await enqueueMediaEvents(trx, accountId, [{ event: 'media.deleted', item }], options.actor);
    return { deleted: true };
  });
  if (outcome.deleted) await removeIfUnused(store.db, library, name, accountId);
  return outcome;
}
