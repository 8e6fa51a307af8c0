import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import type { CliIo } from '../src/cli/io.js';
import { loadConfig } from '../src/config.js';
import { openStore } from '../src/store/database.js';
import { addCalls } from '../src/quota/usage-store.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from './helpers/databases.js';

describe.each(DIALECTS)('ghee usage and account set-plan (%s)', (dialect) => {
  let database: TestDatabase;
  let dataDir: string;
  let out: string[];
  let err: string[];
  let io: CliIo;
  const run = (...argv: string[]) => {
    out = [];
    err = [];
    return main(argv, io);
  };
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ghee-usage-'));
    io = {
      out: (t) => out.push(t),
      err: (t) => err.push(t),
      env: {},
      config: loadConfig({}, { databaseUrl: database.url, dataDir }),
    };
  });
  afterAll(async () => {
    await database?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('reports a month of calls per day with the limit and what is left', async () => {
    expect(
      await run('account', 'create', '--name', 'Metered', '--plan', 'free', '--monthly-call-limit', '1000', '--json'),
    ).toBe(0);
    const { id } = JSON.parse(out[0]!) as { id: number };
    const store = openStore(database.url);
    try {
      await addCalls(store.db, id, '2026-03-02', 7);
      await addCalls(store.db, id, '2026-03-02', 3);
      await addCalls(store.db, id, '2026-03-31', 5);
      await addCalls(store.db, id, '2026-04-01', 1);
    } finally {
      await store.close();
    }
    expect(await run('usage', '--month', '2026-03', '--json')).toBe(0);
    expect(out).toHaveLength(1);
    expect(JSON.parse(out[0]!)).toEqual({
      account: id,
      plan: 'free',
      month: '2026-03',
      starts: '2026-03-01T00:00:00.000Z',
      resets: '2026-04-01T00:00:00.000Z',
      calls: 15,
      limit: 1000,
      remaining: 985,
      days: [
        { day: '2026-03-02', calls: 10 },
        { day: '2026-03-31', calls: 5 },
      ],
    });
    expect(await run('usage', '--month', '2026-03')).toBe(0);
    expect(out.join('\n')).toMatch(/total\s+15/);
    expect(await run('usage', '--month', '2026-13')).toBe(2);
    expect(err.join('\n')).toContain('--month takes YYYY-MM');
  });

  it('changes the plan and the limit, refusing unknown plans and accounts', async () => {
    expect(await run('account', 'set-plan', '1', 'professional', '--monthly-call-limit', 'none', '--json')).toBe(0);
    expect(JSON.parse(out[0]!)).toEqual({ id: 1, plan: 'professional', monthly_call_limit: null });
    expect(await run('usage', '--json')).toBe(0);
    expect(JSON.parse(out[0]!)).toMatchObject({ plan: 'professional', limit: 1000000 });
    expect(await run('account', 'set-plan', '1', 'gold')).toBe(1);
    expect(err.join('\n')).toContain('Unknown plan "gold"');
    expect(await run('account', 'set-plan', '99', 'free')).toBe(1);
    expect(err.join('\n')).toContain('No account with id 99');
    expect(await run('account', 'set-plan', '1')).toBe(2);
  });
});
