import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY_MS, demoPost, demoSlugs, movableClock, postBody } from './helpers/blog.js';
import { DIALECTS } from './helpers/databases.js';
import { demoServer, type TestServer } from './helpers/server.js';

// GET /v2/feeds/rss/, /atom/, /sitemap/: an XML document in a JSON string, parsed back here with
// an XML parser: well-formed, escaped text, newest posts first. Without the account's site settings
// the links are the bare slugs and the title ButterCMS's (feeds-site.test.ts has them set).

const LISTS = new Set(['item', 'entry', 'url', 'category']);
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  isArray: (name) => LISTS.has(name),
});
/** Characters XML 1.0 forbids: none may appear in a feed, whatever the posts hold. */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

/** The feed's XML: checked well-formed, then parsed. */
async function feed(s: TestServer, path: string): Promise<any> {
  const r = await s.get(path);
  expect(r.status).toBe(200);
  expect(Object.keys(r.body)).toEqual(['data']);
  const xml = r.body.data as string;
  expect(typeof xml).toBe('string');
  expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
  expect(XMLValidator.validate(xml)).toBe(true);
  expect(NOT_XML.test(xml)).toBe(false);
  return parser.parse(xml);
}

const rssItems = async (s: TestServer, query = '') => (await feed(s, `/v2/feeds/rss/${query}`)).rss.channel.item ?? [];
/** Without a site URL a post's link is its slug, as ButterCMS writes it. */
const linkSlug = (link: string) => link;

describe.each(DIALECTS)('feeds (%s)', (dialect) => {
  let s: TestServer;
  const clock = movableClock();
  beforeAll(async () => {
    s = await demoServer(dialect, { clock });
  });
  afterAll(async () => s?.close());

  it('RSS 2.0: the channel, and the published posts newest first with absolute links', async () => {
    const doc = await feed(s, '/v2/feeds/rss/');
    expect(doc.rss['@_version']).toBe('2.0');
    const channel = doc.rss.channel;
    expect(channel).toMatchObject({ title: 'Latest blog posts', link: 'rss/', description: '', language: 'en' });
    expect(channel['atom:link']).toEqual({ '@_href': 'rss/', '@_rel': 'self' });
    expect(channel.lastBuildDate).toBe('Mon, 10 Nov 2025 09:00:00 +0000');
    const items = channel.item;
    expect(items.map((i: { link: string }) => linkSlug(i.link))).toEqual(demoSlugs());
    const vs = items.find((i: { link: string }) => i.link === 'ghee-vs-butter');
    const demo = demoPost('ghee-vs-butter');
    expect(vs).toEqual({
      title: demo.title,
      link: 'ghee-vs-butter',
      guid: 'ghee-vs-butter',
      pubDate: 'Mon, 10 Mar 2025 09:00:00 +0000',
      'dc:creator': { '#text': 'Gita Ghee', '@_xmlns:dc': 'http://purl.org/dc/elements/1.1/' },
      category: ['Kitchen science'],
      description: demo.summary,
      'content:encoded': (await s.get('/v2/posts/ghee-vs-butter/')).body.data.body,
    });
  });

  it('Atom 1.0: ids, links, dates, authors, and the body as escaped HTML', async () => {
    const doc = await feed(s, '/v2/feeds/atom/');
    const root = doc.feed;
    expect(root['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(root.title).toBe('Latest blog posts');
    expect(root.id).toBe('rss/');
    expect(root.updated).toBe('2025-11-10T09:00:00.000000Z');
    expect(root.entry.map((e: { id: string }) => linkSlug(e.id))).toEqual(demoSlugs());
    const post = (await s.get('/v2/posts/golden-dal/')).body.data;
    const entry = root.entry.find((e: { id: string }) => e.id === 'golden-dal');
    expect(entry).toEqual({
      title: post.title,
      id: 'golden-dal',
      link: { '@_rel': 'alternate', '@_href': 'golden-dal' },
      published: post.published,
      updated: post.updated,
      author: { name: 'Gita Ghee' },
      category: [{ '@_term': 'Recipes' }],
      summary: { '#text': post.summary, '@_type': 'text' },
      content: { '#text': post.body, '@_type': 'html' },
    });
  });

  it('sitemap: every published post, newest first, with its last update', async () => {
    const doc = await feed(s, '/v2/feeds/sitemap/');
    expect(doc.urlset['@_xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
    expect(doc.urlset.url.map((u: { loc: string }) => linkSlug(u.loc))).toEqual(demoSlugs());
    expect(doc.urlset.url[0]).toEqual({ loc: 'brown-butter-cookies', lastmod: '2025-11-10T09:00:00.000000Z' });
  });

  it('filters by category_slug and tag_slug (combined), an unknown one giving an empty, valid feed', async () => {
    const slugsOf = async (path: string) =>
      ((await feed(s, path)).rss?.channel.item ?? []).map((i: { link: string }) => linkSlug(i.link));
    expect(await slugsOf('/v2/feeds/rss/?category_slug=news')).toEqual(demoSlugs((p) => p.categories.includes('News')));
    expect(await slugsOf('/v2/feeds/rss/?tag_slug=butter')).toEqual(demoSlugs((p) => p.tags.includes('butter')));
    expect(await slugsOf('/v2/feeds/rss/?tag_slug=ghee&category_slug=kitchen-science')).toEqual([
      'storing-ghee',
      'make-your-own-ghee',
      'what-is-ghee',
    ]);
    expect(await slugsOf('/v2/feeds/rss/?tag_slug=nope')).toEqual([]);
    expect(
      (await feed(s, '/v2/feeds/atom/?category_slug=recipes')).feed.entry.map((e: { id: string }) => linkSlug(e.id)),
    ).toEqual(demoSlugs((p) => p.categories.includes('Recipes')));
    expect((await feed(s, '/v2/feeds/atom/?category_slug=nope')).feed.entry).toBeUndefined();
    expect(
      (await feed(s, '/v2/feeds/sitemap/?tag_slug=quick')).urlset.url.map((u: { loc: string }) => linkSlug(u.loc)),
    ).toEqual(demoSlugs((p) => p.tags.includes('quick')));
    expect((await feed(s, '/v2/feeds/sitemap/?tag_slug=%00')).urlset.url).toBeUndefined();
  });

  it('escapes hostile titles and bodies: the text comes back exactly, minus characters XML forbids', async () => {
    const title = 'A </title><script>alert(1)</script> & ]]> "q" \'s\' \u0001\u0008\u001F end \u{1F600}';
    const summary = '<![CDATA[ x ]]> &amp; &#x26; \uFFFE end';
    const body = '<p>5 &lt; 6 &amp; <a href="https://x.example/?a=1&amp;b=2">link</a></p><script>x</script>';
    expect(
      (await s.send('POST', '/v2/posts/', postBody('hostile', { title, summary, body, categories: ['<b>&</b>'] })))
        .status,
    ).toBe(202);
    const stored = (await s.get('/v2/posts/hostile/')).body.data;
    const clean = (text: string) => text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
    const item = (await rssItems(s))[0];
    expect(item).toMatchObject({
      title: clean(title),
      description: clean(summary),
      'content:encoded': stored.body,
      category: ['<b>&</b>'],
    });
    expect(stored.body).not.toContain('<script>');
    const entry = (await feed(s, '/v2/feeds/atom/')).feed.entry[0];
    expect(entry.title).toBe(clean(title));
    expect(entry.content['#text']).toBe(stored.body);
    expect(entry.category).toEqual([{ '@_term': '<b>&</b>' }]);
  });

  it('never shows drafts, even under preview; a scheduled post once it is due', async () => {
    const links = async (query = '') => (await rssItems(s, query)).map((i: { link: string }) => linkSlug(i.link));
    expect(await links('?preview=1')).not.toContain('ghee-ice-cream');
    expect(await links('?preview=1')).not.toContain('winter-menu');
    clock.advance(31 * DAY_MS);
    expect((await links())[0]).toBe('winter-menu');
    // The read that found it due published it for good: the clock stays past it.
  });

  it('carries the newest twenty posts in RSS and Atom, every post in the sitemap', async () => {
    for (let i = 0; i < 12; i++) {
      clock.advance(1000);
      expect((await s.send('POST', '/v2/posts/', postBody(`bulk-${i}`))).status).toBe(202);
    }
    const items = await rssItems(s);
    expect(items).toHaveLength(20);
    expect(linkSlug(items[0].link)).toBe('bulk-11');
    expect((await feed(s, '/v2/feeds/atom/')).feed.entry).toHaveLength(20);
    // One more than before the twelve: winter-menu, published for good by the read that found it due.
    expect((await feed(s, '/v2/feeds/sitemap/')).urlset.url).toHaveLength(24);
  });

  it('answers 404 Not found for other feeds, 405 for writes, 401 without a token', async () => {
    for (const path of ['/v2/feeds/json/', '/v2/feeds/', '/v2/feeds/RSS/', '/v2/feeds/rss/extra/']) {
      const r = await s.get(path);
      expect({ path, status: r.status, body: r.body }).toEqual({ path, status: 404, body: { detail: 'Not found' } });
    }
    const post = await s.send('POST', '/v2/feeds/rss/', {});
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe('GET, HEAD');
    expect((await s.get('/v2/feeds/atom/', null)).status).toBe(401);
    expect((await s.get('/v2/feeds/atom')).status).toBe(200);
  });
});
