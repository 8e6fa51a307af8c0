import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../src/accounts/accounts.js';
import { mintPreviewToken } from '../src/preview/mint-preview-token.js';
import { DIALECTS } from './helpers/databases.js';
import { demoServer, type TestServer } from './helpers/server.js';

// Preview tokens (docs/api.md §13.4): minted by a write token, they read as a read token with
// preview=1 on every /v2 read, the same answers, counted like any read, never mixed in the cache
// with what readers see.

const MINT = '/v2/preview-tokens/';
const HOUR_MS = 3600_000;
const at = (ms: number) => new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
const field = (message: string) => ({ detail: { fields: { expires_in: [message] } } });

describe.each(DIALECTS)('preview tokens (%s)', (dialect) => {
  let s: TestServer;
  const now = new Date();
  let preview: string;

  beforeAll(async () => {
    s = await demoServer(dialect, { clock: () => now });
    preview = (await s.send('POST', MINT)).body.token;
  });

  afterAll(async () => {
    await s?.close();
  });

  describe('minting', () => {
    it('answers 201 with the token and its expiry, an hour ahead by default', async () => {
      const res = await s.send('POST', MINT);
      expect(res.status).toBe(201);
      expect(res.body).toEqual({ token: expect.stringMatching(/^ghee_p_[A-Za-z0-9_]+$/), expires: at(+now + HOUR_MS) });
      expect(res.body.token.length).toBeLessThanOrEqual(200);
      expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    });

    it('takes an empty body and `expires_in: null` as the default', async () => {
      expect((await s.send('POST', MINT, {})).body.expires).toBe(at(+now + HOUR_MS));
      expect((await s.send('POST', MINT, { expires_in: null })).body.expires).toBe(at(+now + HOUR_MS));
    });

    it.for([1, 60, 604_800])('takes expires_in %s seconds', async (seconds) => {
      const res = await s.send('POST', MINT, { expires_in: seconds });
      expect(res.status).toBe(201);
      expect(res.body.expires).toBe(at(+now + seconds * 1000));
    });

    it('mints a different token each time', async () => {
      const [a, b] = [(await s.send('POST', MINT)).body.token, (await s.send('POST', MINT)).body.token];
      expect(a).not.toBe(b);
    });

    it.for([
      [0, 'Ensure this value is greater than or equal to 1.'],
      [-1, 'Ensure this value is greater than or equal to 1.'],
      [604_801, 'Ensure this value is less than or equal to 604800.'],
      ['abc', 'A valid integer is required.'],
      ['60', 'A valid integer is required.'],
      [1.5, 'A valid integer is required.'],
      [true, 'A valid integer is required.'],
    ] as const)('refuses expires_in %j with a 400 field error', async ([value, message]) => {
      const res = await s.send('POST', MINT, { expires_in: value });
      expect({ status: res.status, body: res.body }).toEqual({ status: 400, body: field(message) });
    });

    it('refuses an unknown key and a body that is not an object', async () => {
      expect(await s.send('POST', MINT, { expires: 60 })).toMatchObject({
        status: 400,
        body: { detail: "Unknown key 'expires' in request body" },
      });
      expect(await s.send('POST', MINT, [60])).toMatchObject({
        status: 400,
        body: { detail: 'Request body must be a JSON object' },
      });
    });

    it('checks the token before the body (docs/api.md §9)', async () => {
      const refused = { detail: 'Authentication credentials were not provided' };
      for (const token of [null, s.demo.read_token, preview]) {
        const res = await s.send('POST', MINT, { expires_in: 0 }, token);
        expect({ status: res.status, body: res.body }).toEqual({ status: 401, body: refused });
      }
      const unknown = await s.send('POST', MINT, { expires_in: 0 }, 'ghee_w_nope');
      expect({ status: unknown.status, body: unknown.body }).toEqual({
        status: 401,
        body: { detail: 'Invalid token' },
      });
    });
  });

  describe('reading', () => {
    /** The same read with the preview token, and with the read token and `preview=1`. */
    async function both(url: string) {
      const viaPreview = await s.get(url, preview);
      const viaRead = await s.get(`${url}${url.includes('?') ? '&' : '?'}preview=1`);
      expect(viaPreview.status).toBe(viaRead.status);
      expect(viaPreview.body).toEqual(viaRead.body);
      return viaPreview;
    }

    it('shows a draft page that the read token does not, as the read token with preview=1 does', async () => {
      expect((await s.get('/v2/pages/landing_page/coming-soon/')).status).toBe(404);
      const res = await both('/v2/pages/landing_page/coming-soon/');
      expect(res.status).toBe(200);
      expect(res.body.data).toMatchObject({ slug: 'coming-soon', status: 'draft' });
    });

    it('shows the newer draft over a published page', async () => {
      expect((await s.get('/v2/pages/landing_page/pricing/')).body.data.fields.headline).toBe('Simple pricing');
      const res = await both('/v2/pages/landing_page/pricing/?locale=en&levels=1');
      expect(res.body.data.fields.headline).toBe('Simpler pricing, coming soon');
    });

    it('shows a draft collection item', async () => {
      expect((await s.send('POST', '/v2/content/brands/', { fields: [{ name: 'Hidden Co' }] })).status).toBe(202);
      const names = (r: { body: any }) => r.body.data.brands.map((b: { name: string }) => b.name);
      expect(names(await s.get('/v2/content/brands/'))).not.toContain('Hidden Co');
      const listed = await both('/v2/content/brands/');
      expect(names(listed)).toContain('Hidden Co');
      const id = listed.body.data.brands.find((b: { name: string }) => b.name === 'Hidden Co').meta.id;
      expect((await s.get(`/v2/content/brands/${id}/`)).status).toBe(404);
      expect((await both(`/v2/content/brands/${id}/`)).body.data.name).toBe('Hidden Co');
    });

    it('shows a draft post, in the list and on its own', async () => {
      expect((await s.get('/v2/posts/ghee-ice-cream/')).status).toBe(404);
      expect((await both('/v2/posts/ghee-ice-cream/')).body.data).toMatchObject({ slug: 'ghee-ice-cream' });
      const slugs = (await both('/v2/posts/?page_size=100')).body.data.map((p: { slug: string }) => p.slug);
      expect(slugs).toContain('ghee-ice-cream');
    });

    it.for([
      '/v2/pages/*/',
      '/v2/pages/landing_page/?order=-published',
      '/v2/pages/search/?query=ghee',
      '/v2/posts/search/?query=ghee',
      '/v2/content/brands,categories/?levels=1',
      '/v2/authors/?include=recent_posts',
      '/v2/categories/?include=recent_posts',
      '/v2/feeds/rss/',
      '/v2/pages/landing_page/nope/',
    ])('answers %s as the read token with preview=1', async (url) => {
      await both(url);
    });

    it('reads preview=1 whatever the URL says, and through ?auth_token= too', async () => {
      const url = '/v2/pages/landing_page/coming-soon/';
      expect((await s.get(`${url}?preview=0`, preview)).status).toBe(200);
      expect((await s.get(`${url}?test=0&preview=false`, preview)).status).toBe(200);
      expect((await s.get(`${url}?auth_token=${preview}`, null)).body.data.slug).toBe('coming-soon');
    });
  });

  describe('the response cache', () => {
    const headline = (r: { body: any }) => r.body.data.fields.headline;

    it.for([
      ['readers first', '/v2/pages/landing_page/pricing/?levels=2'],
      ['the preview token first', '/v2/pages/landing_page/pricing/?levels=3'],
    ] as const)('keeps preview and published answers apart (%s)', async ([order, url]) => {
      const reads = order === 'readers first' ? [null, preview] : [preview, null];
      for (let round = 0; round < 2; round++) {
        for (const token of reads) {
          const res = token ? await s.get(url, token) : await s.get(url);
          expect(res.headers['x-ghee-cache']).toBe(round === 0 ? 'miss' : 'hit');
          if (token) {
            expect(headline(res)).toBe('Simpler pricing, coming soon');
            expect(res.headers['cache-control']).toBe('private, no-cache');
          } else {
            expect(headline(res)).toBe('Simple pricing');
            expect(res.headers['cache-control']).toMatch(/^public/);
          }
        }
      }
    });
  });

  describe('metering', () => {
    it('counts every preview read like a read, and refuses past the quota', async () => {
      const a = await createAccount(s.store.db, { name: 'Metered', plan: 'free', monthlyCallLimit: 3 });
      const token = (await mintPreviewToken(s.store.db, a.id, 3600, now)).token;
      const get = () => s.get('/v2/pages/*/', token);
      expect((await get()).headers.ratelimit).toMatch(/^"monthly";r=2;/);
      expect((await get()).status).toBe(200);
      expect((await s.get('/v2/pages/*/', a.read_token)).status).toBe(200);
      const blocked = await get();
      expect({ status: blocked.status, body: blocked.body }).toEqual({
        status: 429,
        body: { detail: 'API Calls limit reached.' },
      });
      await s.ctx.meter.flush();
      const rows = await s.store.db.selectFrom('api_usage').select('calls').where('account_id', '=', a.id).execute();
      expect(rows.reduce((n, r) => n + r.calls, 0)).toBe(3);
    });
  });
});
