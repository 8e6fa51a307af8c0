import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { member, type AdminClient } from './helpers/admin.js';
import { DIALECTS } from './helpers/databases.js';
import { png, uploadForm } from './helpers/media-library.js';
import { demoServer, type TestServer } from './helpers/server.js';

// With MEDIA_PUBLIC_URL (a CDN or the bucket serves the files), the library shows files under it,
// finds and rewrites mentions of them under it, and keeps thumbnails on Ghee, which renders them.

const CDN = 'https://cdn.example.com/files';

describe.each(DIALECTS)('media library under MEDIA_PUBLIC_URL (%s)', (dialect) => {
  let s: TestServer;
  let editor: AdminClient;
  let url: string;
  let file: { name: string; url: string; value: string; thumbnail_url: string };

  beforeAll(async () => {
    s = await demoServer(dialect, { config: { mediaPublicUrl: CDN } });
    editor = await member(s.app, s.store, s.demo.id, 'editor');
    url = `/admin/api/accounts/${s.demo.id}/media`;
    file = (await uploadForm(s, editor, url, [{ fileName: 'Cover.png', bytes: await png(6, 4, 3) }])).body.data[0];
    const post = {
      title: 'Delivered',
      slug: 'delivered',
      status: 'published',
      featured_image: file.url,
      body: `<p><img src="${file.url}" alt="" /></p>`,
    };
    expect((await s.send('POST', '/v2/posts/', post)).status).toBe(202);
  });
  afterAll(async () => s?.close());

  it('shows a file under MEDIA_PUBLIC_URL, its thumbnail under PUBLIC_URL', () => {
    const hash = file.name.slice(0, 64);
    expect(file.value).toBe(`/media/${hash}/cover.png`);
    expect(file.url).toBe(`${CDN}/${hash}/cover.png`);
    expect(file.thumbnail_url).toBe(`http://ghee.test/media/${hash}/cover.png?preset=thumbnail`);
  });

  it('finds its uses under MEDIA_PUBLIC_URL', async () => {
    const uses = (await editor.get(`${url}/${file.name}/uses`)).body.data;
    expect(uses.map((u: { path: string }) => u.path).sort()).toEqual(['body', 'featured_image']);
  });

  it("rewrites them under MEDIA_PUBLIC_URL, and gives a post without alt text the library's", async () => {
    await editor.request('PATCH', `${url}/${file.name}`, { alt: 'The cover' });
    const res = await uploadForm(s, editor, `${url}/${file.name}/replace`, [
      { fileName: 'Back.png', bytes: await png(6, 4, 4) },
    ]);
    expect(res.body.data.replaced).toBe(1);
    const media = res.body.data.media;
    expect(media.url).toBe(`${CDN}/${media.name.slice(0, 64)}/back.png`);
    const post = (await s.get('/v2/posts/delivered/')).body.data;
    expect(post).toMatchObject({
      featured_image: media.url,
      featured_image_alt: 'The cover',
      body: `<p><img src="${media.url}" alt="" /></p>`,
    });
  });
});
