import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, freshStore, type TestStore } from './helpers/databases.js';
import { migratedColumns, type MigratedColumn } from './helpers/migrated-columns.js';
import { TABLE_COLUMNS } from './helpers/table-columns.js';

// The table interfaces of src/store/*tables.ts say what Kysely may read and write; the migrations
// say what the database holds. TABLE_COLUMNS is type-checked against the interfaces; this test
// holds it against a freshly migrated database, so the two cannot drift apart.

const TABLES = Object.keys(TABLE_COLUMNS).sort() as (keyof typeof TABLE_COLUMNS)[];

describe.each(DIALECTS)('store tables against the migrated schema (%s)', (dialect) => {
  let store: TestStore;
  let migrated: Map<string, MigratedColumn[]>;
  beforeAll(async () => {
    store = await freshStore(dialect);
    migrated = await migratedColumns(store);
  });
  afterAll(async () => {
    await store?.close();
  });

  it('has exactly the tables of the Database interface', () => {
    expect([...migrated.keys()].sort()).toEqual(TABLES);
  });

  it.for(TABLES)('%s has the columns of its interface', (table) => {
    const names = (migrated.get(table) ?? []).map((c) => c.name).sort();
    expect(names).toEqual([...TABLE_COLUMNS[table].columns].sort());
  });

  it.for(TABLES)('%s has the nullable columns of its interface', (table) => {
    const nullable = (migrated.get(table) ?? [])
      .filter((c) => c.nullable)
      .map((c) => c.name)
      .sort();
    expect(nullable).toEqual([...TABLE_COLUMNS[table].nullable].sort());
  });
});
