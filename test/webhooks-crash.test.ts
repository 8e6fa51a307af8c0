// Webhooks across a crash (issue 10): a write committed by `ghee serve` whose delivery has not
// gone out yet survives a SIGKILL in the outbox, and the restarted server delivers it. Also the
// CLI: `ghee webhook add|list|test|remove`.
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../src/cli/io.js';
import { main } from '../src/cli/main.js';
import { loadConfig } from '../src/config.js';
import { openStore } from '../src/store/database.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from './helpers/databases.js';
import { freePort, kill, spawnServe } from './helpers/process.js';
import { startReceiver, verifySignature, type Receiver } from './helpers/webhook-receiver.js';

describe.each(DIALECTS)('webhooks across a crash (%s)', (dialect) => {
  const children: ChildProcess[] = [];
  let database: TestDatabase;
  let dataDir: string;
  let receiver: Receiver;
  afterAll(async () => {
    for (const child of children) await kill(child);
    await receiver?.close();
    await database?.drop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  /** Runs the CLI in process on the test database; returns the exit code and what it printed. */
  const cli = async (args: string[], allowPrivate = true) => {
    const out: string[] = [];
    const err: string[] = [];
    const io: CliIo = {
      out: (t) => out.push(t),
      err: (t) => err.push(t),
      env: {},
      config: loadConfig({}, { databaseUrl: database.url, dataDir, webhookAllowPrivate: allowPrivate }),
    };
    const code = await main(args, io);
    return { code, out: out.join('\n'), err: err.join('\n') };
  };

  it('delivers after a SIGKILL between commit and delivery, once restarted', async () => {
    database = await createTestDatabase(dialect);
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ghee-hooks-'));
    receiver = await startReceiver();
    const seeded = await cli(['seed', 'demo', '--json']);
    const { write_token: writeToken } = JSON.parse(seeded.out) as { write_token: string };
    const refused = await cli(['webhook', 'add', '--url', receiver.url], false);
    expect(refused).toMatchObject({
      code: 1,
      err: '--url: Webhooks to loopback, link-local or private addresses are not allowed.',
    });
    const added = await cli([
      'webhook',
      'add',
      '--url',
      receiver.url,
      '--events',
      'page.published',
      '--header',
      'X-Site: docs',
      '--json',
    ]);
    expect(added.code).toBe(0);
    const hook = JSON.parse(added.out) as {
      id: number;
      secret: string;
      events: string[];
      headers: Record<string, string>;
    };
    expect(hook).toMatchObject({ events: ['page.published'], headers: { 'X-Site': 'docs' } });

    // A dispatcher that, after its first pass at start-up, would not look again for an hour.
    const env = {
      ...process.env,
      DATABASE_URL: database.url,
      DATA_DIR: dataDir,
      WEBHOOK_ALLOW_PRIVATE: 'true',
      WEBHOOK_POLL_MS: '3600000',
    };
    const port = await freePort();
    const first = await spawnServe(env, port);
    children.push(first);
    await new Promise((r) => setTimeout(r, 300));
    const write = await fetch(`http://127.0.0.1:${port}/v2/pages/landing_page/launch/`, {
      method: 'PATCH',
      headers: { authorization: `Token ${writeToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'published', fields: { headline: 'Crash-proof' } }),
    });
    expect(write.status).toBe(202);
    await kill(first);
    expect(receiver.received).toEqual([]);
    const store = openStore(database.url);
    try {
      const rows = await store.db.selectFrom('webhook_deliveries').select(['status', 'event']).execute();
      expect(rows).toEqual([{ status: 'pending', event: 'page.published' }]);
    } finally {
      await store.close();
    }

    children.push(await spawnServe({ ...env, WEBHOOK_POLL_MS: '100' }, port));
    const deadline = Date.now() + 10_000;
    while (receiver.received.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(receiver.received).toHaveLength(1);
    const [got] = receiver.received;
    expect(got!.json).toMatchObject({
      data: { id: 'launch', status: 'published' },
      webhook: { event: 'page.published', target: receiver.url },
    });
    expect(got!.headers['x-site']).toBe('docs');
    expect(verifySignature(hook.secret, got!)).toBe(true);
  });

  it('lists, tests and removes webhooks from the CLI', async () => {
    const list = await cli(['webhook', 'list', '--json']);
    const [hook] = JSON.parse(list.out) as Array<{ id: number; secret?: string }>;
    expect(hook!.secret).toBeUndefined();
    const before = receiver.received.length;
    expect((await cli(['webhook', 'test', String(hook!.id)])).out).toBe('delivered (HTTP 200)');
    expect(receiver.received.length).toBe(before + 1);
    expect((await cli(['webhook', 'remove', String(hook!.id)])).code).toBe(0);
    expect((await cli(['webhook', 'list', '--json'])).out).toBe('[]');
    expect((await cli(['webhook', 'test', String(hook!.id)])).code).toBe(1);
  });
});
