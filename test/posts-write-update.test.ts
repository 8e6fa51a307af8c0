import { describe, expect, it } from 'vitest';
import { postBody } from './helpers/blog.js';
import { DIALECTS } from './helpers/databases.js';
import { usePostWrites } from './helpers/post-writes.js';

// PATCH and PUT /v2/posts/<slug>/ (docs/api.md §4, §6): only the keys sent change, renames,
// versions (draft over published), the featured image kept or cleared, and the refusals.

describe.each(DIALECTS)('post updates (%s)', (dialect) => {
  const w = usePostWrites(dialect);
  const { read } = w;

  it('changes only the keys sent (PATCH and PUT alike), keeping categories and tags unless sent', async () => {
    await w.s.send(
      'POST',
      '/v2/posts/',
      postBody('partial', { summary: 'Sum', categories: ['Recipes'], tags: ['ghee'] }),
    );
    const before = await read('partial');
    w.clock.advance(1000);
    expect((await w.s.send('PATCH', '/v2/posts/partial/', { title: 'New title' })).status).toBe(202);
    expect((await w.s.send('PUT', '/v2/posts/partial/', { seo_title: 'SEO' })).status).toBe(202);
    const after = await read('partial');
    expect(after).toMatchObject({
      title: 'New title',
      seo_title: 'SEO',
      summary: 'Sum',
      body: before.body,
      categories: before.categories,
      tags: before.tags,
      status: 'published',
    });
    expect(after.published).toBe(before.published);
    expect(after.created).toBe(before.created);
    expect(after.updated > before.updated).toBe(true);
    await w.s.send('PATCH', '/v2/posts/partial/', { categories: ['News', 'Recipes'], tags: [] });
    expect(await read('partial')).toMatchObject({
      categories: [
        { name: 'News', slug: 'news' },
        { name: 'Recipes', slug: 'recipes' },
      ],
      tags: [],
    });
  });

  it('renames a post through slug', async () => {
    await w.s.send('POST', '/v2/posts/', postBody('old-slug'));
    expect((await w.s.send('PATCH', '/v2/posts/old-slug/', { slug: 'new-slug' })).status).toBe(202);
    expect((await w.s.get('/v2/posts/old-slug/')).status).toBe(404);
    expect((await read('new-slug')).url).toBe('/new-slug');
    expect((await w.s.send('PATCH', '/v2/posts/new-slug/', { slug: 'hello-world' })).body).toEqual({
      detail: { fields: { slug: ['A post with this slug already exists.'] } },
    });
  });

  it('keeps the published version while a draft is pending, then publishes it', async () => {
    await w.s.send('POST', '/v2/posts/', postBody('versioned', { title: 'Live title' }));
    expect((await w.s.send('PATCH', '/v2/posts/versioned/', { status: 'draft', title: 'Draft title' })).status).toBe(
      202,
    );
    expect((await read('versioned')).title).toBe('Live title');
    const draft = await read('versioned', true);
    expect(draft).toMatchObject({ title: 'Draft title', status: 'draft' });
    expect(draft.published).toMatch(/Z$/);
    expect((await w.s.send('PATCH', '/v2/posts/versioned/', { summary: 'Still a draft' })).status).toBe(202);
    expect((await read('versioned')).summary).toBe('');
    expect((await w.s.send('PATCH', '/v2/posts/versioned/', { status: 'published' })).status).toBe(202);
    expect(await read('versioned')).toMatchObject({
      title: 'Draft title',
      summary: 'Still a draft',
      status: 'published',
    });
  });

  it('answers 404 before validation for a missing post, and 400s for bad bodies', async () => {
    const missing = await w.s.send('PATCH', '/v2/posts/nope/', { title: 5 });
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ detail: 'Post matching query does not exist' });
    expect((await w.s.send('PUT', '/v2/posts/nope/', {})).status).toBe(404);
    expect((await w.s.send('POST', '/v2/posts/', { ...postBody('k'), titel: 'x' })).body).toEqual({
      detail: "Unknown key 'titel' in request body",
    });
    expect((await w.s.send('PATCH', '/v2/posts/hello-world/', { fields: {} })).body).toEqual({
      detail: "Unknown key 'fields' in request body",
    });
    expect((await w.s.send('POST', '/v2/posts/', [1])).body).toEqual({ detail: 'Request body must be a JSON object' });
    const notJson = await w.s.app.inject({
      method: 'POST',
      url: '/v2/posts/',
      headers: { authorization: `Token ${w.s.demo.write_token}` },
      payload: '{"title"',
    });
    expect(notJson.statusCode).toBe(400);
    expect(JSON.parse(notJson.body)).toEqual({ detail: 'JSON parse error' });
    const failed = await w.s.send(
      'POST',
      '/v2/posts/',
      postBody('no-image', { featured_image: `${w.images.base}/missing.png` }),
    );
    expect(failed.status).toBe(400);
    expect(failed.body.detail.fields.featured_image[0]).toMatch(/^Could not download the file/);
    expect((await w.s.get('/v2/posts/no-image/?preview=1')).status).toBe(404);
  });

  it('clears the featured image with "" and keeps one read back without a new download', async () => {
    await w.s.send('POST', '/v2/posts/', postBody('imaged', { featured_image: `${w.images.base}/cover.png` }));
    const url = (await read('imaged')).featured_image;
    expect((await w.s.send('PATCH', '/v2/posts/imaged/', { featured_image: url })).status).toBe(202);
    expect((await read('imaged')).featured_image).toBe(url);
    expect((await w.s.send('PATCH', '/v2/posts/imaged/', { featured_image: '' })).status).toBe(202);
    expect((await read('imaged')).featured_image).toBe('');
  });
});
