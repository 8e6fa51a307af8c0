import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll } from 'vitest';
import { movableClock } from './blog.js';
import type { DialectUnderTest } from './databases.js';
import { PNG_1X1 } from './media-origin.js';
import { demoServer, type TestServer } from './server.js';

// What the post-write suites share (docs/api.md §4, §6): the demo server on a clock the test
// moves, a local origin of one PNG for featured images, and posts as /v2 reads them back.

/** A local server of one PNG, `${base}/cover.png`; every other path is a 404. */
export interface ImageOrigin {
  base: string;
  close(): Promise<void>;
}

/** Starts an image origin on 127.0.0.1, port 0. */
export async function startImageOrigin(): Promise<ImageOrigin> {
  const server = http.createServer((req, res) => {
    if (req.url === '/cover.png') res.writeHead(200, { 'content-type': 'image/png' }).end(PNG_1X1);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { base: `http://127.0.0.1:${port}`, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/** The server and image origin of the enclosing suite, started before its tests and closed after them. */
export interface PostWrites {
  s: TestServer;
  images: ImageOrigin;
  clock: ReturnType<typeof movableClock>;
  /** The post as /v2 answers it; with `preview`, its newest version. */
  read(slug: string, preview?: boolean): Promise<any>;
}

/** Registers the hooks that start and close the demo server of `dialect` and an image origin. */
export function usePostWrites(dialect: DialectUnderTest): PostWrites {
  const suite = { clock: movableClock() } as PostWrites;
  suite.read = async (slug, preview = false) =>
    (await suite.s.get(`/v2/posts/${slug}/${preview ? '?preview=1' : ''}`)).body.data;
  beforeAll(async () => {
    suite.s = await demoServer(dialect, { clock: suite.clock });
    suite.images = await startImageOrigin();
  });
  afterAll(async () => {
    await suite.s?.close();
    await suite.images?.close();
  });
  return suite;
}
