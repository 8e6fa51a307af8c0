import type { Kysely, Selectable } from 'kysely';
import type { PostChannel, TermsTable } from '../../store/blog-tables.js';
import type { Database } from '../../store/tables.js';
import { slugify } from '../slugify.js';

/** Categories and tags: same shape, same rules, their own tables. */
export type TermKind = 'categories' | 'tags';

/** A category or tag as the API shows it. */
export type TermObject = Pick<Selectable<TermsTable>, 'name' | 'slug'>;

/** A category or tag with its id. */
export type TermRow = Pick<Selectable<TermsTable>, 'id' | 'name' | 'slug'>;

const LINK = { categories: 'post_categories', tags: 'post_tags' } as const;

// Both kinds share one shape; the casts only tell Kysely which table name to type-check against.
const table = (kind: TermKind) => kind as 'categories';
const link = (kind: TermKind) => `${LINK[kind]} as pt` as 'post_categories as pt';

/** An account's categories (or tags), by slug. */
export async function listTerms(db: Kysely<Database>, kind: TermKind, accountId: number): Promise<TermRow[]> {
  return db
    .selectFrom(table(kind))
    .select(['id', 'name', 'slug'])
    .where('account_id', '=', accountId)
    .orderBy('slug')
    .execute();
}

/** One category (or tag) by slug, or undefined. */
export async function termBySlug(
  db: Kysely<Database>,
  kind: TermKind,
  accountId: number,
  slug: string,
): Promise<TermRow | undefined> {
  if (slug.includes('\u0000')) return undefined;
  return db
    .selectFrom(table(kind))
    .select(['id', 'name', 'slug'])
    .where('account_id', '=', accountId)
    .where('slug', '=', slug)
    .executeTakeFirst();
}

/** The categories (or tags) of many post versions at once, each list in the order given on write. */
export async function termsOfPosts(
  db: Kysely<Database>,
  kind: TermKind,
  postIds: number[],
  channel: PostChannel,
): Promise<Map<number, TermObject[]>> {
  const out = new Map<number, TermObject[]>();
  if (postIds.length === 0) return out;
  const rows = await db
    .selectFrom(link(kind))
    .innerJoin(`${kind} as t` as 'categories as t', 't.id', 'pt.term_id')
    .select(['pt.post_id', 't.name', 't.slug'])
    .where('pt.post_id', 'in', [...new Set(postIds)])
    .where('pt.channel', '=', channel)
    .orderBy('pt.post_id')
    .orderBy('pt.position')
    .execute();
  for (const row of rows) {
    const list = out.get(row.post_id) ?? [];
    list.push({ name: row.name, slug: row.slug });
    out.set(row.post_id, list);
  }
  return out;
}

/** The term ids of one post version, in their order (what a partial write keeps). */
export async function termIdsOf(
  db: Kysely<Database>,
  kind: TermKind,
  postId: number,
  channel: PostChannel,
): Promise<number[]> {
  const rows = await db
    .selectFrom(link(kind))
    .select('pt.term_id')
    .where('pt.post_id', '=', postId)
    .where('pt.channel', '=', channel)
    .orderBy('pt.position')
    .execute();
  return rows.map((r) => r.term_id);
}

/**
 * The ids of categories (or tags) named in a write, creating the ones the account lacks, with a
 * slug made from the name (`-2`, `-3`... when another name has that slug). Safe under concurrent
 * writes: an insert that loses a race does nothing, and the winner's row is read back. Missing
 * names are inserted in sorted order so two transactions never wait on each other in a cycle.
 */
export async function resolveTermNames(
  db: Kysely<Database>,
  kind: TermKind,
  accountId: number,
  names: string[],
): Promise<number[]> {
  if (names.length === 0) return [];
  const byName = async (list: string[]) =>
    db
      .selectFrom(table(kind))
      .select(['id', 'name'])
      .where('account_id', '=', accountId)
      .where('name', 'in', list)
      .execute();
  const ids = new Map((await byName(names)).map((r) => [r.name, r.id]));
  for (const name of [...new Set(names)].filter((n) => !ids.has(n)).sort()) {
    const base = slugify(name, kind === 'categories' ? 'category' : 'tag');
    for (let n = 1; !ids.has(name); n++) {
      const slug = n === 1 ? base : `${base}-${n}`;
      await db
        .insertInto(table(kind))
        .values({ account_id: accountId, name, slug })
        .onConflict((oc) => oc.doNothing())
        .execute();
      const [row] = await byName([name]);
      if (row) ids.set(name, row.id);
    }
  }
  return [...new Set(names)].map((name) => ids.get(name)!);
}
