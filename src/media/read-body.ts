import type { IncomingMessage } from 'node:http';
import { mediaErrors } from './media-error.js';

/**
 * A response body as it arrives, refused as soon as it passes `maxBytes` (and before reading at
 * all when Content-Length already says so): a sender must not fill memory or disk. Nothing is
 * held here: each chunk goes on to the consumer (media-store.ts writes it to a temporary file).
 */
export async function* limitedBody(response: IncomingMessage, maxBytes: number): AsyncGenerator<Buffer> {
  if (declaredOver(response, maxBytes)) {
    response.destroy();
    throw mediaErrors.tooLarge(maxBytes);
  }
  try {
    yield* capped(response, maxBytes);
  } finally {
    // Refused, failed or abandoned by the consumer: the connection goes, the rest is never read.
    if (!response.complete) response.destroy();
  }
}

/**
 * An uploaded request body as it arrives, refused like `limitedBody` (a declared oversize at
 * once, before anything is read). A refused or abandoned request is left open, never destroyed:
 * that would reset the connection before the client reads the answer, so the HTTP layer reads
 * and drops the rest (http/drain-body.ts).
 */
export function uploadBody(request: IncomingMessage, maxBytes: number): AsyncIterable<Buffer> {
  if (declaredOver(request, maxBytes)) throw mediaErrors.tooLarge(maxBytes);
  return capped(request.iterator({ destroyOnReturn: false }), maxBytes);
}

/**
 * One file of a multipart upload as it arrives, refused once it passes `maxBytes` (a MediaError
 * `too_large`): the request's declared length covers every file, so only the bytes count.
 */
export function uploadPartBody(file: AsyncIterable<Buffer>, maxBytes: number): AsyncIterable<Buffer> {
  return capped(file, maxBytes);
}

/** Refuses (MediaError `too_large`) a request whose declared length is over `maxBytes`, before it is read. */
export function refuseDeclaredOver(request: IncomingMessage, maxBytes: number): void {
  if (declaredOver(request, maxBytes)) throw mediaErrors.tooLarge(maxBytes);
}

function declaredOver(message: IncomingMessage, maxBytes: number): boolean {
  const declared = Number(message.headers['content-length']);
  return Number.isFinite(declared) && declared > maxBytes;
}

/** The chunks passed on one by one, a MediaError `too_large` once they add up to more than `maxBytes`. */
async function* capped(chunks: AsyncIterable<Buffer>, maxBytes: number): AsyncGenerator<Buffer> {
  let total = 0;
  for await (const chunk of chunks) {
    total += chunk.length;
    if (total > maxBytes) throw mediaErrors.tooLarge(maxBytes);
    yield chunk;
  }
}
