import type { Transaction } from 'kysely';
import type { Actor } from '../../audit/actor.js';
import type { PostChannel } from '../../store/blog-tables.js';
import type { Database } from '../../store/tables.js';
import { putInTrash } from './put-in-trash.js';
import type { PostSnapshot, TrashedTerm } from './trash-snapshot.js';

/**
 * Keeps a post in the trash, in its delete's transaction and before its rows go: the posts row,
 * its versions with their author (id and slug) and their categories and tags (ids and names).
 */
export async function trashPost(
  trx: Transaction<Database>,
  accountId: number,
  postId: number,
  actor: Actor,
  now: Date,
): Promise<void> {
  const post = await trx
    .selectFrom('posts')
    .select(['id', 'slug', 'created'])
    .where('id', '=', postId)
    .executeTakeFirstOrThrow();
  const versions = await trx
    .selectFrom('post_versions as v')
    .leftJoin('authors as a', 'a.id', 'v.author_id')
    .selectAll('v')
    .select('a.slug as author_slug')
    .where('v.post_id', '=', postId)
    .orderBy('v.channel')
    .execute();
  const categories = await termsOf(trx, 'post_categories', 'categories', postId);
  const tags = await termsOf(trx, 'post_tags', 'tags', postId);
  const snapshot: PostSnapshot = {
    post,
    versions: versions.map(({ post_id: _post, author_id, author_slug, ...version }) => ({
      ...version,
      author: { id: author_id, slug: author_slug },
      categories: categories.get(version.channel) ?? [],
      tags: tags.get(version.channel) ?? [],
    })),
  };
  const latest = versions.find((v) => v.channel === 'latest') ?? versions[0];
  await putInTrash(
    trx,
    {
      accountId,
      kind: 'post',
      subjectId: postId,
      typeId: null,
      slug: post.slug,
      name: latest?.title || post.slug,
      snapshot,
    },
    actor,
    now,
  );
}

/** A post's categories (or tags) per channel, in their order. */
async function termsOf(
  trx: Transaction<Database>,
  table: 'post_categories' | 'post_tags',
  terms: 'categories' | 'tags',
  postId: number,
): Promise<Map<PostChannel, TrashedTerm[]>> {
  const rows = await trx
    .selectFrom(`${table} as l`)
    .innerJoin(`${terms} as t`, 't.id', 'l.term_id')
    .select(['l.channel', 't.id', 't.name'])
    .where('l.post_id', '=', postId)
    .orderBy('l.channel')
    .orderBy('l.position')
    .execute();
  const out = new Map<PostChannel, TrashedTerm[]>();
  for (const r of rows) out.set(r.channel, [...(out.get(r.channel) ?? []), { id: r.id, name: r.name }]);
  return out;
}
