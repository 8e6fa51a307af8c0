import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../src/accounts/accounts.js';
import { loadConfig } from '../src/config.js';
import { exportSchema } from '../src/content/schema/export-schema.js';
import { createServer } from '../src/server.js';
import { DIALECTS } from './helpers/databases.js';
import { withSchema } from './helpers/content.js';
import { demoServer, PUBLIC_URL, type TestServer } from './helpers/server.js';

describe.each(DIALECTS)('response cache (%s)', (dialect) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await demoServer(dialect);
  });
  afterAll(async () => s?.close());

  /** Reads a URL and says whether the cache served it. */
  async function read(url: string, app = s.app) {
    const r = await app.inject({ method: 'GET', url, headers: { authorization: `Token ${s.demo.read_token}` } });
    return { status: r.statusCode, cache: r.headers['x-ghee-cache'], body: JSON.parse(r.body), headers: r.headers };
  }
  const URLS = {
    launch: '/v2/pages/landing_page/launch/',
    about: '/v2/pages/landing_page/about-us/',
    home: '/v2/pages/*/homepage/',
    pages: '/v2/pages/landing_page/',
    brands: '/v2/content/brands/',
    categories: '/v2/content/categories/',
    search: '/v2/pages/search/?query=ghee',
  };
  async function warm() {
    for (const url of Object.values(URLS)) {
      await read(url);
      expect((await read(url)).cache, url).toBe('hit');
    }
  }

  it('serves repeated reads from the cache, whatever the query order or trailing slash', async () => {
    expect((await read('/v2/pages/landing_page/?page_size=2&order=priority')).cache).toBe('miss');
    expect((await read('/v2/pages/landing_page?order=priority&page_size=2')).cache).toBe('hit');
    const a = await s.app.inject({
      method: 'GET',
      url: `/v2/pages/landing_page/?order=priority&page_size=2&auth_token=${s.demo.read_token}`,
    });
    expect(a.headers['x-ghee-cache']).toBe('hit');
  });

  it('a page write evicts what shows that page and its type lists, and nothing else', async () => {
    await warm();
    expect((await s.send('PATCH', URLS.launch, { fields: { headline: 'Launched again' } })).status).toBe(202);
    const launch = await read(URLS.launch);
    expect(launch).toMatchObject({ cache: 'miss', body: { data: { fields: { headline: 'Launched again' } } } });
    const home = await read(URLS.home);
    expect(home.cache).toBe('miss');
    expect(home.body.data.fields.featured.fields.headline).toBe('Launched again');
    expect((await read(URLS.pages)).cache).toBe('miss');
    expect((await read(URLS.search)).cache).toBe('miss');
    expect((await read(URLS.about)).cache).toBe('hit');
    expect((await read(URLS.brands)).cache).toBe('hit');
    expect((await read(URLS.categories)).cache).toBe('hit');
  });

  it('an item write evicts its lists and the pages that expand it', async () => {
    await warm();
    const acme = (await read(URLS.brands)).body.data.brands[0];
    await s.send('PATCH', `/v2/content/brands/${acme.meta.id}/`, { fields: { founded: 1950 } });
    expect((await read(URLS.brands)).body.data.brands[0].founded).toBe(1950);
    const pricing = await read('/v2/pages/landing_page/pricing/');
    expect(pricing.body.data.fields.brand.founded).toBe(1950);
    expect((await read(URLS.categories)).cache).toBe('hit');
    expect((await read(URLS.about)).cache).toBe('hit');
  });

  it('publishing, drafts, deletes, schema and locale changes show at once', async () => {
    await warm();
    await s.send('PATCH', URLS.about, { status: 'draft', fields: { headline: 'Draft about' } });
    expect((await read(URLS.about)).body.data.fields.headline).toBe('Who we are');
    expect((await read(`${URLS.about}?preview=1`)).body.data.fields.headline).toBe('Draft about');
    await s.send('PATCH', URLS.about, { status: 'published' });
    expect((await read(URLS.about)).body.data.fields.headline).toBe('Draft about');

    await s.send('POST', '/v2/pages/', {
      title: 'Temp',
      slug: 'temp',
      page_type: 'landing_page',
      status: 'published',
      fields: {
        headline: 'Temp',
        summary: '',
        body: '',
        notes: '',
        embed: '',
        hero_image: '',
        theme: '',
        launch_date: '',
        priority: '',
        featured: false,
        layout: 'wide',
        seo: {},
        sections: [],
        faq: [],
        related: [],
        brand: '',
      },
    });
    expect((await read(`${URLS.pages}?page_size=100`)).body.data.map((p: { slug: string }) => p.slug)).toContain(
      'temp',
    );
    expect((await read('/v2/pages/*/temp/')).status).toBe(200);
    await s.send('DELETE', '/v2/pages/landing_page/temp/');
    expect((await read('/v2/pages/*/temp/')).status).toBe(404);
    expect((await read('/v2/pages/landing_page/temp/')).status).toBe(404);
    expect((await read(`${URLS.pages}?page_size=100`)).body.data.map((p: { slug: string }) => p.slug)).not.toContain(
      'temp',
    );

    await read(`${URLS.launch}?locale=es`);
    const doc = await exportSchema(s.store.db, s.demo.id);
    await withSchema(s.store, s.demo.id, { ...doc, locales: [{ slug: 'en', name: 'English', default: true }] }).catch(
      () => undefined,
    );
    await withSchema(s.store, s.demo.id, {
      ...doc,
      page_types: { ...doc.page_types, extra: { name: 'Extra', fields: { t: { type: 'short_text' } } } },
    });
    expect((await read(URLS.launch)).cache).toBe('miss');
    expect((await read('/v2/pages/extra/')).body.meta.count).toBe(0);
  });

  it('evicts on a write made through another node sharing the database', async () => {
    const config = loadConfig(
      {},
      { publicUrl: PUBLIC_URL, dataDir: '/nonexistent', databaseUrl: 'unused', logLevel: 'silent' },
    );
    const other = await createServer(config, { store: s.store, logger: false });
    try {
      await read(URLS.about, other.app);
      expect((await read(URLS.about, other.app)).cache).toBe('hit');
      await s.send('PATCH', URLS.about, { status: 'published', fields: { summary: 'Written on node A' } });
      const seen = await read(URLS.about, other.app);
      expect(seen).toMatchObject({ cache: 'miss', body: { data: { fields: { summary: 'Written on node A' } } } });
    } finally {
      await other.app.close();
    }
  });

  it('answers If-None-Match with 304 (still metered), and compresses once per encoding', async () => {
    const first = await read(URLS.launch);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers['cache-control']).toBe('public, max-age=0, s-maxage=60, stale-while-revalidate=30');
    expect(first.headers.vary).toBe('Authorization, Accept-Encoding');
    expect(first.headers['surrogate-key']).toContain(`a${s.demo.id}-e`);
    const limited = await createAccount(s.store.db, { name: 'Metered reader', plan: 'free', monthlyCallLimit: 2 });
    const conditional = () =>
      s.app.inject({
        method: 'GET',
        url: '/v2/pages/*/',
        headers: { authorization: `Token ${limited.read_token}`, 'if-none-match': '"x"' },
      });
    expect((await conditional()).statusCode).toBe(200);
    const r304 = await s.app.inject({
      method: 'GET',
      url: URLS.launch,
      headers: { authorization: `Token ${s.demo.read_token}`, 'if-none-match': etag },
    });
    expect(r304.statusCode).toBe(304);
    expect(r304.body).toBe('');
    const etagLimited = (await conditional()).headers.etag as string;
    const limited304 = await s.app.inject({
      method: 'GET',
      url: '/v2/pages/*/',
      headers: { authorization: `Token ${limited.read_token}`, 'if-none-match': etagLimited },
    });
    expect(limited304.statusCode).toBe(429);

    const br = await s.app.inject({
      method: 'GET',
      url: URLS.launch,
      headers: { authorization: `Token ${s.demo.read_token}`, 'accept-encoding': 'gzip, br' },
    });
    expect(br.headers['content-encoding']).toBe('br');
    expect(JSON.parse(brotliDecompressSync(br.rawPayload).toString())).toEqual(first.body);
    const gz = await s.app.inject({
      method: 'GET',
      url: URLS.launch,
      headers: { authorization: `Token ${s.demo.read_token}`, 'accept-encoding': 'gzip' },
    });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(gz.rawPayload).toString())).toEqual(first.body);
    const preview = await read(`${URLS.launch}?preview=1`);
    expect(preview.headers['cache-control']).toBe('private, no-cache');
  });

  it('keeps its memory bound, least recently used out first', async () => {
    const small = await demoServer(dialect, { config: { cacheMaxMb: 1 } });
    try {
      for (let i = 0; i < 200; i++) await small.get(`/v2/pages/landing_page/?page_size=100&levels=5&_=${i}`);
      const stats = small.ctx.cache.snapshot();
      expect(stats.bytes).toBeLessThanOrEqual(1024 * 1024);
      expect(stats.entries).toBeLessThan(200);
      expect(stats.evictions).toBeGreaterThan(0);
      expect((await small.get('/v2/pages/landing_page/?page_size=100&levels=5&_=199')).headers['x-ghee-cache']).toBe(
        'hit',
      );
      expect((await small.get('/v2/pages/landing_page/?page_size=100&levels=5&_=0')).headers['x-ghee-cache']).toBe(
        'miss',
      );
    } finally {
      await small.close();
    }
  });
});
