import type { Readable } from 'node:stream';
import type { MediaType } from './media-types.js';
import type { MediaPath } from './media-url.js';

/** How many first bytes of a file decide its type (every signature Ghee knows fits well within them). */
export const SNIFF_BYTES = 4096;

/** A file in the library. */
export interface StoredMedia {
  /** sha256 of the bytes, lowercase hex. */
  hash: string;
  /** `<hash>.<ext>`, the file's name in the library. */
  name: string;
  /** Its absolute URL, `<PUBLIC_URL>/media/<hash>.<ext>` (`<MEDIA_PUBLIC_URL>/<hash>.<ext>` when set). */
  url: string;
  mime: string;
  /** In bytes. */
  size: number;
}

/** One of the library's own URLs, read (MediaStore.ownMedia). */
export interface OwnMedia {
  /** `/media/<path after /media/>`, its query kept: what a field stores. */
  value: string;
  file: MediaPath;
}

/** A stored file opened for serving. */
export interface OpenedMedia {
  /** What the ETag is made of: the file's sha256 for an original, its key for a derivative. */
  hash: string;
  mime: string;
  size: number;
  /** The bytes; the caller must consume or destroy it (for HEAD, call `close` instead). */
  stream(): Readable;
  close(): Promise<void>;
}

/**
 * The media library's bytes: originals named by the sha256 of their content (so the same bytes are
 * stored once and a file never changes under its name, which is what lets it be cached forever),
 * and the derivatives of each original (resized, re-encoded) under keys made from the original's
 * name and the tasks that made them. One implementation per place the bytes can live.
 */
export interface MediaStore {
  /** Stores the bytes (once per content) and returns their name's hash, URL, type and size. */
  save(bytes: Buffer, ext: string, mime: string): Promise<StoredMedia>;
  /**
   * Streams a file into the library, hashing it on the way; its type is decided from its first
   * SNIFF_BYTES by `typeOf` (which throws to refuse it, before the rest is read). Memory holds one
   * chunk and the first bytes, never the whole file; a failure leaves nothing behind.
   */
  saveStream(chunks: AsyncIterable<Buffer>, typeOf: (head: Buffer) => MediaType): Promise<StoredMedia>;
  /** The absolute URL of a stored file name (under MEDIA_PUBLIC_URL when set: public-media-urls.ts). */
  urlFor(name: string): string;
  /**
   * When `url` is one of this library's URLs (a value read back and sent again): the value to
   * store, `/media/...` with its tasks, label and query kept, and the file it names. Else null.
   */
  ownMedia(url: string): OwnMedia | null;
  /** True when `url` is one of this library's URLs, so it needs no download. */
  isOwnUrl(url: string): boolean;
  /** True when a file of this name is stored. */
  has(name: string): Promise<boolean>;
  /** Opens a stored file for serving; null for a name Ghee could not have written, or one not stored. */
  open(name: string): Promise<OpenedMedia | null>;
  /** A stored file's whole bytes (to render from), or null when it is not stored. */
  read(name: string): Promise<Buffer | null>;
  /** Stores a derivative of `original` under `key` (`<64 hex>.<ext>`), atomically; the same key twice is one file. */
  saveDerived(original: string, key: string, bytes: Buffer, mime: string): Promise<void>;
  /** Opens a stored derivative for serving, or null when it has not been rendered yet. */
  openDerived(original: string, key: string): Promise<OpenedMedia | null>;
  /** Removes a file and every derivative of it; a file not stored is no error. */
  remove(name: string): Promise<void>;
}
