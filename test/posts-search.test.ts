import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY_MS, POST_KEYS, postBody } from './helpers/blog.js';
import { DIALECTS } from './helpers/databases.js';
import { demoServer, type TestServer } from './helpers/server.js';

// GET /v2/posts/search/ and /v2/search/: full text over title, summary and body (FTS5 on SQLite,
// tsvector on PostgreSQL), a title match first, then summary, then body; the query rules of
// docs/api.md §1.

const slugs = (body: { data: { slug: string }[] }) => body.data.map((p) => p.slug);
const future = () => new Date(Date.now() + 10 * DAY_MS).toISOString();

describe.each(DIALECTS)('post search (%s)', (dialect) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await demoServer(dialect);
    const corpus = [
      postBody('in-body', {
        title: 'Marsupials',
        summary: 'Small animals',
        body: '<p>The quokka smiles at <strong>everyone</strong>.</p>',
      }),
      postBody('in-title', { title: 'Quokka facts', summary: 'Small animals', body: '<p>Animals of Rottnest.</p>' }),
      postBody('in-summary', {
        title: 'Island life',
        summary: 'All about the quokka',
        body: '<p>Animals of Rottnest.</p>',
      }),
      postBody('quokka-draft', { title: 'Quokka draft', status: 'draft' }),
      postBody('quokka-later', { title: 'Quokka later', status: 'scheduled', scheduled: future() }),
    ];
    for (const body of corpus) expect((await s.send('POST', '/v2/posts/', body)).status).toBe(202);
  });
  afterAll(async () => s?.close());

  it('ranks a title match above a summary match above a body match, with a numeric rank', async () => {
    const r = await s.get('/v2/posts/search/?query=quokka');
    expect(r.status).toBe(200);
    expect(r.body.meta).toEqual({ count: 3, next_page: null, previous_page: null });
    expect(slugs(r.body)).toEqual(['in-title', 'in-summary', 'in-body']);
    const ranks = r.body.data.map((p: { rank: number }) => p.rank);
    for (const rank of ranks) expect(typeof rank).toBe('number');
    expect(ranks[0]).toBeGreaterThan(ranks[1]);
    expect(ranks[1]).toBeGreaterThan(ranks[2]);
    expect(Object.keys(r.body.data[0])).toEqual([...POST_KEYS, 'deleted', 'rank']);
    expect(r.body.data[0].deleted).toBeNull();
  });

  it('matches every word as a prefix, ignores markup, and answers the legacy /v2/search/ alike', async () => {
    expect(slugs((await s.get('/v2/posts/search/?query=QUOK')).body)).toEqual(['in-title', 'in-summary', 'in-body']);
    expect(slugs((await s.get('/v2/posts/search/?query=quokka%20smiles')).body)).toEqual(['in-body']);
    expect(slugs((await s.get('/v2/posts/search/?query=everyone')).body)).toEqual(['in-body']);
    expect((await s.get('/v2/posts/search/?query=strong')).body.data).toEqual([]);
    expect((await s.get('/v2/search/?query=quokka')).body).toEqual(
      (await s.get('/v2/posts/search/?query=quokka')).body,
    );
    expect((await s.get('/v2/search?query=quokka')).body.meta.count).toBe(3);
  });

  it('finds drafts and scheduled posts only under preview', async () => {
    expect(slugs((await s.get('/v2/posts/search/?query=quokka&preview=1')).body).sort()).toEqual([
      'in-body',
      'in-summary',
      'in-title',
      'quokka-draft',
      'quokka-later',
    ]);
    expect((await s.get('/v2/posts/search/?query=draft')).body.data).toEqual([]);
  });

  it('paginates by page or by offset', async () => {
    const second = await s.get('/v2/posts/search/?query=quokka&page=2&page_size=1');
    expect(second.body.meta).toEqual({ count: 3, next_page: 3, previous_page: 1 });
    expect(slugs(second.body)).toEqual(['in-summary']);
    const offset = await s.get('/v2/posts/search/?query=quokka&limit=2&offset=2');
    expect(offset.body.meta).toEqual({ count: 3, next_offset: null, previous_offset: 0 });
    expect(slugs(offset.body)).toEqual(['in-body']);
  });

  it('searches the demo blog: ghee is in many posts, a title match first', async () => {
    const r = await s.get('/v2/posts/search/?query=popcorn');
    expect(slugs(r.body)).toEqual(['ghee-popcorn']);
    const ghee = await s.get('/v2/posts/search/?query=ghee&page_size=100');
    expect(ghee.body.meta.count).toBeGreaterThan(5);
    expect(ghee.body.data[0].title.toLowerCase()).toContain('ghee');
  });

  it('refuses an empty, too long or control-character query; punctuation alone matches nothing', async () => {
    for (const query of ['', 'query=', `query=${'a'.repeat(257)}`, 'query=a%00b', 'query=a%0Ab', 'query=%7F']) {
      for (const path of ['/v2/posts/search/', '/v2/search/']) {
        const r = await s.get(`${path}?${query}`);
        expect({ query, path, status: r.status, body: r.body }).toEqual({
          query,
          path,
          status: 400,
          body: { detail: 'Invalid search query' },
        });
      }
    }
    expect((await s.get(`/v2/posts/search/?query=${'a'.repeat(256)}`)).status).toBe(200);
    expect((await s.get(`/v2/posts/search/?query=${'é'.repeat(256)}`)).status).toBe(200);
    expect((await s.get('/v2/posts/search/?query=%22%27*%3A%26()')).body).toEqual({
      meta: { count: 0, next_page: null, previous_page: null },
      data: [],
    });
    expect((await s.get('/v2/posts/search/?query=quokka&page=0')).body).toEqual({
      detail: 'page query parameter should be a positive integer',
    });
  });

  it('checks the query before pagination, and needs a token', async () => {
    expect((await s.get('/v2/posts/search/?page=0')).body).toEqual({ detail: 'Invalid search query' });
    expect((await s.get('/v2/posts/search/?query=x', null)).status).toBe(401);
    const post = await s.send('POST', '/v2/posts/search/', {});
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe('GET, HEAD');
  });
});
