import { createHmac, timingSafeEqual } from 'node:crypto';

// Signed image URLs (MEDIA_TRANSFORMS=signed, docs/api.md §11): `sig` is the HMAC-SHA256, in
// lowercase hex, of the URL's path and query exactly as sent after the host, without the `sig`
// parameter itself: `/media/resize=width:800/<file>?v=2`. Nothing is re-encoded or reordered, so
// what the signer signed is what the server checks.

/** The HMAC-SHA256 hex of `path` under `secret`. */
function hmac(path: string, secret: string): string {
  return createHmac('sha256', secret).update(path, 'utf8').digest('hex');
}

/**
 * `path` (from `/media/`, its query included, no `sig`) with its signature appended as the last
 * query parameter.
 *
 * @example signMediaPath('/media/resize=width:800/<file>', secret)
 *   // '/media/resize=width:800/<file>?sig=<64 hex digits>'
 */
export function signMediaPath(path: string, secret: string): string {
  return `${path}${path.includes('?') ? '&' : '?'}sig=${hmac(path, secret)}`;
}

/**
 * True when the request URL (path and query as sent) carries a `sig` that signs the rest of it.
 * The `sig` parameters are taken out wherever they are; the last one is the signature.
 */
export function hasValidSignature(url: string, secret: string): boolean {
  const question = url.indexOf('?');
  if (question === -1) return false;
  const kept: string[] = [];
  let sig: string | null = null;
  for (const part of url.slice(question + 1).split('&')) {
    if (part === 'sig' || part.startsWith('sig=')) sig = part.slice(4);
    else kept.push(part);
  }
  if (sig === null || !/^[0-9a-f]{64}$/.test(sig)) return false;
  const signed = kept.length ? `${url.slice(0, question)}?${kept.join('&')}` : url.slice(0, question);
  return timingSafeEqual(Buffer.from(hmac(signed, secret), 'hex'), Buffer.from(sig, 'hex'));
}
