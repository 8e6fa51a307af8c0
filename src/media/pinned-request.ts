import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import type { CheckedAddress } from './resolve-host.js';

/**
 * Sends a GET for `url` to the already-checked address, whatever DNS says now: resolving again
 * at connect time would let a rebinding name pass the check with a public address and then
 * connect to a private one. The Host header and TLS server name stay the URL's hostname, so
 * virtual hosting and certificate checks work as usual.
 */
export function pinnedRequest(url: URL, to: CheckedAddress, signal: AbortSignal): Promise<IncomingMessage> {
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
    method: 'GET',
    headers: { host: url.host, accept: '*/*', 'accept-encoding': 'identity', 'user-agent': 'Ghee-media-fetcher' },
    lookup,
    // A pooled socket could have been opened to another address; every hop gets its own.
    agent: false,
    signal,
    ...(secure && !isIP(hostname) ? { servername: hostname } : {}),
  };
  return new Promise((resolve, reject) => {
    const request = (secure ? https : http).request(options, resolve);
    request.on('error', reject);
    request.end();
  });
}
