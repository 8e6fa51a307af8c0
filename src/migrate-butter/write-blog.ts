import type { Kysely, Transaction } from 'kysely';
import { importActor } from '../audit/actor.js';
import { BLOG_TAG } from '../blog/blog-tag.js';
import { savePostVersion } from '../blog/write/save-post-version.js';
import { recordChange } from '../cache/content-changes.js';
import { sanitizeImportedBody } from '../content/write/sanitize-imported.js';
import { recordPostHistory } from '../history/record-post.js';
import type { PostChannel, PostStatus } from '../store/blog-tables.js';
import type { Database } from '../store/tables.js';
import { isoMicro } from '../time.js';
import { rewriteHtmlImages } from '../transfer/html-images.js';
import type { ApiObject, Channels } from './read-source.js';

const AUTHOR_KEYS = [
  'first_name',
  'last_name',
  'email',
  'bio',
  'title',
  'linkedin_url',
  'facebook_url',
  'instagram_url',
  'pinterest_url',
  'twitter_handle',
  'profile_image',
] as const;
const str = (v: unknown) => (typeof v === 'string' ? v : '');

/**
 * Copies the source's authors: one with a slug (else an email) the account has updates that
 * author, so the account's owner can be the source's owner; the others are added.
 */
export async function copyAuthors(
  trx: Kysely<Database>,
  accountId: number,
  authors: ApiObject[],
  now: Date,
): Promise<void> {
  for (const author of authors) {
    if (typeof author.slug !== 'string') continue;
    const values = Object.fromEntries(
      AUTHOR_KEYS.map((k) => [k, k === 'email' ? str(author[k]).toLowerCase() : str(author[k])]),
    ) as Record<(typeof AUTHOR_KEYS)[number], string>;
    const existing = await trx
      .selectFrom('authors')
      .select('id')
      .where('account_id', '=', accountId)
      .where((eb) => eb.or([eb('slug', '=', author.slug), ...(values.email ? [eb('email', '=', values.email)] : [])]))
      .orderBy('is_default', 'desc')
      .executeTakeFirst();
    if (!values.email) values.email = `${author.slug}@authors.invalid`;
    if (existing)
      await trx
        .updateTable('authors')
        .set({ ...values, slug: author.slug })
        .where('id', '=', existing.id)
        .execute();
    else
      await trx
        .insertInto('authors')
        .values({ ...values, slug: author.slug, account_id: accountId, is_default: 0, created: isoMicro(now) })
        .execute();
  }
}

/** Copies categories or tags by slug (names as the source has them). */
export async function copyTerms(
  trx: Kysely<Database>,
  kind: 'categories' | 'tags',
  accountId: number,
  terms: ApiObject[],
): Promise<void> {
  const table = kind as 'categories';
  const have = new Set(
    (await trx.selectFrom(table).select('slug').where('account_id', '=', accountId).execute()).map((t) => t.slug),
  );
  for (const term of terms) {
    if (typeof term.slug !== 'string' || have.has(term.slug)) continue;
    await trx
      .insertInto(table)
      .values({ account_id: accountId, name: str(term.name) || term.slug, slug: term.slug })
      .execute();
    have.add(term.slug);
  }
}

/**
 * Copies posts with both their versions (what readers see, and the newest under preview) and the
 * source's timestamps, their featured images and the images of their bodies pointing at the
 * library where `media` knows them; a scheduled post goes in both channels, as Ghee keeps those, and
 * its first version of history is kept. A slug the account has is left alone. Returns how many
 * posts were created.
 */
export async function copyPosts(
  trx: Transaction<Database>,
  accountId: number,
  posts: Map<string, Channels>,
  media: (url: string) => string | undefined,
  now = new Date(),
): Promise<number> {
  const ids = async (table: 'authors' | 'categories' | 'tags') =>
    new Map(
      (
        await trx
          .selectFrom(table as 'categories')
          .select(['id', 'slug'])
          .where('account_id', '=', accountId)
          .execute()
      ).map((r) => [r.slug, r.id]),
    );
  const [authors, categories, tags] = await Promise.all([ids('authors'), ids('categories'), ids('tags')]);
  const owner = await trx
    .selectFrom('authors')
    .select('id')
    .where('account_id', '=', accountId)
    .where('is_default', '=', 1)
    .executeTakeFirstOrThrow();
  let created = 0;
  for (const slug of [...posts.keys()].sort()) {
    const channels = posts.get(slug)!;
    if (
      await trx
        .selectFrom('posts')
        .select('id')
        .where('account_id', '=', accountId)
        .where('slug', '=', slug)
        .executeTakeFirst()
    )
      continue;
    const first = (channels.published ?? channels.latest)!;
    const { id } = await trx
      .insertInto('posts')
      .values({ account_id: accountId, slug, created: str(first.created) || str(first.updated) })
      .returning('id')
      .executeTakeFirstOrThrow();
    const scheduled = channels.latest?.status === 'scheduled' && !channels.published;
    const writes: [PostChannel, ApiObject][] = [];
    if (channels.published) writes.push(['published', channels.published]);
    else if (scheduled) writes.push(['published', channels.latest!]);
    if (channels.latest) writes.push(['latest', channels.latest]);
    for (const [channel, post] of writes) {
      const termIds = (list: unknown, map: Map<string, number>) =>
        Array.isArray(list) ? list.map((t) => map.get(t?.slug)).filter((n): n is number => n !== undefined) : [];
      const image = str(post.featured_image);
      await savePostVersion(trx, id, channel, {
        status: (['draft', 'published', 'scheduled'].includes(post.status) ? post.status : 'published') as PostStatus,
        author_id: authors.get(post.author?.slug) ?? owner.id,
        title: str(post.title),
        body: await sanitizeImportedBody(rewriteHtmlImages(str(post.body), media), `post ${slug} (${channel})`),
        summary: str(post.summary),
        seo_title: str(post.seo_title),
        meta_description: str(post.meta_description),
        featured_image: image ? (media(image) ?? image) : '',
        featured_image_alt: str(post.featured_image_alt),
        updated: str(post.updated) || str(post.created),
        published: post.published ?? null,
        scheduled: post.scheduled ?? null,
        categoryIds: termIds(post.categories, categories),
        tagIds: termIds(post.tags, tags),
      });
    }
    // Its first version of history, by the import, with the post.
    await recordPostHistory(trx, accountId, importActor('import-butter'), id, 'create', { now });
    created++;
  }
  if (created) await recordChange(trx, accountId, [BLOG_TAG]);
  return created;
}
