import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteTerm } from '../src/blog/terms/delete-term.js';
import { postBody } from './helpers/blog.js';
import { DIALECTS } from './helpers/databases.js';
import { versionIds, versionsOf } from './helpers/history.js';
import { demoServer, type TestServer } from './helpers/server.js';

// POST /v2/posts/<slug>/versions/<id>/restore/ (docs/api.md §12.1): the post's texts, author and
// terms back through the post write path, as a draft over the published post or published.

describe.each(DIALECTS)('restoring post versions (%s)', (dialect) => {
  let s: TestServer;
  let first: number;
  const base = '/v2/posts/kept/';
  const restore = (id: number | string, body?: unknown, path = base) =>
    s.send('POST', `${path}versions/${id}/restore/`, body);
  const read = async (preview = false) => (await s.get(`${base}${preview ? '?preview=1' : ''}`)).body.data;

  beforeAll(async () => {
    s = await demoServer(dialect);
    const body = postBody('kept', { author: { slug: 'gita-ghee' }, tags: ['old-tag'], categories: ['Old'] });
    expect((await s.send('POST', '/v2/posts/', body)).status).toBe(202);
    [first] = (await versionIds(s, base)) as [number];
    const change = {
      title: 'Rewritten',
      body: '<p>New body</p>',
      author: { slug: 'demo' },
      tags: ['new-tag'],
      categories: ['New'],
    };
    expect((await s.send('PATCH', base, change)).status).toBe(202);
  });
  afterAll(async () => s?.close());

  it('restores as a draft: readers keep the published post, the newest version is the old one', async () => {
    expect(await restore(first)).toMatchObject({ status: 202, body: { status: 'pending', left_out: [] } });
    expect(await read()).toMatchObject({ title: 'Rewritten', body: '<p>New body</p>' });
    const latest = await read(true);
    expect(latest).toMatchObject({
      title: 'Title of kept',
      body: '<p>Body of kept</p>',
      status: 'draft',
      author: { slug: 'gita-ghee' },
    });
    expect(latest.tags.map((t: any) => t.name)).toEqual(['old-tag']);
    expect(latest.categories.map((c: any) => c.name)).toEqual(['Old']);
    expect((await versionsOf(s, base)).body.data[0]).toMatchObject({
      locale: null,
      status: 'draft',
      restored_from: first,
      author: { type: 'token' },
    });
  });

  it('restores as published, bringing back a category deleted since', async () => {
    expect((await s.send('PATCH', base, { categories: ['New'], status: 'published' })).status).toBe(202);
    await deleteTerm(s.store, 'categories', s.demo.id, 'old');
    expect(await restore(first, { status: 'published' })).toMatchObject({ status: 202, body: { left_out: [] } });
    const post = await read();
    expect(post).toMatchObject({ title: 'Title of kept', status: 'published', author: { slug: 'gita-ghee' } });
    expect(post.categories.map((c: any) => c.name)).toEqual(['Old']);
  });

  it('leaves out an author no longer found by the slug the version names', async () => {
    expect((await s.send('POST', '/v2/posts/', postBody('authored', { author: { slug: 'gita-ghee' } }))).status).toBe(
      202,
    );
    const [version] = await versionIds(s, '/v2/posts/authored/');
    await s.store.db
      .updateTable('authors')
      .set({ slug: 'gita-renamed' })
      .where('slug', '=', 'gita-ghee')
      .where('account_id', '=', s.demo.id)
      .execute();
    expect((await s.send('PATCH', '/v2/posts/authored/', { title: 'Changed' })).status).toBe(202);
    expect(await restore(version!, { status: 'published' }, '/v2/posts/authored/')).toMatchObject({
      status: 202,
      body: { status: 'pending', left_out: ['author'] },
    });
    const post = (await s.get('/v2/posts/authored/')).body.data;
    expect(post).toMatchObject({ title: 'Title of authored', author: { slug: 'gita-renamed' } });
  });

  it('answers 404 for another post’s version, 401 to a read token, 400 to a bad status', async () => {
    const [other] = await versionIds(s, '/v2/posts/authored/');
    expect(await restore(other!)).toMatchObject({ status: 404, body: { detail: 'Not found' } });
    expect(await restore(first, undefined, '/v2/posts/missing/')).toMatchObject({
      status: 404,
      body: { detail: 'Post matching query does not exist' },
    });
    expect(await s.send('POST', `${base}versions/${first}/restore/`, {}, s.demo.read_token)).toMatchObject({
      status: 401,
    });
    expect(await restore(first, { status: 'scheduled' })).toMatchObject({
      status: 400,
      body: { detail: `'status' must be "draft" or "published"` },
    });
  });
});
