import type { FastifyInstance } from 'fastify';
import type { CreatedAccount } from '../../src/accounts/accounts.js';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, type Config } from '../../src/config.js';
import { seedDemo } from '../../src/seed/seed-demo.js';
import { createServer } from '../../src/server.js';
import type { StoreOptions } from '../../src/store/database.js';
import type { Clock } from '../../src/time.js';
import type { AppContext } from '../../src/http/context.js';
import { freshStore, type DialectUnderTest, type TestStore } from './databases.js';

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
  /** GET with the demo read token in the Authorization header; returns status, headers and parsed JSON. */
  get(url: string, token?: string | null): Promise<Reply>;
  /** A write with the demo write token (unless another is given); the body is sent as JSON. */
  send(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, body?: unknown, token?: string | null): Promise<Reply>;
  close(): Promise<void>;
}

/** The real app on a fresh database of the given dialect, with the demo account seeded. */
export async function demoServer(
  dialect: DialectUnderTest,
  options: StoreOptions & { config?: Partial<Config>; clock?: Clock } = {},
): Promise<TestServer> {
  const store = await freshStore(dialect, options);
  const demo = await seedDemo(store);
  const mediaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ghee-media-'));
  const config = loadConfig(
    {},
    {
      publicUrl: PUBLIC_URL,
      dataDir: '/nonexistent',
      databaseUrl: 'unused',
      logLevel: 'silent',
      mediaDir,
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
      fs.rmSync(mediaDir, { recursive: true, force: true });
    },
  };
}
