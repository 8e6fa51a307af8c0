import type { IncomingMessage } from 'node:http';
import { mediaErrors } from './media-error.js';

/**
 * A response body as it arrives, refused as soon as it passes `maxBytes` (and before reading at
 * all when Content-Length already says so): a sender must not fill memory or disk. Nothing is
 * held here: each chunk goes on to the consumer (media-store.ts writes it to a temporary file).
 */
export async function* limitedBody(response: IncomingMessage, maxBytes: number): AsyncGenerator<Buffer> {
  const declared = Number(response.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    response.destroy();
    throw mediaErrors.tooLarge(maxBytes);
  }
  let total = 0;
  try {
    for await (const chunk of response as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > maxBytes) throw mediaErrors.tooLarge(maxBytes);
      yield chunk;
    }
  } finally {
    // Refused, failed or abandoned by the consumer: the connection goes, the rest is never read.
    if (!response.complete) response.destroy();
  }
}
