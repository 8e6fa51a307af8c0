import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, type CreatedAccount } from '../src/accounts/accounts.js';
import { member, type AdminClient } from './helpers/admin.js';
import { DIALECTS } from './helpers/databases.js';
import { png, uploadForm } from './helpers/media-library.js';
import { demoServer, type TestServer } from './helpers/server.js';

// Files are stored once by their content, whatever the account: one account's delete or
// replacement takes the file off its own library and rewrites its own content only, and the
// bytes stay while another account lists them or its content uses them.

describe.each(DIALECTS)('media library files shared by accounts (%s)', (dialect) => {
  let s: TestServer;
  let other: CreatedAccount;
  let mine: AdminClient;
  let theirs: AdminClient;
  let myUrl: string;
  let theirUrl: string;
  let seed = 1;

  beforeAll(async () => {
    s = await demoServer(dialect);
    other = await createAccount(s.store.db, { name: 'Other', plan: 'enterprise' });
    mine = await member(s.app, s.store, s.demo.id, 'editor');
    theirs = await member(s.app, s.store, other.id, 'editor');
    myUrl = `/admin/api/accounts/${s.demo.id}/media`;
    theirUrl = `/admin/api/accounts/${other.id}/media`;
  });
  afterAll(async () => s?.close());

  const stored = (name: string) => fs.existsSync(path.join(s.ctx.config.mediaDir, name));
  const upload = async (client: AdminClient, url: string, bytes: Buffer, fileName = 'shared.png') =>
    (await uploadForm(s, client, url, [{ fileName, bytes }])).body.data[0];
  /** A post of the other account whose featured image is `url` (a download into it: no library lists it). */
  const theirPost = async (slug: string, url: string) => {
    const body = { title: slug, slug, status: 'published', featured_image: url };
    expect((await s.send('POST', '/v2/posts/', body, other.write_token)).status).toBe(202);
  };

  it('keeps the bytes while another account lists the same file', async () => {
    const bytes = await png(4, 4, seed++);
    const a = await upload(mine, myUrl, bytes);
    const b = await upload(theirs, theirUrl, bytes, 'their-name.png');
    expect(b.name).toBe(a.name);
    expect(b.original_name).toBe('their-name.png');
    expect((await mine.request('DELETE', `${myUrl}/${a.name}`)).status).toBe(204);
    expect(stored(a.name)).toBe(true);
    expect((await theirs.get(`${theirUrl}/${a.name}`)).status).toBe(200);
    expect((await s.app.inject({ method: 'GET', url: `/media/${a.name}` })).statusCode).toBe(200);
    expect((await theirs.request('DELETE', `${theirUrl}/${a.name}`)).status).toBe(204);
    expect(stored(a.name)).toBe(false);
  });

  it("keeps the bytes while another account's content uses them, though no library lists them there", async () => {
    const file = await upload(mine, myUrl, await png(4, 4, seed++));
    await theirPost('borrowed', file.url);
    expect((await mine.request('DELETE', `${myUrl}/${file.name}`)).status).toBe(204);
    expect(stored(file.name)).toBe(true);
    const post = await s.get('/v2/posts/borrowed/', other.read_token);
    expect(post.body.data.featured_image).toBe(`http://ghee.test/media/${file.name.slice(0, 64)}/shared.png`);
  });

  it("a replacement rewrites its own account's content only, and keeps bytes the other still uses", async () => {
    const file = await upload(mine, myUrl, await png(4, 4, seed++));
    await theirPost('theirs-too', file.url);
    const own = { title: 'Mine', slug: 'mine-too', status: 'published', featured_image: file.url };
    expect((await s.send('POST', '/v2/posts/', own)).status).toBe(202);
    const res = await uploadForm(s, mine, `${myUrl}/${file.name}/replace`, [
      { fileName: 'newer.png', bytes: await png(4, 4, seed++) },
    ]);
    expect(res.body.data.replaced).toBe(1);
    const newer = res.body.data.media;
    expect((await s.get('/v2/posts/mine-too/')).body.data.featured_image).toBe(newer.url);
    expect((await s.get('/v2/posts/theirs-too/', other.read_token)).body.data.featured_image).toBe(file.url);
    expect(stored(file.name)).toBe(true);
    expect((await theirs.get(`${theirUrl}/${newer.name}`)).status).toBe(404);
  });

  it('a replacement by the same bytes under another name renames the file where it is used', async () => {
    const bytes = await png(4, 4, seed++);
    const file = await upload(mine, myUrl, bytes, 'first name.png');
    const own = { title: 'Renamed', slug: 'renamed-use', status: 'published', featured_image: file.url };
    expect((await s.send('POST', '/v2/posts/', own)).status).toBe(202);
    const res = await uploadForm(s, mine, `${myUrl}/${file.name}/replace`, [{ fileName: 'Second Name.png', bytes }]);
    expect(res.body.data).toMatchObject({ replaced: 1, media: { name: file.name, original_name: 'Second Name.png' } });
    const renamed = `http://ghee.test/media/${file.name.slice(0, 64)}/second-name.png`;
    expect((await s.get('/v2/posts/renamed-use/')).body.data.featured_image).toBe(renamed);
    expect((await mine.get(`${myUrl}/${file.name}`)).body.data.url).toBe(renamed);
    expect(stored(file.name)).toBe(true);
  });

  it("a forced delete breaks its own account's content only", async () => {
    const file = await upload(mine, myUrl, await png(4, 4, seed++));
    const own = { title: 'Own', slug: 'own-use', status: 'published', featured_image: file.url };
    expect((await s.send('POST', '/v2/posts/', own)).status).toBe(202);
    expect((await mine.request('DELETE', `${myUrl}/${file.name}`)).status).toBe(409);
    expect((await mine.request('DELETE', `${myUrl}/${file.name}?force=1`)).status).toBe(204);
    expect(stored(file.name)).toBe(false);
  });
});
