import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from './helpers/databases.js';
import { demoServer, PUBLIC_URL, type TestServer } from './helpers/server.js';

// A real 1x1 PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

/** A local file server that counts its requests. */
async function fileServer() {
  let hits = 0;
  const server = http.createServer((req, res) => {
    hits++;
    if (req.url === '/logo.png') res.writeHead(200, { 'content-type': 'image/png' }).end(PNG);
    else if (req.url === '/page.html')
      res.writeHead(200, { 'content-type': 'text/html' }).end('<html><script>alert(1)</script></html>');
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { base, hits: () => hits, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe.each(DIALECTS)('media and HTML in writes (%s)', (dialect) => {
  let s: TestServer;
  let files: Awaited<ReturnType<typeof fileServer>>;
  let brandId: number;
  beforeAll(async () => {
    s = await demoServer(dialect);
    files = await fileServer();
    brandId = (await s.get('/v2/content/brands/')).body.data.brands[0].meta.id;
  });
  afterAll(async () => {
    await s?.close();
    await files?.close();
  });

  it('downloads a media URL into the library and serves it back from /media', async () => {
    const r = await s.send('PATCH', `/v2/content/brands/${brandId}/`, { fields: { logo: `${files.base}/logo.png` } });
    expect(r.status).toBe(202);
    const logo: string = (await s.get(`/v2/content/brands/${brandId}/`)).body.data.logo;
    expect(logo).toMatch(new RegExp(`^${PUBLIC_URL}/media/[0-9a-f]{64}\\.png$`));
    const served = await s.app.inject({ method: 'GET', url: logo.slice(PUBLIC_URL.length) });
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/png');
    expect(served.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(served.rawPayload.equals(PNG)).toBe(true);

    // The value read back, written again, is kept without a second download.
    const hits = files.hits();
    expect((await s.send('PATCH', `/v2/content/brands/${brandId}/`, { fields: { logo } })).status).toBe(202);
    expect(files.hits()).toBe(hits);
    expect((await s.get(`/v2/content/brands/${brandId}/`)).body.data.logo).toBe(logo);
  });

  it('refuses what is not an allowed media type or cannot be downloaded, storing nothing', async () => {
    const before = (await s.get(`/v2/content/brands/${brandId}/?preview=1`)).body.data;
    const html = await s.send('PATCH', `/v2/content/brands/${brandId}/`, {
      fields: { name: 'Changed', logo: `${files.base}/page.html` },
    });
    expect(html.status).toBe(400);
    expect(html.body).toEqual({
      detail: {
        fields: { logo: ['File type not allowed: only PNG, JPEG, GIF, WebP, AVIF, SVG, PDF, MP4, WebM and MP3'] },
      },
    });
    const missing = await s.send('PATCH', `/v2/content/brands/${brandId}/`, {
      fields: { name: 'Changed', logo: `${files.base}/nothing.png` },
    });
    expect(missing.status).toBe(400);
    expect(missing.body.detail.fields.logo[0]).toMatch(/^Could not download the file/);
    expect((await s.get(`/v2/content/brands/${brandId}/?preview=1`)).body.data).toEqual(before);
  });

  it('refuses loopback downloads unless the operator allows them', async () => {
    const strict = await demoServer(dialect, { config: { mediaFetchAllowPrivate: false } });
    try {
      const hits = files.hits();
      const id = (await strict.get('/v2/content/brands/')).body.data.brands[0].meta.id;
      const r = await strict.send('PATCH', `/v2/content/brands/${id}/`, { fields: { logo: `${files.base}/logo.png` } });
      expect(r.status).toBe(400);
      expect(r.body).toEqual({
        detail: { fields: { logo: ['Downloads from private or loopback addresses are not allowed'] } },
      });
      expect(files.hits()).toBe(hits);
    } finally {
      await strict.close();
    }
  });

  it('stores rich text sanitised: no script, handler or javascript: URL comes back', async () => {
    const body =
      '<h2>Hi</h2><p onclick="steal()">Text <a href="javascript:alert(1)">x</a> <a href="https://ok.example">ok</a></p><script>alert(1)</script><img src="x" onerror="alert(1)">';
    expect(
      (
        await s.send('PATCH', '/v2/pages/landing_page/launch/', {
          fields: { body, embed: '<iframe src="https://evil.example"></iframe><b>bold</b>' },
        })
      ).status,
    ).toBe(202);
    const fields = (await s.get('/v2/pages/landing_page/launch/')).body.data.fields;
    expect(fields.body).toBe('<h2>Hi</h2><p>Text <a>x</a> <a href="https://ok.example">ok</a></p><img src="x" />');
    expect(fields.embed).toBe('<b>bold</b>');
  });

  it('refuses null characters in text', async () => {
    const r = await s.send('PATCH', '/v2/pages/landing_page/launch/', { fields: { headline: 'a\u0000b' } });
    expect(r.body).toEqual({ detail: { fields: { headline: ['Null characters are not allowed.'] } } });
    expect((await s.send('PATCH', '/v2/pages/landing_page/launch/', { title: 'a\u0000b' })).body).toEqual({
      detail: "'title' must not contain null characters",
    });
  });
});
