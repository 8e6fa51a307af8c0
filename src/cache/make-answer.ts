import { createHash } from 'node:crypto';
import type { CachedAnswer } from './response-cache.js';

/** A finished answer from a JSON body: bytes and a strong ETag over them. */
export function makeAnswer(body: unknown, tags: Set<string>, preview: boolean): CachedAnswer {
  const bytes = Buffer.from(JSON.stringify(body));
  const etag = `"${createHash('sha1').update(bytes).digest('base64url')}"`;
  return { body: bytes, etag, tags: [...tags], preview };
}
