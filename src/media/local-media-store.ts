import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { MEDIA_TYPES, MEDIA_NAME, typeOfName, type MediaType } from './media-types.js';
import type { MediaStore, OpenedMedia, OwnMedia, StoredMedia } from './media-store.js';
import { spoolUpload } from './spool-upload.js';
import { PublicMediaUrls } from './public-media-urls.js';
import { StorageFullError } from '../store/storage-full.js';
import { makePrivateDir } from '../files/private-dir.js';
import { PRIVATE_FILE_MODE } from '../files/private-file.js';

/**
 * The media library in a folder: originals at `<dir>/<hash>.<ext>`, the derivatives of each in
 * `<dir>/derived/<hash>/`. `publicUrl` may be a function, for servers that learn their address
 * only once listening; `mediaPublicUrl` is MEDIA_PUBLIC_URL (public-media-urls.ts).
 */
export class LocalMediaStore implements MediaStore {
  private readonly urls: PublicMediaUrls;

  constructor(
    readonly dir: string,
    publicUrl: string | (() => string),
    mediaPublicUrl?: string,
  ) {
    this.urls = new PublicMediaUrls(publicUrl, mediaPublicUrl);
  }

  async save(bytes: Buffer, ext: string, mime: string): Promise<StoredMedia> {
    const hash = createHash('sha256').update(bytes).digest('hex');
    const name = `${hash}.${ext}`;
    const type = typeOfName(name);
    if (!type || type.mime !== mime) throw new Error(`Not a media type Ghee stores: ${ext} ${mime}`);
    const file = path.join(this.dir, name);
    if (!(await exists(file))) await this.writeAtomically(file, bytes);
    return { hash, name, url: this.urlFor(name), mime, size: bytes.length };
  }

  async saveStream(chunks: AsyncIterable<Buffer>, typeOf: (head: Buffer) => MediaType): Promise<StoredMedia> {
    // Spooled inside the library's folder, so the rename that publishes it is atomic.
    const spooled = await spoolUpload(chunks, typeOf, this.dir, { prefix: '.tmp-', durable: true });
    try {
      const name = `${spooled.hash}.${spooled.type.ext}`;
      const file = path.join(this.dir, name);
      if (await exists(file)) {
        await spooled.remove();
      } else {
        await fs.rename(spooled.file, file);
        await syncDir(this.dir);
      }
      return { hash: spooled.hash, name, url: this.urlFor(name), mime: spooled.type.mime, size: spooled.size };
    } catch (error) {
      await spooled.remove();
      throw storageFull(error);
    }
  }

  urlFor(name: string): string {
    return this.urls.urlFor(name);
  }

  ownMedia(url: string): OwnMedia | null {
    return this.urls.ownMedia(url);
  }

  isOwnUrl(url: string): boolean {
    return this.urls.isOwnUrl(url);
  }

  async has(name: string): Promise<boolean> {
    return MEDIA_NAME.test(name) && (await exists(path.join(this.dir, name)));
  }

  async open(name: string): Promise<OpenedMedia | null> {
    const match = MEDIA_NAME.exec(name);
    const type = typeOfName(name);
    if (!match || !type) return null;
    return openFile(path.join(this.dir, name), match[1]!, MEDIA_TYPES[type.ext]);
  }

  async read(name: string): Promise<Buffer | null> {
    if (!MEDIA_NAME.test(name)) return null;
    try {
      return await fs.readFile(path.join(this.dir, name));
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async saveDerived(original: string, key: string, bytes: Buffer): Promise<void> {
    const dir = this.derivedDir(original, key);
    const file = path.join(dir, key);
    if (!(await exists(file))) await this.writeAtomically(file, bytes);
  }

  async openDerived(original: string, key: string): Promise<OpenedMedia | null> {
    const type = typeOfName(key);
    if (!type) return null;
    return openFile(path.join(this.derivedDir(original, key), key), key.slice(0, 64), MEDIA_TYPES[type.ext]);
  }

  async remove(name: string): Promise<void> {
    const match = MEDIA_NAME.exec(name);
    if (!match) return;
    await fs.rm(path.join(this.dir, 'derived', match[1]!), { recursive: true, force: true });
    await fs.rm(path.join(this.dir, name), { force: true });
  }

  /** `<dir>/derived/<original's hash>`; both names are checked, so neither can make it a path elsewhere. */
  private derivedDir(original: string, key: string): string {
    const match = MEDIA_NAME.exec(original);
    if (!match || !MEDIA_NAME.test(key)) throw new Error(`Not media names: ${original} ${key}`);
    return path.join(this.dir, 'derived', match[1]!);
  }

  /** Temp file, fsync, rename, fsync of the directory: a crash leaves the whole file or none of it. */
  private async writeAtomically(file: string, bytes: Buffer): Promise<void> {
    const dir = path.dirname(file);
    makePrivateDir(dir);
    // A temp name never matches MEDIA_NAME, so a half-written file can never be served.
    const temp = path.join(dir, `.tmp-${randomBytes(8).toString('hex')}`);
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
    await syncDir(dir);
  }
}

/** Opens a file for serving; null when it is not there. */
async function openFile(file: string, hash: string, mime: string): Promise<OpenedMedia | null> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, 'r');
  } catch (error) {
    if (isMissing(error)) return null;
    throw error;
  }
  const { size } = await handle.stat().catch(async (error: unknown) => {
    await handle.close();
    throw error;
  });
  return { hash, mime, size, stream: () => handle.createReadStream(), close: () => handle.close() };
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
