import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postBody } from './helpers/blog.js';
import { DIALECTS } from './helpers/databases.js';
import { versionIds, versionsOf } from './helpers/history.js';
import { demoServer, type TestServer } from './helpers/server.js';

// The versions of collection items (/v2/content/<key>/<id>/versions/) and blog posts
// (/v2/posts/<slug>/versions/): the same list and read as pages, in their own shapes.

describe.each(DIALECTS)('item and post versions (%s)', (dialect) => {
  let s: TestServer;
  let item: string;
  beforeAll(async () => {
    s = await demoServer(dialect);
    const created = await s.send('POST', '/v2/content/brands/', {
      status: 'published',
      fields: [{ name: 'Versioned', website: 'https://v.example', founded: 1999 }],
    });
    expect(created.status).toBe(202);
    const row = await s.store.db.selectFrom('entries').select('id').orderBy('id', 'desc').executeTakeFirstOrThrow();
    item = `/v2/content/brands/${row.id}/`;
    expect((await s.send('PATCH', item, { fields: { founded: 2001 } })).status).toBe(202);
    expect((await s.send('POST', '/v2/posts/', postBody('versioned', { tags: ['one'] }))).status).toBe(202);
    const change = { title: 'Versioned again', tags: ['one', 'two'], categories: ['News'] };
    expect((await s.send('PATCH', '/v2/posts/versioned/', change)).status).toBe(202);
  });
  afterAll(async () => s?.close());

  it('lists an item’s versions in its locale', async () => {
    const list = await versionsOf(s, item);
    expect(list.status).toBe(200);
    expect(list.body.meta).toEqual({ count: 2, next_page: null, previous_page: null });
    expect(list.body.data.map((v: any) => [v.locale, v.status])).toEqual([
      ['en', 'published'],
      ['en', 'published'],
    ]);
    expect((await versionsOf(s, item, '?locale=es')).body.meta.count).toBe(0);
  });

  it('reads an item version: no slug, its fields as a read shows them', async () => {
    const [newest, oldest] = await versionIds(s, item);
    const res = await s.get(`${item}versions/${oldest}/`, s.demo.write_token);
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ id: oldest, name: '', slug: null, locale: 'en', status: 'published' });
    expect(res.body.data.fields).toEqual({
      name: 'Versioned',
      logo: '',
      website: 'https://v.example',
      founded: 1999,
      category: null,
    });
    const changes = (await s.get(`${item}versions/${oldest}/compare/${newest}/`, s.demo.write_token)).body.data;
    expect(changes).toEqual({ changes: [{ path: 'founded', from: 1999, to: 2001 }] });
  });

  it('answers an item’s 404s: unknown collection, missing item, a page’s version', async () => {
    const [pageVersion] = await versionIds(s, '/v2/pages/landing_page/launch/');
    expect(await versionsOf(s, '/v2/content/nope/1/')).toMatchObject({
      status: 404,
      body: { detail: 'Collection matching query does not exist' },
    });
    expect(await versionsOf(s, '/v2/content/brands/999999/')).toMatchObject({
      status: 404,
      body: { detail: 'Not found' },
    });
    expect(await s.get(`${item}versions/${pageVersion}/`, s.demo.write_token)).toMatchObject({
      status: 404,
      body: { detail: 'Not found' },
    });
  });

  it('lists a post’s versions without a locale', async () => {
    const list = await versionsOf(s, '/v2/posts/versioned/');
    expect(list.status).toBe(200);
    expect(list.body.meta.count).toBe(2);
    expect(list.body.data[0]).toMatchObject({ locale: null, status: 'published', restored_from: null });
    // Posts have no locales: `?locale=` changes nothing.
    expect((await versionsOf(s, '/v2/posts/versioned/', '?locale=es')).body.meta.count).toBe(2);
  });

  it('reads a post version: its history fields, the author by slug, terms by name', async () => {
    const [newest, oldest] = await versionIds(s, '/v2/posts/versioned/');
    const res = await s.get(`/v2/posts/versioned/versions/${newest}/`, s.demo.write_token);
    expect(res.body.data).toMatchObject({ id: newest, name: 'Versioned again', slug: 'versioned', locale: null });
    expect(res.body.data.fields).toEqual({
      title: 'Versioned again',
      body: '<p>Body of versioned</p>',
      summary: '',
      seo_title: '',
      meta_description: '',
      featured_image: '',
      featured_image_alt: '',
      author: { slug: expect.any(String) },
      categories: ['News'],
      tags: ['one', 'two'],
      published: expect.any(String),
      scheduled: null,
    });
    const { changes } = (await s.get(`/v2/posts/versioned/versions/${oldest}/compare/${newest}/`, s.demo.write_token))
      .body.data;
    expect(changes.map((c: any) => c.path)).toEqual(['title', 'categories.0', 'tags.1']);
    expect(changes[2]).toEqual({ path: 'tags.1', from: null, to: 'two' });
  });

  it('answers a post’s 404s: missing post, another post’s version; a read token is a 401', async () => {
    const [mine] = await versionIds(s, '/v2/posts/versioned/');
    expect(await versionsOf(s, '/v2/posts/nope/')).toMatchObject({
      status: 404,
      body: { detail: 'Post matching query does not exist' },
    });
    const other = await s.store.db
      .selectFrom('posts')
      .select('slug')
      .where('slug', '!=', 'versioned')
      .executeTakeFirstOrThrow();
    expect(await s.get(`/v2/posts/${other.slug}/versions/${mine}/`, s.demo.write_token)).toMatchObject({
      status: 404,
      body: { detail: 'Not found' },
    });
    expect(await s.get(`/v2/pages/landing_page/launch/versions/${mine}/`, s.demo.write_token)).toMatchObject({
      status: 404,
      body: { detail: 'Not found' },
    });
    expect(await s.get('/v2/posts/versioned/versions/')).toMatchObject({ status: 401 });
  });
});
