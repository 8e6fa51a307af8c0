import type { Kysely } from 'kysely';
import { recordChange } from '../../cache/content-changes.js';
import type { MediaIngester } from '../../media/media-ingester.js';
import { errors, postMessages as m } from '../../errors/index.js';
import { ingestRequests } from '../../media/ingest-requests.js';
import type { Database } from '../../store/tables.js';
import { isForeignKeyViolation } from '../../store/foreign-key-violation.js';
import { isUniqueViolation } from '../../store/unique-violation.js';
import { isoMicro } from '../../time.js';
import { limitMessage } from '../../content/write/html-limits.js';
import { sanitizeValues } from '../../content/write/sanitize-values.js';
import { findAuthor, defaultAuthor } from '../authors/author-store.js';
import { BLOG_TAG } from '../blog-tag.js';
import { resolveTermNames, termIdsOf } from '../terms/term-store.js';
import { planStatus, type VersionRow } from './plan-status.js';
import type { PostInput } from './post-input.js';
import { deletePostVersion, savePostVersion } from './save-post-version.js';
import { enqueuePostEvents } from '../../webhooks/post-events.js';
import type { Actor } from '../../audit/actor.js';
import { recordPostHistory } from '../../history/record-post.js';

/** A post write: a new post, or a change to the post addressed by `slug`. */
export interface PostWrite {
  accountId: number;
  intent: 'create' | 'update';
  /** Update: the slug in the path. */
  slug?: string;
  input: PostInput;
  /** Field errors found while parsing the body; reported together with the others. */
  errors?: Record<string, string[]>;
}

/** What a post write needs besides its input. */
export interface PostWriteOptions {
  now: Date;
  /** Who writes: named by the version and the audit record. */
  actor: Actor;
  /** A restore: the version the write brings back (kept in the new version). */
  restoredFrom?: number;
  /** Downloads the featured image into the media store; absent (CLI, seed), URLs are stored as given. */
  ingestMedia?: MediaIngester;
}

/**
 * Validates and stores a post write in one transaction: the author, the slug (free, not
 * reserved), the status rules (plan-status.ts), categories and tags created on first use, the
 * featured image in the media store. Only the keys sent change (PATCH and PUT alike). Every
 * failing field is reported at once; nothing is stored then. Records the change for the caches.
 */
export async function writePost(
  db: Kysely<Database>,
  w: PostWrite,
  options: PostWriteOptions,
  retried = false,
): Promise<{ id: number }> {
  const found: Record<string, string[]> = structuredClone(w.errors ?? {});
  const add = (path: string, message: string) => void (found[path] ??= []).push(message);
  const input = { ...w.input };
  if (w.intent === 'create') {
    if (input.title === undefined && !found.title) add('title', m.required);
    if (input.slug === undefined && !found.slug) add('slug', m.required);
  } else if (!(await findPost(db, w.accountId, w.slug!))) {
    throw errors.postNotFound(); // before any download (docs/api.md §9: lookup before validation)
  }
  if (input.body !== undefined) {
    // Sanitised here, off the event loop when it is long, rather than while the body is parsed.
    const [outcome] = await sanitizeValues([input.body]);
    if ('html' in outcome!) input.body = outcome.html;
    else add('body', limitMessage(outcome!));
  }
  if (input.featured_image) {
    // Checked first, and downloaded only when nothing else is wrong (the body included).
    const request = {
      path: 'featured_image',
      url: input.featured_image,
      assign: (stored: string) => void (input.featured_image = stored),
    };
    await ingestRequests([request], found, options.ingestMedia);
  }
  const now = isoMicro(options.now);
  try {
    return await db.transaction().execute(async (trx) => {
      const post = w.intent === 'update' ? await findPost(trx, w.accountId, w.slug!) : undefined;
      if (w.intent === 'update' && !post) throw errors.postNotFound();
      const versions = post
        ? await trx.selectFrom('post_versions').selectAll().where('post_id', '=', post.id).execute()
        : [];
      const latest = versions.find((v) => v.channel === 'latest');
      const current = { latest, published: versions.find((v) => v.channel === 'published') };
      const authorId = await authorOf(trx, w.accountId, input, latest, add);
      const slug = input.slug ?? post?.slug;
      if (input.slug !== undefined && input.slug !== post?.slug && (await findPost(trx, w.accountId, input.slug)))
        add('slug', m.slugTaken);
      // A `scheduled` that failed to parse has said so already; the status rules add nothing to it.
      const plan = planStatus(input, current, now, (path, message) => (found[path] ? undefined : add(path, message)));
      if (Object.keys(found).length || !plan || authorId === null || slug === undefined) throw errors.validation(found);

      const postId = post
        ? post.id
        : (
            await trx
              .insertInto('posts')
              .values({ account_id: w.accountId, slug, created: now })
              .returning('id')
              .executeTakeFirstOrThrow()
          ).id;
      if (post && slug !== post.slug) await trx.updateTable('posts').set({ slug }).where('id', '=', postId).execute();
      const version = {
        author_id: authorId,
        title: input.title ?? latest?.title ?? '',
        body: input.body ?? latest?.body ?? '',
        summary: input.summary ?? latest?.summary ?? '',
        seo_title: input.seo_title ?? latest?.seo_title ?? '',
        meta_description: input.meta_description ?? latest?.meta_description ?? '',
        featured_image: input.featured_image ?? latest?.featured_image ?? '',
        featured_image_alt: input.featured_image_alt ?? latest?.featured_image_alt ?? '',
        updated: now,
        status: plan.status,
        published: plan.published,
        scheduled: plan.scheduled,
        categoryIds: input.categories
          ? await resolveTermNames(trx, 'categories', w.accountId, input.categories)
          : post
            ? await termIdsOf(trx, 'categories', postId, 'latest')
            : [],
        tagIds: input.tags
          ? await resolveTermNames(trx, 'tags', w.accountId, input.tags)
          : post
            ? await termIdsOf(trx, 'tags', postId, 'latest')
            : [],
      };
      if (plan.unschedule) await deletePostVersion(trx, postId, 'published');
      if (input.unpublishAt !== undefined)
        await trx.updateTable('posts').set({ unpublish_at: input.unpublishAt }).where('id', '=', postId).execute();
      for (const channel of plan.channels) await savePostVersion(trx, postId, channel, version);
      // A scheduled post is not live yet: a draft to receivers until the scheduler publishes it.
      await enqueuePostEvents(trx, w.accountId, plan.status === 'published' ? 'post.published' : 'post.draft', [
        postId,
      ]);
      await recordPostHistory(trx, w.accountId, options.actor, postId, postAction(w, plan.status, options), {
        now: options.now,
        restoredFrom: options.restoredFrom,
      });
      await recordChange(trx, w.accountId, [BLOG_TAG]);
      return { id: postId };
    });
  } catch (error) {
    // Two writes of one new slug at once: the unique index decides, the loser gets the field error.
    if (isUniqueViolation(error)) throw errors.validation({ slug: [m.slugTaken] });
    // What this write links went meanwhile (PostgreSQL): an unused category or tag it names was
    // deleted (terms/delete-term.ts), or the post itself. Once more, it creates the term anew or 404s.
    if (isForeignKeyViolation(error) && !retried) return writePost(db, w, options, true);
    throw error;
  }
}

/** The audit record's action of a post write. */
function postAction(w: PostWrite, status: string, options: PostWriteOptions): string {
  if (options.restoredFrom !== undefined) return 'restore';
  if (w.intent === 'create') return 'create';
  if (w.input.status === 'scheduled' && status === 'scheduled') return 'schedule';
  return w.input.status === 'published' && status === 'published' ? 'publish' : 'update';
}

function findPost(db: Kysely<Database>, accountId: number, slug: string) {
  if (slug.includes('\u0000')) return Promise.resolve(undefined);
  return db
    .selectFrom('posts')
    .select(['id', 'slug'])
    .where('account_id', '=', accountId)
    .where('slug', '=', slug)
    .executeTakeFirst();
}

/** The author a write names, the current one when it names none, else the account's default. */
async function authorOf(
  db: Kysely<Database>,
  accountId: number,
  input: PostInput,
  latest: VersionRow | undefined,
  add: (p: string, msg: string) => void,
): Promise<number | null> {
  if (input.author) {
    const author = await findAuthor(db, accountId, input.author);
    if (author) return author.id;
    add('author', 'email' in input.author ? m.noAuthorEmail(input.author.email) : m.noAuthorSlug(input.author.slug));
    return null;
  }
  if (latest) return latest.author_id;
  const owner = await defaultAuthor(db, accountId);
  if (!owner) throw new Error(`account ${accountId} has no default author`);
  return owner.id;
}
