import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from './helpers/databases.js';
import { labelledWriteToken, otherAccount, pageWithVersions, versionIds, versionsOf } from './helpers/history.js';
import { landingBody } from './helpers/landing-body.js';
import { startImageOrigin, type ImageOrigin } from './helpers/post-writes.js';
import { demoServer, PUBLIC_URL, type TestServer } from './helpers/server.js';

// GET .../versions/ and .../versions/<id>/ of pages (docs/api.md §12.1): one version per save
// (identical saves once), per locale, newest first and paginated, each naming who saved it;
// the read and not-found rules of the write API.

const ISO_MICRO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const NOT_FOUND = { detail: 'Not found' };

describe.each(DIALECTS)('page versions (%s)', (dialect) => {
  let s: TestServer;
  let bot: string;
  let images: ImageOrigin;
  const base = '/v2/pages/landing_page/history-page/';
  beforeAll(async () => {
    s = await demoServer(dialect);
    images = await startImageOrigin();
    bot = await labelledWriteToken(s, 'deploy-bot');
    await pageWithVersions(s, 'history-page', ['Second', 'Third'], bot);
  });
  afterAll(async () => {
    await s?.close();
    await images?.close();
  });

  it('keeps one version per save, newest first, naming the token by its label', async () => {
    const list = await versionsOf(s, base);
    expect(list.status).toBe(200);
    expect(list.body.meta).toEqual({ count: 3, next_page: null, previous_page: null });
    expect(list.body.data).toHaveLength(3);
    expect(list.body.data[0]).toEqual({
      id: expect.any(Number),
      created: expect.stringMatching(ISO_MICRO),
      locale: 'en',
      status: 'published',
      author: { type: 'token', name: 'deploy-bot' },
      restored_from: null,
    });
    const ids = list.body.data.map((v: any) => v.id);
    expect([...ids].sort((a: number, b: number) => b - a)).toEqual(ids);
  });

  it('keeps an identical save once', async () => {
    const before = await versionIds(s, base);
    expect((await s.send('PATCH', base, { fields: { headline: 'Third' } })).status).toBe(202);
    expect((await s.send('PUT', base, { title: 'Title history-page' })).status).toBe(202);
    expect(await versionIds(s, base)).toEqual(before);
  });

  it('reads one version: its name, slug and fields as a read shows them, media absolute', async () => {
    const body = landingBody('with-media', { hero_image: `${images.base}/cover.png`, related: ['history-page'] });
    expect((await s.send('POST', '/v2/pages/', body)).status).toBe(202);
    const [id] = await versionIds(s, '/v2/pages/landing_page/with-media/');
    const res = await s.get(`/v2/pages/landing_page/with-media/versions/${id}/`, s.demo.write_token);
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({
      id,
      locale: 'en',
      status: 'published',
      name: 'Title with-media',
      slug: 'with-media',
      restored_from: null,
      author: { type: 'token', name: expect.any(String) },
    });
    expect(res.body.data.fields).toMatchObject({
      headline: 'Headline with-media',
      hero_image: expect.stringMatching(/^http:\/\/ghee\.test\/media\/\S+\.png$/),
      seo: { title: 'SEO', description: '' },
      related: [`${PUBLIC_URL}/v2/pages/landing_page/history-page/`],
      brand: null,
    });
  });

  it('reads the oldest version as it was', async () => {
    const ids = await versionIds(s, base);
    const oldest = await s.get(`${base}versions/${ids.at(-1)}/`, s.demo.write_token);
    expect(oldest.body.data.fields.headline).toBe('Headline history-page');
    // Through `*` the same page's versions.
    const star = await s.get(`/v2/pages/*/history-page/versions/${ids[0]}/`, s.demo.write_token);
    expect(star.body.data.fields.headline).toBe('Third');
  });

  it('pages through the versions with page and page_size', async () => {
    const first = await versionsOf(s, base, '?page_size=2');
    expect(first.body.meta).toEqual({ count: 3, next_page: 2, previous_page: null });
    expect(first.body.data).toHaveLength(2);
    const second = await versionsOf(s, base, '?page_size=2&page=2');
    expect(second.body.meta).toEqual({ count: 3, next_page: null, previous_page: 1 });
    expect(second.body.data).toHaveLength(1);
    expect(second.body.data[0].id).toBeLessThan(first.body.data[1].id);
  });

  it.for([
    ['?page_size=101', 'page_size query parameter should be an integer between 1 and 100 (inclusive)'],
    ['?page=0', 'page query parameter should be a positive integer'],
    ['?locale=de', 'Invalid locale parameter'],
  ])('refuses %s with a 400', async ([query, detail]) => {
    expect(await versionsOf(s, base, query)).toMatchObject({ status: 400, body: { detail } });
  });

  it('keeps versions per locale', async () => {
    expect((await s.send('PATCH', `${base}?locale=es`, { fields: { headline: 'Tercero' } })).status).toBe(202);
    expect((await s.send('PATCH', `${base}?locale=es`, { fields: { headline: 'Cuarto' } })).status).toBe(202);
    const es = await versionsOf(s, base, '?locale=es');
    expect(es.body.meta.count).toBe(2);
    expect(es.body.data.map((v: any) => v.locale)).toEqual(['es', 'es']);
    const newest = await s.get(`${base}versions/${es.body.data[0].id}/`, s.demo.write_token);
    expect(newest.body.data).toMatchObject({ locale: 'es', fields: { headline: 'Cuarto' } });
    expect((await versionsOf(s, base)).body.meta.count).toBe(3);
  });

  it('is the write API: a read token or none is a 401', async () => {
    expect(await s.get(`${base}versions/`)).toMatchObject({
      status: 401,
      body: { detail: 'Authentication credentials were not provided' },
    });
    expect(await s.get(`${base}versions/`, null)).toMatchObject({ status: 401 });
  });

  it('answers 404 for a missing page, a missing id, another page’s or another account’s version', async () => {
    const ids = await versionIds(s, base);
    expect(await versionsOf(s, '/v2/pages/landing_page/nope/')).toMatchObject({
      status: 404,
      body: { detail: 'Page matching query does not exist' },
    });
    for (const id of ['999999', 'abc', '0', '07']) {
      expect(await s.get(`${base}versions/${id}/`, s.demo.write_token)).toMatchObject({ status: 404, body: NOT_FOUND });
    }
    expect((await s.send('POST', '/v2/pages/', landingBody('elsewhere'))).status).toBe(202);
    expect(await s.get(`/v2/pages/landing_page/elsewhere/versions/${ids[0]}/`, s.demo.write_token)).toMatchObject({
      status: 404,
      body: NOT_FOUND,
    });
    const other = await otherAccount(s);
    const theirs = await s.store.db
      .selectFrom('versions')
      .select('id')
      .where('account_id', '=', other.id)
      .executeTakeFirstOrThrow();
    expect(await s.get(`/v2/pages/landing_page/theirs/versions/${theirs.id}/`, other.writeToken)).toMatchObject({
      status: 200,
    });
    expect(await s.get(`${base}versions/${theirs.id}/`, s.demo.write_token)).toMatchObject({
      status: 404,
      body: NOT_FOUND,
    });
    expect(await versionsOf(s, '/v2/pages/landing_page/theirs/')).toMatchObject({ status: 404 });
  });
});
