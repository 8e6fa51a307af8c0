import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { exportSchema } from '../src/content/schema/export-schema.js';
import { withSchema } from './helpers/content.js';
import { DIALECTS } from './helpers/databases.js';
import { startMediaOrigin, type MediaOrigin } from './helpers/media-origin.js';
import { demoServer, type TestServer } from './helpers/server.js';

// The media downloads of a write (docs/security.md, "Media downloads"): every URL checked before
// any download, at most MEDIA_MAX_URLS_PER_WRITE (20) to download per write, nothing downloaded
// for a write that fails anyway, and at most MEDIA_DOWNLOADS_PER_WRITE (4) downloads of a write
// and MEDIA_DOWNLOADS_PER_PROCESS of the whole process at a time.

const TOO_MANY = 'Too many media URLs to download in one write (at most 20): send the others in another write';

/** Adds a `pics` collection (an image and a caption per item) to the demo account. */
async function withPictures(s: TestServer): Promise<void> {
  const doc = await exportSchema(s.store.db, s.demo.id);
  await withSchema(s.store, s.demo.id, {
    ...doc,
    collections: {
      ...doc.collections,
      pics: { name: 'Pictures', fields: { image: { type: 'media' }, caption: { type: 'short_text' } } },
    },
  });
}

describe.each(DIALECTS)('media download limits of a write (%s)', (dialect) => {
  let s: TestServer;
  let origin: MediaOrigin;

  beforeAll(async () => {
    // A process pool of 6, so two writes of 4 each at once show the process's cap, not the write's.
    s = await demoServer(dialect, { config: { mediaDownloadsPerProcess: 6 } });
    origin = await startMediaOrigin();
    await withPictures(s);
  });
  afterAll(async () => {
    await s?.close();
    await origin?.close();
  });
  beforeEach(() => origin.reset());

  /** `n` distinct URLs of small files that each take `ms` to send. */
  const urls = (n: number, ms = 0, tag = 'a') =>
    Array.from({ length: n }, (_, i) => `${origin.base}/file.png?ms=${ms}&n=${tag}${i}`);
  const writePics = (images: string[], extra: Record<string, unknown> = {}) =>
    s.send('POST', '/v2/content/pics/', {
      status: 'published',
      fields: images.map((image, i) => ({ image, caption: `Picture ${i}`, ...extra })),
    });

  it('refuses a write with 21 URLs to download: a field error past the 20th, and no download at all', async () => {
    const res = await writePics(urls(21));
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ detail: { fields: { '20.image': [TOO_MANY] } } });
    expect(origin.requests()).toBe(0);
  });

  it('counts a URL repeated in one write once', async () => {
    const same = urls(1, 0, 'same')[0]!;
    expect((await writePics([...urls(19), same, same, same])).status).toBe(202);
    expect(origin.requests()).toBe(20);
  });

  it('downloads nothing when the write has an error anywhere else', async () => {
    const res = await writePics(urls(3), { caption: 5 });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      detail: {
        fields: {
          '0.caption': ['Not a valid string.'],
          '1.caption': ['Not a valid string.'],
          '2.caption': ['Not a valid string.'],
        },
      },
    });
    expect(origin.requests()).toBe(0);
  });

  it('checks every URL before downloading any: one bad URL, and none is downloaded', async () => {
    const res = await writePics([...urls(3), 'ftp://example.com/a.png', 'http://exa mple.com/a.png']);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      detail: { fields: { '3.image': ['Enter a valid URL.'], '4.image': ['Enter a valid URL.'] } },
    });
    expect(origin.requests()).toBe(0);
  });

  it('downloads no featured image for a post write that fails anyway', async () => {
    const res = await s.send('POST', '/v2/posts/', { slug: 'no-title', featured_image: urls(1)[0] });
    expect(res.status).toBe(400);
    expect(res.body.detail.fields.title).toEqual(['This field is required.']);
    expect(origin.requests()).toBe(0);
  });

  it('runs at most 4 downloads of one write at a time', async () => {
    expect((await writePics(urls(12, 150))).status).toBe(202);
    expect(origin.requests()).toBe(12);
    expect(origin.maxConcurrent()).toBe(4);
  });

  it('runs at most MEDIA_DOWNLOADS_PER_PROCESS (6 here) downloads at a time over two writes at once', async () => {
    const [a, b] = await Promise.all([writePics(urls(10, 150, 'a')), writePics(urls(10, 150, 'b'))]);
    expect([a.status, b.status]).toEqual([202, 202]);
    expect(origin.requests()).toBe(20);
    expect(origin.maxConcurrent()).toBe(6);
  });

  it('shares the process pool with post featured images', async () => {
    const posts = Array.from({ length: 8 }, (_, i) =>
      s.send('POST', '/v2/posts/', { title: `Pic ${i}`, slug: `pic-${i}`, featured_image: urls(1, 150, `p${i}`)[0] }),
    );
    const replies = await Promise.all([...posts, writePics(urls(4, 150, 'c'))]);
    expect(replies.map((r) => r.status)).toEqual(Array(9).fill(202));
    expect(origin.maxConcurrent()).toBe(6);
  });
});

describe.each(DIALECTS)('media URLs checked without a download, private addresses refused (%s)', (dialect) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await demoServer(dialect, { config: { mediaFetchAllowPrivate: false } });
    await withPictures(s);
  });
  afterAll(async () => {
    await s?.close();
  });

  it.for([
    'http://169.254.169.254/latest/meta-data/',
    'http://[::1]/a.png',
    'http://2130706433/a.png',
    'http://localhost/a.png',
    'http://media.localhost/a.png',
  ])('refuses %s as a field error before any download of the write starts', async (bad) => {
    // A name is only resolved when its download starts: a try at it would say "host not found".
    const res = await s.send('POST', '/v2/content/pics/', {
      status: 'published',
      fields: [{ image: 'http://cdn.invalid/a.png' }, { image: bad }],
    });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      detail: { fields: { '1.image': ['Downloads from private or loopback addresses are not allowed'] } },
    });
  });
});
