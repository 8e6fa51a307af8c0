import type { Kysely } from 'kysely';
import type { MediaItem } from '../../shared/media.js';
import type { Database } from '../../store/tables.js';
import { isoMicro } from '../../time.js';
import { enqueueMediaEvents, type MediaEvent } from '../../webhooks/media-events.js';
import { addAccountMedia, findAccountMedia } from '../media-table.js';
import type { StoredUpload } from '../upload-media.js';
import { mediaItem } from './media-item.js';
import type { MediaBases } from './media-refs.js';

/** Longest original name kept, in characters (the URL's label is at most 80 of them). */
const MAX_NAME = 255;
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

/**
 * Lists stored uploads in the account's library, in one transaction with their `media.created`
 * events: all of them or none. A file the account lists already keeps its name and description
 * (and sends no event); the answer has one item per upload, in order.
 */
export async function listUploads(
  db: Kysely<Database>,
  accountId: number,
  uploads: { fileName: string; stored: StoredUpload }[],
  options: { now: Date; urls: MediaBases },
): Promise<MediaItem[]> {
  const created = isoMicro(options.now);
  return db.transaction().execute(async (trx) => {
    const items: MediaItem[] = [];
    const events: MediaEvent[] = [];
    for (const { fileName, stored } of uploads) {
      const { name, mime, size, width, height } = stored;
      const original_name = cleanFileName(fileName);
      const added = await addAccountMedia(trx, accountId, { name, mime, size, created, original_name, width, height });
      const item = mediaItem((await findAccountMedia(trx, accountId, name))!, options.urls);
      items.push(item);
      if (added) events.push({ event: 'media.created', item });
    }
    await enqueueMediaEvents(trx, accountId, events);
    return items;
  });
}

/** A sent file name as the library keeps it: control characters dropped, trimmed, at most MAX_NAME characters. */
export function cleanFileName(fileName: string): string {
  return [...fileName.normalize('NFC').replace(CONTROL, '').trim()].slice(0, MAX_NAME).join('').trim();
}
