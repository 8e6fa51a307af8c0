import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { CachedAnswer, ResponseCache } from '../cache/response-cache.js';
import { surrogateKeys } from '../cache/tags.js';
import { JSON_TYPE } from './send.js';

/** Below this, compressing costs more than it saves. */
const MIN_COMPRESS = 1024;

function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.trim() === '*' || ifNoneMatch.split(',').some((t) => t.trim().replace(/^W\//, '') === etag);
}

/** The best encoding the client accepts: br, then gzip, else none. */
function encodingFor(acceptEncoding: string | undefined): 'br' | 'gzip' | null {
  if (!acceptEncoding) return null;
  const accepted = acceptEncoding.split(',').map((part) => {
    const [name, ...params] = part.trim().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return { name: name!.toLowerCase(), q: q ? Number(q.slice(2)) : 1 };
  });
  const ok = (name: string) => accepted.some((a) => a.name === name && a.q > 0);
  return ok('br') ? 'br' : ok('gzip') ? 'gzip' : null;
}

/** How long a shared cache may keep an answer, in seconds, and serve it stale while it revalidates. */
const SHARED_MAX_AGE = 60;
const STALE_WHILE_REVALIDATE = 30;

/**
 * The Cache-Control of an answer: previews are private; a shared cache (a CDN) keeps the others a
 * minute, or only until the account's next scheduled change when that comes sooner (docs/api.md
 * §13.3), and then serves nothing stale.
 */
function cacheControl(answer: CachedAnswer, now: number): string {
  if (answer.preview) return 'private, no-cache';
  const left = answer.expires == null ? Infinity : Math.max(0, Math.floor((answer.expires - now) / 1000));
  if (left >= SHARED_MAX_AGE + STALE_WHILE_REVALIDATE)
    return `public, max-age=0, s-maxage=${SHARED_MAX_AGE}, stale-while-revalidate=${STALE_WHILE_REVALIDATE}`;
  return `public, max-age=0, s-maxage=${Math.min(left, SHARED_MAX_AGE)}`;
}

/**
 * Sends an answer with its validators and caching headers: 304 for a matching If-None-Match,
 * otherwise the bytes, compressed once per encoding and kept with the cached answer.
 */
export function sendAnswer(
  request: FastifyRequest,
  reply: FastifyReply,
  answer: CachedAnswer,
  cache: { store: ResponseCache; key: string | null; accountId: number; state: 'hit' | 'miss'; now: number },
): FastifyReply {
  reply
    .header('etag', answer.etag)
    .header('vary', 'Authorization, Accept-Encoding')
    .header('cache-control', cacheControl(answer, cache.now))
    .header('surrogate-key', (answer.surrogateKey ??= surrogateKeys(cache.accountId, answer.tags)))
    .header('x-ghee-cache', cache.state);
  if (matches(request.headers['if-none-match'], answer.etag)) return reply.code(304).send();
  reply.code(200).type(JSON_TYPE);
  const encoding = answer.body.length >= MIN_COMPRESS ? encodingFor(request.headers['accept-encoding']) : null;
  if (!encoding) return reply.send(answer.body);
  let bytes = answer[encoding];
  if (!bytes) {
    bytes =
      encoding === 'br'
        ? brotliCompressSync(answer.body, {
            params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: answer.body.length },
          })
        : gzipSync(answer.body, { level: 6 });
    if (cache.key) cache.store.addEncoding(cache.key, encoding, bytes);
  }
  return reply.header('content-encoding', encoding).send(bytes);
}
