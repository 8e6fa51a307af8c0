import { authorBySlug } from '../../blog/authors/author-store.js';
import { writePost } from '../../blog/write/write-post.js';
import { errors } from '../../errors/index.js';
import type { PostHistoryFields } from '../record-post.js';
import type { VersionRow } from './version-rows.js';
import type { RestoreContext } from './versions-context.js';
import { writeWhatFits } from './write-what-fits.js';

/**
 * Writes a post's version back as its newest version through the normal write path (the status
 * rules, webhooks, caches, a new version naming `restoredFrom`, an audit record `restore`): title,
 * body, summary, SEO texts, featured image (as it was stored, nothing downloaded), categories and
 * tags (created again when gone), and the author when it still exists (else `author` is left out
 * and the current one stays). The post keeps its current slug; `published` and `scheduled` follow
 * the status asked for, as for any write.
 */
export async function restorePost(
  c: RestoreContext,
  row: VersionRow,
  status: 'draft' | 'published',
): Promise<{ leftOut: string[] }> {
  const accountId = c.schema.accountId;
  const post = await c.db
    .selectFrom('posts')
    .select(['id', 'slug'])
    .where('id', '=', row.subject_id)
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  if (!post) throw errors.postNotFound();
  const f = JSON.parse(row.fields) as PostHistoryFields;
  const leftOut: string[] = [];
  const input: Record<string, unknown> = {
    title: f.title,
    body: f.body,
    summary: f.summary,
    seo_title: f.seo_title,
    meta_description: f.meta_description,
    featured_image: f.featured_image,
    featured_image_alt: f.featured_image_alt,
    categories: f.categories,
    tags: f.tags,
  };
  if (f.author && (await authorBySlug(c.db, accountId, f.author.slug))) input.author = { slug: f.author.slug };
  else if (f.author) leftOut.push('author');
  const dropped = await writeWhatFits(input, (fields) =>
    writePost(
      c.db,
      { accountId, intent: 'update', slug: post.slug, input: { ...fields, status } },
      { now: c.now, actor: c.actor, restoredFrom: row.id },
    ),
  );
  return { leftOut: [...leftOut, ...dropped] };
}
