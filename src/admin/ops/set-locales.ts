import type { Kysely } from 'kysely';
import type { Actor } from '../../audit/actor.js';
import { applySchema, type ApplyResult } from '../../content/schema/apply-schema.js';
import { countContent } from '../../content/schema/content-counts.js';
import { exportSchema } from '../../content/schema/export-schema.js';
import type { LocaleSummary } from '../../shared/accounts.js';
import type { Database } from '../../store/tables.js';

/** An account's locales in order, with how many pages and items hold a version in each. */
export async function listLocales(db: Kysely<Database>, accountId: number): Promise<LocaleSummary[]> {
  const [rows, counts] = await Promise.all([
    db
      .selectFrom('locales')
      .select(['slug', 'name', 'is_default'])
      .where('account_id', '=', accountId)
      .orderBy('position')
      .execute(),
    countContent(db, accountId),
  ]);
  return rows.map((l) => ({
    slug: l.slug,
    name: l.name,
    default: l.is_default === 1,
    entries: counts.locales.get(l.slug) ?? 0,
  }));
}

/**
 * Replaces an account's locales (add, rename, remove, reorder, choose the default) through the
 * schema apply, so the checks are those of `ghee schema apply`: the plan's locale count, and no
 * removal of a locale that holds content unless `confirm` (its versions are deleted with it).
 * Throws the apply's SchemaError otherwise. A change leaves a `locales.set` audit record naming `actor`.
 *
 * The rest of the document is the current export; a schema applied by someone else between the
 * export and the apply's transaction would be reverted, a window of milliseconds that only
 * concurrent schema edits of one account can hit.
 */
export async function setLocales(
  db: Kysely<Database>,
  accountId: number,
  locales: unknown,
  confirm: boolean,
  actor: Actor,
): Promise<ApplyResult> {
  const current = await exportSchema(db, accountId);
  const audit = { action: 'locales.set', kind: 'locale' };
  return applySchema(db, accountId, { ...current, locales }, { allowDataLoss: confirm, actor, audit });
}
