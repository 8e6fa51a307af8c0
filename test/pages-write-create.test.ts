import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from './helpers/databases.js';
import { landingBody } from './helpers/landing-body.js';
import { demoServer, type TestServer } from './helpers/server.js';

// POST /v2/pages/ (docs/api.md §6): a new page reads back at once; every failing field is named
// at once, with its path; slugs are checked for format, length and uniqueness, also in a race.

const ACCEPTED = { status: 'pending' };

describe.each(DIALECTS)('page creates (%s)', (dialect) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await demoServer(dialect);
  });
  afterAll(async () => s?.close());

  it('creates a published page that reads back at once, title as name', async () => {
    const r = await s.send('POST', '/v2/pages/', landingBody('new-page', { related: ['launch'] }));
    expect(r.status).toBe(202);
    expect(r.body).toEqual(ACCEPTED);
    const page = (await s.get('/v2/pages/landing_page/new-page/')).body.data;
    expect(page).toMatchObject({
      slug: 'new-page',
      name: 'Title new-page',
      status: 'published',
      page_type: 'landing_page',
    });
    expect(page.fields.headline).toBe('Headline new-page');
    expect(page.fields.related.map((p: { slug: string }) => p.slug)).toEqual(['launch']);
    expect(page.fields.brand).toBeNull();
    expect(page.fields.priority).toBe(5);
  });

  it('accepts page-type, defaults to draft without status', async () => {
    const { page_type: _t, status: _s, ...body } = landingBody('hyphen-key');
    expect((await s.send('POST', '/v2/pages/', { ...body, 'page-type': 'landing_page' })).status).toBe(202);
    expect((await s.get('/v2/pages/landing_page/hyphen-key/')).status).toBe(404);
    expect((await s.get('/v2/pages/landing_page/hyphen-key/?preview=1')).body.data.status).toBe('draft');
  });

  it('reports every failing field at once, with paths into components, repeaters and references', async () => {
    const body = landingBody('bad-page', {
      headline: 'x'.repeat(121),
      priority: 500,
      featured: 'yes',
      layout: 'huge',
      theme: 'red',
      launch_date: '2026-13-45',
      seo: { title: 42 },
      faq: [{ question: 'ok' }, { question: ['no'] }],
      related: ['launch', 'no-such-page'],
      brand: 999999,
      sections: [{ type: 'nope', fields: {} }],
      hero_image: 'not a url',
    });
    const r = await s.send('POST', '/v2/pages/', body);
    expect(r.status).toBe(400);
    expect(r.body).toEqual({
      detail: {
        fields: {
          headline: ['Ensure this field has no more than 120 characters.'],
          priority: ['Ensure this value is less than or equal to 100.'],
          featured: ['Must be a valid boolean.'],
          layout: ['"huge" is not a valid choice.'],
          theme: ['Enter a valid color: #rrggbb or #rrggbbaa.'],
          launch_date: [expect.stringContaining('Date has wrong format')],
          'seo.title': ['Not a valid string.'],
          'faq.1.question': ['Not a valid string.'],
          'related.1': ['No page with slug "no-such-page" in page type landing_page.'],
          brand: ['No item with id 999999 in collection brands.'],
          'sections.0.type': ['"nope" is not a component this field accepts.'],
          hero_image: ['Enter a valid URL.'],
        },
      },
    });
    expect((await s.get('/v2/pages/landing_page/bad-page/?preview=1')).status).toBe(404);
  });

  it('needs every field on create, a title and a slug, and a known page type', async () => {
    const r = await s.send('POST', '/v2/pages/', { page_type: 'landing_page', fields: { headline: 'Only this' } });
    expect(r.status).toBe(400);
    expect(r.body.detail.fields.title).toEqual(['This field is required.']);
    expect(r.body.detail.fields.slug).toEqual(['This field is required.']);
    expect(r.body.detail.fields.summary).toEqual(['This field is required.']);
    const both = await s.send('POST', '/v2/pages/', {
      ...landingBody('x'),
      title: undefined,
      fields: { ...landingBody('x').fields, priority: 'high' },
    });
    expect(both.body).toEqual({
      detail: { fields: { title: ['This field is required.'], priority: ['A valid number is required.'] } },
    });
    const noFields = await s.send('POST', '/v2/pages/', {
      ...landingBody('partial-create'),
      fields: { headline: 'Only this' },
    });
    expect(noFields.body.detail.fields.summary).toEqual(['This field is required.']);
    expect(noFields.body.detail.fields.headline).toBeUndefined();
    const unknownType = await s.send('POST', '/v2/pages/', { ...landingBody('x'), page_type: 'nope' });
    expect(unknownType.body).toEqual({ detail: { fields: { page_type: ['Unknown page type "nope".'] } } });
  });

  it('validates slugs: format and uniqueness', async () => {
    expect((await s.send('POST', '/v2/pages/', landingBody('Bad Slug'))).body).toEqual({
      detail: {
        fields: { slug: ['Enter a valid slug: lowercase letters, digits and hyphens, at most 200 characters.'] },
      },
    });
    expect((await s.send('POST', '/v2/pages/', landingBody('launch'))).body).toEqual({
      detail: { fields: { slug: ['A page with this slug already exists.'] } },
    });
  });

  it('keeps long slugs and long text within what both databases can index', async () => {
    expect((await s.send('POST', '/v2/pages/', landingBody('a'.repeat(201)))).body.detail.fields.slug[0]).toMatch(
      /at most 200 characters/,
    );
    const long = 'Lorem ipsum dolor sit amet, '.repeat(5000);
    expect(
      (await s.send('POST', '/v2/pages/', landingBody('long-text', { summary: long, body: `<p>${long}</p>` }))).status,
    ).toBe(202);
    expect((await s.get('/v2/pages/landing_page/long-text/')).body.data.fields.summary).toBe(long);
    const filtered = await s.get(`/v2/pages/landing_page/?fields.summary=${encodeURIComponent(long)}`);
    expect(filtered.body.data.map((p: { slug: string }) => p.slug)).toEqual(['long-text']);
    expect(
      (await s.get('/v2/pages/search/?query=lorem%20ipsum')).body.data.map((p: { slug: string }) => p.slug),
    ).toContain('long-text');
  });

  it('gives exactly one 202 and one 400 for two concurrent creates of one slug', async () => {
    const results = await Promise.all([
      s.send('POST', '/v2/pages/', landingBody('race')),
      s.send('POST', '/v2/pages/', landingBody('race')),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([202, 400]);
    expect(results.find((r) => r.status === 400)!.body).toEqual({
      detail: { fields: { slug: ['A page with this slug already exists.'] } },
    });
  });
});
