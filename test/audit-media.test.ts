import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { member, type AdminClient } from './helpers/admin.js';
import { fromRequest, noRecord, oneRecord, recorded, userActor } from './helpers/audit.js';
import { DIALECTS } from './helpers/databases.js';
import { png, postBody, uploadForm } from './helpers/media-library.js';
import { demoServer, type TestServer } from './helpers/server.js';

// The audit log (docs/api.md §12.3) of the media library: uploads (one record per file listed
// anew), descriptions, replacements and deletes, each naming the editor who made it; refusals
// record nothing. The media webhooks' `editor` names the same person.

describe.each(DIALECTS)('audit records of the media library (%s)', (dialect) => {
  let s: TestServer;
  let editor: AdminClient;
  let viewer: AdminClient;
  let media: string;
  let editorEmail: string;
  let seed = 300;

  beforeAll(async () => {
    s = await demoServer(dialect, { config: { webhookAllowPrivate: true } });
    editorEmail = `editor@${s.demo.id}.test`;
    editor = await member(s.app, s.store, s.demo.id, 'editor');
    viewer = await member(s.app, s.store, s.demo.id, 'viewer');
    media = `/admin/api/accounts/${s.demo.id}/media`;
  });

  afterAll(async () => {
    await s?.close();
  });

  const fresh = () => png(4, 3, seed++);
  const byEditor = (reply: { headers: Record<string, unknown> }) => ({
    account_id: s.demo.id,
    actor: userActor(editorEmail),
    kind: 'media',
    ...fromRequest(reply),
  });

  /** Uploads one new file and answers its library item. */
  async function uploaded(fileName = 'file.png'): Promise<{ name: string; url: string }> {
    const res = await uploadForm(s, editor, media, [{ fileName, bytes: await fresh() }]);
    expect(res.status).toBe(201);
    return res.body.data[0];
  }

  it('an upload of two files: one media.upload for each, from the one request', async () => {
    const parts = [
      { fileName: 'one.png', bytes: await fresh() },
      { fileName: 'two.png', bytes: await fresh() },
    ];
    const { result, records } = await recorded(s.store, () => uploadForm(s, editor, media, parts));
    expect(result.status).toBe(201);
    const [one, two] = result.body.data;
    expect(records).toEqual([
      expect.objectContaining({
        ...byEditor(result),
        action: 'media.upload',
        target: { id: one.name, slug: null },
        detail: { original_name: 'one.png', mime: 'image/png', size: parts[0]!.bytes.length },
      }),
      expect.objectContaining({ ...byEditor(result), action: 'media.upload', target: { id: two.name, slug: null } }),
    ]);
    // The same bytes again: nothing new in the library, nothing recorded.
    const again = await noRecord(s.store, () => uploadForm(s, editor, media, [parts[0]!]));
    expect(again.status).toBe(201);
  });

  it('an upload of the raw file: one media.upload, without a name', async () => {
    const bytes = await fresh();
    const { result, record } = await oneRecord(s.store, () => postBody(s, editor, media, bytes, 'image/png'));
    expect(result.status).toBe(201);
    expect(record).toMatchObject({
      ...byEditor(result),
      action: 'media.upload',
      target: { id: result.body.data.name },
      detail: { original_name: '' },
    });
  });

  it.for<[string, () => Promise<{ status: number }>, number]>([
    ['by a viewer', async () => uploadForm(s, viewer, media, [{ fileName: 'v.png', bytes: await png(4, 3, 1) }]), 403],
    [
      'of a type the library refuses',
      () => uploadForm(s, editor, media, [{ fileName: 'a.txt', bytes: Buffer.from('hi') }]),
      400,
    ],
  ])('an upload refused (%s) records nothing', async ([, act, status]) => {
    expect((await noRecord(s.store, act)).status).toBe(status);
  });

  it('a description: media.update naming the fields changed; an empty one records nothing', async () => {
    const file = await uploaded();
    const patch = { alt: 'A cat', tags: ['pets'] };
    const { result, record } = await oneRecord(s.store, () => editor.request('PATCH', `${media}/${file.name}`, patch));
    expect(result.status).toBe(200);
    expect(record).toMatchObject({
      ...byEditor(result),
      action: 'media.update',
      target: { id: file.name, slug: null },
      detail: { fields: ['alt', 'tags'] },
    });
    expect((await noRecord(s.store, () => editor.request('PATCH', `${media}/${file.name}`, {}))).status).toBe(200);
    const bad = await noRecord(s.store, () => editor.request('PATCH', `${media}/${file.name}`, { alt: 7 }));
    expect(bad.status).toBe(400);
  });

  it('a replacement: one media.replace, naming the file replaced and the new one', async () => {
    const old = await uploaded('old.png');
    const parts = [{ fileName: 'new.png', bytes: await fresh() }];
    const { result, record } = await oneRecord(s.store, () =>
      uploadForm(s, editor, `${media}/${old.name}/replace`, parts),
    );
    expect(result.status).toBe(200);
    expect(record).toMatchObject({
      ...byEditor(result),
      action: 'media.replace',
      target: { id: old.name, slug: null },
      detail: { name: result.body.data.media.name, original_name: 'new.png', references: 0 },
    });
  });

  it('a delete: refused while in use (409) records nothing; forced, one media.delete', async () => {
    const file = await uploaded('used.png');
    const page = { fields: { hero_image: file.url } };
    expect((await s.send('PATCH', '/v2/pages/landing_page/launch/', page)).status).toBe(202);
    const refused = await noRecord(s.store, () => editor.request('DELETE', `${media}/${file.name}`));
    expect(refused.status).toBe(409);
    const { result, record } = await oneRecord(s.store, () =>
      editor.request('DELETE', `${media}/${file.name}?force=true`),
    );
    expect(result.status).toBe(204);
    expect(record).toMatchObject({
      ...byEditor(result),
      action: 'media.delete',
      target: { id: file.name, slug: null },
      detail: { original_name: 'used.png', force: true },
    });
    expect((await noRecord(s.store, () => editor.request('DELETE', `${media}/${file.name}`))).status).toBe(404);
  });

  it("the media webhooks' editor is the person who made the change", async () => {
    const admin = await member(s.app, s.store, s.demo.id, 'admin');
    const hook = { url: 'http://127.0.0.1:9/hook', events: ['media.all'] };
    const made = await admin.request('POST', `/admin/api/accounts/${s.demo.id}/webhooks`, hook);
    expect(made.status).toBe(201);
    const file = await uploaded('hooked.png');
    await editor.request('PATCH', `${media}/${file.name}`, { alt: 'Hooked' });
    await editor.request('DELETE', `${media}/${file.name}`);
    const rows = await s.store.db
      .selectFrom('webhook_deliveries')
      .select(['event', 'payload'])
      .where('webhook_id', '=', made.body.data.id)
      .orderBy('id')
      .execute();
    expect(rows.map((r) => [r.event, JSON.parse(r.payload).data.editor])).toEqual([
      ['media.created', editorEmail],
      ['media.updated', editorEmail],
      ['media.deleted', editorEmail],
    ]);
  });
});
