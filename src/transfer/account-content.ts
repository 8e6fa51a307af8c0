import type { Kysely } from 'kysely';
import type { Database } from '../store/tables.js';

/** How much content an account holds; its default author (every account has one) does not count. */
export async function countAccountContent(db: Kysely<Database>, accountId: number): Promise<Record<string, number>> {
  const count = async (table: 'entries' | 'posts' | 'categories' | 'tags' | 'authors') => {
    let query = db
      .selectFrom(table as 'entries')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('account_id', '=', accountId);
    if (table === 'authors') query = query.where('is_default' as 'id', '=', 0);
    return Number((await query.executeTakeFirstOrThrow()).n);
  };
  const [entries, posts, categories, tags, authors] = await Promise.all([
    count('entries'),
    count('posts'),
    count('categories'),
    count('tags'),
    count('authors'),
  ]);
  return { entries, posts, categories, tags, authors };
}

/** True when the account holds any content besides its default author. */
export function holdsContent(counts: Record<string, number>): boolean {
  return Object.values(counts).some((n) => n > 0);
}
