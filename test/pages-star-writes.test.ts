import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoSchema } from '../src/seed/demo-schema.js';
import { member, type AdminClient } from './helpers/admin.js';
import { withSchema, write } from './helpers/content.js';
import { DIALECTS } from './helpers/databases.js';
import { demoServer, type TestServer } from './helpers/server.js';

// `*` in write paths (issue 17 item 2): PATCH, PUT and DELETE /v2/pages/*/<slug>/ find the page of
// any page type by its slug, as ButterCMS documents ("use * to update pages across all page types
// when you know the slug"); the admin API's page paths share the one lookup. Two pages of
// different types with that slug are the error reference's 403 (the read's), not a guess.

const ACCEPTED = { status: 'pending' };
const PAGE_404 = { detail: 'Page matching query does not exist' };
const MULTIPLE = { detail: 'Multiple pages found for the given slug' };

/** A second page type, so that one slug can name two pages. */
const withArticles = {
  ...demoSchema,
  page_types: {
    ...demoSchema.page_types,
    article: { name: 'Article', fields: { title: { type: 'short_text' as const } } },
  },
};

describe.each(DIALECTS)('writes through * (%s)', (dialect) => {
  let s: TestServer;
  let editor: AdminClient;
  let pages: string;

  beforeAll(async () => {
    s = await demoServer(dialect);
    await withSchema(s.store, s.demo.id, withArticles);
    // `twin` is a landing page and an article.
    await write(s.store, s.demo.id, 'page_type:landing_page', {
      slug: 'twin',
      locale: 'en',
      status: 'published',
      fields: { headline: 'Landing twin' },
    });
    await write(s.store, s.demo.id, 'page_type:article', {
      slug: 'twin',
      locale: 'en',
      status: 'published',
      fields: { title: 'Article twin' },
    });
    editor = await member(s.app, s.store, s.demo.id, 'editor');
    pages = `/admin/api/accounts/${s.demo.id}/pages`;
  });
  afterAll(async () => s?.close());

  const headline = async (slug: string) =>
    (await s.get(`/v2/pages/landing_page/${slug}/?preview=1`)).body.data.fields.headline;

  it.for(['PATCH', 'PUT'] as const)('%s /v2/pages/*/<slug>/ changes a page of a page type', async (method) => {
    const r = await s.send(method, '/v2/pages/*/about-us/', {
      status: 'published',
      fields: { headline: `About us (${method})` },
    });
    expect({ status: r.status, body: r.body }).toEqual({ status: 202, body: ACCEPTED });
    expect((await s.get('/v2/pages/landing_page/about-us/')).body.data.fields.headline).toBe(`About us (${method})`);
  });

  it('PATCH through * finds a page that is only a draft', async () => {
    const r = await s.send('PATCH', '/v2/pages/*/coming-soon/', { fields: { headline: 'Nearly there' } });
    expect(r.status).toBe(202);
    expect(await headline('coming-soon')).toBe('Nearly there');
  });

  it('PATCH through * renames a page of a page type', async () => {
    await write(s.store, s.demo.id, 'page_type:landing_page', {
      slug: 'old-name',
      locale: 'en',
      status: 'published',
      fields: { headline: 'Old' },
    });
    expect((await s.send('PATCH', '/v2/pages/*/old-name/', { slug: 'new-name' })).status).toBe(202);
    expect((await s.get('/v2/pages/*/new-name/')).body.data).toMatchObject({
      slug: 'new-name',
      page_type: 'landing_page',
    });
    expect((await s.get('/v2/pages/landing_page/old-name/')).body).toEqual(PAGE_404);
  });

  it('PATCH through * still writes a single page', async () => {
    expect((await s.send('PATCH', '/v2/pages/*/homepage/', { fields: { headline: 'Welcome back' } })).status).toBe(202);
    expect((await s.get('/v2/pages/*/homepage/?preview=1')).body.data).toMatchObject({
      page_type: null,
      fields: { headline: 'Welcome back' },
    });
  });

  it('a single page and a page of a page type with one slug: * is the 403 for both reads and writes', async () => {
    await write(s.store, s.demo.id, 'page_type:article', {
      slug: 'homepage',
      locale: 'en',
      status: 'published',
      fields: { title: 'Also home' },
    });
    expect((await s.get('/v2/pages/*/homepage/')).body).toEqual(MULTIPLE);
    const r = await s.send('PATCH', '/v2/pages/*/homepage/', { fields: { headline: 'Ambiguous' } });
    expect({ status: r.status, body: r.body }).toEqual({ status: 403, body: MULTIPLE });
    expect((await s.send('DELETE', '/v2/pages/article/homepage/')).status).toBe(204);
  });

  it('DELETE /v2/pages/*/<slug>/ deletes a page of a page type', async () => {
    await write(s.store, s.demo.id, 'page_type:landing_page', {
      slug: 'to-delete',
      locale: 'en',
      status: 'published',
      fields: { headline: 'Bye' },
    });
    const r = await s.send('DELETE', '/v2/pages/*/to-delete/');
    expect({ status: r.status, body: r.body }).toEqual({ status: 204, body: null });
    expect((await s.get('/v2/pages/landing_page/to-delete/?preview=1')).body).toEqual(PAGE_404);
  });

  it('DELETE through * keeps the reference check: a referenced page needs force', async () => {
    const r = await s.send('DELETE', '/v2/pages/*/pricing/');
    expect({ status: r.status, body: r.body }).toEqual({
      status: 400,
      body: { detail: 'Cannot delete: referenced by landing_page/launch' },
    });
  });

  it.for(['PATCH', 'PUT', 'DELETE'] as const)(
    '%s through * with two pages of that slug is 403 and changes nothing',
    async (method) => {
      const r = await s.send(
        method,
        '/v2/pages/*/twin/',
        method === 'DELETE' ? undefined : { fields: { headline: 'Which one?' } },
      );
      expect({ status: r.status, body: r.body }).toEqual({ status: 403, body: MULTIPLE });
      expect(await headline('twin')).toBe('Landing twin');
      expect((await s.get('/v2/pages/article/twin/')).body.data.fields.title).toBe('Article twin');
    },
  );

  it.for(['PATCH', 'PUT', 'DELETE'] as const)(
    "%s through * of a slug no page has is the read's 404",
    async (method) => {
      const r = await s.send(
        method,
        '/v2/pages/*/no-such-page/',
        method === 'DELETE' ? undefined : { fields: { headline: 'x' } },
      );
      expect({ status: r.status, body: r.body }).toEqual({ status: 404, body: PAGE_404 });
    },
  );

  it('the admin API reads a page of a page type through *', async () => {
    const r = await editor.get(`${pages}/*/launch`);
    expect(r.status).toBe(200);
    expect(r.body.data).toMatchObject({ slug: 'launch', page_type: 'landing_page' });
  });

  it('the admin API edits a page of a page type through *, and answers it', async () => {
    const r = await editor.request('PUT', `${pages}/*/launch`, { fields: { headline: 'Launched, edited' } });
    expect(r.status).toBe(200);
    expect(r.body.data).toMatchObject({
      slug: 'launch',
      page_type: 'landing_page',
      fields: { headline: 'Launched, edited' },
    });
  });

  it('the admin API deletes a page of a page type through *', async () => {
    await write(s.store, s.demo.id, 'page_type:landing_page', {
      slug: 'admin-delete',
      locale: 'en',
      status: 'published',
      fields: { headline: 'Bye' },
    });
    expect((await editor.request('DELETE', `${pages}/*/admin-delete`)).status).toBe(204);
    expect((await editor.get(`${pages}/landing_page/admin-delete`)).body).toEqual({
      ...PAGE_404,
      code: 'page_not_found',
    });
  });

  it.for(['GET', 'PUT', 'DELETE'])(
    'the admin API answers %s through * with two pages of that slug with the 403',
    async (method) => {
      const r = await editor.request(
        method,
        `${pages}/*/twin`,
        method === 'PUT' ? { fields: { headline: 'x' } } : undefined,
      );
      expect({ status: r.status, body: r.body }).toEqual({
        status: 403,
        body: { ...MULTIPLE, code: 'multiple_pages' },
      });
    },
  );
});
