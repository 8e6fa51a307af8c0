import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { member, type AdminClient } from './helpers/admin.js';
import { DIALECTS } from './helpers/databases.js';
import { startMediaOrigin, type MediaOrigin } from './helpers/media-origin.js';
import { demoServer, type TestServer } from './helpers/server.js';

// Updates check their target before any download (issue 17 item 22): every update of /v2 and of
// the admin API looks up what it changes before it validates media or fetches a URL, so an
// update of something missing is the read's 404 and the media server sees no request at all.

const PAGE_404 = { detail: 'Page matching query does not exist' };
const POST_404 = { detail: 'Post matching query does not exist' };
const NOT_FOUND = { detail: 'Not found' };
const MISSING_ITEM = 2_000_000_000;

describe.each(DIALECTS)('updates look up their target first (%s)', (dialect) => {
  let s: TestServer;
  let origin: MediaOrigin;
  let editor: AdminClient;
  let admin: string;
  let image: string;

  beforeAll(async () => {
    s = await demoServer(dialect);
    origin = await startMediaOrigin();
    editor = await member(s.app, s.store, s.demo.id, 'editor');
    admin = `/admin/api/accounts/${s.demo.id}`;
    image = `${origin.base}/file.png`;
  });
  afterAll(async () => {
    await s?.close();
    await origin?.close();
  });
  beforeEach(() => origin.reset());

  /** What the tests expect of an answer, with how many downloads it made. */
  const outcome = (r: { status: number; body: unknown }) => ({
    status: r.status,
    body: r.body,
    downloads: origin.requests(),
  });

  it('downloads for an update of a page that exists (the origin is reachable)', async () => {
    const r = await s.send('PATCH', '/v2/pages/landing_page/launch/', { fields: { hero_image: image } });
    expect(outcome(r)).toEqual({ status: 202, body: { status: 'pending' }, downloads: 1 });
  });

  it.for(['PATCH', 'PUT'] as const)('%s of a missing page of a page type: 404, nothing fetched', async (method) => {
    const r = await s.send(method, '/v2/pages/landing_page/missing/', { fields: { hero_image: image } });
    expect(outcome(r)).toEqual({ status: 404, body: PAGE_404, downloads: 0 });
  });

  it.for(['PATCH', 'PUT'] as const)('%s of a missing page through *: 404, nothing fetched', async (method) => {
    const r = await s.send(method, '/v2/pages/*/missing/', { fields: { hero_image: image } });
    expect(outcome(r)).toEqual({ status: 404, body: PAGE_404, downloads: 0 });
  });

  it('a missing page wins over a field error in the same body, before any download', async () => {
    const r = await s.send('PATCH', '/v2/pages/landing_page/missing/', {
      fields: { hero_image: image, priority: 'high' },
    });
    expect(outcome(r)).toEqual({ status: 404, body: PAGE_404, downloads: 0 });
  });

  it.for(['PATCH', 'PUT'] as const)('%s of a missing collection item: 404, nothing fetched', async (method) => {
    const r = await s.send(method, `/v2/content/brands/${MISSING_ITEM}/`, {
      status: 'published',
      fields: { name: 'Ghost', logo: image },
    });
    expect(outcome(r)).toEqual({ status: 404, body: NOT_FOUND, downloads: 0 });
  });

  it.for(['PATCH', 'PUT'] as const)('%s of a missing post: 404, nothing fetched', async (method) => {
    const r = await s.send(method, '/v2/posts/missing/', { featured_image: image });
    expect(outcome(r)).toEqual({ status: 404, body: POST_404, downloads: 0 });
  });

  it('the admin API: a missing page of a page type is 404, nothing fetched', async () => {
    const r = await editor.request('PUT', `${admin}/pages/landing_page/missing`, { fields: { hero_image: image } });
    expect(outcome(r)).toEqual({ status: 404, body: { ...PAGE_404, code: 'page_not_found' }, downloads: 0 });
  });

  it('the admin API: a missing page through * is 404, nothing fetched', async () => {
    const r = await editor.request('PUT', `${admin}/pages/*/missing`, { fields: { hero_image: image } });
    expect(outcome(r)).toEqual({ status: 404, body: { ...PAGE_404, code: 'page_not_found' }, downloads: 0 });
  });

  it('the admin API: a missing collection item is 404, nothing fetched', async () => {
    const r = await editor.request('PUT', `${admin}/items/brands/${MISSING_ITEM}`, { fields: { logo: image } });
    expect(outcome(r)).toEqual({ status: 404, body: { ...NOT_FOUND, code: 'not_found' }, downloads: 0 });
  });

  it('the admin API: a missing post is 404, nothing fetched', async () => {
    const r = await editor.request('PUT', `${admin}/posts/missing`, { featured_image: image });
    expect(outcome(r)).toEqual({ status: 404, body: { ...POST_404, code: 'post_not_found' }, downloads: 0 });
  });
});
