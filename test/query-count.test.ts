import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from './helpers/databases.js';
import { write } from './helpers/content.js';
import { demoServer, type TestServer } from './helpers/server.js';

/**
 * Reference expansion is batched: one query per level for every reference of that level,
 * whatever their number or kind. A single page read at levels=N costs
 * 1 (token + account) + 1 (the page) + N (one per level of references).
 */
describe.each(DIALECTS)('queries per read (%s)', (dialect) => {
  let s: TestServer;
  const queries: string[] = [];
  beforeAll(async () => {
    s = await demoServer(dialect, { onQuery: (q) => queries.push(q) });
    // A fan-out page: ten references at the first hop, each with its own references.
    const related = ['launch', 'pricing', 'about-us'];
    for (let i = 0; i < 7; i++) {
      const slug = `fan-${i}`;
      await write(s.store, s.demo.id, 'page_type:landing_page', { slug, name: slug, locale: 'en', status: 'published', fields: { headline: slug, related } });
      related.push(slug);
    }
    await write(s.store, s.demo.id, 'page_type:landing_page', { slug: 'hub', name: 'Hub', locale: 'en', status: 'published', fields: { headline: 'Hub', related } });
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

  it.each([1, 2, 3, 4, 5])('levels=%i costs 2 + levels queries for a single page', async (levels) => {
    const { status, n } = await count(`/v2/pages/landing_page/hub/?levels=${levels}`);
    expect(status).toBe(200);
    expect(n).toBe(2 + levels);
  });

  it('a cached read costs one query: the token and its account', async () => {
    await s.get('/v2/pages/landing_page/hub/?levels=5');
    queries.length = 0;
    const r = await s.get('/v2/pages/landing_page/hub/?levels=5');
    expect(r.status).toBe(200);
    expect(r.headers['x-ghee-cache']).toBe('hit');
    expect(queries).toHaveLength(1);
  });

  it('a list of pages costs the same per level, plus its count', async () => {
    const { n } = await count('/v2/pages/landing_page/?levels=5&page_size=100');
    expect(n).toBe(3 + 5);
  });
});
