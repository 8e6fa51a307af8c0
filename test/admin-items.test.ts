import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../src/accounts/accounts.js';
import { DIALECTS } from './helpers/databases.js';
import { member, type AdminClient } from './helpers/admin.js';
import { demoServer, type TestServer } from './helpers/server.js';

// Content > Collections (a paged table, create, edit, unpublish, delete) and Usage & plan.

describe.each(DIALECTS)('admin collection items and usage (%s)', (dialect) => {
  let s: TestServer;
  let editor: AdminClient;
  let base: string;

  beforeAll(async () => {
    s = await demoServer(dialect);
    editor = await member(s.app, s.store, s.demo.id, 'editor');
    base = `/admin/api/accounts/${s.demo.id}`;
  });

  afterAll(async () => {
    await s?.close();
  });

  describe('collection items', () => {
    let categoryIds: number[];

    it('lists items with their values, in creation order, with paging and a status filter', async () => {
      categoryIds = (await editor.get(`${base}/items/categories`)).body.data.map((i: any) => i.id);
      const res = await editor.get(`${base}/items/brands?page_size=2`);
      expect(res.status).toBe(200);
      expect(res.body.meta).toEqual({ count: 3, next_page: 2, previous_page: null });
      expect(res.body.data[0]).toEqual({
        id: expect.any(Number),
        collection: 'brands',
        status: 'published',
        published: expect.any(String),
        scheduled: null,
        unpublish_at: null,
        updated: expect.any(String),
        fields: { name: 'Acme', logo: '', website: 'https://acme.example', founded: 1949, category: categoryIds[0] },
      });
      expect(
        (await editor.get(`${base}/items/brands?page=2&page_size=2`)).body.data.map((i: any) => i.fields.name),
      ).toEqual(['Butter Bros']);
      expect((await editor.get(`${base}/items/brands?status=draft`)).body.meta.count).toBe(0);
      expect((await editor.get(`${base}/items/categories?locale=es`)).body.data.map((i: any) => i.fields.name)).toEqual(
        ['Utensilios', 'Comida'],
      );
      expect(await editor.get(`${base}/items/nope`)).toMatchObject({
        status: 404,
        body: { detail: 'Collection matching query does not exist' },
      });
    });

    it('creates an item (a draft unless published), with field errors in the API shape', async () => {
      const bad = await editor.request('POST', `${base}/items/brands`, {
        fields: { founded: 'long ago', category: 999999 },
      });
      expect(bad).toMatchObject({
        status: 400,
        body: {
          detail: {
            fields: {
              name: ['This field is required.'],
              founded: ['A valid number is required.'],
              category: ['No item with id 999999 in collection categories.'],
            },
          },
        },
      });
      const created = await editor.request('POST', `${base}/items/brands`, {
        fields: { name: 'Ghee Labs', founded: 2026, category: categoryIds[1] },
      });
      expect(created.status).toBe(201);
      expect(created.body.data).toMatchObject({
        collection: 'brands',
        status: 'draft',
        published: null,
        locales: ['en'],
        fields: { name: 'Ghee Labs', founded: 2026, website: '' },
      });
      const id = created.body.data.id;
      expect((await s.get(`/v2/content/brands/${id}/`)).status).toBe(404);
      expect((await s.get(`/v2/content/brands/${id}/?preview=1`)).body.data.name).toBe('Ghee Labs');
    });

    it('edits only the fields sent, publishes, unpublishes and deletes', async () => {
      const id = (await editor.get(`${base}/items/brands?status=draft`)).body.data[0].id;
      const url = `${base}/items/brands/${id}`;
      const edited = await editor.request('PUT', url, {
        status: 'published',
        fields: { website: 'https://ghee.example' },
      });
      expect(edited.body.data).toMatchObject({
        id,
        status: 'published',
        fields: { name: 'Ghee Labs', website: 'https://ghee.example', founded: 2026 },
      });
      expect((await s.get(`/v2/content/brands/${id}/`)).body.data).toMatchObject({
        name: 'Ghee Labs',
        website: 'https://ghee.example',
      });
      expect((await editor.request('POST', `${url}/unpublish`)).body.data).toMatchObject({
        status: 'draft',
        published: null,
      });
      expect((await s.get(`/v2/content/brands/${id}/`)).status).toBe(404);
      expect((await editor.request('DELETE', url)).status).toBe(204);
      expect(await editor.get(url)).toMatchObject({ status: 404, body: { detail: 'Not found' } });
      expect((await editor.get(`${base}/items/brands/abc`)).status).toBe(404);
      // A referenced item needs ?force=true.
      expect((await editor.request('DELETE', `${base}/items/categories/${categoryIds[0]}`)).body.detail).toMatch(
        /^Cannot delete: referenced by brands\/\d+/,
      );
    });
  });

  describe('usage', () => {
    it("shows this billing month's calls per day against the limit, the reset date and the plan's features", async () => {
      await s.ctx.meter.flush();
      const before = (await editor.get(`${base}/usage`)).body.data.calls;
      for (let i = 0; i < 3; i++) expect((await s.get('/v2/pages/*/homepage/')).status).toBe(200);
      await s.ctx.meter.flush();
      const res = await editor.get(`${base}/usage`);
      expect(res.status).toBe(200);
      const today = new Date().toISOString().slice(0, 10);
      expect(res.body.data).toEqual({
        account: s.demo.id,
        plan: 'enterprise',
        month: today.slice(0, 7),
        starts: `${today.slice(0, 7)}-01T00:00:00.000Z`,
        resets: expect.stringMatching(/^\d{4}-\d{2}-01T00:00:00\.000Z$/),
        calls: before + 3,
        limit: null,
        remaining: null,
        days: [{ day: today, calls: before + 3 }],
        features: { monthly_calls: null, blocked_over_limit: false, write_api: true, locales: null, webhooks: true },
      });
      expect((await editor.get(`${base}/usage?month=2020-01`)).body.data).toMatchObject({
        month: '2020-01',
        calls: 0,
        days: [],
        resets: '2020-02-01T00:00:00.000Z',
      });
      expect(await editor.get(`${base}/usage?month=2020-13`)).toMatchObject({
        status: 400,
        body: { detail: 'month query parameter should be YYYY-MM' },
      });
    });

    it('shows the limit and what is left on a plan with one', async () => {
      const trial = await createAccount(s.store.db, { name: 'Trial', plan: 'trial' });
      const viewer = await member(s.app, s.store, trial.id, 'viewer');
      expect((await s.get('/v2/pages/*/', trial.read_token)).status).toBe(200);
      await s.ctx.meter.flush();
      const res = await viewer.get(`/admin/api/accounts/${trial.id}/usage`);
      expect(res.body.data).toMatchObject({
        plan: 'trial',
        calls: 1,
        limit: 50000,
        remaining: 49999,
        features: { monthly_calls: 50000, blocked_over_limit: true, write_api: true, locales: 3, webhooks: true },
      });
    });
  });
});
