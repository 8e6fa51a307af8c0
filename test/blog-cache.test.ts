import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishDuePosts } from '../src/blog/scheduler/publish-due.js';
import { isoMicro } from '../src/time.js';
import { DAY_MS, movableClock, postBody } from './helpers/blog.js';
import { DIALECTS } from './helpers/databases.js';
import { demoServer, type TestServer } from './helpers/server.js';

// The blog and the response cache: blog writes record a precise change (tag `blog`), so page
// answers stay cached; blog answers are kept until a blog write or the account's next scheduled
// publication, so a scheduled post shows when its time comes.

describe.each(DIALECTS)('blog and the response cache (%s)', (dialect) => {
  let s: TestServer;
  const clock = movableClock();
  beforeAll(async () => {
    s = await demoServer(dialect, { clock });
  });
  afterAll(async () => s?.close());

  const cacheState = async (url: string) => (await s.get(url)).headers['x-ghee-cache'];
  const changes = () =>
    s.store.db
      .selectFrom('content_changes')
      .select(['version', 'tags'])
      .where('account_id', '=', s.demo.id)
      .orderBy('version')
      .execute();

  it('keeps page answers cached across post writes and deletes', async () => {
    const page = '/v2/pages/landing_page/launch/';
    await s.get(page);
    expect(await cacheState(page)).toBe('hit');
    expect((await s.send('POST', '/v2/posts/', postBody('cache-1'))).status).toBe(202);
    expect((await s.send('PATCH', '/v2/posts/cache-1/', { title: 'New' })).status).toBe(202);
    expect((await s.send('DELETE', '/v2/posts/cache-1/')).status).toBe(204);
    expect(await cacheState(page)).toBe('hit');
    expect((await changes()).slice(-3).map((c) => c.tags)).toEqual(['blog', 'blog', 'blog']);
  });

  it('caches blog answers until a blog write or the next scheduled publication', async () => {
    await s.get('/v2/posts/');
    expect(await cacheState('/v2/posts/')).toBe('hit');
    expect(await cacheState('/v2/authors/')).toBe('miss');
    expect(await cacheState('/v2/authors/')).toBe('hit');
    expect((await s.send('POST', '/v2/posts/', { ...postBody('cache-2'), status: 'published' })).status).toBe(202);
    const after = await s.get('/v2/posts/');
    expect(after.headers['x-ghee-cache']).toBe('miss');
    expect(after.body.data[0].slug).toBe('cache-2');
    expect(await cacheState('/v2/posts/')).toBe('hit');
    expect((await s.get('/v2/posts/')).body.data.map((p: { slug: string }) => p.slug)).not.toContain('winter-menu');
    clock.advance(31 * DAY_MS);
    const due = await s.get('/v2/posts/');
    expect(due.headers['x-ghee-cache']).toBe('miss');
    expect(due.body.data[0].slug).toBe('winter-menu');
  });

  it('records a publication applied by the read that found it due as one blog change, which the scheduler leaves', async () => {
    const before = await changes();
    expect(before.at(-1)!.tags).toBe('blog');
    expect(await publishDuePosts(s.store.db, isoMicro(clock()))).toEqual([]);
    expect(await changes()).toEqual(before);
  });
});
