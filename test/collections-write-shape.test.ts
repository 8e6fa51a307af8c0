import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from './helpers/databases.js';
import { demoServer, type TestServer } from './helpers/server.js';

// The shape of `fields` in collection writes (docs/api.md, "Writing"): POST takes a list, one
// object per new item; PUT and PATCH take one object. The other shape is a 400 and writes nothing.

const LIST = { detail: { fields: { fields: ['Expected a list of objects of fields, one per new item.'] } } };
const OBJECT = { detail: "'fields' must be an object" };

describe.each(DIALECTS)('collection write shapes (%s)', (dialect) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await demoServer(dialect);
  });
  afterAll(async () => s?.close());

  /** Every stored version of every brand: what a refused write must leave as it was. */
  async function brands() {
    return s.store.db
      .selectFrom('entries as e')
      .innerJoin('entry_versions as v', 'v.entry_id', 'e.id')
      .innerJoin('content_types as t', 't.id', 'e.type_id')
      .where('t.key', '=', 'brands')
      .select(['e.id', 'v.locale', 'v.channel', 'v.fields'])
      .orderBy('e.id')
      .orderBy('v.locale')
      .orderBy('v.channel')
      .execute();
  }

  it.for([
    ['/v2/content/', { key: 'brands', status: 'published', fields: { name: 'Stray' } }],
    ['/v2/content/brands/', { status: 'published', fields: { name: 'Stray' } }],
    ['/v2/content/brands/', { fields: { en: { name: 'Stray' }, es: { name: 'Suelta' } } }],
  ] as const)('POST %s with fields as one object is a 400 on fields, nothing created', async ([url, body]) => {
    const before = await brands();
    const res = await s.send('POST', url, body);
    expect({ status: res.status, body: res.body }).toEqual({ status: 400, body: LIST });
    expect(await brands()).toEqual(before);
    const list = await s.get('/v2/content/brands/?preview=1');
    expect(list.body.data.brands.map((b: any) => b.name)).not.toContain('Stray');
  });

  it('POST with fields as a list of one object creates one item', async () => {
    const before = (await brands()).length;
    const res = await s.send('POST', '/v2/content/', {
      key: 'brands',
      status: 'published',
      fields: [{ name: 'Listed' }],
    });
    expect(res.status).toBe(202);
    expect((await brands()).length).toBe(before + 2); // published and latest, in the default locale
  });

  it('POST /v2/content/<key>/ with another key in the body is a 400 on key, nothing created', async () => {
    const before = await brands();
    const res = await s.send('POST', '/v2/content/brands/', { key: 'categories', fields: [{ name: 'Stray' }] });
    expect({ status: res.status, body: res.body }).toEqual({
      status: 400,
      body: { detail: { fields: { key: ['The key "categories" differs from the collection in the URL, "brands".'] } } },
    });
    expect(await brands()).toEqual(before);
  });

  it.for(['PUT', 'PATCH'] as const)('%s with fields as a list is a 400, nothing changed', async (method) => {
    const before = await brands();
    const res = await s.send(method, `/v2/content/brands/${before[0]!.id}/`, { fields: [{ name: 'Stray' }] });
    expect({ status: res.status, body: res.body }).toEqual({ status: 400, body: OBJECT });
    expect(await brands()).toEqual(before);
  });
});
