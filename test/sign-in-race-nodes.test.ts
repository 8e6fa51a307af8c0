// The sign-in limiter across nodes: two real `ghee serve` processes on one database take a burst
// of sign-ins split between them, and together still check no more passwords than the limit.
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { seedDemo } from '../src/seed/seed-demo.js';
import { openStore, type Store } from '../src/store/database.js';
import { migrateToLatest } from '../src/store/migrate.js';
import { addTestMember, PASSWORD } from './helpers/admin.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from './helpers/databases.js';
import { freePort, kill, spawnServe } from './helpers/process.js';

const LIMITED = { detail: 'Too many failed sign-in attempts. Try again later.', code: 'too_many_sign_in_attempts' };

describe.each(DIALECTS)('sign-in limiter across two nodes (%s)', (dialect) => {
  const children: ChildProcess[] = [];
  let database: TestDatabase;
  let store: Store;
  let dataDir: string;
  let ports: number[];
  let csrf: { cookie: string; token: string };

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ghee-sign-in-nodes-'));
    store = openStore(database.url);
    await migrateToLatest(store);
    const demo = await seedDemo(store);
    await addTestMember(store, demo.id, { email: 'target@example.test', role: 'viewer' });
    ports = [await freePort(), await freePort()];
    const env = { ...process.env, DATABASE_URL: database.url, DATA_DIR: dataDir };
    children.push(...(await Promise.all(ports.map((port) => spawnServe(env, port)))));
    const session = await fetch(`http://127.0.0.1:${ports[0]}/admin/api/session`);
    const cookie = session.headers
      .getSetCookie()
      .find((c) => c.startsWith('ghee_csrf='))!
      .split(';')[0]!;
    csrf = { cookie, token: ((await session.json()) as { data: { csrf_token: string } }).data.csrf_token };
  });
  afterAll(async () => {
    for (const child of children) await kill(child);
    await store?.close();
    await database?.drop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });
  // Every attempt here comes from 127.0.0.1: each case starts with no failures counted.
  beforeEach(async () => {
    await store.db.deleteFrom('sign_in_failures').execute();
  });

  const signIn = async (port: number, email: string, password: string) => {
    const res = await fetch(`http://127.0.0.1:${port}/admin/api/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: csrf.cookie, 'x-csrf-token': csrf.token },
      body: JSON.stringify({ email, password }),
    });
    return { status: res.status, retryAfter: res.headers.get('retry-after'), body: await res.json() };
  };
  const statuses = (replies: { status: number }[]) => {
    const out: Record<number, number> = {};
    for (const r of replies) out[r.status] = (out[r.status] ?? 0) + 1;
    return out;
  };

  it('checks 5 passwords of 60 sent at once to one email through both nodes, and then refuses the right one', async () => {
    const replies = await Promise.all(
      Array.from({ length: 60 }, (_, i) => signIn(ports[i % 2]!, 'target@example.test', `guess ${i}`)),
    );
    expect(statuses(replies)).toEqual({ 401: 5, 429: 55 });
    for (const port of ports) {
      const right = await signIn(port, 'target@example.test', PASSWORD);
      expect(right.status).toBe(429);
      expect(right.body).toEqual(LIMITED);
      expect(Number(right.retryAfter)).toBeGreaterThan(890);
    }
  });

  it('checks 20 passwords of 60 sent at once from one address to 60 emails through both nodes', async () => {
    const replies = await Promise.all(
      Array.from({ length: 60 }, (_, i) => signIn(ports[i % 2]!, `spray${i}@example.test`, 'password1')),
    );
    expect(statuses(replies)).toEqual({ 401: 20, 429: 40 });
  });

  it('lets the right password in when it arrives while the email is under its limit', async () => {
    const right = await signIn(ports[1]!, 'target@example.test', PASSWORD);
    expect(right.status).toBe(200);
  });
});
