import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { member, type AdminClient } from './helpers/admin.js';
import { DIALECTS } from './helpers/databases.js';
import { demoServer, type TestServer } from './helpers/server.js';

// The dashboard creates pages through the same operation as POST /v2/pages/, so a refused create
// names every failing field at once, the body's and the page type's, as /v2 does.

const REQUIRED = ['This field is required.'];

describe.each(DIALECTS)('admin page create reports every failing field (%s)', (dialect) => {
  let s: TestServer;
  let editor: AdminClient;
  let pages: string;

  beforeAll(async () => {
    s = await demoServer(dialect);
    editor = await member(s.app, s.store, s.demo.id, 'editor');
    pages = `/admin/api/accounts/${s.demo.id}/pages`;
  });

  afterAll(async () => {
    await s?.close();
  });

  it("a missing title and slug come with the fields' own errors", async () => {
    const res = await editor.request('POST', pages, {
      page_type: 'landing_page',
      fields: { priority: 500, layout: 'huge' },
    });
    expect(res.status).toBe(400);
    expect(res.body.detail).toEqual({
      fields: {
        title: REQUIRED,
        slug: REQUIRED,
        headline: REQUIRED,
        priority: ['Ensure this value is less than or equal to 100.'],
        layout: ['"huge" is not a valid choice.'],
      },
    });
  });

  it("a taken slug comes with the fields' own errors", async () => {
    const res = await editor.request('POST', pages, {
      title: 'Again',
      slug: 'launch',
      page_type: 'landing_page',
      fields: { headline: 'Hi', priority: -1 },
    });
    expect(res.status).toBe(400);
    expect(res.body.detail).toEqual({
      fields: {
        slug: ['A page with this slug already exists.'],
        priority: ['Ensure this value is greater than or equal to 0.'],
      },
    });
  });

  it('stores nothing when only the title is missing beside a bad field', async () => {
    const res = await editor.request('POST', pages, {
      slug: 'new-page',
      page_type: 'landing_page',
      fields: { headline: 'Hi', priority: 500 },
    });
    expect(res.status).toBe(400);
    expect(res.body.detail).toEqual({
      fields: { title: REQUIRED, priority: ['Ensure this value is less than or equal to 100.'] },
    });
    expect((await editor.get(`${pages}/landing_page/new-page`)).status).toBe(404);
  });

  it('answers as /v2 does for a body that names every field of the type', async () => {
    const body = {
      title: '',
      slug: 'homepage',
      page_type: '*',
      fields: { headline: '', intro: '<p>Hi</p>', featured: 'no-such-page' },
    };
    const admin = await editor.request('POST', pages, body);
    const v2 = await s.send('POST', '/v2/pages/', body);
    expect([admin.status, v2.status]).toEqual([400, 400]);
    expect(admin.body.detail).toEqual({
      fields: {
        title: REQUIRED,
        slug: ['A page with this slug already exists.'],
        headline: REQUIRED,
        featured: ['No page with slug "no-such-page" in page type landing_page.'],
      },
    });
    expect(admin.body.detail).toEqual(v2.body.detail);
  });

  it('stops at an unknown page type, whose fields cannot be checked, as /v2 does', async () => {
    const body = { title: 'T', slug: 'x', page_type: 'nope', fields: { headline: 7 } };
    const admin = await editor.request('POST', pages, body);
    const v2 = await s.send('POST', '/v2/pages/', body);
    expect([admin.status, v2.status]).toEqual([400, 400]);
    expect(admin.body.detail).toEqual({ fields: { page_type: ['Unknown page type "nope".'] } });
    expect(admin.body.detail).toEqual(v2.body.detail);
  });
});
