import type { Kysely } from 'kysely';
import type { MediaItem } from '../shared/media.js';
import type { Database } from '../store/tables.js';
import { IMAGE_HEAD_BYTES, imageSize, type ImageSize } from './library/image-size.js';
import { listUploads } from './library/list-uploads.js';
import type { UploadOptions } from './library/upload-files.js';
import type { MediaStore, StoredMedia } from './media-store.js';
import { saveUpload } from './save-upload.js';

/** An uploaded file in the store, not listed yet: its name, type, size and an image's size. */
export type StoredUpload = StoredMedia & ImageSize;

/** One uploaded file as it arrives: the name it was sent under ('' for none) and its bytes. */
export interface UploadPart {
  fileName: string;
  chunks: AsyncIterable<Buffer>;
}

/**
 * Streams an uploaded file into the store (never held whole in memory), its type decided from
 * its first bytes, never from what the sender says; an image's size is read from its first
 * IMAGE_HEAD_BYTES. Throws the MediaError of `chunks` (e.g. `too_large`, read-body.ts) or
 * `type_not_allowed`; nothing is left in the store then.
 */
export async function storeUpload(store: MediaStore, chunks: AsyncIterable<Buffer>): Promise<StoredUpload> {
  const head: Buffer[] = [];
  let kept = 0;
  async function* keepingHead(): AsyncGenerator<Buffer> {
    for await (const chunk of chunks) {
      if (kept < IMAGE_HEAD_BYTES) {
        head.push(chunk.subarray(0, IMAGE_HEAD_BYTES - kept));
        kept += head[head.length - 1]!.length;
      }
      yield chunk;
    }
  }
  // The one call that stores an upload's bytes.
  const stored = await saveUpload(store, keepingHead());
  return { ...stored, ...(await imageSize(Buffer.concat(head), stored.mime)) };
}

/**
 * Takes one uploaded file into the library and lists it in the account's media (the raw-body
 * upload; several files at once are library/upload-files.ts). Sends `media.created` when the
 * account did not list the file yet.
 */
export async function uploadMedia(
  db: Kysely<Database>,
  store: MediaStore,
  accountId: number,
  upload: UploadPart,
  options: UploadOptions,
): Promise<MediaItem> {
  const stored = await storeUpload(store, upload.chunks);
  const [item] = await listUploads(db, accountId, [{ fileName: upload.fileName, stored }], options);
  return item!;
}
