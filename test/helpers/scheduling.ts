import { createServer } from '../../src/server.js';
import { openStore } from '../../src/store/database.js';
import { isoMicro } from '../../src/time.js';
import type { Clock } from '../../src/time.js';
import { afterAll, beforeAll } from 'vitest';
import type { DialectUnderTest } from './databases.js';
import { demoServer, type Reply, type TestServer } from './server.js';

// What the scheduling suites share: times relative to the test's clock, a second node on the same
// database, and the webhook outbox counted by event.

export const HOUR_MS = 60 * 60 * 1000;

/** A clock that stands still until the test sets it: reads 1 ms either side of a time stay there. */
export type StillClock = Clock & { set(date: Date | string): void; advance(ms: number): void };

export function stillClock(start = new Date()): StillClock {
  let now = start.getTime();
  const clock = (() => new Date(now)) as StillClock;
  clock.set = (date) => void (now = typeof date === 'string' ? Date.parse(date) : date.getTime());
  clock.advance = (ms) => void (now += ms);
  return clock;
}

/** `time` (store form) moved by `ms`. */
export const shifted = (time: string, ms: number) => new Date(Date.parse(time) + ms);

/** The clock's time plus `ms`, in the store's form (what reads show). */
export const at = (clock: () => Date, ms: number) => isoMicro(new Date(clock().getTime() + ms));

/** A second Ghee node: its own app and connections on the first one's database and clock. */
export async function secondNode(s: TestServer, clock: Clock) {
  const store = openStore(s.store.url);
  const { app } = await createServer(s.ctx.config, { store, logger: false, clock });
  await app.ready();
  return {
    async get(url: string, token = s.demo.read_token): Promise<Reply> {
      const res = await app.inject({ method: 'GET', url, headers: { authorization: `Token ${token}` } });
      return { status: res.statusCode, headers: res.headers, body: res.body ? JSON.parse(res.body) : null };
    },
    async close() {
      await app.close();
      await store.close();
    },
  };
}

/** Subscribes a webhook of the demo account to every event (the outbox then records each one). */
export async function listenToAll(s: TestServer): Promise<void> {
  await s.store.db
    .insertInto('webhooks')
    .values({
      account_id: s.demo.id,
      url: 'http://127.0.0.1:9/hook',
      events: 'page.all,collectionitem.all,post.all',
      headers: '{}',
      secret: 'whsec_dGVzdA==',
      enabled: 1,
      created: isoMicro(new Date()),
    })
    .execute();
}

/** How many deliveries of each event the outbox holds whose payload names `editor`. */
export async function eventCounts(s: TestServer, editor: string): Promise<Record<string, number>> {
  const rows = await s.store.db.selectFrom('webhook_deliveries').select(['event', 'payload']).execute();
  const out: Record<string, number> = {};
  for (const r of rows) {
    const payload = JSON.parse(r.payload) as { data: { editor?: string; id?: string } };
    // Post payloads carry no editor (ButterCMS's shape): they count under any editor.
    if (payload.data.editor !== undefined && payload.data.editor !== editor) continue;
    out[r.event] = (out[r.event] ?? 0) + 1;
  }
  return out;
}

/** What a scheduling suite runs against; set before its tests (useTwoNodes). */
export interface TwoNodes {
  clock: StillClock;
  /** The demo server (node 1), with a webhook for every event. */
  s: TestServer;
  node2: Awaited<ReturnType<typeof secondNode>>;
}

/** Registers the hooks that start and close a suite's two nodes on a still clock. */
export function useTwoNodes(dialect: DialectUnderTest): TwoNodes {
  const nodes = { clock: stillClock() } as TwoNodes;
  beforeAll(async () => {
    nodes.s = await demoServer(dialect, { clock: nodes.clock });
    nodes.node2 = await secondNode(nodes.s, nodes.clock);
    await listenToAll(nodes.s);
  });
  afterAll(async () => {
    await nodes.node2?.close();
    await nodes.s?.close();
  });
  return nodes;
}
