import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from './helpers/databases.js';
import { write } from './helpers/content.js';
import { demoServer, PUBLIC_URL, type TestServer } from './helpers/server.js';

describe.each(DIALECTS)('collection reads (%s)', (dialect) => {
  let s: TestServer;
  let brandIds: number[];
  beforeAll(async () => {
    s = await demoServer(dialect);
    brandIds = (await s.get('/v2/content/brands/')).body.data.brands.map((b: { meta: { id: number } }) => b.meta.id);
  });
  afterAll(async () => s?.close());

  it('lists items in creation order with their fields at the top level and meta.id', async () => {
    const r = await s.get('/v2/content/brands/');
    expect(r.status).toBe(200);
    expect(r.body.meta).toEqual({ count: 3, next_page: null, previous_page: null });
    const brands = r.body.data.brands;
    expect(brands.map((b: { name: string }) => b.name)).toEqual(['Acme', 'Golden Ghee Co', 'Butter Bros']);
    expect([...brandIds].sort((a, b) => a - b)).toEqual(brandIds);
    expect(brands[0]).toEqual({
      meta: { id: brandIds[0], status: 'published', scheduled: null },
      name: 'Acme',
      logo: '',
      website: 'https://acme.example',
      founded: 1949,
      category: {
        meta: { id: expect.any(Number), status: 'published', scheduled: null },
        name: 'Kitchen tools',
        slug: 'tools',
      },
    });
  });

  it('reads several collections at once; meta describes the first', async () => {
    const r = await s.get('/v2/content/categories,brands/?page_size=2');
    expect(r.body.meta).toEqual({ count: 2, next_page: null, previous_page: null });
    expect(Object.keys(r.body.data)).toEqual(['categories', 'brands']);
    expect(r.body.data.brands).toHaveLength(2);
    const other = await s.get('/v2/content/brands,categories/?page_size=2');
    expect(other.body.meta).toEqual({ count: 3, next_page: 2, previous_page: null });
  });

  it('answers the legacy ?keys= form without meta, and {} with no keys', async () => {
    const r = await s.get('/v2/content/?keys=brands,categories');
    expect(Object.keys(r.body)).toEqual(['data']);
    expect(r.body.data.brands).toHaveLength(3);
    expect(r.body.data.categories).toHaveLength(2);
    expect((await s.get('/v2/content/')).body).toEqual({});
    expect((await s.get('/v2/content/?keys=brands,nope')).body).toEqual({
      detail: 'Collection matching query does not exist',
    });
  });

  it('reads one item by id, in a locale, with levels', async () => {
    const r = await s.get(`/v2/content/brands/${brandIds[1]}/?levels=1&locale=es`);
    expect(r.status).toBe(200);
    expect(r.body.data).toMatchObject({ meta: { id: brandIds[1] }, name: 'Golden Ghee Co' });
    expect(r.body.data.category).toMatch(new RegExp(`^${PUBLIC_URL}/v2/content/categories/\\d+/$`));
    const es = await s.get(`/v2/content/brands/${brandIds[1]}/?locale=es`);
    expect(es.body.data.category.name).toBe('Comida');
    // An item of another collection is not found under this key.
    const category = es.body.data.category.meta.id;
    expect((await s.get(`/v2/content/brands/${category}/`)).body).toEqual({ detail: 'Not found' });
    expect((await s.get(`/v2/content/categories/${category}/`)).status).toBe(200);
  });

  it('filters, orders and paginates items', async () => {
    const names = async (q: string) =>
      (await s.get(`/v2/content/brands/?${q}`)).body.data.brands.map((b: { name: string }) => b.name);
    expect(await names('order=-founded')).toEqual(['Golden Ghee Co', 'Butter Bros', 'Acme']);
    expect(await names('order=name')).toEqual(['Acme', 'Butter Bros', 'Golden Ghee Co']);
    expect(await names('fields.founded=1987')).toEqual(['Butter Bros']);
    expect(await names('fields.category.slug=food')).toEqual(['Golden Ghee Co', 'Butter Bros']);
    expect(await names('fields.category.slug=food&order=name')).toEqual(['Butter Bros', 'Golden Ghee Co']);
    expect(await names('fields.name=acme')).toEqual([]);
    const page2 = await s.get('/v2/content/brands/?page=2&page_size=2');
    expect(page2.body.meta).toEqual({ count: 3, next_page: null, previous_page: 1 });
    expect(page2.body.data.brands.map((b: { name: string }) => b.name)).toEqual(['Butter Bros']);
    const offset = await s.get('/v2/content/brands/?limit=1&offset=1');
    expect(offset.body.meta).toEqual({ count: 3, next_offset: 2, previous_offset: 0 });
    expect((await s.get('/v2/content/brands/?fields=name&order=name&page_size=1')).body.data.brands).toEqual([
      { meta: { id: brandIds[0], status: 'published', scheduled: null }, name: 'Acme' },
    ]);
  });

  it('requires filters and order to exist in every requested collection', async () => {
    expect((await s.get('/v2/content/brands,categories/?fields.founded=1987')).body).toEqual({
      detail: 'Invalid fields parameter',
    });
    expect((await s.get('/v2/content/brands,categories/?order=founded')).body).toEqual({
      detail: 'Invalid order parameter',
    });
    const both = await s.get('/v2/content/brands,categories/?order=-name');
    expect(both.body.data.categories.map((c: { name: string }) => c.name)).toEqual(['Kitchen tools', 'Food']);
  });

  it('hides draft items unless previewing and shows their latest draft', async () => {
    const id = await write(s.store, s.demo.id, 'collection:brands', {
      locale: 'en',
      fields: { name: 'Stealth', founded: 2026 },
    });
    expect((await s.get(`/v2/content/brands/${id}/`)).status).toBe(404);
    expect((await s.get(`/v2/content/brands/${id}/?preview=1`)).body.data.name).toBe('Stealth');
    expect((await s.get('/v2/content/brands/')).body.meta.count).toBe(3);
    expect((await s.get('/v2/content/brands/?preview=1')).body.meta.count).toBe(4);
    await write(s.store, s.demo.id, 'collection:brands', {
      id,
      locale: 'en',
      status: 'published',
      fields: { name: 'Stealth', founded: 2026 },
    });
    await write(s.store, s.demo.id, 'collection:brands', {
      id,
      locale: 'en',
      status: 'draft',
      fields: { name: 'Stealth 2', founded: 2026 },
    });
    expect((await s.get(`/v2/content/brands/${id}/`)).body.data.name).toBe('Stealth');
    expect((await s.get(`/v2/content/brands/${id}/?preview=1`)).body.data.name).toBe('Stealth 2');
  });
});
