import type { Transaction } from 'kysely';
import type { Actor } from '../audit/actor.js';
import { recordAudit } from '../audit/record-audit.js';
import type { Database } from '../store/tables.js';
import { recordVersions } from './record-version.js';

/**
 * A post version's `fields` in history: everything a restore needs, naming the author by slug
 * and categories and tags by name, so it still means something after they are renamed or gone.
 */
export interface PostHistoryFields {
  title: string;
  body: string;
  summary: string;
  seo_title: string;
  meta_description: string;
  featured_image: string;
  featured_image_alt: string;
  author: { slug: string } | null;
  categories: string[];
  tags: string[];
  published: string | null;
  scheduled: string | null;
}

/** Keeps the post's newest version (the `latest` channel after the write) and, unless `audit` is false, its audit record. */
export async function recordPostHistory(
  trx: Transaction<Database>,
  accountId: number,
  actor: Actor,
  postId: number,
  action: string,
  options: { now: Date; restoredFrom?: number | null; audit?: boolean },
): Promise<void> {
  const row = await trx
    .selectFrom('post_versions as v')
    .innerJoin('posts as p', 'p.id', 'v.post_id')
    .leftJoin('authors as a', 'a.id', 'v.author_id')
    .select([
      'p.slug',
      'v.status',
      'v.title',
      'v.body',
      'v.summary',
      'v.seo_title',
      'v.meta_description',
      'v.featured_image',
      'v.featured_image_alt',
      'v.published',
      'v.scheduled',
      'a.slug as author_slug',
    ])
    .where('v.post_id', '=', postId)
    .where('v.channel', '=', 'latest')
    .executeTakeFirst();
  if (!row) return;
  const termNames = (table: 'post_categories' | 'post_tags', terms: 'categories' | 'tags') =>
    trx
      .selectFrom(`${table} as l`)
      .innerJoin(`${terms} as t`, 't.id', 'l.term_id')
      .select('t.name')
      .where('l.post_id', '=', postId)
      .where('l.channel', '=', 'latest')
      .orderBy('l.position')
      .execute();
  const fields: PostHistoryFields = {
    title: row.title,
    body: row.body,
    summary: row.summary,
    seo_title: row.seo_title,
    meta_description: row.meta_description,
    featured_image: row.featured_image,
    featured_image_alt: row.featured_image_alt,
    author: row.author_slug === null ? null : { slug: row.author_slug },
    categories: (await termNames('post_categories', 'categories')).map((t) => t.name),
    tags: (await termNames('post_tags', 'tags')).map((t) => t.name),
    published: row.published,
    scheduled: row.scheduled,
  };
  await recordVersions(
    trx,
    actor,
    [
      {
        accountId,
        kind: 'post',
        subjectId: postId,
        typeId: null,
        locale: '',
        status: row.status,
        name: row.title,
        slug: row.slug,
        fields: JSON.stringify(fields),
        created: action === 'create',
      },
    ],
    options,
  );
  // A change that is part of another one (a media file replaced everywhere) has that one's record.
  if (options.audit === false) return;
  await recordAudit(
    trx,
    actor,
    [
      {
        accountId,
        action,
        kind: 'post',
        targetId: postId,
        targetSlug: row.slug,
        ...(options.restoredFrom && { detail: { version: options.restoredFrom } }),
      },
    ],
    options.now,
  );
}
