import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { member, type AdminClient } from './helpers/admin.js';
import { demoSlugs } from './helpers/blog.js';
import { DIALECTS } from './helpers/databases.js';
import { demoServer, type TestServer } from './helpers/server.js';

// The account's site settings in the feeds: without them links are relative and the title
// ButterCMS's, as ButterCMS writes them for an account without a site; with a site URL every
// link is absolute under `<site>/blog/`. The feeds are cached: a settings change evicts them at
// once (cache tag `feeds`), and only them.

const LISTS = new Set(['item', 'entry', 'url', 'category']);
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  isArray: (name) => LISTS.has(name),
});
const SITE = 'https://www.example.com';

describe.each(DIALECTS)('feeds and the site settings (%s)', (dialect) => {
  let s: TestServer;
  let admin: AdminClient;
  let settings: string;
  beforeAll(async () => {
    s = await demoServer(dialect);
    admin = await member(s.app, s.store, s.demo.id, 'admin');
    settings = `/admin/api/accounts/${s.demo.id}/settings`;
  });
  afterAll(async () => s?.close());

  const feed = async (type: 'rss' | 'atom' | 'sitemap') => {
    const r = await s.get(`/v2/feeds/${type}/`);
    expect(r.status).toBe(200);
    return { doc: parser.parse(r.body.data), cache: r.headers['x-ghee-cache'] };
  };
  const put = async (body: Record<string, unknown>) => {
    const r = await admin.request('PUT', settings, body);
    expect(r.status).toBe(200);
    return r.body.data;
  };
  const changes = () =>
    s.store.db
      .selectFrom('content_changes')
      .select('tags')
      .where('account_id', '=', s.demo.id)
      .orderBy('version')
      .execute();

  it("without settings, RSS links are as ButterCMS writes them: rss/ and each post's slug; the title is ButterCMS's", async () => {
    const channel = (await feed('rss')).doc.rss.channel;
    expect(channel.title).toBe('Latest blog posts');
    expect(channel.link).toBe('rss/');
    expect(channel['atom:link']).toEqual({ '@_href': 'rss/', '@_rel': 'self' });
    expect(channel.item.map((i: { link: string; guid: string }) => [i.link, i.guid])).toEqual(
      demoSlugs().map((slug) => [slug, slug]),
    );
  });

  it("without settings, Atom links are rss/, atom/ and the slugs; the sitemap's locs the slugs", async () => {
    const root = (await feed('atom')).doc.feed;
    expect(root.link).toEqual([
      { '@_href': 'rss/', '@_rel': 'alternate' },
      { '@_href': 'atom/', '@_rel': 'self' },
    ]);
    expect(root.id).toBe('rss/');
    expect(root.entry.map((e: { id: string }) => e.id)).toEqual(demoSlugs());
    expect((await feed('sitemap')).doc.urlset.url.map((u: { loc: string }) => u.loc)).toEqual(demoSlugs());
  });

  it('a cached feed changes at once when the settings change, and only the feeds are evicted', async () => {
    await feed('rss');
    expect((await feed('rss')).cache).toBe('hit');
    await s.get('/v2/posts/');
    expect((await s.get('/v2/posts/')).headers['x-ghee-cache']).toBe('hit');
    expect(await put({ site_url: SITE, feed_title: 'Ghee & friends' })).toEqual({
      site_url: SITE,
      feed_title: 'Ghee & friends',
    });
    const after = await feed('rss');
    expect(after.cache).toBe('miss');
    expect(after.doc.rss.channel.title).toBe('Ghee & friends');
    expect((await s.get('/v2/posts/')).headers['x-ghee-cache']).toBe('hit');
    expect((await changes()).at(-1)).toEqual({ tags: 'feeds' });
  });

  it('with a site URL, RSS links are <site>/blog/rss/ and <site>/blog/<slug>', async () => {
    const channel = (await feed('rss')).doc.rss.channel;
    expect(channel.link).toBe(`${SITE}/blog/rss/`);
    expect(channel['atom:link']).toEqual({ '@_href': `${SITE}/blog/rss/`, '@_rel': 'self' });
    expect(channel.item.map((i: { link: string }) => i.link)).toEqual(
      demoSlugs().map((slug) => `${SITE}/blog/${slug}`),
    );
    expect(channel.item[0].guid).toBe(`${SITE}/blog/${demoSlugs()[0]}`);
  });

  it('with a site URL, Atom links are <site>/blog/rss/, <site>/blog/atom/ and <site>/blog/<slug>', async () => {
    const root = (await feed('atom')).doc.feed;
    expect(root.title).toBe('Ghee & friends');
    expect(root.link).toEqual([
      { '@_href': `${SITE}/blog/rss/`, '@_rel': 'alternate' },
      { '@_href': `${SITE}/blog/atom/`, '@_rel': 'self' },
    ]);
    expect(root.id).toBe(`${SITE}/blog/rss/`);
    const [first] = demoSlugs();
    expect(root.entry[0]).toMatchObject({
      id: `${SITE}/blog/${first}`,
      link: { '@_href': `${SITE}/blog/${first}`, '@_rel': 'alternate' },
    });
  });

  it("with a site URL, the sitemap's locs are <site>/blog/<slug>", async () => {
    expect((await feed('sitemap')).doc.urlset.url.map((u: { loc: string }) => u.loc)).toEqual(
      demoSlugs().map((slug) => `${SITE}/blog/${slug}`),
    );
  });

  it('a site URL with a path puts the blog under it; the URL is stored normalised', async () => {
    expect(await put({ site_url: 'HTTPS://Example.COM:443/en/' })).toEqual({
      site_url: 'https://example.com/en',
      feed_title: 'Ghee & friends',
    });
    expect((await feed('rss')).doc.rss.channel.item[0].link).toBe(`https://example.com/en/blog/${demoSlugs()[0]}`);
    expect((await feed('sitemap')).doc.urlset.url[0].loc).toBe(`https://example.com/en/blog/${demoSlugs()[0]}`);
  });

  it('writing the same settings again records no change and keeps the cached feeds', async () => {
    await feed('atom');
    const before = (await changes()).length;
    expect(await put({ site_url: 'https://example.com/en', feed_title: 'Ghee & friends' })).toEqual({
      site_url: 'https://example.com/en',
      feed_title: 'Ghee & friends',
    });
    expect((await changes()).length).toBe(before);
    expect((await feed('atom')).cache).toBe('hit');
  });

  it("unsetting both gives ButterCMS's links and title back at once", async () => {
    expect(await put({ site_url: null, feed_title: '' })).toEqual({ site_url: null, feed_title: null });
    const channel = (await feed('rss')).doc.rss.channel;
    expect([channel.title, channel.link, channel.item[0].link]).toEqual(['Latest blog posts', 'rss/', demoSlugs()[0]]);
    expect((await feed('atom')).doc.feed.id).toBe('rss/');
    expect((await feed('sitemap')).doc.urlset.url[0].loc).toBe(demoSlugs()[0]);
  });
});
