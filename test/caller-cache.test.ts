import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../src/store/database.js';
import { DIALECTS } from './helpers/databases.js';
import { write } from './helpers/content.js';
import { demoServer, type TestServer } from './helpers/server.js';

// Callers are remembered while the database is unchanged (src/accounts/caller-cache.ts). A second
// store on the same database stands for another process (the CLI, another node): whatever it
// commits must count from the very next request, exactly as with a lookup per request.
describe.each(DIALECTS)('what another process changes counts from the next request (%s)', (dialect) => {
  let s: TestServer;
  let other: Store;
  beforeAll(async () => {
    s = await demoServer(dialect);
    other = openStore(s.store.url);
  });
  afterAll(async () => {
    await other?.close();
    await s?.close();
  });

  it('a token revoked elsewhere is refused at once, though it was just used', async () => {
    for (let i = 0; i < 3; i++) expect((await s.get('/v2/pages/*/')).status).toBe(200);
    await other.db
      .updateTable('tokens')
      .set({ revoked_at: '2026-01-01T00:00:00.000000Z' })
      .where('kind', '=', 'read')
      .execute();
    expect((await s.get('/v2/pages/*/')).status).toBe(401);
    await other.db.updateTable('tokens').set({ revoked_at: null }).where('kind', '=', 'read').execute();
    expect((await s.get('/v2/pages/*/')).status).toBe(200);
  });

  it('a plan change made elsewhere applies at once', async () => {
    // The demo account is on `enterprise`, without a limit: no RateLimit headers.
    expect((await s.get('/v2/pages/*/')).headers['ratelimit-policy']).toBeUndefined();
    await other.db
      .updateTable('accounts')
      .set({ plan: 'free', monthly_call_limit: 0 })
      .where('id', '=', s.demo.id)
      .execute();
    const blocked = await s.get('/v2/pages/*/');
    expect(blocked.status).toBe(429);
    expect(blocked.body).toEqual({ detail: 'API Calls limit reached.' });
    await other.db
      .updateTable('accounts')
      .set({ plan: 'basic', monthly_call_limit: 1000 })
      .where('id', '=', s.demo.id)
      .execute();
    const paid = await s.get('/v2/pages/*/');
    expect(paid.status).toBe(200);
    expect(paid.headers['ratelimit-policy']).toMatch(/^"monthly";q=1000;w=\d+$/);
    await other.db
      .updateTable('accounts')
      .set({ plan: 'enterprise', monthly_call_limit: null })
      .where('id', '=', s.demo.id)
      .execute();
    expect((await s.get('/v2/pages/*/')).headers['ratelimit-policy']).toBeUndefined();
  });

  it('content written elsewhere is read at once, not the cached answer', async () => {
    const before = await s.get('/v2/content/brands/');
    expect((await s.get('/v2/content/brands/')).headers['x-ghee-cache']).toBe('hit');
    await write(other, s.demo.id, 'collection:brands', {
      locale: 'en',
      status: 'published',
      fields: { name: 'Elsewhere Ltd' },
    });
    const after = await s.get('/v2/content/brands/');
    expect(after.body.meta.count).toBe(before.body.meta.count + 1);
    expect(after.body.data.brands.map((b: { name: string }) => b.name)).toContain('Elsewhere Ltd');
  });

  it('an unknown token is refused every time and never remembered', async () => {
    for (let i = 0; i < 3; i++)
      expect((await s.get('/v2/pages/*/', 'ghee_r_0000000000000000000000000000000000000000')).status).toBe(401);
  });
});
