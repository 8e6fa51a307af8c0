import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from './helpers/databases.js';
import { PNG } from './helpers/media-samples.js';
import { demoServer, type TestServer } from './helpers/server.js';

// Where PUBLIC_URL is a loopback or private address (the default `http://localhost:8080`), the
// library's own URLs are no download, so no private download either: a media field takes them
// while downloads from private addresses stay refused.

const BASE = 'http://127.0.0.1:8080';

describe.each(DIALECTS)('own media URLs under a private PUBLIC_URL (%s)', (dialect) => {
  let s: TestServer;
  let brandId: number;
  beforeAll(async () => {
    s = await demoServer(dialect, { config: { publicUrl: BASE, mediaFetchAllowPrivate: false } });
    brandId = (await s.get('/v2/content/brands/')).body.data.brands[0].meta.id;
  });
  afterAll(async () => {
    await s?.close();
  });

  it('takes a library URL, with its tasks, as it is', async () => {
    const saved = await s.ctx.media.save(PNG, 'png', 'image/png');
    const hash = saved.name.slice(0, 64);
    for (const url of [saved.url, `${BASE}/media/resize=width:1/${hash}/logo.png`]) {
      const r = await s.send('PATCH', `/v2/content/brands/${brandId}/`, { fields: { logo: url } });
      expect(r.status).toBe(202);
      expect((await s.get(`/v2/content/brands/${brandId}/`)).body.data.logo).toBe(url);
    }
  });

  it('still refuses another URL on a private address, and a library URL of a file it does not have', async () => {
    for (const [logo, reason] of [
      [`${BASE}/elsewhere/logo.png`, 'Downloads from private or loopback addresses are not allowed'],
      [`${BASE}/media/${'0'.repeat(64)}.png`, 'Could not download the file: the file is not in the media library'],
    ]) {
      const r = await s.send('PATCH', `/v2/content/brands/${brandId}/`, { fields: { logo } });
      expect(r.status).toBe(400);
      expect(r.body.detail.fields.logo).toEqual([reason]);
    }
  });
});
