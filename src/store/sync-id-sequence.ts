import { sql, type Kysely } from 'kysely';
import type { DialectName } from './dialect/dialect.js';
import type { Database } from './tables.js';

/**
 * After rows were inserted with explicit ids (an import keeping its ids), moves PostgreSQL's
 * serial sequence past the largest id, so the next ordinary insert does not collide. SQLite's
 * AUTOINCREMENT already takes the largest id into account.
 */
export async function syncIdSequence(db: Kysely<Database>, dialect: DialectName, table: 'entries'): Promise<void> {
  if (dialect !== 'postgres') return;
  await sql`select setval(pg_get_serial_sequence(${table}, 'id'), greatest((select coalesce(max(id), 0) from ${sql.table(table)}), 1))`.execute(db);
}
