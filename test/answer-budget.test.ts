import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { member } from './helpers/admin.js';
import { write } from './helpers/content.js';
import { DIALECTS } from './helpers/databases.js';
import { healthWhile } from './helpers/liveness.js';
import { mutualCopies, pageId, storeFields } from './helpers/reference-fixtures.js';
import { demoServer, PUBLIC_URL, type Reply, type TestServer } from './helpers/server.js';

// One read's answer is bounded (docs/security.md, "Limits on every request's work"): two pages
// whose `related` lists hold 100 copies of each other once made a levels=5 read run for minutes.
// Such data can only come from before the write rules (the store is written directly here).

const NODES =
  'Answer too large: it would hold more than 20000 pages and items, counting a reference each time it is expanded. Ask for fewer levels or a smaller page_size.';
const BYTES =
  'Answer too large: it would be more than 16777216 bytes. Ask for fewer levels, fewer fields or a smaller page_size.';

const page = (slug: string, headline: string) => ({
  slug,
  name: slug,
  locale: 'en',
  status: 'published' as const,
  fields: { headline, related: ['about-us'] },
});

describe.each(DIALECTS)('the answer budget (%s)', (dialect) => {
  let s: TestServer;

  beforeAll(async () => {
    s = await demoServer(dialect);
    for (const slug of ['loop-a', 'loop-b'])
      await write(s.store, s.demo.id, 'page_type:landing_page', page(slug, 'Loop'));
    await mutualCopies(s.store, s.demo.id, 'loop-a', 'loop-b', 100);
    // A page of 200,000 characters, and a hub that names it 100 times: few nodes, many bytes.
    await write(s.store, s.demo.id, 'page_type:landing_page', page('heavy', 'Heavy'));
    await storeFields(s.store, s.demo.id, 'page_type:landing_page', 'heavy', {
      summary: 'x'.repeat(200_000),
      related: [],
    });
    await write(s.store, s.demo.id, 'page_type:landing_page', page('heavy-hub', 'Heavy hub'));
    await storeFields(s.store, s.demo.id, 'page_type:landing_page', 'heavy-hub', {
      related: Array(100).fill(await pageId(s.store, s.demo.id, 'heavy')),
    });
  });
  afterAll(async () => s?.close());

  /** Runs a read that must be refused, with /healthz probed meanwhile; time and heap growth too. */
  async function refused(url: string, get: () => Promise<Reply> = () => s.get(url)) {
    const heap = process.memoryUsage().heapUsed;
    const started = performance.now();
    const { result, slowestMs } = await healthWhile(s.app, get);
    return {
      reply: { status: result.status, body: result.body },
      ms: performance.now() - started,
      slowestMs,
      heapMb: (process.memoryUsage().heapUsed - heap) / 2 ** 20,
    };
  }

  it.for([3, 4, 5])(
    'levels=%i on the two pages is a 400 naming the node limit, in bounded time and memory',
    async (levels) => {
      const r = await refused(`/v2/pages/landing_page/loop-a/?levels=${levels}`);
      expect(r.reply).toEqual({ status: 400, body: { detail: NODES } });
      expect(r.ms).toBeLessThan(1000);
      expect(r.slowestMs).toBeLessThan(100);
      expect(r.heapMb).toBeLessThan(32);
    },
  );

  it('levels=2 on the two pages stays under the budget: 100 copies, each with 100 URIs', async () => {
    const res = await s.get('/v2/pages/landing_page/loop-a/?levels=2');
    expect(res.status).toBe(200);
    const related = res.body.data.fields.related;
    expect(related).toHaveLength(100);
    expect(related[99].slug).toBe('loop-b');
    expect(related[99].fields.related).toEqual(Array(100).fill(`${PUBLIC_URL}/v2/pages/landing_page/loop-a/`));
  });

  it('is not cached: the same read is refused again, by the renderer', async () => {
    const url = '/v2/pages/landing_page/loop-b/?levels=3';
    expect((await s.get(url)).status).toBe(400);
    const again = await s.get(url);
    expect({ status: again.status, body: again.body, cache: again.headers['x-ghee-cache'] }).toEqual({
      status: 400,
      body: { detail: NODES },
      cache: undefined,
    });
  });

  it('counts a list as one answer: each page fits, the two together do not', async () => {
    const list = '/v2/pages/landing_page/?levels=2&fields.headline=Loop';
    expect(await refused(list)).toMatchObject({ reply: { status: 400, body: { detail: NODES } } });
    const one = await s.get(`${list}&page_size=1`);
    expect({ status: one.status, count: one.body.meta.count, shown: one.body.data.length }).toEqual({
      status: 200,
      count: 2,
      shown: 1,
    });
  });

  it('counts search results the same way', async () => {
    const r = await refused('/v2/pages/search/?query=loop&levels=3');
    expect(r.reply).toEqual({ status: 400, body: { detail: NODES } });
    expect(r.slowestMs).toBeLessThan(100);
  });

  it('bounds the dashboard preview too', async () => {
    const viewer = await member(s.app, s.store, s.demo.id, 'viewer');
    const url = `/admin/api/accounts/${s.demo.id}/pages/landing_page/loop-a/preview?levels=4`;
    const r = await refused(url, () => viewer.get(url));
    expect(r.reply).toEqual({ status: 400, body: { detail: NODES, code: 'answer_too_large' } });
    expect(r.slowestMs).toBeLessThan(100);
  });

  it('refuses an answer over the byte limit before building it', async () => {
    const r = await refused('/v2/pages/landing_page/heavy-hub/?levels=2');
    expect(r.reply).toEqual({ status: 400, body: { detail: BYTES } });
    expect(r.ms).toBeLessThan(2000);
    expect(r.slowestMs).toBeLessThan(100);
    expect(r.heapMb).toBeLessThan(32);
  });

  it('counts only what the answer holds: URIs are short, unselected fields are not counted', async () => {
    const uris = await s.get('/v2/pages/landing_page/heavy-hub/?levels=1');
    expect(uris.body.data.fields.related).toEqual(Array(100).fill(`${PUBLIC_URL}/v2/pages/landing_page/heavy/`));
    const selected = await s.get('/v2/pages/landing_page/loop-a/?levels=5&fields=headline');
    expect({ status: selected.status, fields: selected.body.data.fields }).toEqual({
      status: 200,
      fields: { headline: 'Loop' },
    });
  });

  describe('a legitimate deep read', () => {
    /** Every URI of the levels=1 answer, with where it sits (a path of keys and indexes). */
    function urisOf(
      value: unknown,
      path: (string | number)[] = [],
      out: { path: (string | number)[]; uri: string }[] = [],
    ) {
      if (typeof value === 'string' && value.startsWith(`${PUBLIC_URL}/v2/`)) out.push({ path, uri: value });
      else if (Array.isArray(value)) value.forEach((v, i) => urisOf(v, [...path, i], out));
      else if (value && typeof value === 'object')
        for (const [k, v] of Object.entries(value)) urisOf(v, [...path, k], out);
      return out;
    }
    const at = (value: any, path: (string | number)[]) => path.reduce((v, k) => v[k], value);

    it.for([2, 3, 4, 5])('levels=%i expands each reference into its target read at one level less', async (levels) => {
      const shallow = (await s.get('/v2/pages/landing_page/launch/?levels=1')).body.data;
      const deep = await s.get(`/v2/pages/landing_page/launch/?levels=${levels}`);
      expect(deep.status).toBe(200);
      const uris = urisOf(shallow);
      expect(uris.map((u) => u.uri)).toEqual([
        `${PUBLIC_URL}/v2/pages/landing_page/pricing/`,
        `${PUBLIC_URL}/v2/pages/landing_page/about-us/`,
        expect.stringMatching(/^http:\/\/ghee\.test\/v2\/content\/brands\/\d+\/$/),
      ]);
      for (const { path, uri } of uris) {
        const target = await s.get(`${uri.slice(PUBLIC_URL.length)}?levels=${levels - 1}`);
        expect(at(deep.body.data, path)).toEqual(target.body.data);
      }
      expect({ ...deep.body.data, fields: { ...deep.body.data.fields, related: null, brand: null } }).toEqual({
        ...shallow,
        fields: { ...shallow.fields, related: null, brand: null },
      });
    });

    it('lists of the single pages and of every collection at levels=5 are 200s', async () => {
      const pages = await s.get('/v2/pages/*/?levels=5&page_size=100');
      expect(pages.status).toBe(200);
      expect(pages.body.data[0].fields.featured.fields.related[0].fields.related[0].slug).toBe('about-us');
      const items = await s.get('/v2/content/brands,categories/?levels=5&page_size=100');
      expect(items.status).toBe(200);
      expect(items.body.data.brands[0].category).toMatchObject({ meta: { id: expect.any(Number) } });
    });
  });
});
