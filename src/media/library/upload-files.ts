import type { Kysely } from 'kysely';
import type { Actor } from '../../audit/actor.js';
import { libraryErrors } from '../../errors/index.js';
import type { MediaItem } from '../../shared/media.js';
import type { Database } from '../../store/tables.js';
import { MediaError } from '../media-error.js';
import type { MediaStore } from '../media-store.js';
import { storeUpload, type StoredUpload, type UploadPart } from '../upload-media.js';
import { cleanFileName, listUploads } from './list-uploads.js';
import type { MediaBases } from './media-refs.js';
import { removeIfUnused } from './remove-unused.js';

/** What an upload of several files needs besides its parts. */
export interface UploadOptions {
  now: Date;
  urls: MediaBases;
  /** Who uploads: the audit records and the webhooks' `editor` name them. */
  actor: Actor;
}

/**
 * Takes the files of one upload into the account's library, all or none: each streams into the
 * store as it arrives, then all are listed in one transaction. A file refused (too large, a type
 * the library does not store) fails the whole upload with a refusal that names it; the files
 * stored before it are removed again unless something else uses them. No file at all is a 400.
 */
export async function uploadFiles(
  db: Kysely<Database>,
  store: MediaStore,
  accountId: number,
  parts: AsyncIterable<UploadPart>,
  options: UploadOptions,
): Promise<MediaItem[]> {
  const uploads: { fileName: string; stored: StoredUpload }[] = [];
  try {
    for await (const part of parts) {
      const position = uploads.length + 1;
      try {
        uploads.push({ fileName: part.fileName, stored: await storeUpload(store, part.chunks) });
      } catch (error) {
        throw refusal(error, cleanFileName(part.fileName) || position);
      }
    }
    if (uploads.length === 0) throw libraryErrors.noFile();
    return await listUploads(db, accountId, uploads, options);
  } catch (error) {
    // Best effort: the refusal is the answer, whatever happens to the cleanup.
    for (const name of new Set(uploads.map((u) => u.stored.name)))
      await removeIfUnused(db, store, name, null).catch(() => false);
    throw error;
  }
}

/** A file's refusal, naming it; anything but the library's own refusals (a broken-off body, a full disk) as it is. */
export function refusal(error: unknown, file: string | number): unknown {
  if (error instanceof MediaError && error.code === 'too_large') return libraryErrors.fileTooLarge(file, error.message);
  if (error instanceof MediaError && error.code === 'type_not_allowed')
    return libraryErrors.fileTypeNotAllowed(file, error.message);
  return error;
}
