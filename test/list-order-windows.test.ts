import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportSchema } from '../src/content/schema/export-schema.js';
import { DIALECTS } from './helpers/databases.js';
import { withSchema, write } from './helpers/content.js';
import { demoServer, type TestServer } from './helpers/server.js';

// An order on a field walks the values first and the entries without a value after them
// (src/content/list-entries.ts): every window of every order must be the same slice of one list.
describe.each(DIALECTS)('ordered list windows (%s)', (dialect) => {
  let s: TestServer;
  /** Item ids by their sku, as written. */
  const ids = new Map<string, number>();
  const ITEMS = [
    { sku: 'a', price: 30, colour: 'red' },
    { sku: 'b', price: null, colour: 'red' },
    { sku: 'c', price: 10, colour: 'blue' },
    { sku: 'd', price: 30, colour: 'red' },
    { sku: 'e', price: null, colour: 'blue' },
    { sku: 'f', price: 20, colour: 'red' },
    { sku: 'g', price: null, colour: 'red' },
    { sku: 'h', price: 5, colour: 'red' },
  ];

  beforeAll(async () => {
    s = await demoServer(dialect);
    const doc = await exportSchema(s.store.db, s.demo.id);
    doc.collections = {
      ...doc.collections,
      stock: {
        name: 'Stock',
        fields: { sku: { type: 'short_text' }, price: { type: 'number' }, colour: { type: 'short_text' } },
      },
    };
    await withSchema(s.store, s.demo.id, doc);
    for (const item of ITEMS) {
      const fields: Record<string, unknown> = { sku: item.sku, colour: item.colour };
      if (item.price !== null) fields.price = item.price;
      ids.set(
        item.sku,
        await write(s.store, s.demo.id, 'collection:stock', { locale: 'en', status: 'published', fields }),
      );
    }
  });
  afterAll(async () => s?.close());

  const skus = async (query: string) => {
    const r = await s.get(`/v2/content/stock/?${query}`);
    expect(r.status).toBe(200);
    return {
      skus: r.body.data.stock.map((i: { sku: string }) => i.sku) as string[],
      count: r.body.meta.count as number,
    };
  };

  it('orders valued items by the field, ties by id, and items without a value last by id', async () => {
    expect((await skus('order=price&page_size=100')).skus).toEqual(['h', 'c', 'f', 'a', 'd', 'b', 'e', 'g']);
    expect((await skus('order=-price&page_size=100')).skus).toEqual(['a', 'd', 'f', 'c', 'h', 'b', 'e', 'g']);
    expect((await skus('order=-price&fields.colour=red&page_size=100')).skus).toEqual(['a', 'd', 'f', 'h', 'b', 'g']);
    expect((await skus('order=sku&fields.colour=blue&page_size=100')).skus).toEqual(['c', 'e']);
  });

  it('gives every window of limit and offset as the same slice, across the valued/empty boundary', async () => {
    for (const query of [
      'order=price',
      'order=-price',
      'order=-price&fields.colour=red',
      'order=price&fields.price=30',
    ]) {
      const whole = await skus(`${query}&page_size=100`);
      for (let limit = 1; limit <= 4; limit++) {
        for (let offset = 0; offset <= whole.skus.length + 1; offset++) {
          const window = await skus(`${query}&limit=${limit}&offset=${offset}`);
          expect({ query, limit, offset, ...window }).toEqual({
            query,
            limit,
            offset,
            skus: whole.skus.slice(offset, offset + limit),
            count: whole.count,
          });
        }
      }
    }
  });

  it('counts what matches every filter, whatever the order', async () => {
    expect((await skus('fields.colour=red')).count).toBe(6);
    expect((await skus('fields.colour=red&fields.price=30')).count).toBe(2);
    expect((await skus('fields.colour=red&fields.price=30&order=-price')).skus).toEqual(['a', 'd']);
    expect((await skus('fields.colour=green&order=price')).count).toBe(0);
  });

  it('follows an item that gains or loses its value at once', async () => {
    await write(s.store, s.demo.id, 'collection:stock', {
      id: ids.get('b'),
      locale: 'en',
      status: 'published',
      fields: { sku: 'b', colour: 'red', price: 1 },
    });
    expect((await skus('order=price&page_size=100')).skus).toEqual(['b', 'h', 'c', 'f', 'a', 'd', 'e', 'g']);
    await write(s.store, s.demo.id, 'collection:stock', {
      id: ids.get('h'),
      locale: 'en',
      status: 'published',
      fields: { sku: 'h', colour: 'red' },
    });
    expect((await skus('order=price&page_size=100')).skus).toEqual(['b', 'c', 'f', 'a', 'd', 'e', 'g', 'h']);
  });
});
