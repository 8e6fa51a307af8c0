import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../src/accounts/accounts.js';
import { DIALECTS } from './helpers/databases.js';
import { demoServer, type TestServer } from './helpers/server.js';

const ACCEPTED = { status: 'pending' };

/** A complete landing page body: page creates need every field present. */
function landing(slug: string, extra: Record<string, unknown> = {}) {
  return {
    title: `Title ${slug}`, slug, page_type: 'landing_page', status: 'published',
    fields: {
      headline: `Headline ${slug}`, summary: '', body: '<p>Body</p>', notes: '', embed: '', hero_image: '', theme: '#112233',
      launch_date: '2026-01-02', priority: 5, featured: false, layout: 'wide', seo: { title: 'SEO', description: '' },
      sections: [], faq: [], related: [], brand: '', ...extra,
    },
  };
}

describe.each(DIALECTS)('page writes (%s)', (dialect) => {
  let s: TestServer;
  beforeAll(async () => { s = await demoServer(dialect); });
  afterAll(async () => s?.close());

  it('creates a published page that reads back at once, title as name', async () => {
    const r = await s.send('POST', '/v2/pages/', landing('new-page', { related: ['launch'] }));
    expect(r.status).toBe(202);
    expect(r.body).toEqual(ACCEPTED);
    const page = (await s.get('/v2/pages/landing_page/new-page/')).body.data;
    expect(page).toMatchObject({ slug: 'new-page', name: 'Title new-page', status: 'published', page_type: 'landing_page' });
    expect(page.fields.headline).toBe('Headline new-page');
    expect(page.fields.related.map((p: { slug: string }) => p.slug)).toEqual(['launch']);
    expect(page.fields.brand).toBeNull();
    expect(page.fields.priority).toBe(5);
  });

  it('accepts page-type, defaults to draft without status', async () => {
    const { page_type: _t, status: _s, ...body } = landing('hyphen-key');
    expect((await s.send('POST', '/v2/pages/', { ...body, 'page-type': 'landing_page' })).status).toBe(202);
    expect((await s.get('/v2/pages/landing_page/hyphen-key/')).status).toBe(404);
    expect((await s.get('/v2/pages/landing_page/hyphen-key/?preview=1')).body.data.status).toBe('draft');
  });

  it('keeps the published version while a draft is pending, then publishes it', async () => {
    await s.send('POST', '/v2/pages/', landing('versions'));
    expect((await s.send('PATCH', '/v2/pages/landing_page/versions/', { status: 'draft', fields: { headline: 'Draft headline' } })).status).toBe(202);
    expect((await s.get('/v2/pages/landing_page/versions/')).body.data.fields.headline).toBe('Headline versions');
    const draft = (await s.get('/v2/pages/landing_page/versions/?preview=1')).body.data;
    expect(draft).toMatchObject({ status: 'draft', fields: { headline: 'Draft headline', priority: 5 } });
    expect((await s.send('PUT', '/v2/pages/landing_page/versions/', { status: 'published' })).status).toBe(202);
    const published = (await s.get('/v2/pages/landing_page/versions/')).body.data;
    expect(published).toMatchObject({ status: 'published', fields: { headline: 'Draft headline' } });
  });

  it('patches only the fields sent, and keeps status when none is sent', async () => {
    await s.send('POST', '/v2/pages/', landing('patchy'));
    expect((await s.send('PATCH', '/v2/pages/landing_page/patchy/', { title: 'Renamed', fields: { priority: 42 } })).status).toBe(202);
    const page = (await s.get('/v2/pages/landing_page/patchy/')).body.data;
    expect(page).toMatchObject({ name: 'Renamed', status: 'published', fields: { priority: 42, headline: 'Headline patchy', theme: '#112233' } });
  });

  it('writes locales keyed in the body or flat with ?locale=, leaving the others as they were', async () => {
    const base = landing('bilingual');
    const r = await s.send('POST', '/v2/pages/', { ...base, fields: { en: base.fields, es: { ...base.fields, headline: 'Titular' } } });
    expect(r.status).toBe(202);
    expect((await s.get('/v2/pages/landing_page/bilingual/?locale=es')).body.data.fields.headline).toBe('Titular');
    await s.send('PATCH', '/v2/pages/landing_page/bilingual/?locale=es', { fields: { headline: 'Nuevo titular', priority: 77 } });
    const es = (await s.get('/v2/pages/landing_page/bilingual/?locale=es')).body.data.fields;
    const en = (await s.get('/v2/pages/landing_page/bilingual/')).body.data.fields;
    expect(es.headline).toBe('Nuevo titular');
    expect(en.headline).toBe('Headline bilingual');
    // priority is localized: false, so writing it through es sets it for en too.
    expect(en.priority).toBe(77);
    expect(es.summary).toBe('');
  });

  it('gives a new locale the shared fields of the others', async () => {
    await s.send('POST', '/v2/pages/', landing('english-only', { priority: 33, layout: 'narrow' }));
    expect((await s.send('PATCH', '/v2/pages/landing_page/english-only/?locale=es', { fields: { headline: 'Solo' } })).status).toBe(202);
    const es = (await s.get('/v2/pages/landing_page/english-only/?locale=es')).body.data.fields;
    expect(es).toMatchObject({ headline: 'Solo', priority: 33, layout: 'narrow', theme: '#112233', summary: '' });
    expect((await s.get('/v2/pages/landing_page/english-only/?locale=es')).body.data.name).toBe('Title english-only');
  });

  it('writes a single page through * and refuses a slug no single page defines', async () => {
    expect((await s.send('PATCH', '/v2/pages/*/homepage/', { fields: { headline: 'New welcome' } })).status).toBe(202);
    expect((await s.get('/v2/pages/*/homepage/')).body.data.fields.headline).toBe('New welcome');
    const r = await s.send('POST', '/v2/pages/', { title: 'X', slug: 'nothing-here', fields: {} });
    expect(r.status).toBe(400);
    expect(r.body).toEqual({ detail: { fields: { slug: ['No single page is defined with this slug.'] } } });
    const taken = await s.send('POST', '/v2/pages/', { title: 'Home', slug: 'homepage', page_type: '*', fields: { headline: 'x', intro: '', featured: '' } });
    expect(taken.body).toEqual({ detail: { fields: { slug: ['A page with this slug already exists.'] } } });
  });

  it('reports every failing field at once, with paths into components, repeaters and references', async () => {
    const body = landing('bad-page', {
      headline: 'x'.repeat(121), priority: 500, featured: 'yes', layout: 'huge', theme: 'red', launch_date: '2026-13-45',
      seo: { title: 42 }, faq: [{ question: 'ok' }, { question: ['no'] }], related: ['launch', 'no-such-page'], brand: 999999,
      sections: [{ type: 'nope', fields: {} }], hero_image: 'not a url',
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
    const both = await s.send('POST', '/v2/pages/', { ...landing('x'), title: undefined, fields: { ...landing('x').fields, priority: 'high' } });
    expect(both.body).toEqual({ detail: { fields: { title: ['This field is required.'], priority: ['A valid number is required.'] } } });
    const noFields = await s.send('POST', '/v2/pages/', { ...landing('partial-create'), fields: { headline: 'Only this' } });
    expect(noFields.body.detail.fields.summary).toEqual(['This field is required.']);
    expect(noFields.body.detail.fields.headline).toBeUndefined();
    const unknownType = await s.send('POST', '/v2/pages/', { ...landing('x'), page_type: 'nope' });
    expect(unknownType.body).toEqual({ detail: { fields: { page_type: ['Unknown page type "nope".'] } } });
  });

  it('validates slugs: format and uniqueness', async () => {
    expect((await s.send('POST', '/v2/pages/', landing('Bad Slug'))).body).toEqual({ detail: { fields: { slug: ['Enter a valid slug: lowercase letters, digits and hyphens, at most 200 characters.'] } } });
    expect((await s.send('POST', '/v2/pages/', landing('launch'))).body).toEqual({ detail: { fields: { slug: ['A page with this slug already exists.'] } } });
  });

  it('keeps long slugs and long text within what both databases can index', async () => {
    expect((await s.send('POST', '/v2/pages/', landing('a'.repeat(201)))).body.detail.fields.slug[0]).toMatch(/at most 200 characters/);
    const long = 'Lorem ipsum dolor sit amet, '.repeat(5000);
    expect((await s.send('POST', '/v2/pages/', landing('long-text', { summary: long, body: `<p>${long}</p>` }))).status).toBe(202);
    expect((await s.get('/v2/pages/landing_page/long-text/')).body.data.fields.summary).toBe(long);
    const filtered = await s.get(`/v2/pages/landing_page/?fields.summary=${encodeURIComponent(long)}`);
    expect(filtered.body.data.map((p: { slug: string }) => p.slug)).toEqual(['long-text']);
    expect((await s.get('/v2/pages/search/?query=lorem%20ipsum')).body.data.map((p: { slug: string }) => p.slug)).toContain('long-text');
  });

  it('gives exactly one 202 and one 400 for two concurrent creates of one slug', async () => {
    const results = await Promise.all([s.send('POST', '/v2/pages/', landing('race')), s.send('POST', '/v2/pages/', landing('race'))]);
    expect(results.map((r) => r.status).sort()).toEqual([202, 400]);
    expect(results.find((r) => r.status === 400)!.body).toEqual({ detail: { fields: { slug: ['A page with this slug already exists.'] } } });
  });

  it('renames a page through slug and refuses a taken one', async () => {
    await s.send('POST', '/v2/pages/', landing('old-name'));
    expect((await s.send('PATCH', '/v2/pages/landing_page/old-name/', { slug: 'new-name' })).status).toBe(202);
    expect((await s.get('/v2/pages/landing_page/new-name/')).status).toBe(200);
    expect((await s.get('/v2/pages/landing_page/old-name/')).status).toBe(404);
    expect((await s.send('PATCH', '/v2/pages/landing_page/new-name/', { slug: 'launch' })).body).toEqual({ detail: { fields: { slug: ['A page with this slug already exists.'] } } });
  });

  it('answers schema mismatches, unknown keys, bad bodies and missing pages exactly', async () => {
    const mismatch = await s.send('POST', '/v2/pages/', landing('mismatch', { hero_imagee: 'x' }));
    expect(mismatch.body).toEqual({ detail: "Field 'hero_imagee' is not defined in this page type" });
    expect((await s.send('POST', '/v2/pages/', { ...landing('k'), titel: 'x' })).body).toEqual({ detail: "Unknown key 'titel' in request body" });
    const notJson = await s.app.inject({ method: 'POST', url: '/v2/pages/', headers: { authorization: `Token ${s.demo.write_token}`, 'content-type': 'application/json' }, payload: '{"title": ' });
    expect(notJson.statusCode).toBe(400);
    expect(JSON.parse(notJson.body)).toEqual({ detail: 'JSON parse error' });
    const plain = await s.app.inject({ method: 'POST', url: '/v2/pages/', headers: { authorization: `Token ${s.demo.write_token}`, 'content-type': 'text/plain' }, payload: 'hello' });
    expect(JSON.parse(plain.body)).toEqual({ detail: 'JSON parse error' });
    expect((await s.send('POST', '/v2/pages/', [1, 2])).body).toEqual({ detail: 'Request body must be a JSON object' });
    expect((await s.send('POST', '/v2/pages/', { ...landing('t'), fields: 'x' })).body).toEqual({ detail: "'fields' must be an object" });
    expect((await s.send('PATCH', '/v2/pages/landing_page/nope/', { title: 'x' })).body).toEqual({ detail: 'Page matching query does not exist' });
    expect((await s.send('PATCH', '/v2/pages/nope/launch/', { title: 'x' })).status).toBe(404);
    expect((await s.send('PATCH', '/v2/pages/landing_page/launch/?locale=fr', { title: 'x' })).body).toEqual({ detail: 'Invalid locale parameter' });
    const locales = await s.send('PATCH', '/v2/pages/landing_page/launch/', { fields: { en: { headline: 'x' }, fr: { headline: 'y' } } });
    expect(locales.body).toEqual({ detail: { fields: { fr: ['"fr" is not an enabled locale.'] } } });
    const big = await s.send('POST', '/v2/pages/', { ...landing('big'), fields: { ...landing('big').fields, body: 'x'.repeat(11 * 1024 * 1024) } });
    expect(big.status).toBe(413);
    expect(big.body).toEqual({ detail: 'Request body too large' });
  });

  it('needs a write token, and a plan with the write API', async () => {
    const read = await s.send('POST', '/v2/pages/', landing('by-reader'), s.demo.read_token);
    expect(read.status).toBe(401);
    expect(read.body).toEqual({ detail: 'Authentication credentials were not provided' });
    expect((await s.send('POST', '/v2/pages/', landing('anon'), null)).status).toBe(401);
    const free = await createAccount(s.store.db, { name: 'Free one', plan: 'free' });
    const r = await s.send('POST', '/v2/pages/', landing('free'), free.write_token);
    expect(r.status).toBe(403);
    expect(r.body).toEqual({ detail: 'You do not have permission to perform this action' });
    const query = await s.app.inject({ method: 'DELETE', url: `/v2/pages/landing_page/nope/?auth_token=${s.demo.write_token}` });
    expect(query.statusCode).toBe(404);
  });

  it('deletes pages, refusing while referenced unless forced', async () => {
    await s.send('POST', '/v2/pages/', landing('lonely'));
    const gone = await s.send('DELETE', '/v2/pages/landing_page/lonely/');
    expect(gone.status).toBe(204);
    expect(gone.body).toBeNull();
    expect((await s.get('/v2/pages/landing_page/lonely/?preview=1')).status).toBe(404);
    expect((await s.send('DELETE', '/v2/pages/landing_page/lonely/')).body).toEqual({ detail: 'Page matching query does not exist' });

    const refused = await s.send('DELETE', '/v2/pages/landing_page/about-us/');
    expect(refused.status).toBe(400);
    expect(refused.body.detail).toMatch(/^Cannot delete: referenced by landing_page\/(launch|pricing)/);
    expect((await s.get('/v2/pages/landing_page/about-us/')).status).toBe(200);
    expect((await s.send('DELETE', '/v2/pages/landing_page/about-us/?force=true')).status).toBe(204);
    const launch = (await s.get('/v2/pages/landing_page/launch/')).body.data.fields;
    expect(launch.related.map((p: { slug: string }) => p.slug)).toEqual(['pricing']);
    expect((await s.get('/v2/pages/search/?query=clarified')).body.data).toEqual([]);
  });
});

describe.each(DIALECTS)('write checks in contract order (%s)', (dialect) => {
  let s: TestServer;
  beforeAll(async () => { s = await demoServer(dialect); });
  afterAll(async () => s?.close());

  it('answers 401 and 403 before looking at the body', async () => {
    const inject = (token: string) => s.app.inject({ method: 'POST', url: '/v2/pages/', headers: { authorization: `Token ${token}`, 'content-type': 'application/json' }, payload: '{broken' });
    const read = await inject(s.demo.read_token);
    expect(read.statusCode).toBe(401);
    expect(JSON.parse(read.body)).toEqual({ detail: 'Authentication credentials were not provided' });
    const free = await createAccount(s.store.db, { name: 'Free two', plan: 'free' });
    const forbidden = await inject(free.write_token);
    expect(forbidden.statusCode).toBe(403);
    expect((await inject(s.demo.write_token)).statusCode).toBe(400);
  });
});
