import Butter from 'buttercms';
import { describe, expect, it } from 'vitest';
import { demoBrands, demoCategories } from '../src/seed/demo-content.js';
import { failureOf, useButterAgainstGhee, type DemoCollections } from './helpers/buttercms-client.js';
import { DIALECTS } from './helpers/databases.js';

// content.retrieve of the official ButterCMS client against Ghee, and how the client reports
// Ghee's errors: the status and `detail` it rejects with.

describe.each(DIALECTS)('buttercms client collections and errors against Ghee (%s)', (dialect) => {
  const ctx = useButterAgainstGhee(dialect);
  const { butter, requested, uri } = ctx;

  it('content.retrieve(["brands"]): items in creation order with meta.id, references expanded', async () => {
    const res = await butter().content.retrieve<DemoCollections>(['brands']);
    expect(res.status).toBe(200);
    expect(requested[0]!.pathname).toBe('/v2/content/brands/');
    expect(res.data!.meta).toEqual({ count: 3, next_page: null, previous_page: null });
    const brands = res.data!.data.brands;
    expect(Object.keys(res.data!.data)).toEqual(['brands']);
    expect(brands).toHaveLength(demoBrands.length);
    demoBrands.forEach((b, i) => {
      expect(brands[i]).toEqual({
        meta: { id: expect.any(Number), status: 'published', scheduled: null },
        name: b.name,
        logo: '',
        website: b.website,
        founded: b.founded,
        category: {
          meta: { id: expect.any(Number), status: 'published', scheduled: null },
          name: demoCategories[b.category]!.name.en,
          slug: demoCategories[b.category]!.slug,
        },
      });
    });
    const ids = brands.map((b) => b.meta.id);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(new Set(ids).size).toBe(3);
  });

  it('content.retrieve(["brands", "categories"]): both keys; meta describes the first', async () => {
    const res = await butter().content.retrieve<DemoCollections>(['brands', 'categories'], { locale: 'es', levels: 1 });
    expect(requested[0]!.pathname).toBe('/v2/content/brands,categories/');
    expect(res.data!.meta).toEqual({ count: 3, next_page: null, previous_page: null });
    const data = res.data!.data;
    expect(Object.keys(data)).toEqual(['brands', 'categories']);
    expect(data.categories).toEqual(
      demoCategories.map((c) => ({
        meta: { id: expect.any(Number), status: 'published', scheduled: null },
        name: c.name.es,
        slug: c.slug,
      })),
    );
    const categoryUri = (index: number) => uri(`content/categories/${data.categories[index]!.meta.id}/`);
    expect(data.brands).toEqual(
      demoBrands.map((b) => ({
        meta: { id: expect.any(Number), status: 'published', scheduled: null },
        name: b.name,
        logo: '',
        website: b.website,
        founded: b.founded,
        category: categoryUri(b.category),
      })),
    );
  });

  it('an unknown page rejects with the 404 and its detail', async () => {
    const failure = await failureOf(butter().page.retrieve('landing_page', 'no-such-page'));
    expect(failure.message).toBe('[detail]: Page matching query does not exist (404)');
    expect(failure.cause.status).toBe(404);
    expect(failure.cause.data).toEqual({ detail: 'Page matching query does not exist' });
    // The client strips the token from the URL it reports.
    expect(failure.cause.url.searchParams.has('auth_token')).toBe(false);

    const byAny = await failureOf(butter().page.retrieve('*', 'no-such-page'));
    expect(byAny.cause.status).toBe(404);
    expect(byAny.cause.data).toEqual({ detail: 'Page matching query does not exist' });

    const collection = await failureOf(
      butter().content.retrieve<DemoCollections & { no_such_collection: { name: string } }>([
        'brands',
        'no_such_collection',
      ]),
    );
    expect(collection.message).toBe('[detail]: Collection matching query does not exist (404)');
    expect(collection.cause.data).toEqual({ detail: 'Collection matching query does not exist' });
  });

  it('a bad token rejects with 401 "Invalid token"', async () => {
    const stranger = Butter(`ghee_r_${'A'.repeat(40)}`, { timeout: 10_000 });
    const failure = await failureOf(stranger.page.retrieve('*', 'homepage'));
    expect(failure.message).toBe('[detail]: Invalid token (401)');
    expect(failure.cause.status).toBe(401);
    expect(failure.cause.data).toEqual({ detail: 'Invalid token' });

    const content = await failureOf(stranger.content.retrieve<DemoCollections>(['brands']));
    expect(content.cause.status).toBe(401);
    expect(content.cause.data).toEqual({ detail: 'Invalid token' });
  });

  it('a bad levels parameter rejects with the 400 and its detail', async () => {
    const failure = await failureOf(butter().page.retrieve('*', 'homepage', { levels: 9 }));
    expect(failure.cause.status).toBe(400);
    expect(failure.cause.data).toEqual({
      detail: 'levels query parameter should be an integer between 1 and 5 (inclusive)',
    });
  });
});
