// `ghee import-butter` and media (issue 18): ButterCMS's task URLs (`/resize=width:400/<handle>`)
// in a media field, in the srcsets and pictures of rich text and as a post's featured image. Each
// file is downloaded once, at its plain URL; every URL of it points at the library file behind the
// same tasks; the library lists each file with its handle, its alt text and its size.
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { ButterSource } from '../src/migrate-butter/butter-client.js';
import { importButter } from '../src/migrate-butter/import-butter.js';
import { listImportedMedia } from '../src/migrate-butter/list-imported-media.js';
import { ProgressBar } from '../src/migrate-butter/progress-bar.js';
import { butterSourceKey } from '../src/migrate-butter/source-key.js';
import { htmlImages } from '../src/transfer/html-images.js';
import { targetAccount } from '../src/transfer/target-account.js';
import { DIALECTS, type DialectUnderTest } from './helpers/databases.js';
import { PNG } from './helpers/media-samples.js';
import { BUTTER_TOKEN, startFakeButter } from './helpers/fake-butter-media.js';
import { demoServer, PUBLIC_URL, type TestServer } from './helpers/server.js';

const SCHEMA = {
  single_pages: {
    gallery: {
      name: 'Gallery',
      fields: { headline: { type: 'short_text' }, hero: { type: 'media' }, body: { type: 'wysiwyg' } },
    },
  },
};

describe.each(DIALECTS)('import-butter: media with image tasks (%s)', (dialect: DialectUnderTest) => {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  async function setUp() {
    const s = await demoServer(dialect);
    cleanups.push(() => s.close());
    const butter = await startFakeButter();
    cleanups.push(() => butter.close());
    const sourceKey = butterSourceKey(butter.api, BUTTER_TOKEN);
    const account = await targetAccount(s.store.db, sourceKey, { newAccount: 'Butter' });
    const run = () =>
      importButter(s.store, {
        accountId: account.id,
        source: new ButterSource({ baseUrl: butter.api, token: BUTTER_TOKEN }),
        sourceKey,
        plan: { locales: [{ target: 'en' }], pageTypes: ['*'], collections: [] },
        schema: SCHEMA,
        ingestMedia: s.ctx.ingestMedia!,
        library: s.ctx.media,
        cdnHosts: [butter.host],
        bar: new ProgressBar({ isTTY: false, write: () => {} }),
      });
    const read = (url: string) => s.get(url, account.created!.read_token);
    return { s, butter, account, run, read };
  }

  const library = (s: TestServer, accountId: number) =>
    s.store.db
      .selectFrom('media')
      .select(['original_name', 'name', 'alt', 'mime', 'size', 'width', 'height'])
      .where('account_id', '=', accountId)
      .orderBy('original_name')
      .execute();

  it('downloads each file once, at its plain URL, and points every URL of it at the library behind its tasks', async () => {
    const { butter, run, read } = await setUp();
    const { hero, picture, cover } = butter.files;
    const result = await run();
    expect(Object.fromEntries(butter.requests)).toEqual({
      '/HeroHandle1': 1,
      '/PicHandle2': 1,
      '/CoverHandle3': 1,
      '/GoneHandle4': 1,
      '/PageHandle5': 1,
    });
    expect(result.notes.filter((n) => n.startsWith('media '))).toEqual([
      `media ${butter.cdn}/GoneHandle4: not downloaded (Could not download the file: the server answered 404); kept as a link`,
      `media ${butter.cdn}/PageHandle5: not downloaded (File type not allowed: only PNG, JPEG, GIF, WebP, AVIF, SVG, PDF, MP4, WebM and MP3); kept as a link`,
    ]);

    const page = (await read('/v2/pages/*/gallery/')).body.data;
    expect(page.fields.hero).toBe(`${PUBLIC_URL}/media/resize=width:800/quality=value:80/${hero.name}`);
    // Sanitised as any write: a data: image loses its src, a relative one is left to the site;
    // library files read back absolute, as media fields do.
    expect(page.fields.body).toBe(
      `<p>Intro</p><img src="${PUBLIC_URL}/media/resize=width:400/${hero.name}" srcset="${PUBLIC_URL}/media/resize=width:200/${hero.name} 200w, ${PUBLIC_URL}/media/resize=width:400/${hero.name} 400w" alt="A hero" />` +
        `<picture><source srcset="${PUBLIC_URL}/media/resize=width:300/${picture.name} 300w, ${PUBLIC_URL}/media/${picture.name} 600w" /><img src="${PUBLIC_URL}/media/${picture.name}" alt="A picture" /></picture>` +
        `<img src="${butter.cdn}/GoneHandle4" alt="gone" /><img src="${butter.cdn}/PageHandle5" /><img src="/relative.png" /><img />`,
    );
    const post = (await read('/v2/posts/cover-story/')).body.data;
    expect([post.featured_image, post.featured_image_alt, post.body]).toEqual([
      `${PUBLIC_URL}/media/resize=width:640/${cover.name}`,
      'Post cover',
      `<p>Story</p><img srcset="${PUBLIC_URL}/media/resize=width:320/${cover.name} 1x, ${PUBLIC_URL}/media/${cover.name} 2x" />`,
    ]);
  });

  it('serves every image URL of the migrated page and post at the width its tasks ask for', async () => {
    const { s, butter, run, read } = await setUp();
    await run();
    const page = (await read('/v2/pages/*/gallery/')).body.data;
    const post = (await read('/v2/posts/cover-story/')).body.data;
    const urls = [
      page.fields.hero,
      post.featured_image,
      ...[page.fields.body, post.body].flatMap(htmlImages).map((i) => i.url),
    ]
      .map((url: string) => url.replace(PUBLIC_URL, ''))
      .filter((url: string) => url.startsWith('/media/'));
    expect(urls).toHaveLength(10);
    const widths = new Map(Object.values(butter.files).map((f) => [f.name, f.width]));
    for (const url of urls) {
      const res = await s.app.inject({ method: 'GET', url });
      const asked = /resize=width:(\d+)/.exec(url)?.[1];
      const { width } = await sharp(res.rawPayload).metadata();
      expect({ url, status: res.statusCode, width }).toEqual({
        url,
        status: 200,
        width: asked ? Number(asked) : widths.get(url.split('/').pop()!),
      });
    }
  });

  it('lists every downloaded file in the library with its handle, alt text, type, size and pixels', async () => {
    const { s, butter, account, run } = await setUp();
    const { hero, picture, cover } = butter.files;
    await run();
    const row = (f: typeof hero, alt: string, mime: string) => ({
      original_name: f.handle,
      name: f.name,
      alt,
      mime,
      size: f.bytes.length,
      width: f.width,
      height: f.height,
    });
    expect(await library(s, account.id)).toEqual([
      row(cover, 'Post cover', 'image/png'),
      row(hero, 'A hero', 'image/png'),
      row(picture, 'A picture', 'image/jpeg'),
    ]);
    // The files themselves are served from the library, byte for byte.
    for (const f of [hero, picture, cover]) {
      const res = await s.app.inject({ method: 'GET', url: `/media/${f.name}` });
      expect([res.statusCode, res.rawPayload.equals(f.bytes)]).toEqual([200, true]);
    }
  });

  it('keeps a description the library has, fills only what it lacks; a second run downloads nothing', async () => {
    const { s, butter, account, run } = await setUp();
    const { hero } = butter.files;
    await s.ctx.media.save(hero.bytes, 'png', 'image/png');
    await s.store.db
      .insertInto('media')
      .values({
        account_id: account.id,
        name: hero.name,
        mime: 'image/png',
        size: hero.bytes.length,
        created: '2024-01-01T00:00:00.000000Z',
        alt: 'Described by hand',
      })
      .execute();
    await run();
    const rows = await library(s, account.id);
    expect(rows.find((r) => r.name === hero.name)).toMatchObject({
      original_name: 'HeroHandle1',
      alt: 'Described by hand',
    });

    const before = Object.fromEntries(butter.requests);
    const again = await run();
    expect(Object.fromEntries(butter.requests)).toEqual(before);
    expect(again.notes.filter((n) => n.startsWith('media '))).toEqual([]);
    expect(await library(s, account.id)).toEqual(rows);
  });

  it('holds what the source says of a file to what the library takes: no control characters, 1000 characters of alt', async () => {
    const s = await demoServer(dialect);
    cleanups.push(() => s.close());
    const saved = await s.ctx.media.save(PNG, 'png', 'image/png');
    const given = { originalName: `a\u0000b${'n'.repeat(300)}`, alt: `  line\none\u0007 ${'x'.repeat(1200)}` };
    await listImportedMedia(s.store.db, s.demo.id, s.ctx.media, `/media/${saved.name}`, given, new Date());
    const [row] = await library(s, s.demo.id);
    expect(row).toEqual({
      original_name: `ab${'n'.repeat(253)}`,
      name: saved.name,
      alt: `line one ${'x'.repeat(991)}`,
      mime: 'image/png',
      size: PNG.length,
      width: 1,
      height: 1,
    });
  });
});
