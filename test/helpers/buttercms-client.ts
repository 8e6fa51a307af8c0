import Butter from 'buttercms';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { demoPages } from '../../src/seed/demo-content.js';
import type { DialectUnderTest } from './databases.js';
import { demoSocketServer, type SocketServer } from './socket-server.js';

// The official ButterCMS JS client (buttercms@3), unchanged, pointed at a real Ghee server:
// wire compatibility as a user of the client sees it. The client always calls
// https://api.buttercms.com/v2/...; a fetch wrapper sends those requests to the test server.

const BUTTER_BASE = 'https://api.buttercms.com/v2';

/** The client's page.list params; its types know no `fields.*` keys without a page model. */
export type ListParams = Parameters<ReturnType<typeof Butter>['page']['list']>[1];

/** The demo's collections as the client's generics want them (fields as the API returns them). */
export interface DemoCollections {
  brands: { name: string; logo: string; website: string; founded: number; category: unknown };
  categories: { name: string; slug: string };
}

/** What the client rejects with on a non-200 answer (its `cause`). */
export interface ClientFailure {
  status: number;
  data: unknown;
  url: URL;
}

/** The demo page with that slug, as seeded. */
export function demoPage(slug: string) {
  const page = demoPages.find((p) => p.slug === slug);
  if (!page) throw new Error(`no demo page ${slug}`);
  return page;
}

/** The client's rejection for a call expected to fail. */
export async function failureOf(call: Promise<unknown>): Promise<{ message: string; cause: ClientFailure }> {
  try {
    await call;
  } catch (error) {
    return { message: (error as Error).message, cause: (error as Error).cause as ClientFailure };
  }
  throw new Error('the call succeeded; a failure was expected');
}

export interface ButterAgainstGhee {
  /** The demo server the client's requests reach. */
  server: SocketServer;
  /** Every URL the client asked for during the current test, as rewritten to the test server. */
  requested: URL[];
  /** A client with the demo read token. */
  butter(): ReturnType<typeof Butter>;
  /** URI of a reference at the last level, as the API prints it. */
  uri(path: string): string;
  /** Collection item ids by English name (brands and categories), read through the client. */
  idsByName(): Promise<Map<string, number>>;
}

/**
 * Registers the hooks that start the demo server of `dialect` for the enclosing suite and route
 * the client's requests to it (globalThis.fetch is this file's own: each test file runs apart).
 */
export function useButterAgainstGhee(dialect: DialectUnderTest): ButterAgainstGhee {
  let realFetch: typeof globalThis.fetch | undefined;
  const ctx: ButterAgainstGhee = {
    server: undefined as unknown as SocketServer,
    requested: [],
    butter: () => Butter(ctx.server.demo.read_token, { timeout: 10_000 }),
    uri: (path) => `${ctx.server.url}/v2/${path}`,
    async idsByName() {
      const res = await ctx.butter().content.retrieve<DemoCollections>(['brands', 'categories'], { levels: 1 });
      const { brands, categories } = res.data!.data;
      return new Map([...brands, ...categories].map((item) => [item.name, item.meta.id]));
    },
  };

  beforeAll(async () => {
    ctx.server = await demoSocketServer(dialect);
    const original = globalThis.fetch;
    realFetch = original;
    globalThis.fetch = (input: string | URL | Request, init?: RequestInit) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      if (!url.startsWith(`${BUTTER_BASE}/`)) {
        return Promise.reject(new Error(`test fetch: unexpected request to ${url}`));
      }
      const target = new URL(`${ctx.server.url}/v2${url.slice(BUTTER_BASE.length)}`);
      ctx.requested.push(target);
      return original(target, init);
    };
  });

  afterAll(async () => {
    if (realFetch) globalThis.fetch = realFetch;
    await ctx.server?.close();
  });

  afterEach(() => {
    ctx.requested.length = 0;
  });

  return ctx;
}
