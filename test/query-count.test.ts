import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from './helpers/databases.js';
import { write } from './helpers/content.js';
import { demoServer, type TestServer } from './helpers/server.js';

/**
 * Reference expansion is batched: one query per level for every reference of that level,
 * whatever their number or kind. A single page read at levels=N costs
 * T (token + account) + 1 (the page) + N (one per level of references), where T is 1 on
 * PostgreSQL and, on SQLite, 0 while nothing has been committed since the caller was last looked
 * up (src/accounts/caller-cache.ts) and 1 after any commit.
 */
describe.each(DIALECTS)('queries per read (%s)', (dialect) => {
  let s: TestServer;
  const queries: string[] = [];
  const token = dialect === 'sqlite' ? 0 : 1;
  beforeAll(async () => {
    // No timed usage flush may land inside a counted window.
    s = await demoServer(dialect, { onQuery: (q) => queries.push(q), config: { usageFlushMs: 3_600_000 } });
    // A fan-out page: ten references at the first hop, each with its own references.
    const related = ['launch', 'pricing', 'about-us'];
    for (let i = 0; i < 7; i++) {
      const slug = `fan-${i}`;
      await write(s.store, s.demo.id, 'page_type:landing_page', {
        slug,
        name: slug,
        locale: 'en',
        status: 'published',
        fields: { headline: slug, related },
      });
      related.push(slug);
    }
    await write(s.store, s.demo.id, 'page_type:landing_page', {
      slug: 'hub',
      name: 'Hub',
      locale: 'en',
      status: 'published',
      fields: { headline: 'Hub', related },
    });
  });
  afterAll(async () => s?.close());

  let buster = 0;
  /** Queries of an uncached read: a fresh unknown parameter makes a new cache key. */
  async function count(url: string): Promise<{ status: number; n: number }> {
    await s.get(`${url}&_=${buster++}`); // warm the schema snapshot
    queries.length = 0;
    const r = await s.get(`${url}&_=${buster++}`);
    return { status: r.status, n: queries.length };
  }

  it.each([1, 2, 3, 4, 5])('levels=%i costs the token, the page and one query per level', async (levels) => {
    const { status, n } = await count(`/v2/pages/landing_page/hub/?levels=${levels}`);
    expect(status).toBe(200);
    expect(n).toBe(token + 1 + levels);
  });

  it('a cached read costs the token lookup at most', async () => {
    await s.get('/v2/pages/landing_page/hub/?levels=5');
    queries.length = 0;
    const r = await s.get('/v2/pages/landing_page/hub/?levels=5');
    expect(r.status).toBe(200);
    expect(r.headers['x-ghee-cache']).toBe('hit');
    expect(queries).toHaveLength(token);
  });

  it('looks the token up again after any commit, then no more while nothing changes', async () => {
    await s.get('/v2/pages/landing_page/hub/?levels=5');
    await s.ctx.meter.flush(); // a commit, as any write would be
    queries.length = 0;
    await s.get('/v2/pages/landing_page/hub/?levels=5');
    expect(queries.filter((q) => q.includes('"tokens"'))).toHaveLength(1);
    queries.length = 0;
    await s.get('/v2/pages/landing_page/hub/?levels=5');
    expect(queries.filter((q) => q.includes('"tokens"'))).toHaveLength(token);
  });

  it('a list of pages costs the same per level, plus its count', async () => {
    const { n } = await count('/v2/pages/landing_page/?levels=5&page_size=100');
    expect(n).toBe(token + 2 + 5);
  });
});
