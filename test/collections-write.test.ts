import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from './helpers/databases.js';
import { demoServer, type TestServer } from './helpers/server.js';

const ACCEPTED = { status: 'pending' };

describe.each(DIALECTS)('collection writes (%s)', (dialect) => {
  let s: TestServer;
  let categoryIds: number[];
  const brands = async (q = '') => (await s.get(`/v2/content/brands/?page_size=100&preview=1${q}`)).body.data.brands;
  beforeAll(async () => {
    s = await demoServer(dialect);
    categoryIds = (await s.get('/v2/content/categories/')).body.data.categories.map(
      (c: { meta: { id: number } }) => c.meta.id,
    );
  });
  afterAll(async () => s?.close());

  it('creates one item per element of fields, in one go, at POST /v2/content/ and /v2/content/<key>/', async () => {
    const r = await s.send('POST', '/v2/content/', {
      key: 'brands',
      status: 'published',
      fields: [{ name: 'One', founded: 2001, category: categoryIds[0] }, { name: 'Two' }],
    });
    expect(r.status).toBe(202);
    expect(r.body).toEqual(ACCEPTED);
    const list = (await s.get('/v2/content/brands/?page_size=100')).body.data.brands;
    expect(list.slice(-2).map((b: { name: string }) => b.name)).toEqual(['One', 'Two']);
    expect(list.at(-2)).toMatchObject({ founded: 2001, category: { slug: 'tools' } });
    expect(list.at(-1)).toMatchObject({ founded: null, website: '', logo: '', category: null });
    expect((await s.send('POST', '/v2/content/brands/', { fields: [{ name: 'Three' }] })).status).toBe(202);
    // No status: a new item is a draft.
    expect(
      (await s.get('/v2/content/brands/?page_size=100')).body.data.brands.map((b: { name: string }) => b.name),
    ).not.toContain('Three');
    expect((await brands()).map((b: { name: string }) => b.name)).toContain('Three');
  });

  it('stores nothing when one element of several fails, naming it by index', async () => {
    const before = (await brands()).length;
    const r = await s.send('POST', '/v2/content/brands/', {
      status: 'published',
      fields: [{ name: 'Fine' }, { founded: 'soon' }],
    });
    expect(r.status).toBe(400);
    expect(r.body).toEqual({
      detail: { fields: { '1.name': ['This field is required.'], '1.founded': ['A valid number is required.'] } },
    });
    expect((await brands()).length).toBe(before);
  });

  it('replaces an item with PUT and patches it with PATCH', async () => {
    await s.send('POST', '/v2/content/brands/', {
      status: 'published',
      fields: [{ name: 'Replace me', website: 'https://r.example', founded: 1990 }],
    });
    const id = (await brands()).at(-1).meta.id;
    expect((await s.send('PATCH', `/v2/content/brands/${id}/`, { fields: { founded: 1991 } })).status).toBe(202);
    expect((await s.get(`/v2/content/brands/${id}/`)).body.data).toMatchObject({
      name: 'Replace me',
      website: 'https://r.example',
      founded: 1991,
    });
    expect(
      (await s.send('PUT', `/v2/content/brands/${id}/`, { status: 'published', fields: { name: 'Replaced' } })).status,
    ).toBe(202);
    expect((await s.get(`/v2/content/brands/${id}/`)).body.data).toEqual({
      meta: { id, status: 'published', scheduled: null },
      name: 'Replaced',
      logo: '',
      website: '',
      founded: null,
      category: null,
    });
    const required = await s.send('PUT', `/v2/content/brands/${id}/`, { fields: { website: 'x' } });
    expect(required.body).toEqual({ detail: { fields: { name: ['This field is required.'] } } });
  });

  it('keeps the published item while a draft is pending', async () => {
    await s.send('POST', '/v2/content/brands/', { status: 'published', fields: [{ name: 'Stable' }] });
    const id = (await brands()).at(-1).meta.id;
    await s.send('PATCH', `/v2/content/brands/${id}/`, { status: 'draft', fields: { name: 'Changing' } });
    expect((await s.get(`/v2/content/brands/${id}/`)).body.data.name).toBe('Stable');
    expect((await s.get(`/v2/content/brands/${id}/?preview=1`)).body.data.name).toBe('Changing');
  });

  it('writes locales keyed by locale or flat with ?locale=', async () => {
    const r = await s.send('POST', '/v2/content/categories/', {
      status: 'published',
      fields: [{ en: { name: 'Drinks', slug: 'drinks' }, es: { name: 'Bebidas', slug: 'drinks' } }],
    });
    expect(r.status).toBe(202);
    const id = (await s.get('/v2/content/categories/?fields.slug=drinks')).body.data.categories[0].meta.id;
    expect((await s.get(`/v2/content/categories/${id}/?locale=es`)).body.data.name).toBe('Bebidas');
    await s.send('PATCH', `/v2/content/categories/${id}/?locale=es`, { fields: { name: 'Refrescos' } });
    expect((await s.get(`/v2/content/categories/${id}/?locale=es`)).body.data.name).toBe('Refrescos');
    expect((await s.get(`/v2/content/categories/${id}/`)).body.data.name).toBe('Drinks');
    const bad = await s.send('POST', '/v2/content/categories/', { fields: [{ en: { name: 'x' }, es: { name: 7 } }] });
    expect(bad.body).toEqual({ detail: { fields: { 'es.name': ['Not a valid string.'] } } });
  });

  it('checks references exist and are of the allowed collection', async () => {
    const r = await s.send('POST', '/v2/content/brands/', { fields: [{ name: 'Ref', category: 999999 }] });
    expect(r.body).toEqual({ detail: { fields: { category: ['No item with id 999999 in collection categories.'] } } });
    const brandId = (await brands())[0].meta.id;
    const wrongKind = await s.send('POST', '/v2/content/brands/', { fields: [{ name: 'Ref', category: brandId }] });
    expect(wrongKind.body).toEqual({
      detail: { fields: { category: [`No item with id ${brandId} in collection categories.`] } },
    });
    const slug = await s.send('POST', '/v2/content/brands/', { fields: [{ name: 'Ref', category: 'tools' }] });
    expect(slug.body).toEqual({
      detail: { fields: { category: ['No item with id tools in collection categories.'] } },
    });
  });

  it('answers the errors of the contract', async () => {
    expect((await s.send('POST', '/v2/content/nope/', { fields: [{ name: 'x' }] })).body).toEqual({
      detail: 'Collection matching query does not exist',
    });
    expect((await s.send('POST', '/v2/content/', { fields: [{ name: 'x' }] })).body).toEqual({
      detail: { fields: { key: ['This field is required.'] } },
    });
    expect((await s.send('POST', '/v2/content/brands/', { key: 'categories', fields: [{ name: 'x' }] })).status).toBe(
      400,
    );
    expect((await s.send('POST', '/v2/content/brands/', { fields: [{ nmae: 'x' }] })).body).toEqual({
      detail: "Field 'nmae' is not defined in this collection",
    });
    expect((await s.send('POST', '/v2/content/brands/', { fields: [] })).body).toEqual({
      detail: "'fields' must be a non-empty list of objects, one per new item",
    });
    expect((await s.send('POST', '/v2/content/brands/', { fields: [{ name: 'x' }], extra: 1 })).body).toEqual({
      detail: "Unknown key 'extra' in request body",
    });
    expect((await s.send('PATCH', '/v2/content/brands/999999/', { fields: { name: 'x' } })).body).toEqual({
      detail: 'Not found',
    });
    expect((await s.send('PATCH', '/v2/content/brands/abc/', { fields: { name: 'x' } })).body).toEqual({
      detail: 'Not found',
    });
    expect((await s.send('PATCH', `/v2/content/brands/${categoryIds[0]}/`, { fields: { name: 'x' } })).body).toEqual({
      detail: 'Not found',
    });
    expect((await s.send('PUT', '/v2/content/nope/1/', { fields: { name: 'x' } })).body).toEqual({
      detail: 'Collection matching query does not exist',
    });
    expect((await s.send('POST', '/v2/content/brands/', { fields: [{ name: 'x' }] }, s.demo.read_token)).body).toEqual({
      detail: 'Authentication credentials were not provided',
    });
    const method = await s.send('POST', '/v2/content/brands/1/', { fields: {} });
    expect(method.status).toBe(405);
    expect(method.body).toEqual({ detail: 'Method "POST" not allowed.' });
    expect(method.headers.allow).toBe('GET, PUT, PATCH, DELETE, HEAD');
  });

  it('deletes items, refusing while referenced unless forced', async () => {
    await s.send('POST', '/v2/content/brands/', { status: 'published', fields: [{ name: 'Doomed' }] });
    const id = (await brands()).at(-1).meta.id;
    expect((await s.send('DELETE', `/v2/content/brands/${id}/`)).status).toBe(204);
    expect((await s.get(`/v2/content/brands/${id}/?preview=1`)).body).toEqual({ detail: 'Not found' });
    expect((await s.send('DELETE', `/v2/content/brands/${id}/`)).body).toEqual({ detail: 'Not found' });

    const food = categoryIds[1]!;
    const refused = await s.send('DELETE', `/v2/content/categories/${food}/`);
    expect(refused.status).toBe(400);
    expect(refused.body.detail).toMatch(/^Cannot delete: referenced by brands\/\d+, brands\/\d+$/);
    expect((await s.send('DELETE', `/v2/content/categories/${food}/?force=true`)).status).toBe(204);
    const golden = (await s.get('/v2/content/brands/?fields.name=Golden%20Ghee%20Co')).body.data.brands[0];
    expect(golden.category).toBeNull();
  });
});
