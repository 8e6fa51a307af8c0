import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../src/config.js';
import { member } from './helpers/admin.js';
import { DIALECTS } from './helpers/databases.js';
import { PNG } from './helpers/media-samples.js';
import { freshBucket, testS3Settings, type TestBucket } from './helpers/s3-bucket.js';
import { demoServer, PUBLIC_URL, type TestServer } from './helpers/server.js';

// An S3 store Ghee cannot use (docs/deploy.md): the requests that need it get the 503 JSON with
// Retry-After, within the store's timeouts rather than hanging, and leave nothing behind; the
// app itself keeps answering (liveness), and the error names the store.

const UNAVAILABLE = 'The media storage is unavailable right now. Please try again in a few seconds.';
const NAME = `${'a'.repeat(64)}.png`;

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A server that accepts connections and never answers on them. */
async function silentServer(): Promise<{ endpoint: string; close(): Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => sockets.add(socket.on('error', () => {})));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

describe.each(DIALECTS)('an S3 store Ghee cannot use (%s)', (dialect) => {
  let silent: Awaited<ReturnType<typeof silentServer>>;
  let bucket: TestBucket;
  let refusedPort: number;

  beforeAll(async () => {
    silent = await silentServer();
    bucket = await freshBucket();
    refusedPort = await closedPort();
  });
  afterAll(async () => {
    await silent?.close();
    await bucket?.drop();
  });

  const cases: [string, 'unreachable' | 'refused', () => Partial<Config>][] = [
    [
      'nothing listens at its endpoint',
      'unreachable',
      () => ({ mediaS3: testS3Settings(`http://127.0.0.1:${refusedPort}`) }),
    ],
    [
      'its endpoint never answers',
      'unreachable',
      () => ({ mediaS3: { ...testS3Settings(silent.endpoint), timeoutMs: 200 } }),
    ],
    [
      "its keys are not the bucket's",
      'refused',
      () => ({ mediaS3: { ...bucket.settings, credentials: { accessKeyId: 'NOBODY', secretAccessKey: 'wrong' } } }),
    ],
    [
      'its bucket does not exist',
      'refused',
      () => ({ mediaStore: { kind: 's3', bucket: 'ghee-no-such-bucket', prefix: '' } }),
    ],
  ];

  describe.each(cases)('when %s', (_case, failure, config) => {
    let s: TestServer;

    beforeAll(async () => {
      s = await demoServer(dialect, { media: 's3', bucket, config: config() });
    });
    afterAll(async () => {
      await s?.close();
    });

    it('an upload is the 503 JSON with Retry-After, and leaves no spooled file', async () => {
      const editor = await member(s.app, s.store, s.demo.id, 'editor');
      const res = await s.app.inject({
        method: 'POST',
        url: `/admin/api/accounts/${s.demo.id}/media`,
        payload: PNG,
        headers: {
          cookie: [...editor.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
          'x-csrf-token': editor.csrf,
          'content-type': 'image/png',
        },
      });
      expect([res.statusCode, res.headers['retry-after'], JSON.parse(res.body)]).toEqual([
        503,
        '2',
        { detail: UNAVAILABLE, code: 'media_store_unavailable' },
      ]);
      expect(s.mediaFiles.temps()).toEqual([]);
      expect((await editor.get(`/admin/api/accounts/${s.demo.id}/media`)).body.meta.count).toBe(0);
    });

    it('serving a file is the 503 JSON, and the app still answers /healthz', async () => {
      const res = await s.app.inject({ method: 'GET', url: `/media/${NAME}` });
      expect([res.statusCode, JSON.parse(res.body)]).toEqual([503, { detail: UNAVAILABLE }]);
      const health = await s.app.inject({ method: 'GET', url: '/healthz' });
      expect(health.statusCode).toBe(200);
    });

    it('a write naming a library URL is the 503 JSON, and changes nothing', async () => {
      const brand = (await s.get('/v2/content/brands/')).body.data.brands[0];
      const logo = `${PUBLIC_URL}/media/${NAME}`;
      const res = await s.send('PATCH', `/v2/content/brands/${brand.meta.id}/`, { fields: { logo } });
      expect([res.status, res.body]).toEqual([503, { detail: UNAVAILABLE }]);
      expect((await s.get(`/v2/content/brands/${brand.meta.id}/`)).body.data).toEqual(brand);
    });

    it(`the store's error says it is ${failure}, and names the bucket`, async () => {
      const error = await s.ctx.media.has(NAME).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toMatchObject({ name: 'MediaStoreUnavailableError', failure });
      expect((error as Error).message).toMatch(
        new RegExp(`^media store s3://(${bucket.name}/media|ghee-no-such-bucket) ${failure}: .+`),
      );
    });
  });
});
