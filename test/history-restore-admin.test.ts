import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { member, type AdminClient } from './helpers/admin.js';
import { postBody } from './helpers/blog.js';
import { DIALECTS } from './helpers/databases.js';
import { otherAccount, pageWithVersions, versionIds } from './helpers/history.js';
import { demoServer, type TestServer } from './helpers/server.js';

// The dashboard's versions (docs/admin-api.md, "Versions"): the /v2 answers under the admin API,
// read by viewers, restored by editors as themselves.

describe.each(DIALECTS)('admin versions (%s)', (dialect) => {
  let s: TestServer;
  let viewer: AdminClient;
  let editor: AdminClient;
  let account: string;
  let ids: number[];
  const v2 = '/v2/pages/landing_page/dashboard/';

  beforeAll(async () => {
    s = await demoServer(dialect);
    viewer = await member(s.app, s.store, s.demo.id, 'viewer');
    editor = await member(s.app, s.store, s.demo.id, 'editor');
    account = `/admin/api/accounts/${s.demo.id}`;
    await pageWithVersions(s, 'dashboard', ['Second']);
    ids = await versionIds(s, v2);
  });
  afterAll(async () => s?.close());

  const pageVersions = () => `${account}/pages/landing_page/dashboard/versions`;

  it('lets a viewer list, read and compare a page’s versions, as /v2 shows them', async () => {
    const list = await viewer.get(`${pageVersions()}?page_size=1`);
    expect(list.status).toBe(200);
    expect(list.body.meta).toEqual({ count: 2, next_page: 2, previous_page: null });
    expect(list.body.data).toEqual((await s.get(`${v2}versions/?page_size=1`, s.demo.write_token)).body.data);
    const one = await viewer.get(`${pageVersions()}/${ids[1]}`);
    expect(one.status).toBe(200);
    expect(one.body.data).toMatchObject({ id: ids[1], slug: 'dashboard', fields: { headline: 'Headline dashboard' } });
    const compared = await viewer.get(`${pageVersions()}/${ids[1]}/compare/${ids[0]}`);
    expect(compared.body.data.changes).toEqual([{ path: 'headline', from: 'Headline dashboard', to: 'Second' }]);
    expect((await viewer.get(`${pageVersions()}?locale=es`)).body.meta.count).toBe(0);
  });

  it('refuses a viewer’s restore with a 403', async () => {
    expect(await viewer.request('POST', `${pageVersions()}/${ids[1]}/restore`, {})).toMatchObject({
      status: 403,
      body: { detail: 'You do not have permission to perform this action' },
    });
  });

  it('lets an editor restore, named by email in the new version', async () => {
    const res = await editor.request('POST', `${pageVersions()}/${ids[1]}/restore`, { status: 'published' });
    expect(res).toMatchObject({ status: 202, body: { status: 'pending', left_out: [] } });
    expect((await s.get(v2)).body.data.fields.headline).toBe('Headline dashboard');
    const [newest] = (await editor.get(pageVersions())).body.data;
    expect(newest).toMatchObject({
      status: 'published',
      restored_from: ids[1],
      author: { type: 'user', name: `editor@${s.demo.id}.test` },
    });
  });

  it('refuses a restore without the CSRF token', async () => {
    expect(await editor.request('POST', `${pageVersions()}/${ids[1]}/restore`, {}, { csrf: null })).toMatchObject({
      status: 403,
      body: { detail: 'CSRF Failed: CSRF token missing or incorrect.' },
    });
  });

  it('serves item and post versions too', async () => {
    const created = await s.send('POST', '/v2/content/brands/', { status: 'draft', fields: [{ name: 'Shown' }] });
    expect(created.status).toBe(202);
    const brand = await s.store.db.selectFrom('entries').select('id').orderBy('id', 'desc').executeTakeFirstOrThrow();
    const items = await viewer.get(`${account}/items/brands/${brand.id}/versions`);
    expect(items.status).toBe(200);
    expect(items.body.data[0]).toMatchObject({ locale: 'en', author: { type: 'token' } });
    expect((await s.send('POST', '/v2/posts/', postBody('admin-post'))).status).toBe(202);
    const posts = await viewer.get(`${account}/posts/admin-post/versions`);
    expect(posts.body).toMatchObject({ meta: { count: 1 }, data: [{ locale: null, status: 'published' }] });
    const [postVersion] = posts.body.data;
    const restored = await editor.request('POST', `${account}/posts/admin-post/versions/${postVersion.id}/restore`, {});
    expect(restored).toMatchObject({ status: 202, body: { left_out: [] } });
  });

  it('answers 404 for another account, its versions, and versions that are not the page’s', async () => {
    const other = await otherAccount(s);
    expect(await editor.get(`/admin/api/accounts/${other.id}/pages/landing_page/theirs/versions`)).toMatchObject({
      status: 404,
    });
    const theirs = await s.store.db
      .selectFrom('versions')
      .select('id')
      .where('account_id', '=', other.id)
      .executeTakeFirstOrThrow();
    expect(await editor.get(`${pageVersions()}/${theirs.id}`)).toMatchObject({
      status: 404,
      body: { detail: 'Not found' },
    });
    expect(await editor.request('POST', `${pageVersions()}/${theirs.id}/restore`, {})).toMatchObject({
      status: 404,
      body: { detail: 'Not found' },
    });
    expect(await editor.get(`${account}/pages/landing_page/nope/versions`)).toMatchObject({
      status: 404,
      body: { detail: 'Page matching query does not exist' },
    });
  });
});
