import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { describeLocation } from './media-store-config.js';
import type { MediaStore, OpenedMedia, OwnMedia, StoredMedia } from './media-store.js';
import { MediaStoreUnavailableError } from './media-store-unavailable.js';
import { MEDIA_NAME, MEDIA_TYPES, typeOfName, type MediaType } from './media-types.js';
import { PublicMediaUrls } from './public-media-urls.js';
import { isMissingObject, storeFailure } from './s3-failure.js';
import { spoolUpload } from './spool-upload.js';

/** What /media answers with; on the objects too, for a bucket (or a CDN on it) serving them directly. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Objects deleted at a time when a file and its derivatives go. */
const DELETES_AT_ONCE = 8;
/** Tries of an upload from its spooled file (the SDK cannot retry a stream it has read). */
const UPLOAD_TRIES = 3;

/** Where the S3 store keeps its objects, and what it needs besides. */
export interface S3MediaStoreOptions {
  bucket: string;
  /** Key prefix without a trailing slash, '' for the bucket's root. */
  prefix: string;
  publicUrl: string | (() => string);
  /** MEDIA_PUBLIC_URL (public-media-urls.ts). */
  mediaPublicUrl?: string | undefined;
  /** Where uploads are written (hashed, sniffed) before they go to the bucket. */
  spoolDir: string;
}

/**
 * The media library in an S3-compatible bucket, laid out as the local store's folder: originals at
 * `<prefix>/<hash>.<ext>`, the derivatives of each under `<prefix>/derived/<hash>/`. Nodes that
 * share the bucket share the library. A PUT is atomic in S3, so an object is whole or absent;
 * uploads are spooled to a local file first (their hash, which names the object, is known only at
 * their end, and a PUT of known length needs no multipart upload). Failures to reach or use the
 * bucket are MediaStoreUnavailableError; a missing object is null.
 */
export class S3MediaStore implements MediaStore {
  private readonly urls: PublicMediaUrls;
  /** `s3://bucket/prefix`, for messages. */
  readonly where: string;

  constructor(
    private readonly client: S3Client,
    private readonly options: S3MediaStoreOptions,
  ) {
    this.urls = new PublicMediaUrls(options.publicUrl, options.mediaPublicUrl);
    this.where = describeLocation({ kind: 's3', bucket: options.bucket, prefix: options.prefix });
  }

  async save(bytes: Buffer, ext: string, mime: string): Promise<StoredMedia> {
    const hash = createHash('sha256').update(bytes).digest('hex');
    const name = `${hash}.${ext}`;
    const type = typeOfName(name);
    if (!type || type.mime !== mime) throw new Error(`Not a media type Ghee stores: ${ext} ${mime}`);
    const key = this.keyOf(name);
    if (!(await this.exists(key))) await this.put(key, bytes, mime);
    return { hash, name, url: this.urlFor(name), mime, size: bytes.length };
  }

  async saveStream(chunks: AsyncIterable<Buffer>, typeOf: (head: Buffer) => MediaType): Promise<StoredMedia> {
    const spooled = await spoolUpload(chunks, typeOf, this.options.spoolDir);
    try {
      const name = `${spooled.hash}.${spooled.type.ext}`;
      const key = this.keyOf(name);
      if (!(await this.exists(key))) await this.putFile(key, spooled.file, spooled.size, spooled.type.mime);
      return { hash: spooled.hash, name, url: this.urlFor(name), mime: spooled.type.mime, size: spooled.size };
    } finally {
      await spooled.remove();
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
    return MEDIA_NAME.test(name) && (await this.exists(this.keyOf(name)));
  }

  async open(name: string): Promise<OpenedMedia | null> {
    const match = MEDIA_NAME.exec(name);
    const type = typeOfName(name);
    if (!match || !type) return null;
    return this.get(this.keyOf(name), match[1]!, MEDIA_TYPES[type.ext]);
  }

  async read(name: string): Promise<Buffer | null> {
    if (!MEDIA_NAME.test(name)) return null;
    const object = await this.get(this.keyOf(name), '', '');
    if (!object) return null;
    const parts: Buffer[] = [];
    try {
      for await (const chunk of object.stream()) parts.push(chunk as Buffer);
    } catch (error) {
      throw storeFailure(error, this.where);
    }
    return Buffer.concat(parts);
  }

  async saveDerived(original: string, key: string, bytes: Buffer, mime: string): Promise<void> {
    const objectKey = this.derivedKey(original, key);
    if (!(await this.exists(objectKey))) await this.put(objectKey, bytes, mime);
  }

  async openDerived(original: string, key: string): Promise<OpenedMedia | null> {
    const type = typeOfName(key);
    if (!type) return null;
    return this.get(this.derivedKey(original, key), key.slice(0, 64), MEDIA_TYPES[type.ext]);
  }

  async remove(name: string): Promise<void> {
    const match = MEDIA_NAME.exec(name);
    if (!match) return;
    const derived = await this.list(`${this.keyOf('derived')}/${match[1]!}/`);
    for (let at = 0; at < derived.length; at += DELETES_AT_ONCE) {
      await Promise.all(derived.slice(at, at + DELETES_AT_ONCE).map((key) => this.delete(key)));
    }
    await this.delete(this.keyOf(name));
  }

  private keyOf(name: string): string {
    return this.options.prefix ? `${this.options.prefix}/${name}` : name;
  }

  /** `<prefix>/derived/<original's hash>/<key>`; both names are checked, so neither can make it a key elsewhere. */
  private derivedKey(original: string, key: string): string {
    const match = MEDIA_NAME.exec(original);
    if (!match || !MEDIA_NAME.test(key)) throw new Error(`Not media names: ${original} ${key}`);
    return this.keyOf(`derived/${match[1]!}/${key}`);
  }

  /**
   * A GET of the first byte rather than a HEAD: a HEAD's 404 has no body, so it cannot tell a
   * missing object from a missing bucket, which must not read as "not stored yet".
   */
  private async exists(key: string): Promise<boolean> {
    try {
      const out = await this.client.send(
        new GetObjectCommand({ Bucket: this.options.bucket, Key: key, Range: 'bytes=0-0' }),
      );
      await out.Body?.transformToByteArray();
      return true;
    } catch (error) {
      if (isMissingObject(error)) return false;
      // Only an empty object has no first byte (Ghee writes none, but one is still there).
      if ((error as { name?: unknown }).name === 'InvalidRange') return true;
      throw storeFailure(error, this.where);
    }
  }

  /** The object opened for reading; its body is not read until `stream()` is. */
  private async get(key: string, hash: string, mime: string): Promise<OpenedMedia | null> {
    let body: unknown;
    let size: number | undefined;
    try {
      const out = await this.client.send(new GetObjectCommand({ Bucket: this.options.bucket, Key: key }));
      [body, size] = [out.Body, out.ContentLength];
    } catch (error) {
      if (isMissingObject(error)) return null;
      throw storeFailure(error, this.where);
    }
    if (!(body instanceof Readable)) throw new Error(`GetObject ${key}: no readable body`);
    if (size === undefined) {
      body.destroy();
      throw new Error(`GetObject ${key}: no Content-Length`);
    }
    const stream = body;
    return {
      hash,
      mime,
      size,
      stream: () => stream,
      // Ends the download unread (HEAD, 304): its connection is dropped rather than drained.
      close: async () => void stream.destroy(),
    };
  }

  private async put(key: string, body: Buffer, mime: string): Promise<void> {
    try {
      await this.client.send(
        new PutObjectCommand({
          Bucket: this.options.bucket,
          Key: key,
          Body: body,
          ContentLength: body.length,
          ContentType: mime,
          CacheControl: IMMUTABLE,
        }),
      );
    } catch (error) {
      throw storeFailure(error, this.where);
    }
  }

  /** PUTs a spooled file, trying again (from the file) when the store could not be reached. */
  private async putFile(key: string, file: string, size: number, mime: string): Promise<void> {
    for (let tries = 1; ; tries++) {
      const body = createReadStream(file);
      try {
        await this.client.send(
          new PutObjectCommand({
            Bucket: this.options.bucket,
            Key: key,
            Body: body,
            ContentLength: size,
            ContentType: mime,
            CacheControl: IMMUTABLE,
          }),
        );
        return;
      } catch (error) {
        const failure = storeFailure(error, this.where);
        const transient = failure instanceof MediaStoreUnavailableError && failure.failure === 'unreachable';
        if (!transient || tries >= UPLOAD_TRIES) throw failure;
        await sleep(100 * 2 ** tries);
      } finally {
        body.destroy();
      }
    }
  }

  /** Every key under `prefix`, page after page. */
  private async list(prefix: string): Promise<string[]> {
    const keys: string[] = [];
    let token: string | undefined;
    try {
      do {
        const page = await this.client.send(
          new ListObjectsV2Command({ Bucket: this.options.bucket, Prefix: prefix, ContinuationToken: token }),
        );
        for (const object of page.Contents ?? []) if (object.Key) keys.push(object.Key);
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
    } catch (error) {
      throw storeFailure(error, this.where);
    }
    return keys;
  }

  /** Deletes one object (DeleteObjects is not offered by every S3-compatible store); a missing one is no error. */
  private async delete(key: string): Promise<void> {
    try {
      await this.client.send(new DeleteObjectCommand({ Bucket: this.options.bucket, Key: key }));
    } catch (error) {
      if (!isMissingObject(error)) throw storeFailure(error, this.where);
    }
  }
}
