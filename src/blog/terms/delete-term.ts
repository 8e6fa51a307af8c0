import { sql } from 'kysely';
import { recordChange } from '../../cache/content-changes.js';
import { adminErrors, errors } from '../../errors/index.js';
import type { Store } from '../../store/database.js';
import { BLOG_TAG } from '../blog-tag.js';
import type { TermKind, TermObject } from './term-store.js';

const LINK = { categories: 'post_categories', tags: 'post_tags' } as const;
const NOUN = { categories: 'category', tags: 'tag' } as const;

/**
 * Deletes a category (or tag) that no post uses, in any version; one that a post uses is refused
 * (409) and stays. Deleting posts never deletes their terms: this is how an unused one goes.
 * Readers of /v2/categories and /v2/tags see the change from the next request (the blog's cache
 * tag). 404 `Not found`, as the read, for an unknown slug.
 */
export async function deleteTerm(store: Store, kind: TermKind, accountId: number, slug: string): Promise<TermObject> {
  if (slug.includes('\u0000')) throw errors.notFound();
  return store.db.transaction().execute(async (trx) => {
    // Locked first (PostgreSQL): a post write linking this term holds its row until it commits,
    // so the count below sees that link instead of the delete cascading it away.
    const term = await trx
      .selectFrom(kind as 'categories')
      .select(['id', 'name', 'slug'])
      .where('account_id', '=', accountId)
      .where('slug', '=', slug)
      .modifyEnd(store.dialect.forUpdate())
      .executeTakeFirst();
    if (!term) throw errors.notFound();
    const used = await trx
      .selectFrom(LINK[kind] as 'post_categories')
      .select(sql<number>`count(distinct post_id)`.as('n'))
      .where('term_id', '=', term.id)
      .executeTakeFirstOrThrow();
    if (Number(used.n) > 0) throw adminErrors.termInUse(NOUN[kind], term.name, Number(used.n));
    await trx
      .deleteFrom(kind as 'categories')
      .where('id', '=', term.id)
      .execute();
    await recordChange(trx, accountId, [BLOG_TAG]);
    return { name: term.name, slug: term.slug };
  });
}
