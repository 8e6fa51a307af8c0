import type { Kysely } from 'kysely';
import { POST_VERSION_TEXT } from '../blog/post-rows.js';
import type { Database } from '../store/tables.js';
import { byCodePoint, type ArchivedAuthor, type ArchivedPost, type ArchivedTerm } from './archive-format.js';

/** An account's authors, by slug, the default one marked. */
export async function dumpAuthors(db: Kysely<Database>, accountId: number): Promise<ArchivedAuthor[]> {
  const rows = await db.selectFrom('authors').selectAll().where('account_id', '=', accountId).execute();
  return rows
    .sort((a, b) => byCodePoint(a.slug, b.slug))
    .map(({ id: _id, account_id: _account, is_default, created, ...rest }) => ({
      ...rest,
      is_default: is_default === 1,
      created,
    }));
}

/** An account's categories or tags, by slug. */
export async function dumpTerms(
  db: Kysely<Database>,
  kind: 'categories' | 'tags',
  accountId: number,
): Promise<ArchivedTerm[]> {
  const rows = await db
    .selectFrom(kind as 'categories')
    .select(['name', 'slug'])
    .where('account_id', '=', accountId)
    .execute();
  return rows.sort((a, b) => byCodePoint(a.slug, b.slug)).map((r) => ({ name: r.name, slug: r.slug }));
}

/** An account's posts by slug, each with its versions (`latest` before `published`). */
export async function dumpPosts(db: Kysely<Database>, accountId: number): Promise<ArchivedPost[]> {
  const posts = await db
    .selectFrom('posts')
    .select(['id', 'slug', 'created', 'unpublish_at'])
    .where('account_id', '=', accountId)
    .execute();
  const versions = await db
    .selectFrom('post_versions as v')
    .innerJoin('posts as p', 'p.id', 'v.post_id')
    .innerJoin('authors as a', 'a.id', 'v.author_id')
    .select(['v.post_id', 'v.channel', 'v.status', 'a.slug as author', ...POST_VERSION_TEXT])
    .where('p.account_id', '=', accountId)
    .execute();
  const terms = async (kind: 'categories' | 'tags') => {
    const link = kind === 'categories' ? 'post_categories' : 'post_tags';
    return db
      .selectFrom(`${link} as pt` as 'post_categories as pt')
      .innerJoin(`${kind} as t` as 'categories as t', 't.id', 'pt.term_id')
      .select(['pt.post_id', 'pt.channel', 'pt.position', 't.slug'])
      .where('t.account_id', '=', accountId)
      .execute();
  };
  const [categories, tags] = await Promise.all([terms('categories'), terms('tags')]);
  const slugsOf = (list: typeof categories, postId: number, channel: string) =>
    list
      .filter((t) => t.post_id === postId && t.channel === channel)
      .sort((a, b) => a.position - b.position)
      .map((t) => t.slug);
  return posts
    .sort((a, b) => byCodePoint(a.slug, b.slug))
    .map((post) => ({
      slug: post.slug,
      created: post.created,
      ...(post.unpublish_at !== null && { unpublish_at: post.unpublish_at }),
      versions: versions
        .filter((v) => v.post_id === post.id)
        .sort((a, b) => byCodePoint(a.channel, b.channel))
        .map(({ post_id, ...v }) => ({
          channel: v.channel,
          status: v.status,
          author: v.author,
          title: v.title,
          body: v.body,
          summary: v.summary,
          seo_title: v.seo_title,
          meta_description: v.meta_description,
          featured_image: v.featured_image,
          featured_image_alt: v.featured_image_alt,
          updated: v.updated,
          published: v.published,
          scheduled: v.scheduled,
          categories: slugsOf(categories, post_id, v.channel),
          tags: slugsOf(tags, post_id, v.channel),
        })),
    }));
}
