import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { member, type AdminClient } from './helpers/admin.js';
import { postBody } from './helpers/blog.js';
import { DIALECTS } from './helpers/databases.js';
import { startMediaOrigin, type MediaOrigin } from './helpers/media-origin.js';
import { demoServer, type TestServer } from './helpers/server.js';

// The feeds element for element as ButterCMS writes them (its documented RSS, Atom and sitemap
// answers): RSS declares the atom, content and media namespaces, carries the channel's language
// and a post's featured image as media:content; Atom has xml:lang; the sitemap its schema location.

const LISTS = new Set(['item', 'entry', 'url', 'category']);
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  isArray: (name) => LISTS.has(name),
});

const RSS_ROOT =
  '<rss xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:media="http://search.yahoo.com/mrss/" version="2.0">';
const SITEMAP_ROOT =
  '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.sitemaps.org/schemas/sitemap/0.9 http://www.sitemaps.org/schemas/sitemap/0.9/sitemap.xsd">';

/** The names of the elements inside the first `<tag ...>...</tag>` from `startingAt`, in order. */
function elementsOf(xml: string, tag: string, startingAt = 0): string[] {
  const open = new RegExp(`<${tag}[\\s>]`, 'g');
  open.lastIndex = startingAt;
  const start = xml.indexOf('>', open.exec(xml)!.index) + 1;
  const inner = xml.slice(start, xml.indexOf(`</${tag}>`, start));
  return [...inner.matchAll(/<([A-Za-z][\w:.-]*)[\s/>]/g)].map((m) => m[1]!);
}

describe.each(DIALECTS)('feeds as ButterCMS writes them (%s)', (dialect) => {
  let s: TestServer;
  let admin: AdminClient;
  let origin: MediaOrigin;
  let image: string;
  beforeAll(async () => {
    s = await demoServer(dialect);
    admin = await member(s.app, s.store, s.demo.id, 'admin');
    origin = await startMediaOrigin();
    // The newest post gets a featured image, downloaded into the media store as a write does.
    const made = await s.send(
      'POST',
      '/v2/posts/',
      postBody('with-image', { featured_image: `${origin.base}/file.png`, summary: 'Has a picture.' }),
    );
    expect(made.status).toBe(202);
    image = (await s.get('/v2/posts/with-image/')).body.data.featured_image;
  });
  afterAll(async () => {
    await s?.close();
    await origin?.close();
  });

  const xmlOf = async (type: 'rss' | 'atom' | 'sitemap') => {
    const r = await s.get(`/v2/feeds/${type}/`);
    expect(r.status).toBe(200);
    const xml = r.body.data as string;
    expect(XMLValidator.validate(xml)).toBe(true);
    return xml;
  };

  it("RSS: the root declares the atom, content and media namespaces, in ButterCMS's order", async () => {
    const xml = await xmlOf('rss');
    expect(xml.split('\n').slice(0, 2)).toEqual(['<?xml version="1.0" encoding="UTF-8"?>', RSS_ROOT]);
  });

  it('RSS: every prefix used is declared (dc on each dc:creator, as ButterCMS does)', async () => {
    const xml = await xmlOf('rss');
    const prefixes = new Set([...xml.matchAll(/<([a-z]+):[a-zA-Z]+[\s/>]/g)].map((m) => m[1]!));
    expect([...prefixes].sort()).toEqual(['atom', 'content', 'dc', 'media']);
    for (const prefix of prefixes) expect(xml).toContain(`xmlns:${prefix}="`);
    expect(xml.match(/<dc:creator xmlns:dc="http:\/\/purl\.org\/dc\/elements\/1\.1\/">/g)).toHaveLength(
      parser.parse(xml).rss.channel.item.length,
    );
  });

  it("RSS: the channel's elements in ButterCMS's order, the language the default locale", async () => {
    const xml = await xmlOf('rss');
    expect(elementsOf(xml, 'channel').slice(0, 7)).toEqual([
      'title',
      'link',
      'description',
      'atom:link',
      'language',
      'lastBuildDate',
      'item',
    ]);
    expect(parser.parse(xml).rss.channel.language).toBe('en');
  });

  it('RSS: a post with a featured image has media:content medium="image" with its URL', async () => {
    const items = parser.parse(await xmlOf('rss')).rss.channel.item;
    expect(items[0].link).toBe('with-image');
    expect(image).toMatch(/^http:\/\/ghee\.test\/media\/[0-9a-f]{64}\.png$/);
    expect(items[0]['media:content']).toEqual({ '@_medium': 'image', '@_url': image });
  });

  it('RSS: posts without a featured image have no media:content', async () => {
    const items = parser.parse(await xmlOf('rss')).rss.channel.item;
    expect(items.length).toBeGreaterThan(5);
    expect(items.slice(1).filter((i: Record<string, unknown>) => 'media:content' in i)).toEqual([]);
  });

  it("RSS: an item's elements in ButterCMS's order, then Ghee's categories", async () => {
    const xml = await xmlOf('rss');
    expect(elementsOf(xml, 'item')).toEqual([
      'title',
      'link',
      'media:content',
      'dc:creator',
      'pubDate',
      'guid',
      'description',
      'content:encoded',
    ]);
    const second = xml.indexOf('<item>', xml.indexOf('</item>'));
    expect(elementsOf(xml, 'item', second)).toEqual([
      'title',
      'link',
      'dc:creator',
      'pubDate',
      'guid',
      'description',
      'content:encoded',
      'category',
    ]);
  });

  it("Atom: xml:lang is the default locale; the feed's and an entry's elements in ButterCMS's order, then Ghee's", async () => {
    const xml = await xmlOf('atom');
    expect(xml.split('\n')[1]).toBe('<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">');
    expect(elementsOf(xml, 'feed').slice(0, 6)).toEqual(['title', 'link', 'link', 'id', 'updated', 'entry']);
    const second = xml.indexOf('<entry>', xml.indexOf('</entry>'));
    expect(elementsOf(xml, 'entry', second)).toEqual([
      'title',
      'link',
      'published',
      'updated',
      'author',
      'name',
      'id',
      'summary',
      'category',
      'content',
    ]);
  });

  it('sitemap: the namespace, xmlns:xsi and xsi:schemaLocation as ButterCMS writes them', async () => {
    const xml = await xmlOf('sitemap');
    expect(xml.split('\n')[1]).toBe(SITEMAP_ROOT);
    expect(parser.parse(xml).urlset).toMatchObject({
      '@_xmlns': 'http://www.sitemaps.org/schemas/sitemap/0.9',
      '@_xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
      '@_xsi:schemaLocation':
        'http://www.sitemaps.org/schemas/sitemap/0.9 http://www.sitemaps.org/schemas/sitemap/0.9/sitemap.xsd',
    });
  });

  it('the language follows a change of the default locale at once, in RSS and Atom', async () => {
    const locales = [
      { slug: 'en', name: 'English' },
      { slug: 'es', name: 'Español', default: true },
    ];
    expect((await admin.request('PUT', `/admin/api/accounts/${s.demo.id}/locales`, { locales })).status).toBe(200);
    expect(parser.parse(await xmlOf('rss')).rss.channel.language).toBe('es');
    expect(parser.parse(await xmlOf('atom')).feed['@_xml:lang']).toBe('es');
  });
});
