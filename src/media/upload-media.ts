import type { Kysely } from 'kysely';
import type { MediaFile } from '../shared/media.js';
import type { Database } from '../store/tables.js';
import { addAccountMedia } from './media-table.js';
import type { MediaStore } from './media-store.js';
import { allowedType } from './sniff-type.js';

/**
 * Takes an uploaded file into the library and lists it in the account's media. The bytes stream
 * to disk as they come (MediaStore.saveStream, as downloads do), their type decided from the
 * first bytes, never from what the sender says. Throws the MediaError of `chunks` (e.g.
 * `too_large`, read-body.ts) or `type_not_allowed`; nothing is listed or left on disk then.
 */
export async function uploadMedia(
  db: Kysely<Database>,
  store: MediaStore,
  accountId: number,
  chunks: AsyncIterable<Buffer>,
  created: string,
): Promise<MediaFile> {
  const { url, name, size, mime } = await store.saveStream(chunks, allowedType);
  // The same bytes uploaded again are the same file, listed once.
  await addAccountMedia(db, accountId, { name, mime, size, created });
  return { url, name, size, mime };
}
