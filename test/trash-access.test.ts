import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, type CreatedAccount } from '../src/accounts/accounts.js';
import { member, type AdminClient } from './helpers/admin.js';
import { DIALECTS } from './helpers/databases.js';
import { demoServer, type TestServer } from './helpers/server.js';
import { landingPage } from './helpers/trash.js';

// Who may see, restore and purge the trash, and its list's filters and pages (docs/api.md §12.2,
// docs/admin-api.md Trash): a write token on /v2; viewers list, editors restore, admins purge.

const NO_CREDENTIALS = { detail: 'Authentication credentials were not provided' };
const NOT_FOUND = { detail: 'Not found' };

describe.each(DIALECTS)('the trash: access, filters and pages (%s)', (dialect) => {
  let s: TestServer;
  let other: CreatedAccount;
  let viewer: AdminClient;
  let editor: AdminClient;
  let admin: AdminClient;
  let base: string;
  /** Trash ids, by what was deleted, oldest delete first: page-one, page-two, an item, a post. */
  const ids: Record<string, number> = {};
  const list = (query = '', token: string | null = s.demo.write_token) => s.get(`/v2/trash/${query}`, token);

  beforeAll(async () => {
    s = await demoServer(dialect);
    other = await createAccount(s.store.db, { name: 'Other account' });
    viewer = await member(s.app, s.store, s.demo.id, 'viewer');
    editor = await member(s.app, s.store, s.demo.id, 'editor');
    admin = await member(s.app, s.store, s.demo.id, 'admin');
    base = `/admin/api/accounts/${s.demo.id}/trash`;
    for (const slug of ['page-one', 'page-two']) {
      expect((await s.send('POST', '/v2/pages/', landingPage(slug, slug))).status).toBe(202);
      expect((await s.send('DELETE', `/v2/pages/landing_page/${slug}/`)).status).toBe(204);
    }
    const created = await s.send('POST', '/v2/content/', { key: 'brands', fields: [{ name: 'Binned brand' }] });
    expect(created.status).toBe(202);
    const item = await s.store.db.selectFrom('entries').select('id').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect((await s.send('DELETE', `/v2/content/brands/${item.id}/`)).status).toBe(204);
    expect((await s.send('DELETE', '/v2/posts/hello-world/')).status).toBe(204);
    const all = await list('?page_size=100');
    for (const row of all.body.data) ids[row.slug ?? row.name] = row.trash_id;
  });
  afterAll(async () => s?.close());

  it('lists newest deleted first, every kind', async () => {
    const all = await list();
    expect(all.status).toBe(200);
    expect(all.body.meta).toEqual({ count: 4, next_page: null, previous_page: null });
    expect(all.body.data.map((r: { kind: string }) => r.kind)).toEqual(['post', 'item', 'page', 'page']);
  });

  it('filters by kind and pages', async () => {
    const pages = await list('?kind=page&page_size=1&page=2');
    expect(pages.body.meta).toEqual({ count: 2, next_page: null, previous_page: 1 });
    expect(pages.body.data.map((r: { slug: string }) => r.slug)).toEqual(['page-one']);
    expect((await list('?kind=item')).body.data).toMatchObject([{ kind: 'item', key: 'brands', name: 'Binned brand' }]);
    expect((await list('?kind=post')).body.data).toMatchObject([{ kind: 'post', slug: 'hello-world' }]);
    expect((await list('?kind=')).body.meta.count).toBe(4);
    expect((await list('?page_size=3&page=1')).body.meta).toEqual({ count: 4, next_page: 2, previous_page: null });
  });

  it.for([
    ['?kind=pages', 'kind should be page, item or post'],
    ['?page_size=101', 'page_size query parameter should be an integer between 1 and 100 (inclusive)'],
    ['?page=0', 'page query parameter should be a positive integer'],
  ])('refuses %s with 400', async ([query, detail]) => {
    expect(await list(query)).toMatchObject({ status: 400, body: { detail } });
  });

  it('needs a write token: a read token or none is 401', async () => {
    expect(await list('', s.demo.read_token)).toMatchObject({ status: 401, body: NO_CREDENTIALS });
    expect(await list('', null)).toMatchObject({ status: 401, body: NO_CREDENTIALS });
    const restore = `/v2/trash/page/${ids['page-one']}/restore/`;
    expect(await s.send('POST', restore, undefined, s.demo.read_token)).toMatchObject({ status: 401 });
    expect(await s.send('DELETE', `/v2/trash/page/${ids['page-one']}/`, undefined, s.demo.read_token)).toMatchObject({
      status: 401,
    });
    const free = await createAccount(s.store.db, { name: 'Free account', plan: 'free' });
    expect(await list('', free.write_token)).toMatchObject({
      status: 403,
      body: { detail: 'You do not have permission to perform this action' },
    });
    expect((await list()).body.meta.count).toBe(4);
  });

  it("is another account's trash: empty for it, and its rows 404", async () => {
    expect((await list('', other.write_token)).body).toEqual({
      meta: { count: 0, next_page: null, previous_page: null },
      data: [],
    });
    const restore = await s.send('POST', `/v2/trash/page/${ids['page-one']}/restore/`, undefined, other.write_token);
    expect(restore).toMatchObject({ status: 404, body: NOT_FOUND });
    const purge = await s.send('DELETE', `/v2/trash/page/${ids['page-one']}/`, undefined, other.write_token);
    expect(purge).toMatchObject({ status: 404, body: NOT_FOUND });
    expect((await list()).body.meta.count).toBe(4);
  });

  it.for([
    '/v2/trash/pages/1/restore/',
    '/v2/trash/page/0/restore/',
    '/v2/trash/page/x/restore/',
    '/v2/trash/page/99999/restore/',
  ])('answers %s with 404', async (url) => {
    expect(await s.send('POST', url)).toMatchObject({ status: 404, body: NOT_FOUND });
  });

  it('refuses a restore body with a key it does not take', async () => {
    const r = await s.send('POST', `/v2/trash/page/${ids['page-one']}/restore/`, { status: 'published' });
    expect(r).toMatchObject({ status: 400, body: { detail: "Unknown key 'status' in request body" } });
  });

  it('answers another method with 405', async () => {
    expect((await s.send('PUT', '/v2/trash/')).status).toBe(405);
    expect((await s.send('GET' as 'PUT', `/v2/trash/page/${ids['page-one']}/restore/`)).status).toBe(405);
  });

  describe('in the admin API', () => {
    it('lets a viewer list, in the /v2 shape', async () => {
      const r = await viewer.get(`${base}?kind=page`);
      expect(r.status).toBe(200);
      expect(r.body).toEqual((await list('?kind=page')).body);
    });

    it('refuses a viewer restoring or purging: 403, nothing changed', async () => {
      const forbidden = { detail: 'You do not have permission to perform this action', code: 'forbidden' };
      expect(await viewer.request('POST', `${base}/page/${ids['page-one']}/restore`)).toMatchObject({
        status: 403,
        body: forbidden,
      });
      expect(await viewer.request('DELETE', `${base}/page/${ids['page-one']}`)).toMatchObject({ status: 403 });
      expect(await viewer.request('DELETE', `${base}?older_than_days=0`)).toMatchObject({ status: 403 });
      expect(await editor.request('DELETE', `${base}/page/${ids['page-one']}`)).toMatchObject({ status: 403 });
      expect((await list()).body.meta.count).toBe(4);
    });

    it('lets an editor restore and an admin purge', async () => {
      const restored = await editor.request('POST', `${base}/page/${ids['page-one']}/restore`);
      expect(restored).toMatchObject({ status: 202, body: { status: 'pending' } });
      expect((await s.get('/v2/pages/landing_page/page-one/')).status).toBe(200);
      expect((await admin.request('DELETE', `${base}/page/${ids['page-two']}`)).status).toBe(204);
      expect((await list('?kind=page')).body.meta.count).toBe(0);
    });

    it("answers 404 for another account's rows and accounts", async () => {
      const otherBase = `/admin/api/accounts/${other.id}/trash`;
      expect(await admin.get(otherBase)).toMatchObject({ status: 404, body: { code: 'not_found' } });
      expect(await admin.request('DELETE', `${base}/post/999999`)).toMatchObject({ status: 404, body: NOT_FOUND });
      const wrongKind = await admin.request('POST', `${base}/post/${ids['Binned brand']}/restore`);
      expect(wrongKind).toMatchObject({ status: 404, body: NOT_FOUND });
    });
  });
});
