import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuthor } from '../src/blog/authors/create-author.js';
import { defaultAuthor } from '../src/blog/authors/author-store.js';
import { member, type AdminClient } from './helpers/admin.js';
import { DIALECTS } from './helpers/databases.js';
import { demoServer, type TestServer } from './helpers/server.js';
import { auditOf, historyOf, newestTrashRow } from './helpers/trash.js';

// Deleting a blog post moves it to the trash (docs/api.md §12.2): restored, it keeps its id,
// author, categories and tags (a term deleted since is created again by name) and its history.

describe.each(DIALECTS)('the trash: posts (%s)', (dialect) => {
  let s: TestServer;
  let editor: AdminClient;
  const reads = async (slug: string) => {
    const [published, preview] = [await s.get(`/v2/posts/${slug}/`), await s.get(`/v2/posts/${slug}/?preview=1`)];
    return {
      published: { status: published.status, body: published.body },
      preview: { status: preview.status, body: preview.body },
    };
  };
  const postId = async (slug: string) =>
    (await s.store.db.selectFrom('posts').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id;

  beforeAll(async () => {
    s = await demoServer(dialect);
    editor = await member(s.app, s.store, s.demo.id, 'editor');
  });
  afterAll(async () => s?.close());

  it('restores a post with its id, author, categories, tags, both versions and history', async () => {
    const body = {
      title: 'Binned',
      slug: 'binned',
      status: 'published',
      body: '<p>Gone and back</p>',
      author: { slug: 'gita-ghee' },
      categories: ['Bin day', 'Recipes'],
      tags: ['Ephemeral', 'ghee'],
    };
    expect((await s.send('POST', '/v2/posts/', body)).status).toBe(202);
    expect((await s.send('PATCH', '/v2/posts/binned/', { title: 'Binned, draft', status: 'draft' })).status).toBe(202);
    const id = await postId('binned');
    const before = await reads('binned');
    expect(before.published.body.data).toMatchObject({ title: 'Binned', author: { slug: 'gita-ghee' } });
    expect(before.preview.body.data.title).toBe('Binned, draft');
    const history = await historyOf(s.store, s.demo.id, 'post', id);
    expect((await s.send('DELETE', '/v2/posts/binned/')).status).toBe(204);
    expect((await s.get('/v2/posts/binned/?preview=1')).status).toBe(404);
    const row = await newestTrashRow(s, 'post');
    expect(row).toMatchObject({ kind: 'post', slug: 'binned', name: 'Binned, draft' });
    expect(Object.keys(row)).not.toContain('page_type');
    // Used by no post now, the new category and tag may be deleted: the restore makes them again.
    expect((await editor.request('DELETE', `/admin/api/accounts/${s.demo.id}/categories/bin-day`)).status).toBe(204);
    expect((await editor.request('DELETE', `/admin/api/accounts/${s.demo.id}/tags/ephemeral`)).status).toBe(204);
    expect((await s.get('/v2/categories/bin-day/')).status).toBe(404);
    expect((await s.send('POST', `/v2/trash/post/${row.trash_id}/restore/`)).status).toBe(202);
    expect(await postId('binned')).toBe(id);
    expect(await reads('binned')).toEqual(before);
    expect(await historyOf(s.store, s.demo.id, 'post', id)).toEqual(history);
    expect((await s.get('/v2/categories/bin-day/')).status).toBe(200);
    expect((await s.get('/v2/posts/search/?query=binned')).body.data.map((p: { slug: string }) => p.slug)).toEqual([
      'binned',
    ]);
    expect(await auditOf(s.store, s.demo.id, 'restore', id)).toMatchObject([{ kind: 'post', target_slug: 'binned' }]);
  });

  it("gives a post whose author is gone the account's default author", async () => {
    const author = await createAuthor(s.store.db, s.demo.id, {
      firstName: 'Passing',
      lastName: 'Writer',
      email: 'passing@ghee.test',
    });
    const body = { title: 'Orphan', slug: 'orphan', status: 'published', author: { slug: author.slug } };
    expect((await s.send('POST', '/v2/posts/', body)).status).toBe(202);
    expect((await s.send('DELETE', '/v2/posts/orphan/')).status).toBe(204);
    // No API deletes an author; an operator's SQL could, and the restore must still succeed.
    await s.store.db.deleteFrom('authors').where('id', '=', author.id).execute();
    const row = await newestTrashRow(s, 'post');
    expect((await s.send('POST', `/v2/trash/post/${row.trash_id}/restore/`)).status).toBe(202);
    const owner = await defaultAuthor(s.store.db, s.demo.id);
    expect((await s.get('/v2/posts/orphan/')).body.data.author.slug).toBe(owner!.slug);
  });

  it('refuses a restore whose slug was taken meanwhile: 409, nothing changed', async () => {
    expect((await s.send('POST', '/v2/posts/', { title: 'Twice', slug: 'twice', status: 'published' })).status).toBe(
      202,
    );
    expect((await s.send('DELETE', '/v2/posts/twice/')).status).toBe(204);
    const row = await newestTrashRow(s, 'post');
    expect((await s.send('POST', '/v2/posts/', { title: 'Twice again', slug: 'twice', status: 'draft' })).status).toBe(
      202,
    );
    const before = await reads('twice');
    const refused = await s.send('POST', `/v2/trash/post/${row.trash_id}/restore/`);
    expect(refused).toMatchObject({ status: 409, body: { detail: "A post with slug 'twice' already exists" } });
    expect(await reads('twice')).toEqual(before);
    expect(await newestTrashRow(s, 'post')).toEqual(row);
  });

  it('answers 404 for a post row restored through the page path, and for one already restored', async () => {
    expect((await s.send('POST', '/v2/posts/', { title: 'Kinds', slug: 'kinds', status: 'draft' })).status).toBe(202);
    expect((await s.send('DELETE', '/v2/posts/kinds/')).status).toBe(204);
    const row = await newestTrashRow(s, 'post');
    const wrong = await s.send('POST', `/v2/trash/page/${row.trash_id}/restore/`);
    expect(wrong).toMatchObject({ status: 404, body: { detail: 'Not found' } });
    expect((await s.send('POST', `/v2/trash/post/${row.trash_id}/restore/`)).status).toBe(202);
    expect((await s.send('POST', `/v2/trash/post/${row.trash_id}/restore/`)).status).toBe(404);
  });
});
