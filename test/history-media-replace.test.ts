import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { member, type AdminClient } from './helpers/admin.js';
import { recorded } from './helpers/audit.js';
import { DIALECTS } from './helpers/databases.js';
import { versionsOf } from './helpers/history.js';
import { png, uploadForm } from './helpers/media-library.js';
import { demoServer, type TestServer } from './helpers/server.js';

// Replacing a media file rewrites every page, item and post that shows it: each keeps a version
// of the rewrite, by the editor who replaced the file, while the replacement is the one audit
// record (docs/api.md §12.1, §12.3).

describe.each(DIALECTS)('a media replacement in history (%s)', (dialect) => {
  let s: TestServer;
  let editor: AdminClient;
  let media: string;

  beforeAll(async () => {
    s = await demoServer(dialect);
    editor = await member(s.app, s.store, s.demo.id, 'editor');
    media = `/admin/api/accounts/${s.demo.id}/media`;
  });

  afterAll(async () => {
    await s?.close();
  });

  it('keeps a version of each page and post it rewrote, and records only the replacement', async () => {
    const upload = await uploadForm(s, editor, media, [{ fileName: 'hero.png', bytes: await png(5, 4, 901) }]);
    expect(upload.status).toBe(201);
    const file = upload.body.data[0] as { name: string; url: string };
    expect((await s.send('PATCH', '/v2/pages/landing_page/launch/', { fields: { hero_image: file.url } })).status).toBe(
      202,
    );
    const post = { title: 'Shown', slug: 'shown', body: `<p><img src="${file.url}"></p>` };
    expect((await s.send('POST', '/v2/posts/', post)).status).toBe(202);
    const before = {
      page: (await versionsOf(s, '/v2/pages/landing_page/launch/')).body.meta.count as number,
      post: (await versionsOf(s, '/v2/posts/shown/')).body.meta.count as number,
    };

    const parts = [{ fileName: 'hero-2.png', bytes: await png(5, 4, 902) }];
    const { result, records } = await recorded(s.store, () =>
      uploadForm(s, editor, `${media}/${file.name}/replace`, parts),
    );
    expect(result.status).toBe(200);
    const to = result.body.data.media.name as string;
    expect(records.map((r) => r.action)).toEqual(['media.replace']);

    const page = (await versionsOf(s, '/v2/pages/landing_page/launch/')).body;
    expect(page.meta.count).toBe(before.page + 1);
    expect(page.data[0].author).toEqual({ type: 'user', name: `editor@${s.demo.id}.test` });
    const newest = (await s.get(`/v2/pages/landing_page/launch/versions/${page.data[0].id}/`, s.demo.write_token)).body;
    expect(newest.data.fields.hero_image).toContain(to.slice(0, to.indexOf('.')));
    const posts = (await versionsOf(s, '/v2/posts/shown/')).body;
    expect(posts.meta.count).toBe(before.post + 1);
    const newestPost = (await s.get(`/v2/posts/shown/versions/${posts.data[0].id}/`, s.demo.write_token)).body;
    expect(newestPost.data.fields.body).toContain(to.slice(0, to.indexOf('.')));
    expect(newestPost.data.fields.body).not.toContain(file.name.slice(0, file.name.indexOf('.')));
  });
});
