import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliActor } from '../src/audit/actor.js';
import { createWebhook } from '../src/webhooks/webhook-store.js';
import { DIALECTS } from './helpers/databases.js';
import { labelledWriteToken, pageWithVersions, versionIds, versionsOf } from './helpers/history.js';
import { landingBody } from './helpers/landing-body.js';
import { startImageOrigin, type ImageOrigin } from './helpers/post-writes.js';
import { demoServer, type TestServer } from './helpers/server.js';

// POST .../versions/<id>/restore/ of pages and items (docs/api.md §12.1): a draft over what
// readers see by default, or published; through the write path, so a new version that names
// the one restored, an audit record `restore` and the webhooks' events.

describe.each(DIALECTS)('restoring page and item versions (%s)', (dialect) => {
  let s: TestServer;
  let images: ImageOrigin;
  let restorer: string;
  const base = '/v2/pages/landing_page/restored/';
  const restore = (id: number | string, body?: unknown, token = restorer, path = base) =>
    s.send('POST', `${path}versions/${id}/restore/`, body, token);
  const headline = async (preview: boolean) =>
    (await s.get(`${base}${preview ? '?preview=1' : ''}`)).body.data.fields.headline;

  beforeAll(async () => {
    s = await demoServer(dialect);
    images = await startImageOrigin();
    restorer = await labelledWriteToken(s, 'restorer');
    await pageWithVersions(s, 'restored', ['Second', 'Third']);
  });
  afterAll(async () => {
    await s?.close();
    await images?.close();
  });

  it('restores as a draft by default: readers keep the published version', async () => {
    const ids = await versionIds(s, base);
    const oldest = ids.at(-1)!;
    expect(await restore(oldest)).toMatchObject({ status: 202, body: { status: 'pending', left_out: [] } });
    expect(await headline(false)).toBe('Third');
    expect(await headline(true)).toBe('Headline restored');
    const [newest] = (await versionsOf(s, base)).body.data;
    expect(newest).toMatchObject({
      status: 'draft',
      restored_from: oldest,
      author: { type: 'token', name: 'restorer' },
    });
    expect(newest.id).toBeGreaterThan(ids[0]!);
  });

  it('restores as published: readers see it', async () => {
    const ids = await versionIds(s, base);
    const second = (await versionsOf(s, base, '?page_size=100')).body.data.find((v: any) => v.restored_from === null);
    expect(second.id).toBe(ids[1]);
    expect(await restore(ids[2]!, { status: 'published' })).toMatchObject({ status: 202, body: { left_out: [] } });
    expect(await headline(false)).toBe('Second');
    expect((await versionsOf(s, base)).body.data[0]).toMatchObject({ status: 'published', restored_from: ids[2] });
  });

  it('keeps the page’s current slug, and restores its name', async () => {
    const body = { ...landingBody('before-rename'), title: 'Old name' };
    expect((await s.send('POST', '/v2/pages/', body)).status).toBe(202);
    const [first] = await versionIds(s, '/v2/pages/landing_page/before-rename/');
    const rename = { slug: 'after-rename', title: 'New name' };
    expect((await s.send('PATCH', '/v2/pages/landing_page/before-rename/', rename)).status).toBe(202);
    const path = '/v2/pages/landing_page/after-rename/';
    expect(await restore(first!, { status: 'published' }, restorer, path)).toMatchObject({ status: 202 });
    const page = await s.get(path);
    expect(page.body.data).toMatchObject({ slug: 'after-rename', name: 'Old name' });
    expect((await s.get('/v2/pages/landing_page/before-rename/')).status).toBe(404);
  });

  it('writes an audit record `restore` naming the version, and queues the webhooks’ events', async () => {
    const hook = { url: 'https://hooks.example/ghee', events: ['page.all'], headers: {}, enabled: true };
    await createWebhook(s.store.db, { id: s.demo.id, plan: 'enterprise' }, hook, cliActor());
    const ids = await versionIds(s, base);
    expect((await restore(ids.at(-1)!)).status).toBe(202);
    const audit = await s.store.db
      .selectFrom('audit_log')
      .selectAll()
      .where('account_id', '=', s.demo.id)
      .where('action', '=', 'restore')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ kind: 'page', actor_type: 'token', actor_name: 'restorer', target_slug: 'restored' });
    expect(JSON.parse(audit.detail!)).toEqual({ type: 'landing_page', version: ids.at(-1) });
    const delivery = await s.store.db
      .selectFrom('webhook_deliveries')
      .select(['event', 'payload'])
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(delivery.event).toBe('page.draft');
    expect(JSON.parse(delivery.payload).data).toMatchObject({ id: 'restored', editor: 'restorer', status: 'draft' });
  });

  it('restores media fields as library values, downloading nothing', async () => {
    const body = landingBody('pictured', { hero_image: `${images.base}/cover.png` });
    expect((await s.send('POST', '/v2/pages/', body)).status).toBe(202);
    const [first] = await versionIds(s, '/v2/pages/landing_page/pictured/');
    const path = '/v2/pages/landing_page/pictured/';
    expect((await s.send('PATCH', path, { fields: { hero_image: '' } })).status).toBe(202);
    await images.close();
    expect(await restore(first!, { status: 'published' }, restorer, path)).toMatchObject({ status: 202 });
    const stored = await s.store.db
      .selectFrom('entry_versions as v')
      .innerJoin('entries as e', 'e.id', 'v.entry_id')
      .select('v.fields')
      .where('e.slug', '=', 'pictured')
      .where('v.channel', '=', 'published')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(stored.fields).hero_image).toMatch(/^\/media\/\S+\.png$/);
    images = await startImageOrigin();
  });

  it('restores an item version', async () => {
    const created = await s.send('POST', '/v2/content/brands/', { status: 'published', fields: [{ name: 'Acme v1' }] });
    expect(created.status).toBe(202);
    const row = await s.store.db.selectFrom('entries').select('id').orderBy('id', 'desc').executeTakeFirstOrThrow();
    const item = `/v2/content/brands/${row.id}/`;
    expect((await s.send('PATCH', item, { fields: { name: 'Acme v2' } })).status).toBe(202);
    const [, first] = await versionIds(s, item);
    expect(await restore(first!, { status: 'published' }, restorer, item)).toMatchObject({
      status: 202,
      body: { status: 'pending', left_out: [] },
    });
    expect((await s.get(item)).body.data.name).toBe('Acme v1');
  });

  it.for([
    [{ status: 'scheduled' }, `'status' must be "draft" or "published"`],
    [{ status: 7 }, `'status' must be a string`],
    [{ publish: true }, "Unknown key 'publish' in request body"],
    [[], 'Request body must be a JSON object'],
  ])('refuses the body %j with a 400', async ([body, detail]) => {
    const [id] = await versionIds(s, base);
    expect(await restore(id!, body)).toMatchObject({ status: 400, body: { detail } });
  });

  it('answers 401 to a read token, 404 to another page’s version and to ids that name none', async () => {
    const [id] = await versionIds(s, base);
    const [launch] = await versionIds(s, '/v2/pages/landing_page/launch/');
    expect(await restore(id!, undefined, s.demo.read_token)).toMatchObject({ status: 401 });
    expect(await restore(launch!)).toMatchObject({ status: 404, body: { detail: 'Not found' } });
    expect(await restore('nope')).toMatchObject({ status: 404, body: { detail: 'Not found' } });
    expect(await restore(id!, undefined, restorer, '/v2/pages/landing_page/gone/')).toMatchObject({
      status: 404,
      body: { detail: 'Page matching query does not exist' },
    });
  });
});
