import { mediaMessages } from '../errors/index.js';
import { MediaError } from './media-error.js';
import { SNIFF_BYTES, type MediaStore, type StoredMedia } from './media-store.js';
import { allowedType, sniffType } from './sniff-type.js';
import { svgLimits } from './svg/svg-limits.js';
import { refuseWhenSvgBusy, sanitizeSvgOffThread } from './svg/svg-pool.js';

/** What a caller of saveUpload may add. */
export interface SaveUploadOptions {
  /** Stops the work on an SVG (a download's deadline); the caller reports why. */
  signal?: AbortSignal;
}

/**
 * Takes a file (an upload's or a download's body, as it arrives) into the library. Its type is
 * sniffed from its first SNIFF_BYTES. Most files stream to the store as they come
 * (MediaStore.saveStream). An SVG is read whole instead, up to SVG_MAX_BYTES, sanitised on a
 * worker thread (svg/svg-pool.ts) and stored as the sanitised bytes, named by their hash: no
 * SVG is ever stored as it came. Throws the MediaError of `chunks` (`too_large`, ...),
 * `type_not_allowed` (with the SVG's reason), or the 503 `svg_busy`.
 */
export async function saveUpload(
  store: MediaStore,
  chunks: AsyncIterable<Buffer>,
  options: SaveUploadOptions = {},
): Promise<StoredMedia> {
  const body = chunks[Symbol.asyncIterator]();
  const head: Buffer[] = [];
  let headBytes = 0;
  while (headBytes < SNIFF_BYTES) {
    const next = await body.next();
    if (next.done) break;
    head.push(next.value);
    headBytes += next.value.length;
  }
  if (sniffType(Buffer.concat(head).subarray(0, SNIFF_BYTES))?.ext !== 'svg')
    return store.saveStream(replay(head, body), allowedType);
  try {
    // Refused before the rest is read: a queue that is full is not worth holding 2 MB for.
    refuseWhenSvgBusy();
  } catch (error) {
    await body.return?.();
    throw error;
  }
  const bytes = await readSvg(head, headBytes, body);
  const clean = await sanitizeSvgOffThread(bytes, options.signal);
  return store.save(clean, 'svg', 'image/svg+xml');
}

/**
 * The head already read, then the rest of the body. Left early (the store refused the type from
 * the head), the body is ended too, so a download's connection closes (read-body.ts).
 */
async function* replay(head: Buffer[], body: AsyncIterator<Buffer>): AsyncGenerator<Buffer> {
  let ended = false;
  try {
    yield* head;
    for (let next = await body.next(); !next.done; next = await body.next()) yield next.value;
    ended = true;
  } finally {
    if (!ended) await body.return?.();
  }
}

/** An SVG's whole bytes, refused (and the body left unread) once past SVG_MAX_BYTES. */
async function readSvg(head: Buffer[], headBytes: number, body: AsyncIterator<Buffer>): Promise<Buffer> {
  const { maxBytes } = svgLimits();
  const chunks = [...head];
  let total = headBytes;
  for (;;) {
    if (total > maxBytes) {
      await body.return?.();
      throw new MediaError('too_large', mediaMessages.svgTooLarge(maxBytes));
    }
    const next = await body.next();
    if (next.done) return Buffer.concat(chunks, total);
    chunks.push(next.value);
    total += next.value.length;
  }
}
