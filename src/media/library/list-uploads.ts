import type { Kysely } from 'kysely';
import { recordAudit, type AuditEntry } from '../../audit/record-audit.js';
import type { MediaItem } from '../../shared/media.js';
import type { Database } from '../../store/tables.js';
import { isoMicro } from '../../time.js';
import { enqueueMediaEvents, type MediaEvent } from '../../webhooks/media-events.js';
import { addAccountMedia, findAccountMedia } from '../media-table.js';
import type { StoredUpload } from '../upload-media.js';
import { mediaItem } from './media-item.js';
import type { UploadOptions } from './upload-files.js';

/** Longest original name kept, in characters (the URL's label is at most 80 of them). */
const MAX_NAME = 255;
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

/**
 * Lists stored uploads in the account's library, in one transaction with their `media.created`
 * events: all of them or none. A file the account lists already keeps its name and description
 * (and sends no event, leaves no record); the answer has one item per upload, in order. Each
 * file listed anew leaves a `media.upload` audit record.
 */
export async function listUploads(
  db: Kysely<Database>,
  accountId: number,
  uploads: { fileName: string; stored: StoredUpload }[],
  options: UploadOptions,
): Promise<MediaItem[]> {
  const created = isoMicro(options.now);
  return db.transaction().execute(async (trx) => {
    const items: MediaItem[] = [];
    const events: MediaEvent[] = [];
    const records: AuditEntry[] = [];
    for (const { fileName, stored } of uploads) {
      const { name, mime, size, width, height } = stored;
      const original_name = cleanFileName(fileName);
      const added = await addAccountMedia(trx, accountId, { name, mime, size, created, original_name, width, height });
      const item = mediaItem((await findAccountMedia(trx, accountId, name))!, options.urls);
      items.push(item);
      if (!added) continue;
      events.push({ event: 'media.created', item });
      const detail = { original_name, mime, size };
      records.push({ accountId, action: 'media.upload', kind: 'media', targetId: name, detail });
    }
    await recordAudit(trx, options.actor, records, options.now);
    await enqueueMediaEvents(trx, accountId, events, options.actor);
    return items;
  });
}

/** A sent file name as the library keeps it: control characters dropped, trimmed, at most MAX_NAME characters. */
export function cleanFileName(fileName: string): string {
  return [...fileName.normalize('NFC').replace(CONTROL, '').trim()].slice(0, MAX_NAME).join('').trim();
}
