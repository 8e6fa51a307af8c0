import { isIP } from 'node:net';
import { isPublicAddress } from './address-policy.js';
import { mediaErrors, type MediaError } from './media-error.js';

/**
 * What can be known of a media URL without downloading it: a valid absolute http(s) URL, and,
 * when its host is an IP address or a `localhost` name (which always means this machine), an
 * address the policy allows. Returns the MediaError to report, or null. Names are resolved and
 * every hop checked again when the download happens (fetch-media.ts).
 */
export function checkMediaUrl(text: string, allowPrivate: boolean): MediaError | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return mediaErrors.download('not a valid URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return mediaErrors.download('only http and https URLs are allowed');
  if (allowPrivate) return null;
  const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  const local = host === 'localhost' || host.endsWith('.localhost') || (isIP(host) !== 0 && !isPublicAddress(host));
  return local ? mediaErrors.privateAddress() : null;
}
