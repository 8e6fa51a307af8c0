import { createAuthor } from '../blog/authors/create-author.js';
import { parsePostInput } from '../blog/write/post-input.js';
import { writePost } from '../blog/write/write-post.js';
import type { Store } from '../store/database.js';
import { isoMicro } from '../time.js';
import { demoAuthor, demoPosts } from './demo-post-content.js';
import { importActor } from '../audit/actor.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The demo account's blog: its second author and the demo posts, written through the same
 * operation as the write API. A published post is written "at" its publication date, so the
 * demo's order is fixed; the scheduled one is due thirty days after seeding.
 */
export async function seedDemoPosts(store: Store, accountId: number, now = new Date()): Promise<void> {
  await createAuthor(store.db, accountId, demoAuthor, now);
  const owner = await store.db
    .selectFrom('authors')
    .select('slug')
    .where('account_id', '=', accountId)
    .where('is_default', '=', 1)
    .executeTakeFirstOrThrow();
  for (const post of demoPosts) {
    const at = post.when === 'scheduled' || post.when === 'draft' ? now : new Date(post.when);
    const status = post.when === 'scheduled' ? 'scheduled' : post.when === 'draft' ? 'draft' : 'published';
    // The body a client would send, checked and sanitised as the API does.
    const { input, errors } = parsePostInput({
      slug: post.slug,
      title: post.title,
      status,
      author: { slug: post.author === 'demo' ? owner.slug : post.author },
      categories: post.categories,
      tags: post.tags,
      summary: post.summary,
      body: post.body,
      seo_title: post.title,
      meta_description: post.summary,
      featured_image: '',
      featured_image_alt: '',
      ...(status === 'scheduled' && { scheduled: isoMicro(new Date(now.getTime() + 30 * DAY_MS)) }),
    });
    await writePost(store.db, { accountId, intent: 'create', input, errors }, { now: at, actor: importActor('demo') });
  }
}
