import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Writable } from 'node:stream';

/** A real 1x1 PNG: the first bytes of every file served, so each sniffs as a PNG. */
export const PNG_1X1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

/** A local media server that watches how many downloads it serves at once. */
export interface MediaOrigin {
  base: string;
  /** Requests received so far. */
  requests(): number;
  /** The most requests it was serving at one time. */
  maxConcurrent(): number;
  reset(): void;
  close(): Promise<void>;
}

const CHUNK = Buffer.alloc(64 * 1024);

/** Waits until a stream may take more, or is gone. */
function drained(out: Writable): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      out.off('drain', done).off('close', done);
      resolve();
    };
    out.on('drain', done).on('close', done);
  });
}

/**
 * Writes `count` zero bytes to a response or request body in 64 KB chunks with backpressure, all
 * from one shared buffer, so the writer itself holds almost nothing; stops early if it is gone.
 */
export async function writeZeros(out: Writable, count: number): Promise<void> {
  for (let sent = 0; sent < count && !out.destroyed;) {
    const part = CHUNK.subarray(0, Math.min(CHUNK.length, count - sent));
    sent += part.length;
    if (!out.write(part)) await drained(out);
  }
}

/**
 * Serves `/file.png?bytes=N&ms=T[&length=0][&stall=S]`: a PNG of N bytes (a PNG header, then zeros), sent in
 * 64 KB chunks with backpressure (one chunk buffer shared by every response, so the server itself
 * holds almost nothing), answered after T ms; `length=0` leaves Content-Length out.
 */
export async function startMediaOrigin(): Promise<MediaOrigin> {
  let requests = 0;
  let serving = 0;
  let max = 0;
  const server = http.createServer(async (req, res) => {
    requests++;
    max = Math.max(max, ++serving);
    res.once('close', () => serving--);
    const url = new URL(req.url ?? '/', 'http://origin');
    if (url.pathname !== '/file.png') return void res.writeHead(404).end();
    const bytes = Number(url.searchParams.get('bytes') ?? PNG_1X1.length);
    const ms = Number(url.searchParams.get('ms') ?? 0);
    // Answers only after `ms`: the download is in flight that long, however small the file.
    if (ms > 0) await new Promise((resolve) => setTimeout(resolve, ms));
    res.writeHead(200, {
      'content-type': 'image/png',
      ...(url.searchParams.get('length') !== '0' && { 'content-length': String(bytes) }),
    });
    res.write(PNG_1X1);
    // `stall`: the body stops after its first bytes for that long (a download cut off by its deadline).
    const stall = Number(url.searchParams.get('stall') ?? 0);
    if (stall > 0) await new Promise((resolve) => setTimeout(resolve, stall));
    await writeZeros(res, bytes - PNG_1X1.length);
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests: () => requests,
    maxConcurrent: () => max,
    reset: () => void ((requests = 0), (max = serving)),
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
