import Butter from 'buttercms';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { demoPost, demoSlugs, TIMESTAMP } from './helpers/blog.js';
import { failureOf, useButterAgainstGhee } from './helpers/buttercms-client.js';
import { DIALECTS } from './helpers/databases.js';

// The blog through the official ButterCMS client against Ghee: post.*, author.*, category.*,
// tag.* and feed.retrieve, as the client calls them.

describe.each(DIALECTS)('buttercms client blog against Ghee (%s)', (dialect) => {
  const ctx = useButterAgainstGhee(dialect);
  const { butter, requested } = ctx;

  it('post.list: newest published first, paginated, filtered, without bodies on request', async () => {
    const res = await butter().post.list({ page_size: 3, exclude_body: true });
    expect(res.status).toBe(200);
    expect(requested[0]!.pathname).toBe('/v2/posts/');
    expect(requested[0]!.searchParams.get('exclude_body')).toBe('true');
    expect(res.data!.meta).toEqual({ count: 10, next_page: 2, previous_page: null });
    expect(res.data!.data.map((p) => p.slug)).toEqual(demoSlugs().slice(0, 3));
    expect(res.data!.data[0]).not.toHaveProperty('body');
    const post = res.data!.data[0]!;
    expect(post).toMatchObject({
      status: 'published',
      url: `/${post.slug}`,
      featured_image: '',
      author: { slug: 'gita-ghee' },
    });
    expect(post.published).toMatch(TIMESTAMP);

    const filtered = await butter().post.list({ author_slug: 'demo', tag_slug: 'ghee', category_slug: 'news' });
    expect(filtered.data!.data.map((p) => p.slug)).toEqual(['hello-world']);
    const preview = await Butter(ctx.server.demo.read_token, { timeout: 10_000, testMode: true }).post.list({
      page_size: 20,
    });
    expect(preview.data!.meta.count).toBe(12);
    expect(preview.data!.data[0]!.status).toBe('scheduled');
  });

  it('post.retrieve: the post with deleted: null and its neighbours; an unknown one rejects with the 404', async () => {
    const res = await butter().post.retrieve('ghee-vs-butter');
    expect(requested[0]!.pathname).toBe('/v2/posts/ghee-vs-butter/');
    const data = res.data!.data as unknown as Record<string, unknown>;
    expect(data).toMatchObject({
      slug: 'ghee-vs-butter',
      title: demoPost('ghee-vs-butter').title,
      deleted: null,
      categories: [{ name: 'Kitchen science', slug: 'kitchen-science' }],
    });
    expect(res.data!.meta).toEqual({
      next_post: { slug: 'golden-dal', title: demoPost('golden-dal').title, featured_image: '' },
      previous_post: { slug: 'what-is-ghee', title: demoPost('what-is-ghee').title, featured_image: '' },
    });
    const failure = await failureOf(butter().post.retrieve('no-such-post'));
    expect(failure.message).toBe('[detail]: Post matching query does not exist (404)');
    expect(failure.cause.data).toEqual({ detail: 'Post matching query does not exist' });
  });

  it('post.search: best match first with a numeric rank; a bad query rejects with the 400', async () => {
    const res = await butter().post.search('popcorn', { page: 1, page_size: 5 });
    expect(requested[0]!.pathname).toBe('/v2/posts/search/');
    expect(requested[0]!.searchParams.get('query')).toBe('popcorn');
    expect(res.data!.meta).toEqual({ count: 1, next_page: null, previous_page: null });
    expect(res.data!.data.map((p) => p.slug)).toEqual(['ghee-popcorn']);
    expect(typeof (res.data!.data[0] as unknown as { rank: unknown }).rank).toBe('number');
    const failure = await failureOf(butter().post.search('x'.repeat(300)));
    expect(failure.cause.status).toBe(400);
    expect(failure.cause.data).toEqual({ detail: 'Invalid search query' });
  });

  it('author.list and author.retrieve, with recent_posts', async () => {
    const list = await butter().author.list();
    expect(requested[0]!.pathname).toBe('/v2/authors/');
    expect(list.data!.data.map((a) => a.slug)).toEqual(['demo', 'gita-ghee']);
    const gita = await butter().author.retrieve('gita-ghee', { include: 'recent_posts' });
    expect(requested[1]!.searchParams.get('include')).toBe('recent_posts');
    expect(gita.data!.data).toMatchObject({
      first_name: 'Gita',
      last_name: 'Ghee',
      slug: 'gita-ghee',
      title: 'Head chef',
    });
    expect(gita.data!.data.recent_posts!.map((p) => p.slug)).toEqual(demoSlugs((p) => p.author === 'gita-ghee'));
    const failure = await failureOf(butter().author.retrieve('nobody'));
    expect(failure.message).toBe('[detail]: Not found (404)');
  });

  it('category.list/retrieve and tag.list/retrieve', async () => {
    const categories = await butter().category.list();
    expect(requested[0]!.pathname).toBe('/v2/categories/');
    expect(categories.data!.data).toEqual([
      { name: 'Kitchen science', slug: 'kitchen-science' },
      { name: 'News', slug: 'news' },
      { name: 'Recipes', slug: 'recipes' },
    ]);
    const news = await butter().category.retrieve('news', { include: 'recent_posts' });
    expect(news.data!.data.recent_posts!.map((p) => p.slug)).toEqual(demoSlugs((p) => p.categories.includes('News')));
    const tags = await butter().tag.list();
    expect(requested[2]!.pathname).toBe('/v2/tags/');
    expect(tags.data!.data.map((t) => t.slug)).toEqual(['butter', 'ghee', 'quick', 'release', 'vegetarian']);
    const butterTag = await butter().tag.retrieve('butter');
    expect(butterTag.data!.data).toEqual({ name: 'butter', slug: 'butter' });
    const failure = await failureOf(butter().tag.retrieve('nope'));
    expect(failure.cause.data).toEqual({ detail: 'Not found' });
  });

  it('feed.retrieve: RSS, Atom and sitemap as XML strings, links as ButterCMS writes them without a site URL', async () => {
    const rss = await butter().feed.retrieve('rss');
    expect(requested[0]!.pathname).toBe('/v2/feeds/rss/');
    const xml = (rss.data as unknown as { data: string }).data;
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toContain('<link>brown-butter-cookies</link>');
    const atom = (await butter().feed.retrieve('atom', { category_slug: 'news' })).data as unknown as { data: string };
    expect(requested[1]!.searchParams.get('category_slug')).toBe('news');
    expect(XMLValidator.validate(atom.data)).toBe(true);
    expect(atom.data.match(/<entry>/g)).toHaveLength(2);
    const sitemap = (await butter().feed.retrieve('sitemap')).data as unknown as { data: string };
    expect(sitemap.data.match(/<url>/g)).toHaveLength(10);
  });
});
