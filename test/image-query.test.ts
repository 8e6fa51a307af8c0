import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from './helpers/databases.js';
import { alphaPng, fetchImage, meanColour, storeFile, twoToneJpeg } from './helpers/images.js';
import { demoServer, type TestServer } from './helpers/server.js';

// The query form of media URLs (docs/api.md §11), its errors, and the headers of a derivative:
// caching, ETag, Vary, 304 and HEAD.

const SIZES: [string, string, number, number][] = [
  ['width=800', 'jpeg', 800, 600],
  ['height=300', 'jpeg', 400, 300],
  ['width=400&height=400', 'jpeg', 400, 300],
  ['width=400&height=400&fit=inside', 'jpeg', 400, 300],
  ['width=400&height=400&fit=cover', 'jpeg', 400, 400],
  ['width=400&height=400&fit=contain', 'jpeg', 400, 400],
  ['width=400&height=400&fit=fill', 'jpeg', 400, 400],
  ['width=400&height=400&fit=outside', 'jpeg', 533, 400],
  ['width=400&dpr=2', 'jpeg', 800, 600],
  ['width=400&height=100&dpr=1.5&fit=cover', 'jpeg', 600, 150],
  ['width=100&format=webp', 'webp', 100, 75],
  ['width=100&format=png', 'png', 100, 75],
  ['width=100&format=avif', 'heif', 100, 75],
  ['width=100&format=jpeg&quality=40', 'jpeg', 100, 75],
  ['format=webp', 'webp', 2000, 1500],
  ['width=100&width=200', 'jpeg', 200, 150],
];

const QUERY_ERRORS: [string, string][] = [
  ['width=0', "Invalid option 'width' for task 'resize'"],
  ['width=abc', "Invalid option 'width' for task 'resize'"],
  ['width=', "Invalid option 'width' for task 'resize'"],
  ['height=4097', "Invalid option 'height' for task 'resize'"],
  ['width=100&fit=crop', "Invalid option 'fit' for task 'resize'"],
  ['width=100&fit=constructor', "Invalid option 'fit' for task 'resize'"],
  ['fit=cover', "Invalid option 'width' for task 'resize'"],
  ['width=100&dpr=4', "Invalid option 'dpr' for task 'resize'"],
  ['width=100&dpr=0.5', "Invalid option 'dpr' for task 'resize'"],
  ['width=100&dpr=2x', "Invalid option 'dpr' for task 'resize'"],
  ['width=2000&dpr=3', "Invalid option 'dpr' for task 'resize'"],
  ['width=100&format=gif', "Invalid option 'format' for task 'output'"],
  ['width=100&quality=0', "Invalid option 'quality' for task 'output'"],
  ['quality=101', "Invalid option 'quality' for task 'output'"],
];

describe.each(DIALECTS)('image query parameters (%s)', (dialect) => {
  let s: TestServer;
  let photo: string;
  let alpha: string;
  beforeAll(async () => {
    s = await demoServer(dialect);
    photo = await storeFile(s, await twoToneJpeg(2000, 1500), 'jpg', 'image/jpeg');
    alpha = await storeFile(s, await alphaPng(400, 300), 'png', 'image/png');
  });
  afterAll(async () => s?.close());

  it.for(SIZES)('?%s gives %s %i x %i', async ([query, format, width, height]) => {
    const r = await fetchImage(s, `/media/${photo}?${query}`);
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    expect([r.image!.format, r.image!.width, r.image!.height]).toEqual([format, width, height]);
  });

  it.for(QUERY_ERRORS)('?%s is 400 %j', async ([query, detail]) => {
    const r = await fetchImage(s, `/media/${photo}?${query}`);
    expect({ status: r.status, body: r.json }).toEqual({ status: 400, body: { detail } });
  });

  it('contain pads a JPEG with white', async () => {
    const r = await fetchImage(s, `/media/${photo}?width=100&height=300&fit=contain`);
    expect(r.image).toMatchObject({ width: 100, height: 300 });
    const top = await sharp(r.bytes).extract({ left: 0, top: 0, width: 100, height: 100 }).png().toBuffer();
    expect(await meanColour(top)).toEqual([255, 255, 255]);
  });

  it('tasks and query parameters combine, tasks first', async () => {
    const r = await fetchImage(s, `/media/crop=dim:[0,0,1000,1500]/${photo}?width=100`);
    expect(r.image).toMatchObject({ width: 100, height: 150 });
  });

  it.for<[string, string | undefined, string, string]>([
    ['AVIF and WebP', 'image/avif,image/webp,image/apng,*/*;q=0.8', 'heif', 'image/avif'],
    ['WebP only', 'image/webp,*/*', 'webp', 'image/webp'],
    ['AVIF refused with q=0', 'image/avif;q=0, image/webp', 'webp', 'image/webp'],
    ['wildcards only', 'image/*,*/*;q=0.8', 'jpeg', 'image/jpeg'],
    ['no Accept', undefined, 'jpeg', 'image/jpeg'],
  ])('format=auto with %s gives %s, with Vary: Accept', async ([, accept, format, type]) => {
    const r = await fetchImage(s, `/media/${photo}?width=100&format=auto`, accept ? { accept } : {});
    expect(r.image!.format).toBe(format);
    expect(r.headers['content-type']).toBe(type);
    expect(r.headers.vary).toBe('Accept');
  });

  it('format=auto falls back to PNG for a PNG original', async () => {
    const r = await fetchImage(s, `/media/${alpha}?width=100&format=auto`);
    expect(r.image).toMatchObject({ format: 'png', hasAlpha: true });
  });

  it('a derivative is immutable, with a strong ETag and nosniff, and no Vary without auto', async () => {
    const r = await fetchImage(s, `/media/${photo}?width=120&format=webp`);
    expect(r.headers).toMatchObject({
      'content-type': 'image/webp',
      'content-length': String(r.bytes.length),
      'cache-control': 'public, max-age=31536000, immutable',
      'x-content-type-options': 'nosniff',
      'access-control-allow-origin': '*',
    });
    expect(r.headers.etag).toMatch(/^"[0-9a-f]{64}"$/);
    expect(r.headers.etag).not.toBe(`"${photo.slice(0, 64)}"`);
    expect(r.headers.vary).toBeUndefined();
  });

  it('answers 304 to a matching If-None-Match, and HEAD with the headers and no body', async () => {
    const url = `/media/${photo}?width=130`;
    const first = await fetchImage(s, url);
    const again = await fetchImage(s, url, { 'if-none-match': String(first.headers.etag) });
    expect([again.status, again.bytes.length, again.headers.etag]).toEqual([304, 0, first.headers.etag]);
    const head = await fetchImage(s, url, {}, 'HEAD');
    expect([head.status, head.bytes.length]).toEqual([200, 0]);
    expect(head.headers['content-length']).toBe(String(first.bytes.length));
    expect(head.headers.etag).toBe(first.headers.etag);
    const other = await fetchImage(s, url, { 'if-none-match': '"0000"' });
    expect(other.status).toBe(200);
  });

  it('HEAD of a derivative not rendered yet renders it', async () => {
    const head = await fetchImage(s, `/media/${photo}?width=140`, {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(Number(head.headers['content-length'])).toBeGreaterThan(0);
  });

  it('the order of query parameters and unknown ones (cache busters) make no new derivative', async () => {
    const a = await fetchImage(s, `/media/${photo}?width=150&height=150&fit=cover&format=webp`);
    const renders = s.ctx.images.renders;
    const b = await fetchImage(s, `/media/${photo}?format=webp&fit=cover&height=150&width=150&v=2&sig=x`);
    expect(b.headers.etag).toBe(a.headers.etag);
    expect(s.ctx.images.renders).toBe(renders);
  });

  it('a query with only unknown parameters, or dpr alone, serves the original', async () => {
    for (const query of ['v=2', 'dpr=2', 'utm_source=mail&v=3']) {
      const r = await fetchImage(s, `/media/${photo}?${query}`);
      expect(r.headers.etag).toBe(`"${photo.slice(0, 64)}"`);
    }
  });
});
