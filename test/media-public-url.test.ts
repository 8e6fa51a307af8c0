import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { absoluteMediaUrl, PublicMediaUrls } from '../src/media/public-media-urls.js';
import { publishedDemo } from './helpers/blog.js';
import { DIALECT_STORES } from './helpers/media-stores.js';
import { PNG } from './helpers/media-samples.js';
import { demoServer, PUBLIC_URL, type TestServer } from './helpers/server.js';

// MEDIA_PUBLIC_URL (docs/deploy.md, A CDN for media): the media URLs Ghee prints are
// `<MEDIA_PUBLIC_URL>/<path after /media/>`, while fields keep storing `/media/...`; a URL under
// either base is the library's own, so a value read back and written again needs no download.

const CDN = 'https://cdn.example.com/media';

describe.each(DIALECT_STORES)('MEDIA_PUBLIC_URL (%s, %s store)', (dialect, media) => {
  let s: TestServer;
  let name: string;
  let hash: string;
  const slug = publishedDemo[0]!.slug;

  beforeAll(async () => {
    s = await demoServer(dialect, { media, config: { mediaPublicUrl: `${CDN}/` } });
    ({ name, hash } = await s.ctx.media.save(PNG, 'png', 'image/png'));
  });
  afterAll(async () => {
    await s?.close();
  });

  it("is where the store's URLs point", () => {
    expect(s.ctx.media.urlFor(name)).toBe(`${CDN}/${name}`);
  });

  it.for<[string, (name: string, hash: string) => string, (name: string, hash: string) => string]>([
    ['a CDN URL', (n) => `${CDN}/${n}`, (n) => `${CDN}/${n}`],
    ['a PUBLIC_URL one', (n) => `${PUBLIC_URL}/media/${n}`, (n) => `${CDN}/${n}`],
    [
      'one with tasks, a label and a query',
      (_n, h) => `${CDN}/resize=width:40/${h}/logo.png?x=1`,
      (_n, h) => `${CDN}/resize=width:40/${h}/logo.png?x=1`,
    ],
  ])("prints a page's media field under it, written as %s", async ([, written, read]) => {
    const res = await s.send('PATCH', '/v2/pages/landing_page/launch/', {
      fields: { hero_image: written(name, hash) },
    });
    expect(res.status).toBe(202);
    const page = (await s.get('/v2/pages/landing_page/launch/')).body.data;
    expect(page.fields.hero_image).toBe(read(name, hash));
  });

  it("prints a post's featured image under it, in the post, its list and its neighbours", async () => {
    expect((await s.send('PATCH', `/v2/posts/${slug}/`, { featured_image: `${CDN}/${name}` })).status).toBe(202);
    const post = (await s.get(`/v2/posts/${slug}/`)).body.data;
    expect(post.featured_image).toBe(`${CDN}/${name}`);
    const listed = (await s.get('/v2/posts/')).body.data.find((p: { slug: string }) => p.slug === slug);
    expect(listed.featured_image).toBe(`${CDN}/${name}`);
    const { next_post, previous_post } = (await s.get(`/v2/posts/${slug}/`)).body.meta;
    const neighbour: string = (next_post ?? previous_post).slug;
    const around = (await s.get(`/v2/posts/${neighbour}/`)).body.meta;
    const short = [around.next_post, around.previous_post].find((p) => p?.slug === slug);
    expect(short.featured_image).toBe(`${CDN}/${name}`);
  });

  it('serves the file at /media as before (the CDN fetches from there)', async () => {
    const res = await s.app.inject({ method: 'GET', url: `/media/${name}` });
    expect([res.statusCode, res.rawPayload.equals(PNG)]).toEqual([200, true]);
  });
});

describe('the media URLs of a library', () => {
  it.for<[string, string | undefined, string, string]>([
    ['no MEDIA_PUBLIC_URL', undefined, '/media/a.png', 'http://ghee.test/media/a.png'],
    ['a CDN', CDN, '/media/a.png?x=1', `${CDN}/a.png?x=1`],
    ['another site', CDN, 'https://elsewhere.example/media/a.png', 'https://elsewhere.example/media/a.png'],
  ])('reads a stored value back absolute, with %s', ([, mediaPublicUrl, value, url]) => {
    expect(absoluteMediaUrl(value, 'http://ghee.test', mediaPublicUrl)).toBe(url);
  });

  const h = 'b'.repeat(64);
  const GHEE = 'https://cms.example';
  const ORIGIN = new URL(CDN).origin;
  it.for<[string, string, string, string, string | null]>([
    ['PUBLIC_URL', GHEE, CDN, `${GHEE}/media/${h}.png`, `/media/${h}.png`],
    ['MEDIA_PUBLIC_URL', GHEE, CDN, `${CDN}/flip/${h}/a.png?x=1#top`, `/media/flip/${h}/a.png?x=1`],
    // The longer base decides: with both on one origin, `media` is not a task before the file.
    ['PUBLIC_URL, MEDIA_PUBLIC_URL its origin', ORIGIN, ORIGIN, `${CDN}/${h}.png`, `/media/${h}.png`],
    ['MEDIA_PUBLIC_URL, PUBLIC_URL its origin', ORIGIN, ORIGIN, `${ORIGIN}/${h}.png`, `/media/${h}.png`],
    ['neither', GHEE, CDN, `https://other.example/media/${h}.png`, null],
    ['MEDIA_PUBLIC_URL, a malformed name', GHEE, CDN, `${CDN}/abc.png`, null],
  ])('takes a URL under %s as its own', ([, publicUrl, mediaPublicUrl, url, value]) => {
    expect(new PublicMediaUrls(publicUrl, mediaPublicUrl).ownMedia(url)?.value ?? null).toBe(value);
  });
});
