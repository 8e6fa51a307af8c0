import { describe, expect, it } from 'vitest';
import { postBody } from './helpers/blog.js';
import { DIALECTS } from './helpers/databases.js';
import { PNG_1X1 } from './helpers/media-origin.js';
import { usePostWrites } from './helpers/post-writes.js';
import { PUBLIC_URL } from './helpers/server.js';

// POST /v2/posts/ (docs/api.md §4, §6): field-level validation, the author by email or slug,
// categories and tags by name, the featured image in the media store, sanitised bodies, and the
// slug race.

const ACCEPTED = { status: 'pending' };

describe.each(DIALECTS)('post creates (%s)', (dialect) => {
  const w = usePostWrites(dialect);
  const { read } = w;

  it('creates a post with every field; it reads back at once', async () => {
    const r = await w.s.send('POST', '/v2/posts/', {
      title: 'Spiced <ghee> & you',
      slug: 'spiced-ghee',
      status: 'published',
      author: { email: 'GITA@demo.invalid' },
      categories: ['Recipes', 'Spices', 'Recipes'],
      tags: ['Hot & spicy'],
      featured_image: `${w.images.base}/cover.png`,
      featured_image_alt: 'A jar',
      body: '<p>Warm it.</p>',
      summary: 'Warm spices.',
      seo_title: 'Spiced ghee',
      meta_description: 'How to',
      upload_images_to_media_library: false,
    });
    expect(r.status).toBe(202);
    expect(r.body).toEqual(ACCEPTED);
    const post = await read('spiced-ghee');
    expect(post).toMatchObject({
      status: 'published',
      title: 'Spiced <ghee> & you',
      slug: 'spiced-ghee',
      body: '<p>Warm it.</p>',
      summary: 'Warm spices.',
      seo_title: 'Spiced ghee',
      meta_description: 'How to',
      featured_image_alt: 'A jar',
      url: '/spiced-ghee',
      scheduled: null,
      deleted: null,
      author: { slug: 'gita-ghee', email: 'gita@demo.invalid' },
      categories: [
        { name: 'Recipes', slug: 'recipes' },
        { name: 'Spices', slug: 'spices' },
      ],
      tags: [{ name: 'Hot & spicy', slug: 'hot-spicy' }],
    });
    expect(post.featured_image).toMatch(new RegExp(`^${PUBLIC_URL}/media/[0-9a-f]{64}\\.png$`));
    const served = await w.s.app.inject({ method: 'GET', url: post.featured_image.slice(PUBLIC_URL.length) });
    expect(served.rawPayload.equals(PNG_1X1)).toBe(true);
    expect(post.created).toBe(post.published);
    expect((await w.s.get('/v2/categories/spices/')).body).toEqual({ data: { name: 'Spices', slug: 'spices' } });
  });

  it('creates a draft by default, by the default author, seen only under preview', async () => {
    expect((await w.s.send('POST', '/v2/posts/', { title: 'Just a title', slug: 'just-a-title' })).status).toBe(202);
    expect((await w.s.get('/v2/posts/just-a-title/')).status).toBe(404);
    const post = await read('just-a-title', true);
    expect(post).toMatchObject({
      status: 'draft',
      published: null,
      body: '',
      summary: '',
      featured_image: '',
      categories: [],
      tags: [],
    });
    expect(post.author).toMatchObject({ slug: 'demo', email: 'owner@demo.invalid' });
  });

  it('sanitises the body: no script, handler or javascript: URL is stored', async () => {
    const body =
      '<h2>Hi</h2><p onclick="steal()">x <a href="javascript:alert(1)">a</a> <a href="https://ok.example">b</a></p><script>alert(1)</script><img src="https://i.example/x.png" onerror="alert(1)"><iframe src="https://evil.example"></iframe>';
    expect((await w.s.send('POST', '/v2/posts/', postBody('dirty', { body }))).status).toBe(202);
    expect((await read('dirty')).body).toBe(
      '<h2>Hi</h2><p>x <a>a</a> <a href="https://ok.example">b</a></p><img src="https://i.example/x.png" />',
    );
  });

  it('reports every failing field at once, storing nothing', async () => {
    const r = await w.s.send('POST', '/v2/posts/', {
      title: 7,
      slug: 'Bad Slug',
      status: 'live',
      scheduled: 'tomorrow',
      author: 'gita',
      categories: ['ok', 3, '  ', 'x'.repeat(101)],
      tags: 'butter',
      featured_image: 'ftp://x/y.png',
      summary: 'a\u0000b',
      upload_images_to_media_library: 'yes',
    });
    expect(r.status).toBe(400);
    expect(r.body).toEqual({
      detail: {
        fields: {
          title: ['Not a valid string.'],
          summary: ['Null characters are not allowed.'],
          slug: ['Enter a valid slug: lowercase letters, digits and hyphens, at most 200 characters.'],
          status: ['"live" is not a valid choice.'],
          scheduled: [
            'Datetime has wrong format. Use one of these formats instead: YYYY-MM-DDThh:mm[:ss[.uuuuuu]](Z|+HH:MM|-HH:MM).',
          ],
          featured_image: ['Enter a valid URL.'],
          author: ['Expected an object with the author\'s "email" or "slug".'],
          'categories.1': ['Not a valid string.'],
          'categories.2': ['This name may not be blank.'],
          'categories.3': ['Ensure this name has no more than 100 characters.'],
          tags: ['Expected a list of items.'],
          upload_images_to_media_library: ['Must be a valid boolean.'],
        },
      },
    });
    expect((await w.s.get('/v2/categories/ok/')).status).toBe(404);
    const missing = await w.s.send('POST', '/v2/posts/', { body: '<p>x</p>' });
    expect(missing.body).toEqual({
      detail: { fields: { title: ['This field is required.'], slug: ['This field is required.'] } },
    });
    const blank = await w.s.send('POST', '/v2/posts/', { title: ' ', slug: '' });
    expect(blank.body).toEqual({
      detail: { fields: { title: ['This field is required.'], slug: ['This field is required.'] } },
    });
  });

  it('names the author by email or slug; an unknown one is a field error', async () => {
    expect((await w.s.send('POST', '/v2/posts/', postBody('by-slug', { author: { slug: 'gita-ghee' } }))).status).toBe(
      202,
    );
    expect((await read('by-slug')).author.slug).toBe('gita-ghee');
    const byEmail = await w.s.send(
      'POST',
      '/v2/posts/',
      postBody('by-email', { author: { email: 'nobody@demo.invalid' } }),
    );
    expect(byEmail.body).toEqual({ detail: { fields: { author: ['No author with email "nobody@demo.invalid".'] } } });
    const bySlug = await w.s.send('POST', '/v2/posts/', postBody('by-email', { author: { slug: 'nobody' } }));
    expect(bySlug.body).toEqual({ detail: { fields: { author: ['No author with slug "nobody".'] } } });
    // A post object read back (author with every key) names its author by email.
    const whole = (await read('by-slug')).author;
    expect((await w.s.send('PATCH', '/v2/posts/by-slug/', { author: whole })).status).toBe(202);
  });

  it('refuses a taken slug and the reserved "search"', async () => {
    expect((await w.s.send('POST', '/v2/posts/', postBody('hello-world'))).body).toEqual({
      detail: { fields: { slug: ['A post with this slug already exists.'] } },
    });
    expect((await w.s.send('POST', '/v2/posts/', postBody('search'))).body).toEqual({
      detail: { fields: { slug: ['"search" is reserved: it would shadow /v2/posts/search/.'] } },
    });
    expect((await w.s.send('PATCH', '/v2/posts/hello-world/', { slug: 'search' })).status).toBe(400);
  });

  it('gives exactly one 202 and one 400 for two concurrent creates of one slug', async () => {
    const results = await Promise.all([
      w.s.send('POST', '/v2/posts/', postBody('race')),
      w.s.send('POST', '/v2/posts/', postBody('race', { title: 'Other' })),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([202, 400]);
    expect(results.find((r) => r.status === 400)!.body).toEqual({
      detail: { fields: { slug: ['A post with this slug already exists.'] } },
    });
    const many = await Promise.all(
      Array.from({ length: 6 }, () =>
        w.s.send('POST', '/v2/posts/', postBody('race-many', { categories: ['Brand new'], tags: ['fresh'] })),
      ),
    );
    expect(many.filter((r) => r.status === 202)).toHaveLength(1);
    expect(
      (await w.s.get('/v2/categories/')).body.data.filter((c: { name: string }) => c.name === 'Brand new'),
    ).toHaveLength(1);
  });
});
