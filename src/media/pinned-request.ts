import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import type { CheckedAddress } from './resolve-host.js';

/** A request other than a plain GET (webhooks POST a signed body with their own headers). */
export interface PinnedInit {
  method: string;
  headers: Record<string, string>;
  body: Buffer;
  /** Gives up when the TCP connection is not made within this many milliseconds. */
  connectTimeoutMs: number;
}

/**
 * Sends a GET (or `init`'s request) for `url` to the already-checked address, whatever DNS says now: resolving again
 * at connect time would let a rebinding name pass the check with a public address and then
 * connect to a private one. The Host header and TLS server name stay the URL's hostname, so
 * virtual hosting and certificate checks work as usual.
 */
export function pinnedRequest(
  url: URL,
  to: CheckedAddress,
  signal: AbortSignal,
  init?: PinnedInit,
): Promise<IncomingMessage> {
  const hostname = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  const lookup: LookupFunction = (_name, options, callback) => {
    // net asks for every address when it races IPv4 and IPv6 (autoSelectFamily), one otherwise.
    if (options.all) (callback as (e: null, a: Array<{ address: string; family: number }>) => void)(null, [to]);
    else callback(null, to.address, to.family);
  };
  const secure = url.protocol === 'https:';
  const options: https.RequestOptions = {
    host: hostname,
    port: url.port || (secure ? 443 : 80),
    path: `${url.pathname}${url.search}`,
    method: init?.method ?? 'GET',
    headers: {
      host: url.host,
      ...(init?.headers ?? { accept: '*/*', 'accept-encoding': 'identity', 'user-agent': 'Ghee-media-fetcher' }),
    },
    lookup,
    // A pooled socket could have been opened to another address; every hop gets its own.
    agent: false,
    signal,
    ...(secure && !isIP(hostname) ? { servername: hostname } : {}),
  };
  return new Promise((resolve, reject) => {
    const request = (secure ? https : http).request(options, resolve);
    request.on('error', reject);
    if (init) {
      request.once('socket', (socket) => {
        const timer = setTimeout(() => request.destroy(new Error('connect timed out')), init.connectTimeoutMs);
        socket.once('connect', () => clearTimeout(timer));
        socket.once('close', () => clearTimeout(timer));
      });
    }
    request.end(init?.body);
  });
}
