import type { Kysely } from 'kysely';
import type { Database } from '../store/tables.js';
import type { ArchivedAuthor, ArchivedTerm } from './archive-format.js';

/** What an import does with something the account already has (same slug, or same item id). */
export type ConflictMode = 'skip' | 'replace';

/**
 * Restores authors by slug. The archive's default author (its owner) becomes the account's
 * default author when `takeOverDefault` (an empty account, or `replace`): the account has had one
 * since its creation, and there may only be one. Others are added, or on a slug the account has,
 * kept (`skip`) or overwritten (`replace`).
 */
export async function restoreAuthors(
  trx: Kysely<Database>,
  accountId: number,
  authors: ArchivedAuthor[],
  mode: ConflictMode,
  takeOverDefault: boolean,
): Promise<void> {
  const existing = await trx
    .selectFrom('authors')
    .select(['id', 'slug', 'is_default'])
    .where('account_id', '=', accountId)
    .execute();
  for (const { is_default, ...author } of authors) {
    const owner = existing.find((a) => a.is_default === 1);
    const target = is_default && takeOverDefault ? owner : existing.find((a) => a.slug === author.slug);
    if (target) {
      if (mode === 'skip' && !(is_default && takeOverDefault)) continue;
      await trx.updateTable('authors').set(author).where('id', '=', target.id).execute();
      target.slug = author.slug;
    } else {
      const row = await trx
        .insertInto('authors')
        .values({ ...author, account_id: accountId, is_default: 0 })
        .returning('id')
        .executeTakeFirstOrThrow();
      existing.push({ id: row.id, slug: author.slug, is_default: 0 });
    }
  }
}

/** Restores categories or tags by slug: added, or kept (`skip`) or renamed (`replace`). */
export async function restoreTerms(
  trx: Kysely<Database>,
  kind: 'categories' | 'tags',
  accountId: number,
  terms: ArchivedTerm[],
  mode: ConflictMode,
): Promise<void> {
  const table = kind as 'categories';
  const existing = new Map(
    (await trx.selectFrom(table).select(['id', 'slug']).where('account_id', '=', accountId).execute()).map((t) => [
      t.slug,
      t.id,
    ]),
  );
  for (const term of terms) {
    const id = existing.get(term.slug);
    if (id === undefined)
      await trx.insertInto(table).values({ account_id: accountId, name: term.name, slug: term.slug }).execute();
    else if (mode === 'replace') await trx.updateTable(table).set({ name: term.name }).where('id', '=', id).execute();
  }
}
