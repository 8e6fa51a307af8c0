import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../src/accounts/accounts.js';
import { member, type AdminClient } from './helpers/admin.js';
import { DIALECTS } from './helpers/databases.js';
import { png, uploadForm } from './helpers/media-library.js';
import { demoServer, type TestServer } from './helpers/server.js';

// `featured_image_alt` (docs/api.md, the blog): a post whose featured image is a file of the
// account's library and which has no alt text of its own reads with the library's; the dashboard's
// form keeps showing the post's own. Cached answers follow a change of the library's alt text.

describe.each(DIALECTS)('featured_image_alt from the media library (%s)', (dialect) => {
  let s: TestServer;
  let editor: AdminClient;
  let url: string;
  let file: { name: string; url: string };

  beforeAll(async () => {
    s = await demoServer(dialect);
    editor = await member(s.app, s.store, s.demo.id, 'editor');
    url = `/admin/api/accounts/${s.demo.id}/media`;
    file = (await uploadForm(s, editor, url, [{ fileName: 'cover.png', bytes: await png(6, 4, 7) }])).body.data[0];
    const posts = [
      { title: 'No alt', slug: 'no-alt', featured_image: file.url },
      { title: 'Own alt', slug: 'own-alt', featured_image: file.url, featured_image_alt: 'Its own words' },
    ];
    for (const post of posts)
      expect((await s.send('POST', '/v2/posts/', { ...post, status: 'published' })).status).toBe(202);
  });
  afterAll(async () => s?.close());

  const altOf = async (slug: string) => (await s.get(`/v2/posts/${slug}/`)).body.data.featured_image_alt;

  it('reads the post without alt text as it is while the library has none', async () => {
    expect(await altOf('no-alt')).toBe('');
  });

  it("reads the library's alt text once the file is described, in details, lists and searches", async () => {
    expect((await editor.request('PATCH', `${url}/${file.name}`, { alt: 'A red cover' })).status).toBe(200);
    expect(await altOf('no-alt')).toBe('A red cover');
    const list = (await s.get('/v2/posts/?page_size=100')).body.data;
    expect(list.find((p: { slug: string }) => p.slug === 'no-alt').featured_image_alt).toBe('A red cover');
    const found = (await s.get('/v2/search/?query=alt')).body.data;
    expect(found.find((p: { slug: string }) => p.slug === 'no-alt')?.featured_image_alt).toBe('A red cover');
  });

  it("keeps a post's own alt text", async () => {
    expect(await altOf('own-alt')).toBe('Its own words');
  });

  it("follows a change of the library's alt text, the cached answer evicted", async () => {
    expect(await altOf('no-alt')).toBe('A red cover');
    await editor.request('PATCH', `${url}/${file.name}`, { alt: 'A blue cover' });
    expect(await altOf('no-alt')).toBe('A blue cover');
  });

  it("shows the post's own (none) to its editor, so that saving the form does not copy the library's", async () => {
    const res = await editor.get(`/admin/api/accounts/${s.demo.id}/posts/no-alt`);
    expect(res.body.data.featured_image_alt).toBe('');
  });

  it("never takes another account's description of the same file", async () => {
    const other = await createAccount(s.store.db, { name: 'Other', plan: 'enterprise' });
    const stranger = await member(s.app, s.store, other.id, 'editor');
    const theirs = `/admin/api/accounts/${other.id}/media`;
    await uploadForm(s, stranger, theirs, [{ fileName: 'same.png', bytes: await png(6, 4, 7) }]);
    await stranger.request('PATCH', `${theirs}/${file.name}`, { alt: 'Their words' });
    const post = { title: 'Theirs', slug: 'theirs', status: 'published', featured_image: file.url };
    expect((await s.send('POST', '/v2/posts/', post, other.write_token)).status).toBe(202);
    expect((await s.get('/v2/posts/theirs/', other.read_token)).body.data.featured_image_alt).toBe('Their words');
    expect(await altOf('no-alt')).toBe('A blue cover');
  });

  it('reads as the post has it again once the file leaves the library', async () => {
    expect((await editor.request('DELETE', `${url}/${file.name}?force=true`)).status).toBe(204);
    expect(await altOf('no-alt')).toBe('');
  });
});
