import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from './helpers/databases.js';
import { landingBody } from './helpers/landing-body.js';
import { demoServer, type TestServer } from './helpers/server.js';

// PATCH, PUT and DELETE /v2/pages/<type>/<slug>/ (docs/api.md §6): drafts over the published
// version, partial writes, locales, single pages through *, renames and deletes.

describe.each(DIALECTS)('page updates and deletes (%s)', (dialect) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await demoServer(dialect);
  });
  afterAll(async () => s?.close());

  it('keeps the published version while a draft is pending, then publishes it', async () => {
    await s.send('POST', '/v2/pages/', landingBody('versions'));
    expect(
      (
        await s.send('PATCH', '/v2/pages/landing_page/versions/', {
          status: 'draft',
          fields: { headline: 'Draft headline' },
        })
      ).status,
    ).toBe(202);
    expect((await s.get('/v2/pages/landing_page/versions/')).body.data.fields.headline).toBe('Headline versions');
    const draft = (await s.get('/v2/pages/landing_page/versions/?preview=1')).body.data;
    expect(draft).toMatchObject({ status: 'draft', fields: { headline: 'Draft headline', priority: 5 } });
    expect((await s.send('PUT', '/v2/pages/landing_page/versions/', { status: 'published' })).status).toBe(202);
    const published = (await s.get('/v2/pages/landing_page/versions/')).body.data;
    expect(published).toMatchObject({ status: 'published', fields: { headline: 'Draft headline' } });
  });

  it('patches only the fields sent, and keeps status when none is sent', async () => {
    await s.send('POST', '/v2/pages/', landingBody('patchy'));
    expect(
      (await s.send('PATCH', '/v2/pages/landing_page/patchy/', { title: 'Renamed', fields: { priority: 42 } })).status,
    ).toBe(202);
    const page = (await s.get('/v2/pages/landing_page/patchy/')).body.data;
    expect(page).toMatchObject({
      name: 'Renamed',
      status: 'published',
      fields: { priority: 42, headline: 'Headline patchy', theme: '#112233' },
    });
  });

  it('writes locales keyed in the body or flat with ?locale=, leaving the others as they were', async () => {
    const base = landingBody('bilingual');
    const r = await s.send('POST', '/v2/pages/', {
      ...base,
      fields: { en: base.fields, es: { ...base.fields, headline: 'Titular' } },
    });
    expect(r.status).toBe(202);
    expect((await s.get('/v2/pages/landing_page/bilingual/?locale=es')).body.data.fields.headline).toBe('Titular');
    await s.send('PATCH', '/v2/pages/landing_page/bilingual/?locale=es', {
      fields: { headline: 'Nuevo titular', priority: 77 },
    });
    const es = (await s.get('/v2/pages/landing_page/bilingual/?locale=es')).body.data.fields;
    const en = (await s.get('/v2/pages/landing_page/bilingual/')).body.data.fields;
    expect(es.headline).toBe('Nuevo titular');
    expect(en.headline).toBe('Headline bilingual');
    // priority is localized: false, so writing it through es sets it for en too.
    expect(en.priority).toBe(77);
    expect(es.summary).toBe('');
  });

  it('gives a new locale the shared fields of the others', async () => {
    await s.send('POST', '/v2/pages/', landingBody('english-only', { priority: 33, layout: 'narrow' }));
    expect(
      (await s.send('PATCH', '/v2/pages/landing_page/english-only/?locale=es', { fields: { headline: 'Solo' } }))
        .status,
    ).toBe(202);
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
    const taken = await s.send('POST', '/v2/pages/', {
      title: 'Home',
      slug: 'homepage',
      page_type: '*',
      fields: { headline: 'x', intro: '', featured: '' },
    });
    expect(taken.body).toEqual({ detail: { fields: { slug: ['A page with this slug already exists.'] } } });
  });

  it('renames a page through slug and refuses a taken one', async () => {
    await s.send('POST', '/v2/pages/', landingBody('old-name'));
    expect((await s.send('PATCH', '/v2/pages/landing_page/old-name/', { slug: 'new-name' })).status).toBe(202);
    expect((await s.get('/v2/pages/landing_page/new-name/')).status).toBe(200);
    expect((await s.get('/v2/pages/landing_page/old-name/')).status).toBe(404);
    expect((await s.send('PATCH', '/v2/pages/landing_page/new-name/', { slug: 'launch' })).body).toEqual({
      detail: { fields: { slug: ['A page with this slug already exists.'] } },
    });
  });

  it('deletes pages, refusing while referenced unless forced', async () => {
    await s.send('POST', '/v2/pages/', landingBody('lonely'));
    const gone = await s.send('DELETE', '/v2/pages/landing_page/lonely/');
    expect(gone.status).toBe(204);
    expect(gone.body).toBeNull();
    expect((await s.get('/v2/pages/landing_page/lonely/?preview=1')).status).toBe(404);
    expect((await s.send('DELETE', '/v2/pages/landing_page/lonely/')).body).toEqual({
      detail: 'Page matching query does not exist',
    });

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
