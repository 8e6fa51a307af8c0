import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { makePrivateDir } from '../files/private-dir.js';
import { PRIVATE_FILE_MODE } from '../files/private-file.js';
import { StorageFullError } from '../store/storage-full.js';
import { SNIFF_BYTES } from './media-store.js';
import type { MediaType } from './media-types.js';

/** An upload written whole to a temporary file: where, and what it is. */
export interface SpooledUpload {
  file: string;
  /** sha256 of the bytes, lowercase hex. */
  hash: string;
  type: MediaType;
  size: number;
  /** Removes the temporary file (no error when it is gone already). */
  remove(): Promise<void>;
}

/** How a spooled file is named and kept. */
export interface SpoolOptions {
  /** Its name's start, before random hex (the local store's `.tmp-`, which no served name matches). */
  prefix: string;
  /** fsync before closing: the local store renames the file into the library, so it must be whole on disk. */
  durable: boolean;
}

/**
 * Writes a stream to a new private file in `dir`, hashing it on the way; its type is decided from
 * its first SNIFF_BYTES by `typeOf` (which throws to refuse it, before the rest is read). Memory
 * holds one chunk and the first bytes. On any failure the file is removed before the error goes on
 * (ENOSPC and EDQUOT as StorageFullError).
 */
export async function spoolUpload(
  chunks: AsyncIterable<Buffer>,
  typeOf: (head: Buffer) => MediaType,
  dir: string,
  options: SpoolOptions = { prefix: 'ghee-upload-', durable: false },
): Promise<SpooledUpload> {
  makePrivateDir(dir);
  const file = path.join(dir, `${options.prefix}${randomBytes(8).toString('hex')}`);
  const remove = () => fs.rm(file, { force: true });
  const handle = await fs.open(file, 'wx', PRIVATE_FILE_MODE);
  const hash = createHash('sha256');
  let head: Buffer[] = [];
  let headBytes = 0;
  let type: MediaType | null = null;
  let size = 0;
  try {
    try {
      for await (const chunk of chunks) {
        if (!type) {
          head.push(chunk);
          headBytes += chunk.length;
          if (headBytes >= SNIFF_BYTES) [type, head] = [typeOf(Buffer.concat(head)), []];
        }
        hash.update(chunk);
        size += chunk.length;
        for (let at = 0; at < chunk.length;) at += (await handle.write(chunk, at)).bytesWritten;
      }
      type ??= typeOf(Buffer.concat(head));
      if (options.durable) await handle.sync();
    } finally {
      await handle.close();
    }
  } catch (error) {
    await remove();
    const code = (error as { code?: unknown } | null)?.code;
    throw code === 'ENOSPC' || code === 'EDQUOT' ? new StorageFullError('media', { cause: error }) : error;
  }
  return { file, hash: hash.digest('hex'), type, size, remove };
}
