import type { Kysely, Transaction } from 'kysely';
import { resanitizePostBodies } from '../../blog/write/resanitize-post-bodies.js';
import { exportSchema } from '../../content/schema/export-schema.js';
import { htmlPaths } from '../../content/schema/html-paths.js';
import { resanitizeFields } from '../../content/schema/resanitize-fields.js';
import type { Database } from '../tables.js';

/**
 * Sanitises every stored rich-text value once more: every wysiwyg and html field of every
 * account, in every version, and every post body. Before this release a field turned into rich
 * text kept its raw values, and links that open a new window lacked rel="noopener noreferrer".
 * A value nested past the HTML limit is kept as escaped text. Writes UPDATEs only (rewrite-version.ts).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const store = db as Kysely<Database>;
  // PostgreSQL runs the migrations in one transaction already; SQLite gets one here.
  if (store.isTransaction) await resanitizeAll(store as Transaction<Database>);
  else await store.transaction().execute(resanitizeAll);
}

async function resanitizeAll(trx: Transaction<Database>): Promise<void> {
  const accounts = await trx.selectFrom('accounts').select('id').orderBy('id').execute();
  for (const { id } of accounts) {
    const doc = await exportSchema(trx, id);
    await resanitizeFields(trx, id, doc, htmlPaths(doc));
  }
  await resanitizePostBodies(trx);
}
