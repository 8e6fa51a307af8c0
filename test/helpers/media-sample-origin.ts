import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { HTML, JPEG, PNG, SVG } from './media-samples.js';

/** A local origin server of sample files; `requests` records every request it received (path and Host). */
export interface SampleOrigin {
  url: string;
  port: number;
  requests: Array<{ path: string; host: string | undefined }>;
  close(): Promise<void>;
}

/**
 * Serves the samples, redirect chains (`/redirect/N`), a download that never ends (`/slow`),
 * bodies over 1000 bytes with and without Content-Length, and a redirect to another loopback address.
 */
export function startSampleOrigin(): Promise<SampleOrigin> {
  const requests: SampleOrigin['requests'] = [];
  const server = http.createServer((req, res) => {
    const url = req.url ?? '/';
    requests.push({ path: url, host: req.headers.host });
    const send = (type: string, body: Buffer) => res.writeHead(200, { 'content-type': type }).end(body);
    const redirect = /^\/redirect\/(\d+)$/.exec(url);
    if (redirect) {
      const left = Number(redirect[1]);
      res.writeHead(302, { location: left > 1 ? `/redirect/${left - 1}` : '/tiny.png' }).end();
    } else if (url === '/tiny.png' || url === '/tiny-copy.png') send('image/png', PNG);
    else if (url === '/photo.jpg') send('image/jpeg', JPEG);
    // Labelled as an image: the sniffed bytes decide, not the sender's Content-Type.
    else if (url === '/page.html') send('image/png', HTML);
    else if (url === '/image.svg') send('image/svg+xml', SVG);
    else if (url === '/slow')
      res.writeHead(200, { 'content-type': 'image/png' }).write(PNG.subarray(0, 8)); // never ends
    else if (url === '/big') send('image/png', Buffer.concat([PNG, Buffer.alloc(2000)]));
    else if (url === '/huge-declared')
      res.writeHead(200, { 'content-length': '999999999' }).write(PNG); // then hangs
    else if (url === '/big-chunked') {
      res.writeHead(200, { 'content-type': 'image/png' }); // no Content-Length: counted while streaming
      for (let i = 0; i < 10; i++) res.write(i === 0 ? PNG : Buffer.alloc(300));
      res.end();
    } else if (url === '/to-loopback') res.writeHead(302, { location: `http://127.0.0.2:${port()}/tiny.png` }).end();
    else res.writeHead(404, { 'content-type': 'text/plain' }).end('nope');
  });
  const port = () => (server.address() as AddressInfo).port;
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      resolve({
        url: `http://127.0.0.1:${port()}`,
        port: port(),
        requests,
        close: () => {
          server.closeAllConnections();
          return new Promise((done) => server.close(() => done()));
        },
      });
    });
  });
}
