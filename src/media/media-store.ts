import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import type { ReadStream } from 'node:fs';
import path from 'node:path';
import { MEDIA_TYPES, MEDIA_NAME, typeOfName, type MediaType } from './media-types.js';
import { StorageFullError } from '../store/storage-full.js';
import { makePrivateDir } from '../files/private-dir.js';
import { PRIVATE_FILE_MODE } from '../files/private-file.js';

/** How many first bytes of a file decide its type (every signature Ghee knows fits well within them). */
export const SNIFF_BYTES = 4096;

/** A file in the library. */
export interface StoredMedia {
  /** sha256 of the bytes, lowercase hex. */
  hash: string;
  /** `<hash>.<ext>`, the file's name in the library. */
  name: string;
  /** The absolute Ghee media URL, `<publicUrl>/media/<hash>.<ext>`. */
  url: string;
  path: string;
  mime: string;
  /** In bytes. */
  size: number;
}

/** A stored file opened for serving. */
export interface OpenedMedia {
  hash: string;
  mime: string;
  size: number;
  /** The bytes; the caller must consume or destroy it (for HEAD, call `close` instead). */
  stream(): ReadStream;
  close(): Promise<void>;
}

/**
 * The media library on disk: files named by the sha256 of their content, so the same bytes are
 * stored once and a file never changes under its name (which is what lets it be cached forever).
 * `publicUrl` may be a function, for servers that learn their address only once listening.
 */
export class MediaStore {
  constructor(
    readonly dir: string,
    private readonly publicUrl: string | (() => string),
  ) {}

  /** Stores the bytes (once per content) and returns their name's hash, URL and path. */
  async save(bytes: Buffer, ext: string, mime: string): Promise<StoredMedia> {
    const hash = createHash('sha256').update(bytes).digest('hex');
    const name = `${hash}.${ext}`;
    const type = typeOfName(name);
    if (!type || type.mime !== mime) throw new Error(`Not a media type Ghee stores: ${ext} ${mime}`);
    const file = path.join(this.dir, name);
    if (!(await exists(file))) await this.writeAtomically(file, bytes);
    return { hash, name, url: this.urlFor(name), path: file, mime, size: bytes.length };
  }

  /**
   * Streams a file into the library: written to a temporary file as it arrives and hashed on the
   * way, its type decided from its first SNIFF_BYTES by `typeOf` (which throws to refuse it, before
   * the rest is read), then moved under its hash. Memory holds one chunk and the first bytes, never
   * the whole file; a failure at any point leaves no temporary file behind.
   */
  async saveStream(chunks: AsyncIterable<Buffer>, typeOf: (head: Buffer) => MediaType): Promise<StoredMedia> {
    makePrivateDir(this.dir);
    // A temp name never matches MEDIA_NAME, so a half-written file can never be served.
    const temp = path.join(this.dir, `.tmp-${randomBytes(8).toString('hex')}`);
    const handle = await fs.open(temp, 'wx', PRIVATE_FILE_MODE);
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
        await handle.sync();
      } finally {
        await handle.close();
      }
      const digest = hash.digest('hex');
      const name = `${digest}.${type.ext}`;
      const file = path.join(this.dir, name);
      if (await exists(file)) {
        await fs.rm(temp, { force: true });
      } else {
        await fs.rename(temp, file);
        await syncDir(this.dir);
      }
      return { hash: digest, name, url: this.urlFor(name), path: file, mime: type.mime, size };
    } catch (error) {
      await fs.rm(temp, { force: true });
      throw storageFull(error);
    }
  }

  /** The absolute Ghee media URL of a stored file name. */
  urlFor(name: string): string {
    return `${this.base()}/media/${name}`;
  }

  /** The file name when `url` is one of this library's URLs (a value read back and sent again), else null. */
  nameFromUrl(url: string): string | null {
    const prefix = `${this.base()}/media/`;
    if (!url.startsWith(prefix)) return null;
    const name = url.slice(prefix.length);
    return MEDIA_NAME.test(name) ? name : null;
  }

  /** True when `url` is one of this library's URLs, so it needs no download. */
  isOwnUrl(url: string): boolean {
    return this.nameFromUrl(url) !== null;
  }

  /** True when a file of this name is stored. */
  async has(name: string): Promise<boolean> {
    return MEDIA_NAME.test(name) && (await exists(path.join(this.dir, name)));
  }

  /** Opens a stored file for serving; null for a name Ghee could not have written, or one not stored. */
  async open(name: string): Promise<OpenedMedia | null> {
    const match = MEDIA_NAME.exec(name);
    const type = typeOfName(name);
    if (!match || !type) return null;
    let handle: fs.FileHandle;
    try {
      handle = await fs.open(path.join(this.dir, name), 'r');
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
    const { size } = await handle.stat().catch(async (error: unknown) => {
      await handle.close();
      throw error;
    });
    return {
      hash: match[1]!,
      mime: MEDIA_TYPES[type.ext],
      size,
      stream: () => handle.createReadStream(),
      close: () => handle.close(),
    };
  }

  /** Temp file, fsync, rename, fsync of the directory: a crash leaves the whole file or none of it. */
  private async writeAtomically(file: string, bytes: Buffer): Promise<void> {
    makePrivateDir(this.dir);
    // A temp name never matches MEDIA_NAME, so a half-written file can never be served.
    const temp = path.join(this.dir, `.tmp-${randomBytes(8).toString('hex')}`);
    try {
      const handle = await fs.open(temp, 'wx', PRIVATE_FILE_MODE);
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await fs.rename(temp, file);
    } catch (error) {
      await fs.rm(temp, { force: true });
      throw storageFull(error);
    }
    await syncDir(this.dir);
  }

  private base(): string {
    const url = typeof this.publicUrl === 'function' ? this.publicUrl() : this.publicUrl;
    return url.endsWith('/') ? url.slice(0, -1) : url;
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await fs.access(file);
    return true;
  } catch {
    return false;
  }
}

/** Makes the rename durable; some platforms cannot open a directory, where this is best effort. */
async function syncDir(dir: string): Promise<void> {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(dir, 'r');
    await handle.sync();
  } catch {
    // Windows: directories cannot be fsynced, and NTFS journals the rename anyway.
  } finally {
    await handle?.close();
  }
}

/** ENOSPC (disk full) and EDQUOT (quota) as the store's StorageFullError (the 507), other errors as they are. */
function storageFull(error: unknown): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ENOSPC' || code === 'EDQUOT' ? new StorageFullError('media', { cause: error }) : error;
}

function isMissing(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}
