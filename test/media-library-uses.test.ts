import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { member, type AdminClient } from './helpers/admin.js';
import { DIALECTS } from './helpers/databases.js';
import { png, uploadForm } from './helpers/media-library.js';
import { expectedUses, richText, useKey, writeUses, type UsedFile } from './helpers/media-uses.js';
import { demoServer, type TestServer } from './helpers/server.js';

// Where a file is used, replacing it everywhere at once, and deleting it (refused while used
// unless forced), read back through /v2 as the account's readers see it.

/** Rich text with every library URL absolute: whether a read shows one relative or absolute is not this test's. */
const absolute = (html: string) => html.replace(/(["\s,])\/media\//g, '$1http://ghee.test/media/');
const byKey = (uses: Parameters<typeof useKey>[0][]) => [...uses].sort((a, b) => useKey(a).localeCompare(useKey(b)));

describe.each(DIALECTS)('media library uses, replace and delete (%s)', (dialect) => {
  let s: TestServer;
  let editor: AdminClient;
  let url: string;
  let old: UsedFile & { value: string };
  let ids: { itemId: number; postId: number };
  let expected: ReturnType<typeof expectedUses>;

  beforeAll(async () => {
    s = await demoServer(dialect);
    editor = await member(s.app, s.store, s.demo.id, 'editor');
    url = `/admin/api/accounts/${s.demo.id}/media`;
    const up = await uploadForm(s, editor, url, [{ fileName: 'Old Hero.png', bytes: await png(30, 20, 1) }]);
    old = up.body.data[0];
    await editor.request('PATCH', `${url}/${old.name}`, {
      alt: 'A hero',
      tags: ['hero'],
      focal_point: { x: 0.2, y: 0.8 },
    });
    ids = await writeUses(s, old);
    const entry = (slug: string) =>
      s.store.db
        .selectFrom('entries')
        .select('id')
        .where('account_id', '=', s.demo.id)
        .where('slug', '=', slug)
        .executeTakeFirstOrThrow();
    expected = expectedUses(ids, (await entry('uses')).id, (await entry('homepage')).id);
  });
  afterAll(async () => s?.close());

  const stored = (name: string) => fs.existsSync(path.join(s.ctx.config.mediaDir, name));

  it('lists every page, item and post that uses the file, each place once', async () => {
    const res = await editor.get(`${url}/${old.name}/uses`);
    expect(res.status).toBe(200);
    expect(byKey(res.body.data)).toEqual(byKey(expected));
  });

  it('refuses to delete a file in use, saying where', async () => {
    const res = await editor.request('DELETE', `${url}/${old.name}`);
    expect(res.status).toBe(409);
    expect(res.body).toEqual({
      detail: 'This file is used by 4 entries; delete it with ?force=true',
      code: 'media_in_use',
      uses: expect.any(Array),
    });
    expect(byKey(res.body.uses)).toEqual(byKey(expected));
    expect((await editor.get(`${url}/${old.name}`)).status).toBe(200);
  });

  describe('replacing it', () => {
    let media: any;
    let hash: string;

    beforeAll(async () => {
      const res = await uploadForm(s, editor, `${url}/${old.name}/replace`, [
        { fileName: 'New Hero.png', bytes: await png(60, 40, 2) },
      ]);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.data.replaced).toBe(4);
      media = res.body.data.media;
      hash = media.name.slice(0, 64);
    });

    it('takes its place in the library, with its description and the new name', async () => {
      expect(media).toMatchObject({
        value: `/media/${hash}/new-hero.png`,
        original_name: 'New Hero.png',
        width: 60,
        height: 40,
        alt: 'A hero',
        tags: ['hero'],
        focal_point: { x: 0.2, y: 0.8 },
      });
      expect((await editor.get(`${url}/${old.name}`)).status).toBe(404);
      expect((await editor.get(url)).body.data.map((i: { name: string }) => i.name)).toEqual([media.name]);
      // Nothing else uses the old bytes: they are gone from the store.
      expect(stored(old.name)).toBe(false);
      expect(stored(media.name)).toBe(true);
    });

    it('points every use at the new file, tasks and queries kept, for readers and previews alike', async () => {
      const now = { name: media.name, url: media.url };
      const html = richText(now).replace(
        `resize=width:400/${hash}/old-name.png`,
        `resize=width:400/${hash}/new-hero.png`,
      );
      const withLabel = html.replace(`/media/${media.name}?v=2`, `/media/${hash}/new-hero.png?v=2`);
      const page = (await s.get('/v2/pages/landing_page/uses/')).body.data.fields;
      expect(page.hero_image).toBe(media.url);
      expect(absolute(page.body)).toBe(absolute(withLabel));
      const es = (await s.get('/v2/pages/landing_page/uses/?locale=es&preview=1')).body.data.fields;
      expect([es.hero_image, absolute(es.faq[0].answer)]).toEqual([media.url, absolute(withLabel)]);
      expect(absolute((await s.get('/v2/pages/*/homepage/')).body.data.fields.intro)).toBe(absolute(withLabel));
      const item = (await s.get('/v2/content/brands/')).body.data.brands.find(
        (b: { name: string }) => b.name === 'Media Uses Inc',
      );
      expect(item.logo).toBe(media.url);
      const post = (await s.get('/v2/posts/with-picture/')).body.data;
      expect([post.featured_image, absolute(post.body)]).toEqual([media.url, absolute(withLabel)]);
    });

    it('the new file is used where the old one was; the old one is used nowhere', async () => {
      expect(byKey((await editor.get(`${url}/${media.name}/uses`)).body.data)).toEqual(byKey(expected));
      const stale = await s.store.db
        .selectFrom('entry_versions')
        .select('entry_id')
        .where('fields', 'like', `%${old.name.slice(0, 64)}%`)
        .execute();
      expect(stale).toEqual([]);
    });

    it('a second file in the form, or none, is refused, and the library stays as it is', async () => {
      const two = await uploadForm(s, editor, `${url}/${media.name}/replace`, [
        { fileName: 'a.png', bytes: await png(2, 2, 3) },
        { fileName: 'b.png', bytes: await png(2, 2, 4) },
      ]);
      const detail = 'Send exactly one file, as a part named "file", to replace a file with';
      expect(two).toMatchObject({ status: 400, body: { detail, code: 'malformed_body' } });
      expect((await uploadForm(s, editor, `${url}/${media.name}/replace`, [])).body.detail).toBe(detail);
      const raw = await editor.request('POST', `${url}/${media.name}/replace`, {});
      expect(raw).toMatchObject({ status: 400, body: { detail } });
      expect((await editor.get(url)).body.data.map((i: { name: string }) => i.name)).toEqual([media.name]);
    });

    it('a replacement of a file the account does not list is a 404, its upload not taken', async () => {
      const res = await uploadForm(s, editor, `${url}/${old.name}/replace`, [
        { fileName: 'x.png', bytes: await png(2, 2, 5) },
      ]);
      expect(res).toMatchObject({ status: 404, body: { code: 'not_found' } });
    });

    it('deleting it: refused while used, then forced; its uses then point at nothing', async () => {
      expect((await editor.request('DELETE', `${url}/${media.name}?force=false`)).status).toBe(409);
      expect((await editor.request('DELETE', `${url}/${media.name}?force=true`)).status).toBe(204);
      expect((await editor.get(`${url}/${media.name}`)).status).toBe(404);
      expect(stored(media.name)).toBe(false);
      expect((await s.get('/v2/posts/with-picture/')).body.data.featured_image).toBe(media.url);
    });
  });
});
