import type { Kysely } from 'kysely';
import type { Actor } from '../../audit/actor.js';
import { recordAudit } from '../../audit/record-audit.js';
import { BLOG_TAG } from '../../blog/blog-tag.js';
import { recordChange } from '../../cache/content-changes.js';
import { errors } from '../../errors/index.js';
import type { MediaItem } from '../../shared/media.js';
import type { Database } from '../../store/tables.js';
import { isoMicro } from '../../time.js';
import { enqueueMediaEvents } from '../../webhooks/media-events.js';
import { findAccountMedia, updateAccountMedia, type AccountMedia, type MediaDescriptionRow } from '../media-table.js';
import type { DescriptionPatch } from './description-input.js';
import { mediaItem } from './media-item.js';
import type { MediaBases } from './media-refs.js';

/**
 * Describes a file of the account's library: alt text, caption, tags, focal point; only what the
 * patch holds changes. Sends `media.updated`, and, when the alt text changed, evicts the blog's
 * cached answers (a post without alt text of its own shows the library's), and leaves a
 * `media.update` audit record naming the fields changed. 404 for a file the account does not list.
 */
export async function describeMedia(
  db: Kysely<Database>,
  accountId: number,
  name: string,
  patch: DescriptionPatch,
  options: { now: Date; urls: MediaBases; actor: Actor },
): Promise<MediaItem> {
  return db.transaction().execute(async (trx) => {
    const row = await findAccountMedia(trx, accountId, name);
    if (!row) throw errors.notFound();
    if (Object.keys(patch).length === 0) return mediaItem(row, options.urls);
    const change = descriptionRow(patch, isoMicro(options.now));
    await updateAccountMedia(trx, accountId, name, change);
    const item = mediaItem({ ...row, ...change } as AccountMedia, options.urls);
    if (patch.alt !== undefined && patch.alt !== row.alt) await recordChange(trx, accountId, [BLOG_TAG]);
    const detail = { fields: Object.keys(patch) };
    await recordAudit(
      trx,
      options.actor,
      [{ accountId, action: 'media.update', kind: 'media', targetId: name, detail }],
      options.now,
    );
    await enqueueMediaEvents(trx, accountId, [{ event: 'media.updated', item }], options.actor);
    return item;
  });
}

/** The columns a patch sets. */
export function descriptionRow(patch: DescriptionPatch, updated: string): MediaDescriptionRow {
  return {
    ...(patch.alt !== undefined && { alt: patch.alt }),
    ...(patch.caption !== undefined && { caption: patch.caption }),
    ...(patch.tags !== undefined && { tags: JSON.stringify(patch.tags) }),
    ...(patch.focal_point !== undefined && {
      focal_x: patch.focal_point?.x ?? null,
      focal_y: patch.focal_point?.y ?? null,
    }),
    updated,
  };
}
