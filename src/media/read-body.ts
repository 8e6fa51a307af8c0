import type { IncomingMessage } from 'node:http';
import { mediaErrors } from './media-error.js';

/**
 * Reads a response body into memory, refusing it as soon as it passes `maxBytes` (and before
 * reading at all when Content-Length already says so): a sender must not fill memory or disk.
 */
export async function readBody(response: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const declared = Number(response.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    response.destroy();
    throw mediaErrors.tooLarge(maxBytes);
  }
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of response as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (total > maxBytes) {
      response.destroy();
      throw mediaErrors.tooLarge(maxBytes);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, total);
}
