import type { Transaction } from 'kysely';
import { defaultAuthor } from '../../blog/authors/author-store.js';
import { resolveTermNames, type TermKind } from '../../blog/terms/term-store.js';
import type { Database } from '../../store/tables.js';
import type { TrashedPostVersion, TrashedTerm } from './trash-snapshot.js';

/** A restored post version's author: the same one, else the one of that slug, else the account's default. */
export async function restoredAuthor(
  trx: Transaction<Database>,
  accountId: number,
  author: TrashedPostVersion['author'],
): Promise<number> {
  const query = trx.selectFrom('authors').select('id').where('account_id', '=', accountId);
  const same = await query.where('id', '=', author.id).executeTakeFirst();
  if (same) return same.id;
  const bySlug = author.slug === null ? undefined : await query.where('slug', '=', author.slug).executeTakeFirst();
  if (bySlug) return bySlug.id;
  const owner = await defaultAuthor(trx, accountId);
  if (!owner) throw new Error(`account ${accountId} has no default author`);
  return owner.id;
}

/**
 * A restored post version's categories (or tags), in their order: the same ones where they still
 * exist (renamed or not), the others created again by name, as a write creates them.
 */
export async function restoredTerms(
  trx: Transaction<Database>,
  kind: TermKind,
  accountId: number,
  terms: TrashedTerm[],
): Promise<number[]> {
  if (!terms.length) return [];
  const table = kind as 'categories';
  const kept = new Set(
    (
      await trx
        .selectFrom(table)
        .select('id')
        .where('account_id', '=', accountId)
        .where(
          'id',
          'in',
          terms.map((t) => t.id),
        )
        .execute()
    ).map((r) => r.id),
  );
  const gone = [...new Set(terms.filter((t) => !kept.has(t.id)).map((t) => t.name))];
  const created = await resolveTermNames(trx, kind, accountId, gone);
  const byName = new Map(gone.map((name, i) => [name, created[i]!]));
  // A term created again may carry the name another kept term has taken meanwhile: once each.
  return [...new Set(terms.map((t) => (kept.has(t.id) ? t.id : byName.get(t.name)!)))];
}
