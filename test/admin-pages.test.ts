import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from './helpers/databases.js';
import { member, type AdminClient } from './helpers/admin.js';
import { demoServer, type TestServer } from './helpers/server.js';

// Content > Pages: lists with search and filters, editing per locale with field-level errors,
// draft, publish, unpublish and the preview of the draft.

const PAGE_404 = { detail: 'Page matching query does not exist' };

describe.each(DIALECTS)('admin pages (%s)', (dialect) => {
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

  const slugs = (res: { body: any }) => res.body.data.map((p: any) => p.slug).sort();

  it('lists pages (drafts included) by type, status and search, with paging', async () => {
    const all = await editor.get(pages);
    expect(all.status).toBe(200);
    expect(all.body.meta).toEqual({ count: 5, next_page: null, previous_page: null });
    expect(all.body.data.find((p: any) => p.slug === 'pricing')).toEqual({
      slug: 'pricing',
      page_type: 'landing_page',
      name: 'Pricing',
      status: 'draft',
      published: expect.any(String),
      scheduled: null,
      unpublish_at: null,
      updated: expect.any(String),
    });
    expect(slugs(await editor.get(`${pages}?type=landing_page`))).toEqual([
      'about-us',
      'coming-soon',
      'launch',
      'pricing',
    ]);
    expect(slugs(await editor.get(`${pages}?type=*`))).toEqual(['homepage']);
    expect(slugs(await editor.get(`${pages}?status=draft`))).toEqual(['coming-soon', 'pricing']);
    expect(slugs(await editor.get(`${pages}?status=published&type=landing_page`))).toEqual(['about-us', 'launch']);
    const search = await editor.get(`${pages}?query=pricing`);
    expect(search.body.data[0].slug).toBe('pricing');
    expect((await editor.get(`${pages}?query=precios&locale=es`)).body.data[0].slug).toBe('pricing');
    const paged = await editor.get(`${pages}?page_size=2&page=2`);
    expect(paged.body.meta).toEqual({ count: 5, next_page: 3, previous_page: 1 });
    expect(paged.body.data).toHaveLength(2);
    expect(await editor.get(`${pages}?type=nope`)).toMatchObject({ status: 404, body: PAGE_404 });
    expect(await editor.get(`${pages}?status=live`)).toMatchObject({
      status: 400,
      body: { detail: 'status query parameter should be draft, published or scheduled' },
    });
    expect(await editor.get(`${pages}?locale=de`)).toMatchObject({
      status: 400,
      body: { detail: 'Invalid locale parameter' },
    });
  });

  it('reads a page for editing: the newest version, references as slugs and ids', async () => {
    const res = await editor.get(`${pages}/landing_page/pricing`);
    expect(res.status).toBe(200);
    const brand = await s.store.db
      .selectFrom('entries')
      .innerJoin('entry_versions', 'entry_versions.entry_id', 'entries.id')
      .select('entries.id')
      .where('entry_versions.fields', 'like', '%"Acme"%')
      .executeTakeFirstOrThrow();
    expect(res.body.data).toMatchObject({
      slug: 'pricing',
      page_type: 'landing_page',
      name: 'Pricing',
      locale: 'en',
      status: 'draft',
      published: expect.any(String),
      unpublished_changes: true,
      locales: ['en', 'es'],
    });
    expect(res.body.data.fields).toMatchObject({
      headline: 'Simpler pricing, coming soon',
      related: ['about-us'],
      brand: brand.id,
      priority: 60,
      hero_image: '',
    });
    expect((await editor.get(`${pages}/landing_page/pricing?locale=es`)).body.data.fields.headline).toBe(
      'Simpler pricing, coming soon',
    );
    expect((await editor.get(`${pages}/*/homepage`)).body.data).toMatchObject({
      slug: 'homepage',
      page_type: null,
      fields: { featured: 'launch' },
    });
    expect(await editor.get(`${pages}/landing_page/nope`)).toMatchObject({ status: 404, body: PAGE_404 });
  });

  it('saving the values it read changes nothing that readers see', async () => {
    const before = (await s.get('/v2/pages/landing_page/launch/?levels=3')).body;
    const read = (await editor.get(`${pages}/landing_page/launch`)).body.data;
    const saved = await editor.request('PUT', `${pages}/landing_page/launch`, {
      title: read.name,
      status: 'published',
      fields: read.fields,
    });
    expect(saved.status).toBe(200);
    const after = (await s.get('/v2/pages/landing_page/launch/?levels=3')).body;
    expect({ ...after.data, updated: null }).toEqual({ ...before.data, updated: null });
  });

  it('answers a failed validation with every field error in the API shape, and changes nothing', async () => {
    const res = await editor.request('PUT', `${pages}/landing_page/about-us`, {
      fields: { headline: '', priority: 500, layout: 'huge', faq: [{ question: 7 }] },
    });
    expect(res).toMatchObject({
      status: 400,
      body: {
        detail: {
          fields: {
            headline: ['This field is required.'],
            priority: ['Ensure this value is less than or equal to 100.'],
            layout: ['"huge" is not a valid choice.'],
            'faq.0.question': ['Not a valid string.'],
          },
        },
      },
    });
    expect(await editor.request('PUT', `${pages}/landing_page/about-us`, { fields: { hero: 'x' } })).toMatchObject({
      status: 400,
      body: { detail: "Field 'hero' is not defined in this page type" },
    });
    expect(await editor.request('PUT', `${pages}/landing_page/about-us`, { colour: 'red' })).toMatchObject({
      status: 400,
      body: { detail: "Unknown key 'colour' in request body" },
    });
    expect((await s.get('/v2/pages/landing_page/about-us/')).body.data.fields.headline).toBe('Who we are');
  });

  it('saves a draft (readers keep the published page), previews it, publishes, unpublishes', async () => {
    const url = `${pages}/landing_page/about-us`;
    const draft = await editor.request('PUT', url, { status: 'draft', fields: { headline: 'Who we are now' } });
    expect(draft.body.data).toMatchObject({
      status: 'draft',
      published: expect.any(String),
      unpublished_changes: true,
      fields: { headline: 'Who we are now', summary: 'A small team that loves clarified butter.' },
    });
    expect((await s.get('/v2/pages/landing_page/about-us/')).body.data.fields.headline).toBe('Who we are');

    const preview = await editor.get(`${url}/preview`);
    expect(preview.body.data).toMatchObject({
      slug: 'about-us',
      status: 'draft',
      fields: { headline: 'Who we are now', brand: { name: 'Butter Bros' } },
    });
    expect((await editor.get(`${url}/preview?levels=1`)).body.data.fields.brand).toMatch(
      /^http:\/\/ghee\.test\/v2\/content\/brands\/\d+\/$/,
    );

    const published = await editor.request('PUT', url, { status: 'published' });
    expect(published.body.data).toMatchObject({ status: 'published', unpublished_changes: false });
    expect((await s.get('/v2/pages/landing_page/about-us/')).body.data.fields.headline).toBe('Who we are now');

    const off = await editor.request('POST', `${url}/unpublish`);
    expect(off.body.data).toMatchObject({ status: 'draft', published: null, unpublished_changes: false });
    expect(await s.get('/v2/pages/landing_page/about-us/')).toMatchObject({ status: 404, body: PAGE_404 });
    expect(await s.get('/v2/pages/landing_page/about-us/?locale=es')).toMatchObject({ status: 404 });
    expect((await s.get('/v2/pages/landing_page/about-us/?preview=1')).body.data.fields.headline).toBe(
      'Who we are now',
    );
    expect((await editor.get(`${pages}?status=published`)).body.data.map((p: any) => p.slug)).not.toContain('about-us');
  });

  it('unpublishes one locale with ?locale=', async () => {
    await editor.request('POST', `${pages}/landing_page/launch/unpublish?locale=es`);
    expect((await s.get('/v2/pages/landing_page/launch/?locale=es')).status).toBe(404);
    expect((await s.get('/v2/pages/landing_page/launch/')).status).toBe(200);
  });

  it('creates a page in one locale, then writes its other locale', async () => {
    const created = await editor.request('POST', pages, {
      title: 'Careers',
      slug: 'careers',
      page_type: 'landing_page',
      status: 'published',
      fields: { headline: 'Join us', priority: 5 },
    });
    expect(created.status).toBe(201);
    expect(created.body.data).toMatchObject({
      slug: 'careers',
      name: 'Careers',
      status: 'published',
      locales: ['en'],
      fields: { headline: 'Join us', priority: 5, summary: '', related: [], brand: null },
    });
    const es = await editor.get(`${pages}/landing_page/careers?locale=es`);
    expect(es.body.data).toMatchObject({
      locale: 'es',
      status: null,
      published: null,
      locales: ['en'],
      fields: { headline: '', related: [] },
    });
    const written = await editor.request('PUT', `${pages}/landing_page/careers?locale=es`, {
      status: 'published',
      fields: { headline: 'Únete' },
    });
    expect(written.body.data).toMatchObject({
      locale: 'es',
      status: 'published',
      locales: ['en', 'es'],
      fields: { headline: 'Únete', priority: 5 },
    });
    expect((await s.get('/v2/pages/landing_page/careers/?locale=es')).body.data.fields.headline).toBe('Únete');

    expect(
      (
        await editor.request('POST', pages, {
          title: 'Again',
          slug: 'careers',
          page_type: 'landing_page',
          fields: { headline: 'x' },
        })
      ).body,
    ).toEqual({ detail: { fields: { slug: ['A page with this slug already exists.'] } }, code: 'validation' });
    // Every failing field at once, as /v2 answers: the body's and the page type's.
    expect((await editor.request('POST', pages, { page_type: 'landing_page' })).body).toEqual({
      detail: {
        fields: {
          title: ['This field is required.'],
          slug: ['This field is required.'],
          headline: ['This field is required.'],
        },
      },
      code: 'validation',
    });
    expect((await editor.request('POST', pages, { title: 'T', slug: 'x', page_type: 'nope' })).body).toEqual({
      detail: { fields: { page_type: ['Unknown page type "nope".'] } },
      code: 'validation',
    });
  });

  it('renames a page through its slug, and deletes (referenced pages only with ?force=true)', async () => {
    const renamed = await editor.request('PUT', `${pages}/landing_page/careers`, { slug: 'jobs' });
    expect(renamed.body.data).toMatchObject({ slug: 'jobs' });
    expect((await editor.get(`${pages}/landing_page/jobs`)).status).toBe(200);
    expect((await editor.request('DELETE', `${pages}/landing_page/jobs`)).status).toBe(204);
    expect((await editor.get(`${pages}/landing_page/jobs`)).status).toBe(404);
    const refused = await editor.request('DELETE', `${pages}/landing_page/pricing`);
    expect(refused).toMatchObject({
      status: 400,
      body: { detail: expect.stringMatching(/^Cannot delete: referenced by /) },
    });
    expect((await editor.request('DELETE', `${pages}/landing_page/pricing?force=true`)).status).toBe(204);
  });
});
