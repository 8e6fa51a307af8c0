import { sql } from 'kysely';
import type { Store } from '../../src/store/database.js';

/** A column of a migrated table as the database describes it. */
export interface MigratedColumn {
  name: string;
  nullable: boolean;
}

// The full-text index tables and columns belong to the dialect seam (src/store/dialect/), not to
// the table interfaces: SQLite's FTS5 virtual tables with their shadow tables, PostgreSQL's
// generated `tsv` columns. Kysely's own migration tables are not the store's either.

/** The store's tables and their columns, read from a migrated database. */
export async function migratedColumns(store: Store): Promise<Map<string, MigratedColumn[]>> {
  return store.dialect.name === 'sqlite' ? sqliteColumns(store) : postgresColumns(store);
}

async function sqliteColumns(store: Store): Promise<Map<string, MigratedColumn[]>> {
  const { rows: tables } = await sql<{
    name: string;
    sql: string;
  }>`select name, sql from sqlite_master where type = 'table' order by name`.execute(store.db);
  const virtual = tables.filter((t) => /^create virtual table/i.test(t.sql)).map((t) => t.name);
  const own = tables.filter(
    (t) => !/^(sqlite_|kysely_)/.test(t.name) && !virtual.some((v) => t.name === v || t.name.startsWith(`${v}_`)),
  );
  const out = new Map<string, MigratedColumn[]>();
  for (const { name } of own) {
    const { rows } = await sql<{
      name: string;
      notnull: number;
      pk: number;
    }>`select name, "notnull", pk from pragma_table_info(${name})`.execute(store.db);
    // A primary key column reads as nullable unless declared `not null` (an INTEGER PRIMARY KEY
    // is the rowid and never null); the store never writes null into one, so it counts as not null.
    out.set(
      name,
      rows.map((c) => ({ name: c.name, nullable: c.notnull === 0 && c.pk === 0 })),
    );
  }
  return out;
}

async function postgresColumns(store: Store): Promise<Map<string, MigratedColumn[]>> {
  const { rows } = await sql<{ table_name: string; column_name: string; is_nullable: string; is_generated: string }>`
    select c.table_name, c.column_name, c.is_nullable, c.is_generated
    from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema = current_schema() and t.table_type = 'BASE TABLE' and c.table_name not like 'kysely\\_%'
    order by c.table_name, c.ordinal_position`.execute(store.db);
  const out = new Map<string, MigratedColumn[]>();
  for (const row of rows) {
    if (!out.has(row.table_name)) out.set(row.table_name, []);
    if (row.is_generated === 'ALWAYS') continue;
    out.get(row.table_name)!.push({ name: row.column_name, nullable: row.is_nullable === 'YES' });
  }
  return out;
}
