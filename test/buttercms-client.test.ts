// The official ButterCMS JS client (buttercms@3), unchanged, pointed at a real Ghee server:
// wire compatibility as a user of the client sees it. The client always calls
// https://api.buttercms.com/v2/...; a fetch wrapper sends those requests to the test server.
import Butter from 'buttercms';
import { XMLValidator } from 'fast-xml-parser';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { demoBrands, demoCategories, demoHomepage, demoPages } from '../src/seed/demo-content.js';
import { demoPost, demoSlugs } from './helpers/blog.js';
import { DIALECTS } from './helpers/databases.js';
import { demoSocketServer, type SocketServer } from './helpers/socket-server.js';

const BUTTER_BASE = 'https://api.buttercms.com/v2';
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

/** The client's page.list params; its types know no `fields.*` keys without a page model. */
type ListParams = Parameters<ReturnType<typeof Butter>['page']['list']>[1];

/** The demo's collections as the client's generics want them (fields as the API returns them). */
interface DemoCollections {
  brands: { name: string; logo: string; website: string; founded: number; category: unknown };
  categories: { name: string; slug: string };
}

/** What the client rejects with on a non-200 answer (its `cause`). */
interface ClientFailure {
  status: number;
  data: unknown;
  url: URL;
}

function demoPage(slug: string) {
  const page = demoPages.find((p) => p.slug === slug);
  if (!page) throw new Error(`no demo page ${slug}`);
  return page;
}

/** The client's rejection for a call expected to fail. */
async function failureOf(call: Promise<unknown>): Promise<{ message: string; cause: ClientFailure }> {
  try {
    await call;
  } catch (error) {
    return { message: (error as Error).message, cause: (error as Error).cause as ClientFailure };
  }
  throw new Error('the call succeeded; a failure was expected');
}

describe.each(DIALECTS)('buttercms client against Ghee (%s)', (dialect) => {
  let server: SocketServer;
  let realFetch: typeof globalThis.fetch;
  /** Every URL the client asked for, as rewritten to the test server. */
  let requested: URL[] = [];

  beforeAll(async () => {
    server = await demoSocketServer(dialect);
    realFetch = globalThis.fetch;
    globalThis.fetch = (input: string | URL | Request, init?: RequestInit) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      if (!url.startsWith(`${BUTTER_BASE}/`)) {
        return Promise.reject(new Error(`test fetch: unexpected request to ${url}`));
      }
      const target = new URL(`${server.url}/v2${url.slice(BUTTER_BASE.length)}`);
      requested.push(target);
      return realFetch(target, init);
    };
  });

  afterAll(async () => {
    if (realFetch) globalThis.fetch = realFetch;
    await server?.close();
  });

  afterEach(() => {
    requested = [];
  });

  const butter = () => Butter(server.demo.read_token, { timeout: 10_000 });
  /** Collection item ids by English name (brands and categories), read through the client. */
  async function idsByName(): Promise<Map<string, number>> {
    const res = await butter().content.retrieve<DemoCollections>(['brands', 'categories'], { levels: 1 });
    const { brands, categories } = res.data!.data;
    return new Map([...brands, ...categories].map((item) => [item.name, item.meta.id]));
  }
  /** URI of a reference at the last level, as the API prints it. */
  const uri = (path: string) => `${server.url}/v2/${path}`;

  it('page.retrieve("*", "homepage"): the single page, its reference expanded one hop (default levels=2)', async () => {
    const res = await butter().page.retrieve('*', 'homepage');
    expect(res.status).toBe(200);
    expect(res.headers?.['content-type']).toBe('application/json; charset=utf-8');
    expect(requested).toHaveLength(1);
    expect(requested[0]!.pathname).toBe('/v2/pages/*/homepage/');
    expect(requested[0]!.searchParams.get('auth_token')).toBe(server.demo.read_token);

    const page = res.data!.data as any;
    expect(Object.keys(page)).toEqual(['slug', 'name', 'published', 'updated', 'page_type', 'scheduled', 'status', 'fields']);
    expect(page).toMatchObject({ slug: 'homepage', name: 'Homepage', page_type: null, status: 'published' });
    expect(page.published).toMatch(TIMESTAMP);
    expect(page.updated).toMatch(TIMESTAMP);
    expect(page.fields.headline).toBe(demoHomepage.en.headline);
    expect(page.fields.intro).toBe(demoHomepage.en.intro);

    const launch = demoPage('launch');
    const featured = page.fields.featured;
    expect(featured).toMatchObject({ slug: 'launch', name: 'Launch', page_type: 'landing_page', status: 'published' });
    expect(featured.fields).toMatchObject({
      headline: launch.en.headline,
      summary: launch.en.summary,
      body: launch.en.body,
      theme: launch.shared.theme,
      launch_date: launch.shared.launch_date,
      priority: launch.shared.priority,
      featured: true,
      layout: 'wide',
      seo: { title: launch.en.headline, description: launch.en.summary },
      sections: [{ type: 'cta', fields: { label: 'Get started', url: '/start' } }],
      faq: [{ question: 'Is it fast?', answer: '<p>Yes.</p>' }],
      related: [uri('pages/landing_page/pricing/'), uri('pages/landing_page/about-us/')],
    });
    // The second hop is a URI string: /v2/content/brands/<id>/
    const ids = await idsByName();
    expect(featured.fields.brand).toBe(uri(`content/brands/${ids.get('Golden Ghee Co')}/`));
  });

  it('page.retrieve("landing_page", "launch", {levels: 3, locale: "es"}): Spanish content, two hops expanded', async () => {
    const res = await butter().page.retrieve('landing_page', 'launch', { levels: 3, locale: 'es' });
    expect(res.status).toBe(200);
    expect(requested[0]!.pathname).toBe('/v2/pages/landing_page/launch/');
    expect(requested[0]!.searchParams.get('levels')).toBe('3');
    expect(requested[0]!.searchParams.get('locale')).toBe('es');

    const launch = demoPage('launch');
    const pricing = demoPage('pricing');
    const about = demoPage('about-us');
    const page = res.data!.data as any;
    expect(page).toMatchObject({ slug: 'launch', name: 'Launch', page_type: 'landing_page', status: 'published' });
    expect(page.fields).toMatchObject({
      headline: launch.es.headline,
      summary: launch.es.summary,
      body: launch.es.body,
      notes: `# ${launch.es.headline}\n\n${launch.es.summary}`,
      embed: '',
      hero_image: '',
      theme: launch.shared.theme,
      sections: [{ type: 'cta', fields: { label: 'Empezar', url: '/start' } }],
      faq: [{ question: '¿Es rápido?', answer: '<p>Sí.</p>' }],
    });

    // hop 1: the brand and both related pages are objects, in the order stored
    const brand = page.fields.brand;
    const golden = demoBrands[1]!;
    expect(brand).toMatchObject({ name: golden.name, website: golden.website, founded: golden.founded, logo: '' });
    expect(brand.meta).toEqual({ id: expect.any(Number) });
    // hop 2: the brand's category is an object too, in Spanish
    expect(brand.category).toEqual({ meta: { id: expect.any(Number) }, name: demoCategories[1]!.name.es, slug: 'food' });
    expect(page.fields.related.map((p: any) => p.slug)).toEqual(['pricing', 'about-us']);
    const [relPricing, relAbout] = page.fields.related;
    expect(relPricing.fields.headline).toBe(pricing.es.headline);
    expect(relAbout.fields.headline).toBe(about.es.headline);
    // hop 2: pricing's own references are objects...
    expect(relPricing.fields.brand).toMatchObject({ name: demoBrands[0]!.name });
    expect(relPricing.fields.related).toHaveLength(1);
    expect(relPricing.fields.related[0]).toMatchObject({ slug: 'about-us', fields: { headline: about.es.headline } });
    // ...and hop 3 is a URI string
    const ids = await idsByName();
    expect(relPricing.fields.brand.category).toBe(uri(`content/categories/${ids.get('Kitchen tools')}/`));
    expect(relPricing.fields.related[0].fields.brand).toBe(uri(`content/brands/${ids.get('Butter Bros')}/`));
    expect(relAbout.fields.brand).toMatchObject({ meta: { id: ids.get('Butter Bros') }, name: 'Butter Bros' });
    expect(relAbout.fields.brand.category).toBe(uri(`content/categories/${ids.get('Food')}/`));
    expect(brand.meta.id).toBe(ids.get('Golden Ghee Co'));
    expect(brand.category.meta.id).toBe(ids.get('Food'));
  });

  it('page.list("landing_page", {page_size}): published pages, newest first, paginated', async () => {
    const res = await butter().page.list('landing_page', { page_size: 2 });
    expect(res.status).toBe(200);
    expect(requested[0]!.pathname).toBe('/v2/pages/landing_page/');
    expect(res.data!.meta).toEqual({ count: 3, next_page: 2, previous_page: null });
    expect(res.data!.data.map((p) => p.slug)).toEqual(['launch', 'pricing']);
    expect((res.data!.data[1]!.fields as any).headline).toBe(demoPage('pricing').en.headline);

    const second = await butter().page.list('landing_page', { page_size: 2, page: 2 });
    expect(second.data!.meta).toEqual({ count: 3, next_page: null, previous_page: 1 });
    expect(second.data!.data.map((p) => p.slug)).toEqual(['about-us']);
  });

  it('page.list("landing_page") with field filters and a field selection', async () => {
    const wide = await butter().page.list('landing_page', { 'fields.layout': 'wide' } as ListParams);
    expect(requested[0]!.searchParams.get('fields.layout')).toBe('wide');
    expect(wide.data!.meta).toEqual({ count: 2, next_page: null, previous_page: null });
    expect(wide.data!.data.map((p) => p.slug)).toEqual(['launch', 'pricing']);

    const params = { 'fields.brand.name': 'Acme', fields: 'headline,seo.title', locale: 'es' };
    const acme = await butter().page.list('landing_page', params as ListParams);
    expect(acme.data!.meta).toEqual({ count: 1, next_page: null, previous_page: null });
    expect(acme.data!.data).toHaveLength(1);
    expect(acme.data!.data[0]).toMatchObject({ slug: 'pricing', page_type: 'landing_page' });
    const pricing = demoPage('pricing');
    expect(acme.data!.data[0]!.fields).toEqual({ headline: pricing.es.headline, seo: { title: pricing.es.headline } });

    const featured = await butter().page.list('landing_page', { 'fields.featured': 'true' } as ListParams);
    expect(featured.data!.data.map((p) => p.slug)).toEqual(['launch', 'pricing']);
    const narrow = await butter().page.list('landing_page', { 'fields.layout': 'narrow' } as ListParams);
    expect(narrow.data!.data.map((p) => p.slug)).toEqual(['about-us']);
    // Several filters are ANDed.
    const none = await butter().page.list('landing_page', { 'fields.layout': 'narrow', 'fields.featured': 'true' } as ListParams);
    expect(none.data).toEqual({ meta: { count: 0, next_page: null, previous_page: null }, data: [] });
  });

  it('page.search: best match in the requested locale, optionally within one page type', async () => {
    const res = await butter().page.search('pricing');
    expect(requested[0]!.pathname).toBe('/v2/pages/search/');
    expect(requested[0]!.searchParams.get('query')).toBe('pricing');
    expect(res.data!.meta).toEqual({ count: 1, next_page: null, previous_page: null });
    expect(res.data!.data.map((p) => p.slug)).toEqual(['pricing']);

    const es = await butter().page.search('cocina', { locale: 'es' });
    expect(es.data!.meta.count).toBe(2);
    expect(es.data!.data.map((p) => p.slug).sort()).toEqual(['about-us', 'pricing']);
    for (const page of es.data!.data) expect((page.fields as any).headline).toBe(demoPage(page.slug).es.headline);

    const typed = await butter().page.search('ghee', { page_type: 'landing_page' });
    expect(typed.data!.data.map((p) => p.slug)).toEqual(['launch']);
    const all = await butter().page.search('ghee');
    expect(all.data!.data.map((p) => p.slug).sort()).toEqual(['homepage', 'launch']);
  });

  it('content.retrieve(["brands"]): items in creation order with meta.id, references expanded', async () => {
    const res = await butter().content.retrieve<DemoCollections>(['brands']);
    expect(res.status).toBe(200);
    expect(requested[0]!.pathname).toBe('/v2/content/brands/');
    expect(res.data!.meta).toEqual({ count: 3, next_page: null, previous_page: null });
    const brands = res.data!.data.brands;
    expect(Object.keys(res.data!.data)).toEqual(['brands']);
    expect(brands).toHaveLength(demoBrands.length);
    demoBrands.forEach((b, i) => {
      expect(brands[i]).toEqual({
        meta: { id: expect.any(Number) },
        name: b.name,
        logo: '',
        website: b.website,
        founded: b.founded,
        category: { meta: { id: expect.any(Number) }, name: demoCategories[b.category]!.name.en, slug: demoCategories[b.category]!.slug },
      });
    });
    const ids = brands.map((b) => b.meta.id);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(new Set(ids).size).toBe(3);
  });

  it('content.retrieve(["brands", "categories"]): both keys; meta describes the first', async () => {
    const res = await butter().content.retrieve<DemoCollections>(['brands', 'categories'], { locale: 'es', levels: 1 });
    expect(requested[0]!.pathname).toBe('/v2/content/brands,categories/');
    expect(res.data!.meta).toEqual({ count: 3, next_page: null, previous_page: null });
    const data = res.data!.data;
    expect(Object.keys(data)).toEqual(['brands', 'categories']);
    expect(data.categories).toEqual(demoCategories.map((c) => ({ meta: { id: expect.any(Number) }, name: c.name.es, slug: c.slug })));
    const categoryUri = (index: number) => uri(`content/categories/${data.categories[index]!.meta.id}/`);
    expect(data.brands).toEqual(
      demoBrands.map((b) => ({
        meta: { id: expect.any(Number) },
        name: b.name,
        logo: '',
        website: b.website,
        founded: b.founded,
        category: categoryUri(b.category),
      })),
    );
  });

  it('testMode sends preview=1: drafts and unpublished pages appear', async () => {
    const preview = Butter(server.demo.read_token, { timeout: 10_000, testMode: true });
    const pricing = await preview.page.retrieve('landing_page', 'pricing');
    expect(requested[0]!.searchParams.get('preview')).toBe('1');
    expect((pricing.data!.data.fields as any).headline).toBe(demoPage('pricing').draft!.headline);
    const list = await preview.page.list('landing_page');
    expect(list.data!.meta.count).toBe(4);
    expect(list.data!.data.map((p) => p.slug).sort()).toEqual(['about-us', 'coming-soon', 'launch', 'pricing']);
  });

  it('an unknown page rejects with the 404 and its detail', async () => {
    const failure = await failureOf(butter().page.retrieve('landing_page', 'no-such-page'));
    expect(failure.message).toBe('[detail]: Page matching query does not exist (404)');
    expect(failure.cause.status).toBe(404);
    expect(failure.cause.data).toEqual({ detail: 'Page matching query does not exist' });
    // The client strips the token from the URL it reports.
    expect(failure.cause.url.searchParams.has('auth_token')).toBe(false);

    const byAny = await failureOf(butter().page.retrieve('*', 'no-such-page'));
    expect(byAny.cause.status).toBe(404);
    expect(byAny.cause.data).toEqual({ detail: 'Page matching query does not exist' });

    const collection = await failureOf(butter().content.retrieve<DemoCollections & { no_such_collection: { name: string } }>(['brands', 'no_such_collection']));
    expect(collection.message).toBe('[detail]: Collection matching query does not exist (404)');
    expect(collection.cause.data).toEqual({ detail: 'Collection matching query does not exist' });
  });

  it('a bad token rejects with 401 "Invalid token"', async () => {
    const stranger = Butter(`ghee_r_${'A'.repeat(40)}`, { timeout: 10_000 });
    const failure = await failureOf(stranger.page.retrieve('*', 'homepage'));
    expect(failure.message).toBe('[detail]: Invalid token (401)');
    expect(failure.cause.status).toBe(401);
    expect(failure.cause.data).toEqual({ detail: 'Invalid token' });

    const content = await failureOf(stranger.content.retrieve<DemoCollections>(['brands']));
    expect(content.cause.status).toBe(401);
    expect(content.cause.data).toEqual({ detail: 'Invalid token' });
  });

  it('a bad levels parameter rejects with the 400 and its detail', async () => {
    const failure = await failureOf(butter().page.retrieve('*', 'homepage', { levels: 9 }));
    expect(failure.cause.status).toBe(400);
    expect(failure.cause.data).toEqual({ detail: 'levels query parameter should be an integer between 1 and 5 (inclusive)' });
  });

  // The blog: post.*, author.*, category.*, tag.* and feed.retrieve, as the client calls them.

  it('post.list: newest published first, paginated, filtered, without bodies on request', async () => {
    const res = await butter().post.list({ page_size: 3, exclude_body: true });
    expect(res.status).toBe(200);
    expect(requested[0]!.pathname).toBe('/v2/posts/');
    expect(requested[0]!.searchParams.get('exclude_body')).toBe('true');
    expect(res.data!.meta).toEqual({ count: 10, next_page: 2, previous_page: null });
    expect(res.data!.data.map((p) => p.slug)).toEqual(demoSlugs().slice(0, 3));
    expect(res.data!.data[0]).not.toHaveProperty('body');
    const post = res.data!.data[0]!;
    expect(post).toMatchObject({ status: 'published', url: `/${post.slug}`, featured_image: '', author: { slug: 'gita-ghee' } });
    expect(post.published).toMatch(TIMESTAMP);

    const filtered = await butter().post.list({ author_slug: 'demo', tag_slug: 'ghee', category_slug: 'news' });
    expect(filtered.data!.data.map((p) => p.slug)).toEqual(['hello-world']);
    const preview = await Butter(server.demo.read_token, { timeout: 10_000, testMode: true }).post.list({ page_size: 20 });
    expect(preview.data!.meta.count).toBe(12);
    expect(preview.data!.data[0]!.status).toBe('scheduled');
  });

  it('post.retrieve: the post with deleted: null and its neighbours; an unknown one rejects with the 404', async () => {
    const res = await butter().post.retrieve('ghee-vs-butter');
    expect(requested[0]!.pathname).toBe('/v2/posts/ghee-vs-butter/');
    const data = res.data!.data as unknown as Record<string, unknown>;
    expect(data).toMatchObject({ slug: 'ghee-vs-butter', title: demoPost('ghee-vs-butter').title, deleted: null, categories: [{ name: 'Kitchen science', slug: 'kitchen-science' }] });
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
    expect(gita.data!.data).toMatchObject({ first_name: 'Gita', last_name: 'Ghee', slug: 'gita-ghee', title: 'Head chef' });
    expect(gita.data!.data.recent_posts!.map((p) => p.slug)).toEqual(demoSlugs((p) => p.author === 'gita-ghee'));
    const failure = await failureOf(butter().author.retrieve('nobody'));
    expect(failure.message).toBe('[detail]: Not found (404)');
  });

  it('category.list/retrieve and tag.list/retrieve', async () => {
    const categories = await butter().category.list();
    expect(requested[0]!.pathname).toBe('/v2/categories/');
    expect(categories.data!.data).toEqual([
      { name: 'Kitchen science', slug: 'kitchen-science' }, { name: 'News', slug: 'news' }, { name: 'Recipes', slug: 'recipes' },
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
