// The database going away under a running node (one process, a real socket). PostgreSQL: its
// backends are terminated (what a restart, a failover or an idle timeout does) and it refuses
// connections for a while; the node must keep running, answer a JSON 503 with Retry-After
// meanwhile (never a 500 or a reset connection), say so on /readyz, and serve again with no
// restart. SQLite: another process holding the write lock past busy_timeout is the same 503.
// Before the fix, a terminated idle connection was an uncaught 'error' event that ended the process.
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { createServer } from '../src/server.js';
import { openStore } from '../src/store/database.js';
import { DIALECTS } from './helpers/databases.js';
import { acceptable, brandNames, Load, postBrand, UNAVAILABLE } from './helpers/outage-load.js';
import { allowConnections, refuseConnections, terminateBackends } from './helpers/pg-outage.js';
import { demoSocketServer, type SocketServer } from './helpers/socket-server.js';
import { tcpProxy, type TcpProxy } from './helpers/tcp-proxy.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const JSON_TYPE = 'application/json; charset=utf-8';

/** GET with the read token; status, Retry-After and parsed body. */
async function read(s: SocketServer, path = '/v2/pages/landing_page/launch/') {
  const r = await fetch(`${s.url}${path}`, { headers: { authorization: `Token ${s.demo.read_token}` } });
  return {
    status: r.status,
    type: r.headers.get('content-type'),
    retryAfter: r.headers.get('retry-after'),
    body: await r.json(),
  };
}

async function readyz(s: SocketServer) {
  const started = performance.now();
  const r = await fetch(`${s.url}/readyz`);
  return { status: r.status, body: await r.json(), ms: performance.now() - started };
}

describe.each(DIALECTS.filter((d) => d === 'postgres'))('PostgreSQL going away under one node (%s)', () => {
  let s: SocketServer;
  beforeAll(async () => {
    s = await demoSocketServer('postgres');
  });
  afterAll(async () => {
    await allowConnections(s.store.url);
    await s.close();
  });

  it('answers a read at once after every pooled connection was terminated (retried on a fresh one)', async () => {
    await Promise.all(Array.from({ length: 8 }, () => read(s))); // several pooled connections
    expect(await terminateBackends(s.store.url)).toBeGreaterThan(0);
    const answers = await Promise.all(Array.from({ length: 8 }, () => read(s)));
    expect(answers.map((a) => a.status)).toEqual(Array(8).fill(200));
  });

  it('keeps serving through repeated terminations under load: only 200/202 or the JSON 503, no write lost', async () => {
    const load = new Load([s.url], { read: s.demo.read_token, write: s.demo.write_token });
    let after: number;
    try {
      for (let round = 0; round < 6; round++) {
        await sleep(250);
        await terminateBackends(s.store.url);
      }
      // Writes go on after the last termination, with no restart.
      after = load.acknowledged.length;
      for (const deadline = Date.now() + 15_000; load.acknowledged.length < after + 5 && Date.now() < deadline;)
        await sleep(20);
    } finally {
      await load.stop();
    }
    expect(load.answers.filter((a) => !acceptable(a))).toEqual([]);
    expect(load.acknowledged.length).toBeGreaterThanOrEqual(after + 5);
    const stored = await brandNames(s.url, s.demo.read_token);
    expect(load.acknowledged.filter((name) => !stored.has(name))).toEqual([]);
  });

  it('answers the JSON 503 with Retry-After while connections are refused, and serves again without a restart', async () => {
    await refuseConnections(s.store.url);
    try {
      expect(await read(s)).toEqual({ status: 503, type: JSON_TYPE, retryAfter: '2', body: { detail: UNAVAILABLE } });
      const write = await postBrand(s.url, s.demo.write_token, 'while-away');
      expect([write.status, write.headers.get('retry-after'), await write.json()]).toEqual([
        503,
        '2',
        { detail: UNAVAILABLE },
      ]);
      const health = await fetch(`${s.url}/healthz`);
      expect([health.status, await health.json()]).toEqual([200, { status: 'ok' }]);
    } finally {
      await allowConnections(s.store.url);
    }
    expect((await read(s)).status).toBe(200);
    expect((await postBrand(s.url, s.demo.write_token, 'after-away')).status).toBe(202);
    expect((await brandNames(s.url, s.demo.read_token)).has('while-away')).toBe(false);
  });

  it('says "database unreachable" on /readyz within 2 s while away, and "ready" once back', async () => {
    await refuseConnections(s.store.url);
    let away;
    try {
      away = await readyz(s);
    } finally {
      await allowConnections(s.store.url);
    }
    expect([away.status, away.body]).toEqual([503, { status: 'database unreachable' }]);
    expect(away.ms).toBeLessThan(2_500);
    const back = await readyz(s);
    expect([back.status, back.body]).toEqual([200, { status: 'ready' }]);
  });

  it('answers 503 to a write whose transaction is cut off, and keeps nothing of it', async () => {
    // Another session locks the account row, so the write waits inside its transaction (its
    // entry rows already inserted) at the content-version update; then its backend is terminated.
    const locker = new pg.Client({ connectionString: s.store.url });
    await locker.connect();
    try {
      await locker.query('begin');
      await locker.query('select id from accounts where id = $1 for update', [s.demo.id]);
      const {
        rows: [me],
      } = await locker.query<{ pid: number }>('select pg_backend_pid() as pid');
      const write = postBrand(s.url, s.demo.write_token, 'cut-off');
      for (let waited = 0; ; waited += 20) {
        const { rows } = await locker.query(
          "select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'",
        );
        if (rows[0].n > 0) break;
        if (waited > 5_000) throw new Error('the write never waited on the lock');
        await sleep(20);
      }
      await terminateBackends(s.store.url, [me!.pid]);
      const answer = await write;
      expect([answer.status, answer.headers.get('retry-after'), await answer.json()]).toEqual([
        503,
        '2',
        { detail: UNAVAILABLE },
      ]);
      await locker.query('rollback');
    } finally {
      await locker.end();
    }
    expect((await brandNames(s.url, s.demo.read_token)).has('cut-off')).toBe(false);
  });
});

describe.each(DIALECTS.filter((d) => d === 'postgres'))('PostgreSQL that stops answering (%s)', () => {
  // The node reaches the database through a proxy that can go silent (a partition, a frozen
  // host), and runs with a 1 s statement timeout, so that only timeouts can end a wait.
  let s: SocketServer;
  let proxy: TcpProxy;
  let node: Awaited<ReturnType<typeof createServer>>;
  const inject = async (method: 'GET' | 'POST', url: string, payload?: unknown) => {
    const started = performance.now();
    const res = await node.app.inject({
      method,
      url,
      headers: {
        authorization: `Token ${method === 'GET' ? s.demo.read_token : s.demo.write_token}`,
        'content-type': 'application/json',
      },
      ...(payload !== undefined && { payload: JSON.stringify(payload) }),
    });
    return {
      status: res.statusCode,
      retryAfter: res.headers['retry-after'],
      body: res.json() as unknown,
      ms: performance.now() - started,
    };
  };
  beforeAll(async () => {
    s = await demoSocketServer('postgres');
    const target = new URL(s.store.url);
    proxy = await tcpProxy(target.hostname, Number(target.port || 5432));
    target.host = `127.0.0.1:${proxy.port}`;
    const config = loadConfig({}, { dataDir: '/nonexistent', databaseUrl: 'unused', logLevel: 'silent' });
    node = await createServer(config, {
      store: openStore(target.toString(), { statementTimeoutMs: 1_000 }),
      logger: false,
    });
  });
  afterAll(async () => {
    await node?.app.close();
    await node?.store.close();
    await proxy?.close();
    await s?.close();
  });

  it('answers the JSON 503 within the statement timeout plus 5 s, and /readyz 503 within 2 s, then serves once it answers again', async () => {
    expect((await inject('GET', '/v2/pages/landing_page/launch/')).status).toBe(200);
    proxy.silence();
    const readyStarted = performance.now();
    const [read, ready, readyMs] = await Promise.all([
      inject('GET', '/v2/pages/landing_page/launch/'),
      node.app.inject({ method: 'GET', url: '/readyz' }),
      node.app.inject({ method: 'GET', url: '/readyz' }).then(() => performance.now() - readyStarted),
    ]);
    proxy.resume();
    expect([read.status, read.retryAfter, read.body]).toEqual([503, '2', { detail: UNAVAILABLE }]);
    expect(read.ms).toBeLessThan(7_500);
    expect([ready.statusCode, ready.json(), readyMs < 2_500]).toEqual([503, { status: 'database unreachable' }, true]);
    expect((await inject('GET', '/v2/pages/landing_page/launch/')).status).toBe(200);
  });

  it('answers the JSON 503 to a write stuck behind a lock once the statement timeout passes', async () => {
    const locker = new pg.Client({ connectionString: s.store.url });
    await locker.connect();
    try {
      await locker.query('begin');
      await locker.query('select id from accounts where id = $1 for update', [s.demo.id]);
      const write = await inject('POST', '/v2/content/brands/', { status: 'published', fields: [{ name: 'stuck' }] });
      expect([write.status, write.retryAfter, write.body]).toEqual([503, '2', { detail: UNAVAILABLE }]);
      expect(write.ms).toBeLessThan(3_000);
    } finally {
      await locker.end();
    }
    expect((await brandNames(s.url, s.demo.read_token)).has('stuck')).toBe(false);
  });
});

describe.each(DIALECTS.filter((d) => d === 'sqlite'))('SQLite write lock held by another process (%s)', () => {
  let s: SocketServer;
  beforeAll(async () => {
    s = await demoSocketServer('sqlite');
  });
  afterAll(async () => {
    await s.close();
  });

  it('answers a write the JSON 503 with Retry-After after 5 s of waiting, serving reads meanwhile, and writes again after', async () => {
    const other = new SqliteDatabase(s.store.url.slice('sqlite:'.length));
    try {
      other.exec('begin immediate');
      const started = performance.now();
      const pending = postBrand(s.url, s.demo.write_token, 'locked-out');
      await sleep(300);
      // The wait for the lock does not stop the process: reads and readiness answer at once.
      const during = performance.now();
      expect((await read(s)).status).toBe(200);
      expect([(await readyz(s)).status, performance.now() - during < 1_000]).toEqual([200, true]);
      const write = await pending;
      expect([write.status, write.headers.get('retry-after'), await write.json()]).toEqual([
        503,
        '2',
        { detail: UNAVAILABLE },
      ]);
      expect(performance.now() - started).toBeGreaterThan(4_900);
      other.exec('rollback');
    } finally {
      other.close();
    }
    expect((await postBrand(s.url, s.demo.write_token, 'unlocked')).status).toBe(202);
    const stored = await brandNames(s.url, s.demo.read_token);
    expect([stored.has('locked-out'), stored.has('unlocked')]).toEqual([false, true]);
  });
});
