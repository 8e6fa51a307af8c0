import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../src/accounts/accounts.js';
import { member, type AdminClient } from './helpers/admin.js';
import { postBody } from './helpers/blog.js';
import { DIALECTS } from './helpers/databases.js';
import { demoServer, type TestServer } from './helpers/server.js';

// Categories and tags outlive the posts that used them (issue 17 item 16): deleting a post keeps
// them; the admin API lists them with their post counts and deletes an unused one, refusing one
// in use; /v2/categories and /v2/tags change at once, cache or not.

const KINDS = [
  { kind: 'categories', noun: 'category', field: 'categories', name: 'Solo section', slug: 'solo-section' },
  { kind: 'tags', noun: 'tag', field: 'tags', name: 'solo tag', slug: 'solo-tag' },
] as const;

describe.each(DIALECTS)('deleting unused categories and tags (%s)', (dialect) => {
  let s: TestServer;
  let editor: AdminClient;
  let viewer: AdminClient;
  let base: string;

  beforeAll(async () => {
    s = await demoServer(dialect);
    editor = await member(s.app, s.store, s.demo.id, 'editor');
    viewer = await member(s.app, s.store, s.demo.id, 'viewer');
    base = `/admin/api/accounts/${s.demo.id}`;
  });
  afterAll(async () => s?.close());

  const v2Slugs = async (kind: string) =>
    (await s.get(`/v2/${kind}/`)).body.data.map((t: { slug: string }) => t.slug) as string[];

  it.for(KINDS)(
    'deleting the only post using a $noun keeps the $noun in /v2/$kind',
    async ({ kind, field, name, slug }) => {
      expect((await s.send('POST', '/v2/posts/', postBody(`only-${slug}`, { [field]: [name] }))).status).toBe(202);
      expect(await v2Slugs(kind)).toContain(slug);
      expect((await s.send('DELETE', `/v2/posts/only-${slug}/`)).status).toBe(204);
      expect(await v2Slugs(kind)).toContain(slug);
      expect((await s.get(`/v2/${kind}/${slug}/`)).body).toEqual({ data: { name, slug } });
    },
  );

  it.for(KINDS)('lists the $kind with how many posts use each (0 for the one left behind)', async ({ kind, slug }) => {
    const res = await viewer.get(`${base}/${kind}`);
    expect(res.status).toBe(200);
    const posts = (await s.get('/v2/posts/?preview=1&page_size=100')).body.data as Record<string, { slug: string }[]>[];
    const expected = (await s.get(`/v2/${kind}/`)).body.data.map((t: { name: string; slug: string }) => ({
      ...t,
      posts: posts.filter((p) => p[kind]!.some((x) => x.slug === t.slug)).length,
    }));
    expect(res.body).toEqual({ data: expected });
    expect(res.body.data.find((t: { slug: string }) => t.slug === slug)).toMatchObject({ posts: 0 });
    expect(res.body.data.filter((t: { posts: number }) => t.posts > 0).length).toBeGreaterThan(0);
  });

  it.for(KINDS)('deletes an unused $noun: 204, gone from cached /v2 answers at once', async ({ kind, slug }) => {
    await s.get(`/v2/${kind}/`);
    expect((await s.get(`/v2/${kind}/`)).headers['x-ghee-cache']).toBe('hit');
    await s.get(`/v2/${kind}/${slug}/`);
    const gone = await editor.request('DELETE', `${base}/${kind}/${slug}`);
    expect(gone).toMatchObject({ status: 204, body: null });
    const list = await s.get(`/v2/${kind}/`);
    expect(list.headers['x-ghee-cache']).toBe('miss');
    expect(list.body.data.map((t: { slug: string }) => t.slug)).not.toContain(slug);
    expect(await s.get(`/v2/${kind}/${slug}/`)).toMatchObject({ status: 404, body: { detail: 'Not found' } });
    expect((await viewer.get(`${base}/${kind}`)).body.data.map((t: { slug: string }) => t.slug)).not.toContain(slug);
    expect(await editor.request('DELETE', `${base}/${kind}/${slug}/`)).toMatchObject({
      status: 404,
      body: { detail: 'Not found' },
    });
  });

  it.for(KINDS)('a new post naming a deleted $noun creates it again', async ({ kind, field, name, slug }) => {
    expect((await s.send('POST', '/v2/posts/', postBody(`again-${slug}`, { [field]: [name] }))).status).toBe(202);
    expect((await s.get(`/v2/posts/again-${slug}/`)).body.data[kind]).toEqual([{ name, slug }]);
  });

  it('refuses a category that posts use: 409 with the count, and it stays', async () => {
    const recipes = (await viewer.get(`${base}/categories`)).body.data.find(
      (t: { slug: string }) => t.slug === 'recipes',
    );
    expect(recipes.posts).toBeGreaterThan(1);
    const refused = await editor.request('DELETE', `${base}/categories/recipes`);
    expect(refused.status).toBe(409);
    expect(refused.body).toEqual({
      detail: `Cannot delete the category "Recipes": ${recipes.posts} posts use it. Take it off those posts first.`,
      code: 'term_in_use',
    });
    expect(await v2Slugs('categories')).toContain('recipes');
  });

  it("refuses a tag that only a post's published version still has (its draft dropped it)", async () => {
    expect((await s.send('POST', '/v2/posts/', postBody('live-tagged', { tags: ['Still live'] }))).status).toBe(202);
    expect((await s.send('PATCH', '/v2/posts/live-tagged/', { status: 'draft', tags: [] })).status).toBe(202);
    const refused = await editor.request('DELETE', `${base}/tags/still-live`);
    expect(refused.status).toBe(409);
    expect(refused.body).toEqual({
      detail: 'Cannot delete the tag "Still live": 1 post uses it. Take it off that post first.',
      code: 'term_in_use',
    });
    expect((await s.get('/v2/posts/live-tagged/')).body.data.tags).toEqual([
      { name: 'Still live', slug: 'still-live' },
    ]);
  });

  it.for<[string, string]>([
    ['an unknown slug', 'categories/no-such-category'],
    ['a NUL in the slug', 'tags/a%00b'],
    ['a slug of another account', 'categories/elsewhere'],
  ])('404 Not found for %s', async ([, path]) => {
    const other = await createAccount(s.store.db, { name: `Other ${path.length}` });
    await s.send('POST', '/v2/posts/', postBody('elsewhere-post', { categories: ['Elsewhere'] }), other.write_token);
    await s.send('DELETE', '/v2/posts/elsewhere-post/', undefined, other.write_token);
    expect(await editor.request('DELETE', `${base}/${path}`)).toMatchObject({
      status: 404,
      body: { detail: 'Not found' },
    });
  });

  it('a viewer may list but not delete; a write needs the CSRF token', async () => {
    expect((await s.send('POST', '/v2/posts/', postBody('guarded', { tags: ['Guarded'] }))).status).toBe(202);
    expect((await s.send('DELETE', '/v2/posts/guarded/')).status).toBe(204);
    expect(await viewer.request('DELETE', `${base}/tags/guarded`)).toMatchObject({
      status: 403,
      body: { detail: 'You do not have permission to perform this action' },
    });
    expect(await editor.request('DELETE', `${base}/tags/guarded`, undefined, { csrf: null })).toMatchObject({
      status: 403,
      body: { detail: 'CSRF Failed: CSRF token missing or incorrect.' },
    });
    expect(await v2Slugs('tags')).toContain('guarded');
  });

  it('other methods are 405 with Allow', async () => {
    const res = await editor.request('POST', `${base}/categories`, {});
    expect(res).toMatchObject({ status: 405, body: { detail: 'Method "POST" not allowed.' } });
    expect(res.headers.allow).toBe('GET, HEAD');
    expect((await editor.request('GET', `${base}/tags/ghee`)).headers.allow).toBe('DELETE');
  });
});
