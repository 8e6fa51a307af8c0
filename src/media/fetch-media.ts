import type { IncomingMessage } from 'node:http';
import { GheeError } from '../errors/index.js';
import { MediaError, mediaErrors } from './media-error.js';
import type { MediaStore, StoredMedia } from './media-store.js';
import { networkReason } from './network-reason.js';
import { pinnedRequest } from './pinned-request.js';
import { limitedBody } from './read-body.js';
import { resolveHost } from './resolve-host.js';
import { saveUpload } from './save-upload.js';

/** Limits of one download; the server's come from the MEDIA_* settings. */
export interface FetchOptions {
  /** Allow loopback, link-local and private addresses (MEDIA_FETCH_ALLOW_PRIVATE). */
  allowPrivate: boolean;
  maxBytes: number;
  /** For the whole download: lookups, redirects and body. */
  timeoutMs: number;
}

const MAX_REDIRECTS = 3;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * Downloads a media URL into the library within the limits, checking every hop's address before
 * connecting. The body streams to a temporary file (never held whole in memory), its type sniffed
 * from its first bytes. Throws a MediaError, whose message is fit to show the caller, on any failure.
 */
export async function fetchMedia(url: string, store: MediaStore, opts: FetchOptions): Promise<StoredMedia> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), opts.timeoutMs);
  try {
    return await withDeadline(download(url, store, opts, controller.signal), controller.signal);
  } catch (error) {
    if (controller.signal.aborted) throw mediaErrors.timeout();
    // A MediaError is the field's 400; a GheeError (the SVG sanitiser's 503 `svg_busy`) the write's answer.
    if (error instanceof MediaError || error instanceof GheeError) throw error;
    throw mediaErrors.download(networkReason(error), error);
  } finally {
    clearTimeout(timer);
  }
}

async function download(url: string, store: MediaStore, opts: FetchOptions, signal: AbortSignal): Promise<StoredMedia> {
  let target = parseUrl(url);
  for (let hop = 0; ; hop++) {
    const address = await resolveHost(target.hostname, opts.allowPrivate);
    signal.throwIfAborted(); // the lookup itself cannot be cancelled; do not connect after the deadline
    const response = await pinnedRequest(target, address, signal);
    const status = response.statusCode ?? 0;
    if (REDIRECTS.has(status)) {
      response.resume();
      if (hop >= MAX_REDIRECTS) throw mediaErrors.download('too many redirects');
      target = nextUrl(response, target);
      continue;
    }
    if (status < 200 || status > 299) {
      response.resume();
      throw mediaErrors.download(`the server answered ${status}`);
    }
    // Aborting (the deadline) destroys the response, which ends the stream and removes the temp file.
    return saveUpload(store, limitedBody(response, opts.maxBytes), { signal });
  }
}

function parseUrl(text: string, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(text, base);
  } catch {
    throw mediaErrors.download('not a valid URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw mediaErrors.download('only http and https URLs are allowed');
  return url;
}

function nextUrl(response: IncomingMessage, from: URL): URL {
  const location = response.headers.location;
  if (!location) throw mediaErrors.download('a redirect without a Location');
  return parseUrl(location, from);
}

/** Settles with the work, or rejects as soon as the deadline passes (a DNS lookup ignores signals). */
function withDeadline<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(mediaErrors.timeout());
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
