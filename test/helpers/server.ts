import type { FastifyInstance } from 'fastify';
import type { CreatedAccount } from '../../src/accounts/accounts.js';
import { loadConfig, type Config } from '../../src/config.js';
import { createServer } from '../../src/server.js';
import type { StoreOptions } from '../../src/store/database.js';
import type { Clock } from '../../src/time.js';
import type { AppContext } from '../../src/http/context.js';
import { demoStore, type DialectUnderTest, type TestStore } from './databases.js';
import { mediaSetup, type MediaFiles, type MediaStoreKind } from './media-stores.js';
import type { TestBucket } from './s3-bucket.js';

export const PUBLIC_URL = 'http://ghee.test';

export interface Reply {
  status: number;
  headers: Record<string, unknown>;
  body: any;
}

export interface TestServer {
  app: FastifyInstance;
  ctx: AppContext;
  store: TestStore;
  demo: CreatedAccount;
  /** The media store's files as they lie (the store itself is `ctx.media`). */
  mediaFiles: MediaFiles;
  /** GET with the demo read token in the Authorization header; returns status, headers and parsed JSON. */
  get(url: string, token?: string | null): Promise<Reply>;
  /** A write with the demo write token (unless another is given); the body is sent as JSON. */
  send(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, body?: unknown, token?: string | null): Promise<Reply>;
  close(): Promise<void>;
}

/** Which media store a test server keeps files in (test/helpers/media-stores.ts). */
export interface MediaOptions {
  /** The folder (default), or S3: a fresh bucket on the run's s3rver. */
  media?: MediaStoreKind;
  /** With `media: 's3'`, this bucket instead (shared by several servers; not dropped on close). */
  bucket?: TestBucket;
}

/**
 * The real app on a fresh database of the given dialect, with the demo account seeded, its media
 * in a new temp folder or (`media: 's3'`) a new bucket.
 */
export async function demoServer(
  dialect: DialectUnderTest,
  options: StoreOptions & MediaOptions & { config?: Partial<Config>; clock?: Clock } = {},
): Promise<TestServer> {
  const { store, demo } = await demoStore(dialect, options);
  const media = await mediaSetup(options.media ?? 'local', options.bucket);
  const config = loadConfig(
    {},
    {
      publicUrl: PUBLIC_URL,
      dataDir: '/nonexistent',
      databaseUrl: 'unused',
      logLevel: 'silent',
      ...media.config,
      mediaFetchAllowPrivate: true,
      ...options.config,
    },
  );
  const { app, ctx } = await createServer(config, {
    store,
    logger: false,
    ...(options.clock && { clock: options.clock }),
  });
  await app.ready();
  return {
    app,
    ctx,
    store,
    demo,
    mediaFiles: media.files,
    async get(url, token = demo.read_token) {
      const res = await app.inject({ method: 'GET', url, headers: token ? { authorization: `Token ${token}` } : {} });
      return { status: res.statusCode, headers: res.headers, body: res.body ? JSON.parse(res.body) : null };
    },
    async send(method, url, body, token = demo.write_token) {
      const headers: Record<string, string> = token ? { authorization: `Token ${token}` } : {};
      if (body !== undefined) headers['content-type'] = 'application/json';
      const res = await app.inject({
        method,
        url,
        headers,
        ...(body !== undefined && { payload: JSON.stringify(body) }),
      });
      return { status: res.statusCode, headers: res.headers, body: res.body ? JSON.parse(res.body) : null };
    },
    async close() {
      await app.close();
      await store.close();
      await media.close();
    },
  };
}
