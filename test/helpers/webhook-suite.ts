import { afterAll, beforeAll } from 'vitest';
import { WebhookDispatcher } from '../../src/webhooks/webhook-dispatcher.js';
import { member, type AdminClient } from './admin.js';
import { movableClock } from './blog.js';
import type { DialectUnderTest } from './databases.js';
import { demoServer, type TestServer } from './server.js';
import { startReceiver, type Receiver } from './webhook-receiver.js';

// What the webhook suites share (issue 10): the demo server on a clock the test moves, an admin,
// a local receiver, and a dispatcher driven by hand (tick) instead of by its timer.

/** How long a delivery is retried before it is dead-lettered. */
export const MAX_AGE = 60_000;

/** The message id's number: attempts run in parallel, so it (the outbox order) gives the order of the writes. */
export const seq = (r: { headers: Record<string, unknown> }) => Number(String(r.headers['webhook-id']).slice(4));

/** The enclosing suite's server, clients and webhook, set up before its tests and closed after them. */
export interface WebhookSuite {
  s: TestServer;
  admin: AdminClient;
  receiver: Receiver;
  dispatcher: WebhookDispatcher;
  clock: ReturnType<typeof movableClock>;
  /** The admin API's webhooks of the demo account. */
  base: string;
  /** The webhook under test, pointing at the receiver (made before the tests with `withHook`). */
  hook: { id: number; secret: string };
  /** Attempts everything due, as often as needed. */
  drain(): Promise<void>;
  /** The hook's delivery log, newest first. */
  deliveries(): Promise<any>;
}

/**
 * Registers the hooks that start and close the suite of `dialect`. With `withHook`, a webhook for
 * every event with the header `X-Build-Token: abc` is added before the tests.
 */
export function useWebhooks(dialect: DialectUnderTest, { withHook = false } = {}): WebhookSuite {
  const suite = { clock: movableClock() } as WebhookSuite;
  suite.drain = async () => {
    while ((await suite.dispatcher.tick()).length);
  };
  suite.deliveries = async () =>
    (await suite.admin.get(`${suite.base}/${suite.hook.id}/deliveries?page_size=100`)).body;
  beforeAll(async () => {
    const config = { webhookAllowPrivate: true, webhookBackoffMs: 1000, webhookMaxAgeMs: MAX_AGE };
    const s = (suite.s = await demoServer(dialect, { clock: suite.clock, config }));
    suite.admin = await member(s.app, s.store, s.demo.id, 'admin');
    suite.receiver = await startReceiver();
    suite.dispatcher = new WebhookDispatcher(s.store, suite.clock, {
      allowPrivate: true,
      maxAgeMs: MAX_AGE,
      backoffMs: 1000,
      pollMs: 1000,
    });
    suite.base = `/admin/api/accounts/${s.demo.id}/webhooks`;
    if (withHook) {
      const made = await suite.admin.request('POST', suite.base, {
        url: suite.receiver.url,
        headers: { 'X-Build-Token': 'abc' },
      });
      if (made.status !== 201) throw new Error(`adding the webhook answered ${made.status}`);
      suite.hook = made.body.data;
    }
  });
  afterAll(async () => {
    await suite.s?.close();
    await suite.receiver?.close();
  });
  return suite;
}
