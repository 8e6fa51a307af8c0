import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from './helpers/databases.js';
import { member, type AdminClient } from './helpers/admin.js';
import { demoServer, type TestServer } from './helpers/server.js';

// Blog posts in the dashboard: list, read for editing, create, edit, schedule, delete; authors.

describe.each(DIALECTS)('admin blog posts (%s)', (dialect) => {
  let s: TestServer;
  let editor: AdminClient;
  let viewer: AdminClient;
  let base: string;

  beforeAll(async () => {
    s = await demoServer(dialect);
    editor = await member(s.app, s.store, s.demo.id, 'editor');
    viewer = await member(s.app, s.store, s.demo.id, 'viewer');
    base = `/admin/api/accounts/${s.demo.id}`;
  });

  afterAll(async () => {
    await s?.close();
  });

  it("lists every post's newest version, with a status filter, search and paging", async () => {
    const res = await viewer.get(`${base}/posts?page_size=3`);
    expect(res.status).toBe(200);
    expect(res.body.meta).toMatchObject({ next_page: 2, previous_page: null });
    expect(res.body.data).toHaveLength(3);
    expect(res.body.data[0]).toEqual({
      id: expect.any(Number),
      title: expect.any(String),
      slug: expect.any(String),
      status: expect.stringMatching(/^(draft|published|scheduled)$/),
      published: expect.toSatisfy((v: unknown) => v === null || typeof v === 'string'),
      scheduled: expect.toSatisfy((v: unknown) => v === null || typeof v === 'string'),
      unpublish_at: null,
      updated: expect.any(String),
      author: {
        slug: expect.any(String),
        first_name: expect.any(String),
        last_name: expect.any(String),
        email: expect.any(String),
      },
    });
    const all = (await viewer.get(`${base}/posts?page_size=100`)).body;
    const scheduled = (await viewer.get(`${base}/posts?status=scheduled&page_size=100`)).body;
    expect(scheduled.data.length).toBeGreaterThan(0);
    expect(scheduled.data.every((p: any) => p.status === 'scheduled' && p.scheduled)).toBe(true);
    const drafts = (await viewer.get(`${base}/posts?status=draft&page_size=100`)).body.data;
    const published = (await viewer.get(`${base}/posts?status=published&page_size=100`)).body.data;
    expect(drafts.length + published.length + scheduled.data.length).toBe(all.meta.count);
    const found = (await viewer.get(`${base}/posts?query=dal`)).body.data.map((p: any) => p.slug);
    expect(found).toContain('golden-dal');
    expect(await viewer.get(`${base}/posts?status=gone`)).toMatchObject({
      status: 400,
      body: { detail: 'status query parameter should be draft, published or scheduled' },
    });
  });

  it('lists the authors', async () => {
    const res = await viewer.get(`${base}/authors`);
    expect(res.status).toBe(200);
    expect(res.body.data.map((a: any) => a.slug)).toContain('gita-ghee');
    expect(res.body.data.filter((a: any) => a.default)).toHaveLength(1);
  });

  it('creates a post (a draft), reads it back for editing, then publishes it', async () => {
    const created = await editor.request('POST', `${base}/posts`, {
      title: 'From the dashboard',
      slug: 'from-the-dashboard',
      body: '<p>Hi <strong>there</strong><script>x()</script></p>',
      author: { slug: 'gita-ghee' },
      categories: ['News', 'Dashboard'],
      tags: ['admin'],
      summary: 'Short',
      seo_title: 'SEO',
      meta_description: 'Meta',
    });
    expect(created.status).toBe(201);
    expect(created.body.data).toMatchObject({
      slug: 'from-the-dashboard',
      title: 'From the dashboard',
      status: 'draft',
      published: null,
      body: '<p>Hi <strong>there</strong></p>',
      author: { slug: 'gita-ghee' },
      categories: [{ name: 'News' }, { name: 'Dashboard' }],
      tags: [{ name: 'admin' }],
      summary: 'Short',
    });
    expect((await s.get('/v2/posts/from-the-dashboard/')).status).toBe(404);
    expect((await viewer.get(`${base}/posts/from-the-dashboard`)).body.data).toMatchObject({
      slug: 'from-the-dashboard',
      status: 'draft',
    });
    const published = await editor.request('PUT', `${base}/posts/from-the-dashboard`, {
      status: 'published',
      title: 'Live now',
    });
    expect(published.status).toBe(200);
    expect(published.body.data).toMatchObject({
      status: 'published',
      title: 'Live now',
      published: expect.any(String),
      summary: 'Short',
    });
    expect((await s.get('/v2/posts/from-the-dashboard/')).body.data).toMatchObject({
      title: 'Live now',
      body: '<p>Hi <strong>there</strong></p>',
    });
    expect(await viewer.get(`${base}/posts/nope`)).toMatchObject({
      status: 404,
      body: { detail: 'Post matching query does not exist' },
    });
  });

  it('answers validation errors in the field shape', async () => {
    const bad = await editor.request('POST', `${base}/posts`, {
      slug: 'Not A Slug',
      status: 'live',
      author: { slug: 'nobody' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.detail.fields).toMatchObject({
      title: expect.any(Array),
      slug: expect.any(Array),
      status: expect.any(Array),
    });
    const taken = await editor.request('POST', `${base}/posts`, { title: 'Again', slug: 'hello-world' });
    expect(taken).toMatchObject({
      status: 400,
      body: { detail: { fields: { slug: ['A post with this slug already exists.'] } } },
    });
    const noTime = await editor.request('PUT', `${base}/posts/from-the-dashboard`, { scheduled: 'tomorrow' });
    expect(noTime.body.detail.fields.scheduled).toHaveLength(1);
  });

  it('schedules a post, which readers see only from its time', async () => {
    const at = new Date(Date.now() + 7 * 24 * 3600 * 1000).toISOString();
    const res = await editor.request('POST', `${base}/posts`, {
      title: 'Later',
      slug: 'later',
      status: 'scheduled',
      scheduled: at,
    });
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({
      status: 'scheduled',
      published: null,
      scheduled: expect.stringMatching(at.slice(0, 19)),
    });
    expect((await s.get('/v2/posts/later/')).status).toBe(404);
    expect(
      (await viewer.get(`${base}/posts?status=scheduled&page_size=100`)).body.data.map((p: any) => p.slug),
    ).toContain('later');
    // Back to draft: no longer scheduled.
    const draft = await editor.request('PUT', `${base}/posts/later`, { status: 'draft' });
    expect(draft.body.data).toMatchObject({ status: 'draft', scheduled: null });
  });

  it('deletes a post', async () => {
    expect((await editor.request('DELETE', `${base}/posts/later`)).status).toBe(204);
    expect((await viewer.get(`${base}/posts/later`)).status).toBe(404);
    expect((await editor.request('DELETE', `${base}/posts/later`)).status).toBe(404);
  });

  it('refuses writes to a viewer', async () => {
    const refused = { status: 403, body: { detail: 'You do not have permission to perform this action' } };
    expect(await viewer.request('POST', `${base}/posts`, { title: 'No', slug: 'no' })).toMatchObject(refused);
    expect(await viewer.request('PUT', `${base}/posts/hello-world`, { title: 'No' })).toMatchObject(refused);
    expect(await viewer.request('DELETE', `${base}/posts/hello-world`)).toMatchObject(refused);
    expect((await s.get('/v2/posts/hello-world/')).status).toBe(200);
  });
});
