import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { movableClock, postBody } from './helpers/blog.js';
import { DIALECTS } from './helpers/databases.js';
import { demoServer, PUBLIC_URL, type TestServer } from './helpers/server.js';

// POST /v2/posts/, PATCH/PUT/DELETE /v2/posts/<slug>/ (docs/api.md §4, §6): field-level
// validation, the author by email or slug, categories and tags by name, the featured image in the
// media store, sanitised bodies, versions (draft over published), and the slug race.

const ACCEPTED = { status: 'pending' };
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

/** A local server with one PNG, for featured images. */
async function imageServer() {
  const server = http.createServer((req, res) => {
    if (req.url === '/cover.png') res.writeHead(200, { 'content-type': 'image/png' }).end(PNG);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise<void>((r) => server.close(() => r())) };
}

describe.each(DIALECTS)('post writes (%s)', (dialect) => {
  let s: TestServer;
  let images: Awaited<ReturnType<typeof imageServer>>;
  const clock = movableClock();
  const read = async (slug: string, preview = false) => (await s.get(`/v2/posts/${slug}/${preview ? '?preview=1' : ''}`)).body.data;
  beforeAll(async () => {
    s = await demoServer(dialect, { clock });
    images = await imageServer();
  });
  afterAll(async () => {
    await s?.close();
    await images?.close();
  });

  it('creates a post with every field; it reads back at once', async () => {
    const r = await s.send('POST', '/v2/posts/', {
      title: 'Spiced <ghee> & you', slug: 'spiced-ghee', status: 'published', author: { email: 'GITA@demo.invalid' },
      categories: ['Recipes', 'Spices', 'Recipes'], tags: ['Hot & spicy'], featured_image: `${images.base}/cover.png`,
      featured_image_alt: 'A jar', body: '<p>Warm it.</p>', summary: 'Warm spices.', seo_title: 'Spiced ghee', meta_description: 'How to',
      upload_images_to_media_library: false,
    });
    expect(r.status).toBe(202);
    expect(r.body).toEqual(ACCEPTED);
    const post = await read('spiced-ghee');
    expect(post).toMatchObject({
      status: 'published', title: 'Spiced <ghee> & you', slug: 'spiced-ghee', body: '<p>Warm it.</p>', summary: 'Warm spices.',
      seo_title: 'Spiced ghee', meta_description: 'How to', featured_image_alt: 'A jar', url: '/spiced-ghee', scheduled: null, deleted: null,
      author: { slug: 'gita-ghee', email: 'gita@demo.invalid' },
      categories: [{ name: 'Recipes', slug: 'recipes' }, { name: 'Spices', slug: 'spices' }],
      tags: [{ name: 'Hot & spicy', slug: 'hot-spicy' }],
    });
    expect(post.featured_image).toMatch(new RegExp(`^${PUBLIC_URL}/media/[0-9a-f]{64}\\.png$`));
    const served = await s.app.inject({ method: 'GET', url: post.featured_image.slice(PUBLIC_URL.length) });
    expect(served.rawPayload.equals(PNG)).toBe(true);
    expect(post.created).toBe(post.published);
    expect((await s.get('/v2/categories/spices/')).body).toEqual({ data: { name: 'Spices', slug: 'spices' } });
  });

  it('creates a draft by default, by the default author, seen only under preview', async () => {
    expect((await s.send('POST', '/v2/posts/', { title: 'Just a title', slug: 'just-a-title' })).status).toBe(202);
    expect((await s.get('/v2/posts/just-a-title/')).status).toBe(404);
    const post = await read('just-a-title', true);
    expect(post).toMatchObject({ status: 'draft', published: null, body: '', summary: '', featured_image: '', categories: [], tags: [] });
    expect(post.author).toMatchObject({ slug: 'demo', email: 'owner@demo.invalid' });
  });

  it('sanitises the body: no script, handler or javascript: URL is stored', async () => {
    const body = '<h2>Hi</h2><p onclick="steal()">x <a href="javascript:alert(1)">a</a> <a href="https://ok.example">b</a></p><script>alert(1)</script><img src="https://i.example/x.png" onerror="alert(1)"><iframe src="https://evil.example"></iframe>';
    expect((await s.send('POST', '/v2/posts/', postBody('dirty', { body }))).status).toBe(202);
    expect((await read('dirty')).body).toBe('<h2>Hi</h2><p>x <a>a</a> <a href="https://ok.example">b</a></p><img src="https://i.example/x.png" />');
  });

  it('reports every failing field at once, storing nothing', async () => {
    const r = await s.send('POST', '/v2/posts/', {
      title: 7, slug: 'Bad Slug', status: 'live', scheduled: 'tomorrow', author: 'gita', categories: ['ok', 3, '  ', 'x'.repeat(101)],
      tags: 'butter', featured_image: 'ftp://x/y.png', summary: 'a\u0000b', upload_images_to_media_library: 'yes',
    });
    expect(r.status).toBe(400);
    expect(r.body).toEqual({ detail: { fields: {
      title: ['Not a valid string.'],
      summary: ['Null characters are not allowed.'],
      slug: ['Enter a valid slug: lowercase letters, digits and hyphens, at most 200 characters.'],
      status: ['"live" is not a valid choice.'],
      scheduled: ['Datetime has wrong format. Use one of these formats instead: YYYY-MM-DDThh:mm[:ss[.uuuuuu]](Z|+HH:MM|-HH:MM).'],
      featured_image: ['Enter a valid URL.'],
      author: ['Expected an object with the author\'s "email" or "slug".'],
      'categories.1': ['Not a valid string.'],
      'categories.2': ['This name may not be blank.'],
      'categories.3': ['Ensure this name has no more than 100 characters.'],
      tags: ['Expected a list of items.'],
      upload_images_to_media_library: ['Must be a valid boolean.'],
    } } });
    expect((await s.get('/v2/categories/ok/')).status).toBe(404);
    const missing = await s.send('POST', '/v2/posts/', { body: '<p>x</p>' });
    expect(missing.body).toEqual({ detail: { fields: { title: ['This field is required.'], slug: ['This field is required.'] } } });
    const blank = await s.send('POST', '/v2/posts/', { title: ' ', slug: '' });
    expect(blank.body).toEqual({ detail: { fields: { title: ['This field is required.'], slug: ['This field is required.'] } } });
  });

  it('names the author by email or slug; an unknown one is a field error', async () => {
    expect((await s.send('POST', '/v2/posts/', postBody('by-slug', { author: { slug: 'gita-ghee' } }))).status).toBe(202);
    expect((await read('by-slug')).author.slug).toBe('gita-ghee');
    const byEmail = await s.send('POST', '/v2/posts/', postBody('by-email', { author: { email: 'nobody@demo.invalid' } }));
    expect(byEmail.body).toEqual({ detail: { fields: { author: ['No author with email "nobody@demo.invalid".'] } } });
    const bySlug = await s.send('POST', '/v2/posts/', postBody('by-email', { author: { slug: 'nobody' } }));
    expect(bySlug.body).toEqual({ detail: { fields: { author: ['No author with slug "nobody".'] } } });
    // A post object read back (author with every key) names its author by email.
    const whole = (await read('by-slug')).author;
    expect((await s.send('PATCH', '/v2/posts/by-slug/', { author: whole })).status).toBe(202);
  });

  it('refuses a taken slug and the reserved "search"', async () => {
    expect((await s.send('POST', '/v2/posts/', postBody('hello-world'))).body).toEqual({ detail: { fields: { slug: ['A post with this slug already exists.'] } } });
    expect((await s.send('POST', '/v2/posts/', postBody('search'))).body).toEqual({ detail: { fields: { slug: ['"search" is reserved: it would shadow /v2/posts/search/.'] } } });
    expect((await s.send('PATCH', '/v2/posts/hello-world/', { slug: 'search' })).status).toBe(400);
  });

  it('gives exactly one 202 and one 400 for two concurrent creates of one slug', async () => {
    const results = await Promise.all([s.send('POST', '/v2/posts/', postBody('race')), s.send('POST', '/v2/posts/', postBody('race', { title: 'Other' }))]);
    expect(results.map((r) => r.status).sort()).toEqual([202, 400]);
    expect(results.find((r) => r.status === 400)!.body).toEqual({ detail: { fields: { slug: ['A post with this slug already exists.'] } } });
    const many = await Promise.all(Array.from({ length: 6 }, () => s.send('POST', '/v2/posts/', postBody('race-many', { categories: ['Brand new'], tags: ['fresh'] }))));
    expect(many.filter((r) => r.status === 202)).toHaveLength(1);
    expect((await s.get('/v2/categories/')).body.data.filter((c: { name: string }) => c.name === 'Brand new')).toHaveLength(1);
  });

  it('changes only the keys sent (PATCH and PUT alike), keeping categories and tags unless sent', async () => {
    await s.send('POST', '/v2/posts/', postBody('partial', { summary: 'Sum', categories: ['Recipes'], tags: ['ghee'] }));
    const before = await read('partial');
    clock.advance(1000);
    expect((await s.send('PATCH', '/v2/posts/partial/', { title: 'New title' })).status).toBe(202);
    expect((await s.send('PUT', '/v2/posts/partial/', { seo_title: 'SEO' })).status).toBe(202);
    const after = await read('partial');
    expect(after).toMatchObject({ title: 'New title', seo_title: 'SEO', summary: 'Sum', body: before.body, categories: before.categories, tags: before.tags, status: 'published' });
    expect(after.published).toBe(before.published);
    expect(after.created).toBe(before.created);
    expect(after.updated > before.updated).toBe(true);
    await s.send('PATCH', '/v2/posts/partial/', { categories: ['News', 'Recipes'], tags: [] });
    expect(await read('partial')).toMatchObject({ categories: [{ name: 'News', slug: 'news' }, { name: 'Recipes', slug: 'recipes' }], tags: [] });
  });

  it('renames a post through slug', async () => {
    await s.send('POST', '/v2/posts/', postBody('old-slug'));
    expect((await s.send('PATCH', '/v2/posts/old-slug/', { slug: 'new-slug' })).status).toBe(202);
    expect((await s.get('/v2/posts/old-slug/')).status).toBe(404);
    expect((await read('new-slug')).url).toBe('/new-slug');
    expect((await s.send('PATCH', '/v2/posts/new-slug/', { slug: 'hello-world' })).body).toEqual({ detail: { fields: { slug: ['A post with this slug already exists.'] } } });
  });

  it('keeps the published version while a draft is pending, then publishes it', async () => {
    await s.send('POST', '/v2/posts/', postBody('versioned', { title: 'Live title' }));
    expect((await s.send('PATCH', '/v2/posts/versioned/', { status: 'draft', title: 'Draft title' })).status).toBe(202);
    expect((await read('versioned')).title).toBe('Live title');
    const draft = await read('versioned', true);
    expect(draft).toMatchObject({ title: 'Draft title', status: 'draft' });
    expect(draft.published).toMatch(/Z$/);
    expect((await s.send('PATCH', '/v2/posts/versioned/', { summary: 'Still a draft' })).status).toBe(202);
    expect((await read('versioned')).summary).toBe('');
    expect((await s.send('PATCH', '/v2/posts/versioned/', { status: 'published' })).status).toBe(202);
    expect(await read('versioned')).toMatchObject({ title: 'Draft title', summary: 'Still a draft', status: 'published' });
  });

  it('answers 404 before validation for a missing post, and 400s for bad bodies', async () => {
    const missing = await s.send('PATCH', '/v2/posts/nope/', { title: 5 });
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ detail: 'Post matching query does not exist' });
    expect((await s.send('PUT', '/v2/posts/nope/', {})).status).toBe(404);
    expect((await s.send('POST', '/v2/posts/', { ...postBody('k'), titel: 'x' })).body).toEqual({ detail: "Unknown key 'titel' in request body" });
    expect((await s.send('PATCH', '/v2/posts/hello-world/', { fields: {} })).body).toEqual({ detail: "Unknown key 'fields' in request body" });
    expect((await s.send('POST', '/v2/posts/', [1])).body).toEqual({ detail: 'Request body must be a JSON object' });
    const notJson = await s.app.inject({ method: 'POST', url: '/v2/posts/', headers: { authorization: `Token ${s.demo.write_token}` }, payload: '{"title"' });
    expect(notJson.statusCode).toBe(400);
    expect(JSON.parse(notJson.body)).toEqual({ detail: 'JSON parse error' });
    const failed = await s.send('POST', '/v2/posts/', postBody('no-image', { featured_image: `${images.base}/missing.png` }));
    expect(failed.status).toBe(400);
    expect(failed.body.detail.fields.featured_image[0]).toMatch(/^Could not download the file/);
    expect((await s.get('/v2/posts/no-image/?preview=1')).status).toBe(404);
  });

  it('clears the featured image with "" and keeps one read back without a new download', async () => {
    await s.send('POST', '/v2/posts/', postBody('imaged', { featured_image: `${images.base}/cover.png` }));
    const url = (await read('imaged')).featured_image;
    expect((await s.send('PATCH', '/v2/posts/imaged/', { featured_image: url })).status).toBe(202);
    expect((await read('imaged')).featured_image).toBe(url);
    expect((await s.send('PATCH', '/v2/posts/imaged/', { featured_image: '' })).status).toBe(202);
    expect((await read('imaged')).featured_image).toBe('');
  });
});
