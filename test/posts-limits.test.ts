import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postBody } from './helpers/blog.js';
import { DIALECTS } from './helpers/databases.js';
import { demoServer, type TestServer } from './helpers/server.js';

// Sizes that would otherwise reach a database limit (a btree entry, a tsvector) are answered
// with a field error, or handled, never with a 500.

describe.each(DIALECTS)('post write limits (%s)', (dialect) => {
  let s: TestServer;
  // The operator may raise HTML_MAX_BYTES (1 MiB by default): a body far past it must still be
  // stored and indexed, never hit a database limit.
  beforeAll(async () => {
    s = await demoServer(dialect, { config: { htmlMaxBytes: 16 * 1024 * 1024 } });
  });
  afterAll(async () => s?.close());

  it('takes slugs of up to 200 characters', async () => {
    const random = (n: number) =>
      Array.from({ length: n }, (_, i) => 'abcdefghijklmnopqrstuvwxyz0123456789'[(i * 7 + n) % 36]).join('');
    expect((await s.send('POST', '/v2/posts/', postBody(random(200)))).status).toBe(202);
    const long = await s.send('POST', '/v2/posts/', postBody(random(3000)));
    expect(long.body).toEqual({ detail: { fields: { slug: ['Ensure this field has no more than 200 characters.'] } } });
  });

  it('stores a body of millions of distinct words, searchable by its beginning', async () => {
    const words = Array.from({ length: 500_000 }, (_, i) => `w${i.toString(36)}q${(i * 7919).toString(36)}`).join(' ');
    expect((await s.send('POST', '/v2/posts/', postBody('huge', { body: `<p>zebracorn ${words}</p>` }))).status).toBe(
      202,
    );
    expect((await s.get('/v2/posts/search/?query=zebracorn')).body.data.map((p: { slug: string }) => p.slug)).toEqual([
      'huge',
    ]);
    expect((await s.get('/v2/posts/huge/')).body.data.body.length).toBeGreaterThan(words.length);
  });

  it('takes at most 100 categories and 100 tags', async () => {
    const names = (n: number) => Array.from({ length: n }, (_, i) => `name ${i}`);
    const r = await s.send('POST', '/v2/posts/', postBody('many', { categories: names(101), tags: names(101) }));
    expect(r.body).toEqual({
      detail: {
        fields: {
          categories: ['Ensure this list has no more than 100 items.'],
          tags: ['Ensure this list has no more than 100 items.'],
        },
      },
    });
    expect((await s.send('POST', '/v2/posts/', postBody('many', { categories: names(100) }))).status).toBe(202);
    expect((await s.get('/v2/posts/many/')).body.data.categories).toHaveLength(100);
  });
});
