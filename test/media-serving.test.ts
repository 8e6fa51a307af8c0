import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleError } from '../src/http/error-handler.js';
import { errors } from '../src/errors/index.js';
import { registerMedia } from '../src/http/media-routes.js';
import type { MediaStore } from '../src/media/media-store.js';
import { MEDIA_STORES, testMediaStore, type TestMediaStore } from './helpers/media-stores.js';
import { PNG } from './helpers/media-samples.js';

// Files served back (docs/api.md §4): the exact bytes, immutable caching, HEAD and 304, and a
// JSON 404 for every name that is not a stored file, in-process and over a real socket; from the
// folder and from an S3 bucket alike.

/** A bare app serving the media routes with the real error contract. */
function mediaApp(store: MediaStore): FastifyInstance {
  const app = Fastify({ logger: false });
  app.setErrorHandler(handleError);
  app.setNotFoundHandler(async () => {
    throw errors.notFound();
  });
  registerMedia(app, store);
  return app;
}

describe.each(MEDIA_STORES)('GET /media/:name (%s store)', (kind) => {
  let library: TestMediaStore;
  let app: FastifyInstance;
  let name: string;
  let hash: string;

  beforeAll(async () => {
    library = await testMediaStore(kind);
    app = mediaApp(library.store);
    const saved = await library.store.save(PNG, 'png', 'image/png');
    hash = saved.hash;
    name = `${hash}.png`;
  });
  afterAll(async () => {
    await app?.close();
    await library?.close();
  });

  it('serves the exact bytes with the sniffed type and immutable caching', async () => {
    const res = await app.inject({ method: 'GET', url: `/media/${name}` });
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload).toEqual(PNG);
    expect(res.headers).toMatchObject({
      'content-type': 'image/png',
      'content-length': String(PNG.length),
      'cache-control': 'public, max-age=31536000, immutable',
      'x-content-type-options': 'nosniff',
      etag: `"${hash}"`,
    });
  });

  it('answers HEAD with the headers and no body', async () => {
    const res = await app.inject({ method: 'HEAD', url: `/media/${name}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-length']).toBe(String(PNG.length));
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.body).toBe('');
  });

  it('answers 304 to a matching If-None-Match', async () => {
    const res = await app.inject({ method: 'GET', url: `/media/${name}`, headers: { 'if-none-match': `"${hash}"` } });
    expect(res.statusCode).toBe(304);
    expect(res.body).toBe('');
  });

  it.for<[string, (hash: string) => string]>([
    ['an encoded path traversal', () => '/media/..%2F..%2Fetc%2Fpasswd'],
    ['a path traversal', () => '/media/../etc/passwd'],
    ['a short name', () => '/media/abc.png'],
    ['..', () => '/media/..'],
    ['a well-formed name that is not stored', () => `/media/${'0'.repeat(64)}.png`],
    ['an uppercase hash', (h) => `/media/${h.toUpperCase()}.png`],
    ['an uppercase extension', (h) => `/media/${h}.PNG`],
    ['a type not served', (h) => `/media/${h}.html`],
    ['no extension', (h) => `/media/${h}`],
    ['an embedded NUL', (h) => `/media/${h}.png%00.png`],
    ['a temp file name', () => '/media/.tmp-0123456789abcdef'],
  ])('answers 404 JSON for %s', async ([_label, url]) => {
    const res = await app.inject({ method: 'GET', url: url(hash) });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(JSON.parse(res.body)).toEqual({ detail: 'Not found' });
  });

  it('serves over a real socket too', async () => {
    const socketApp = mediaApp(library.store);
    try {
      const address = await socketApp.listen({ port: 0, host: '127.0.0.1' });
      const res = await fetch(`${address}/media/${name}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('image/png');
      expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(Buffer.from(await res.arrayBuffer())).toEqual(PNG);
      const missing = await fetch(`${address}/media/${'f'.repeat(64)}.png`);
      expect(missing.status).toBe(404);
      expect(await missing.json()).toEqual({ detail: 'Not found' });
    } finally {
      await socketApp.close();
    }
  });
});
