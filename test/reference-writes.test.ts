import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoSchema } from '../src/seed/demo-schema.js';
import { withSchema, write } from './helpers/content.js';
import { DIALECTS } from './helpers/databases.js';
import { healthWhile } from './helpers/liveness.js';
import { bulkItems, pageId } from './helpers/reference-fixtures.js';
import { demoServer, PUBLIC_URL, type TestServer } from './helpers/server.js';

// Writing references (docs/api.md, "Writing"): a `many` list names each target once and holds at
// most 1000, a write at most 5000 in all; lookups go by distinct value in chunks of 500, so a
// write of any size is answered in bounded time, never a 500 ("too many SQL variables") or a stall.

const CAP = 'Ensure this field has no more than 1000 references.';
const TOTAL = 'Ensure this write has no more than 5000 references in all its fields.';
const twice = (v: string) => `"${v}" is already in this list: a target may appear once.`;

const thing = { type: 'reference', to: 'collection:things', many: true } as const;
const schema = {
  ...demoSchema,
  collections: { ...demoSchema.collections, things: { name: 'Things', fields: { name: { type: 'short_text' } } } },
  page_types: {
    ...demoSchema.page_types,
    shelf: {
      name: 'Shelf',
      fields: {
        title: { type: 'short_text' },
        items: thing,
        more: thing,
        rows: { type: 'repeater', fields: { picks: thing } },
      },
    },
  },
} as const;

describe.each(DIALECTS)('reference writes (%s)', (dialect) => {
  let s: TestServer;
  const queries: string[] = [];
  let things: number[];
  const shelf = '/v2/pages/shelf/s1/';

  beforeAll(async () => {
    s = await demoServer(dialect, { onQuery: (q) => queries.push(q) });
    await withSchema(s.store, s.demo.id, schema);
    things = await bulkItems(s.store, s.demo.id, 'things', 2000, (i) => ({ name: `thing ${i}` }));
    await write(s.store, s.demo.id, 'page_type:shelf', {
      slug: 's1',
      name: 'Shelf',
      locale: 'en',
      status: 'published',
      fields: { title: 'One', items: [things[0]] },
    });
  });
  afterAll(async () => s?.close());

  /** The stored `latest` fields of a page, to show a refused write changed nothing. */
  async function stored(slug: string) {
    const id = await pageId(s.store, s.demo.id, slug);
    const row = await s.store.db
      .selectFrom('entry_versions')
      .select('fields')
      .where('entry_id', '=', id)
      .where('locale', '=', 'en')
      .where('channel', '=', 'latest')
      .executeTakeFirstOrThrow();
    return JSON.parse(row.fields);
  }

  it('refuses a page slug named twice, on its later position', async () => {
    const before = await stored('launch');
    const res = await s.send('PATCH', '/v2/pages/landing_page/launch/', {
      fields: { related: ['pricing', 'about-us', 'pricing'] },
    });
    expect(res).toMatchObject({ status: 400, body: { detail: { fields: { 'related.2': [twice('pricing')] } } } });
    expect(await stored('launch')).toEqual(before);
  });

  it.for([
    [
      'an id and the same id as text',
      (t: number[]) => ({ items: [t[1], t[2], String(t[1])] }),
      'items.2',
      (t: number[]) => String(t[1]),
    ],
    [
      'an id twice in a repeater row',
      (t: number[]) => ({ rows: [{ picks: [t[3]] }, { picks: [t[4], t[3], t[4]] }] }),
      'rows.1.picks.2',
      (t: number[]) => String(t[4]),
    ],
  ] as const)('refuses %s', async ([, fields, path, value]) => {
    const before = await stored('s1');
    const res = await s.send('PATCH', shelf, { fields: fields(things) });
    expect(res).toMatchObject({ status: 400, body: { detail: { fields: { [path]: [twice(value(things))] } } } });
    expect(Object.keys(res.body.detail.fields)).toEqual([path]);
    expect(await stored('s1')).toEqual(before);
  });

  it('lets different fields and different rows name the same target', async () => {
    const res = await s.send('PATCH', shelf, {
      fields: { items: [things[5]], more: [things[5]], rows: [{ picks: [things[5]] }, { picks: [things[5]] }] },
    });
    expect(res.status).toBe(202);
    expect((await s.get(`${shelf}?levels=1`)).body.data.fields.more).toEqual([
      `${PUBLIC_URL}/v2/content/things/${things[5]}/`,
    ]);
  });

  it('refuses a list over 1000 references on the field, before any lookup', async () => {
    queries.length = 0;
    const res = await s.send('PATCH', shelf, { fields: { title: 'Changed', items: things.slice(0, 1001) } });
    expect(res).toMatchObject({ status: 400, body: { detail: { fields: { items: [CAP] } } } });
    expect(Object.keys(res.body.detail.fields)).toEqual(['items']);
    expect(queries.filter((q) => /from "entries" where "type_id" = \S+ and "id" in/.test(q))).toEqual([]);
    expect((await stored('s1')).title).toBe('One');
  });

  it('refuses 40,000 references at once, keeping /healthz quick', async () => {
    const payload = JSON.stringify({ fields: { items: Array.from({ length: 40_000 }, (_, i) => i + 1) } });
    const headers = { authorization: `Token ${s.demo.write_token}`, 'content-type': 'application/json' };
    const started = performance.now();
    const { result, slowestMs } = await healthWhile(s.app, () =>
      s.app.inject({ method: 'PATCH', url: shelf, headers, payload }),
    );
    expect({ status: result.statusCode, body: JSON.parse(result.body) }).toEqual({
      status: 400,
      body: { detail: { fields: { items: [CAP] } } },
    });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(slowestMs).toBeLessThan(100);
  });

  it('looks 2,000 distinct targets up in chunks of 500 and stores them in order', async () => {
    queries.length = 0;
    const items = things.slice(0, 1000);
    const more = things.slice(1000).map(String).reverse();
    const res = await s.send('PATCH', shelf, { fields: { items, more } });
    expect(res.status).toBe(202);
    expect(queries.filter((q) => /from "entries" where "type_id" = \S+ and "id" in/.test(q))).toHaveLength(4);
    const read = await s.get(`${shelf}?levels=1`);
    const uri = (id: number | string) => `${PUBLIC_URL}/v2/content/things/${id}/`;
    expect(read.body.data.fields.items).toEqual(items.map(uri));
    expect(read.body.data.fields.more).toEqual(more.map(uri));
  });

  it('stores 5,000 references in one write (five rows at the cap)', async () => {
    const rows = Array.from({ length: 5 }, (_, r) => ({ picks: things.slice(r * 200, r * 200 + 1000) }));
    const res = await s.send('PATCH', shelf, { fields: { items: [], more: [], rows } });
    expect(res.status).toBe(202);
    const id = await pageId(s.store, s.demo.id, 's1');
    const refs = await s.store.db
      .selectFrom('refs')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('entry_id', '=', id)
      .where('channel', '=', 'latest')
      .executeTakeFirstOrThrow();
    expect(Number(refs.n)).toBe(5000);
    expect((await s.get(`${shelf}?levels=1`)).body.data.fields.rows[4].picks).toHaveLength(1000);
  });

  it('refuses a write past 5,000 references in all, on the field that passes it', async () => {
    const before = await stored('s1');
    queries.length = 0;
    const rows = Array.from({ length: 40 }, (_, r) => ({ picks: things.slice(r * 25, r * 25 + 1000) }));
    const res = await s.send('PATCH', shelf, { fields: { items: things.slice(0, 10), rows } });
    expect({ status: res.status, body: res.body }).toEqual({
      status: 400,
      body: { detail: { fields: { 'rows.4.picks': [TOTAL] } } },
    });
    // Only what came before it is looked up (1,075 distinct ids, so three chunks); none after.
    expect(queries.filter((q) => /from "entries" where "type_id" = \S+ and "id" in/.test(q))).toHaveLength(3);
    expect(await stored('s1')).toEqual(before);
  });

  it('names a missing target among many on its own position', async () => {
    const res = await s.send('PATCH', shelf, { fields: { items: [...things.slice(0, 700), 999_999_999] } });
    expect(res).toMatchObject({
      status: 400,
      body: { detail: { fields: { 'items.700': ['No item with id 999999999 in collection things.'] } } },
    });
  });
});
