import type { AuthorObject } from './authors/author-object.js';
import { effectiveState, type PostRow } from './post-rows.js';
import type { TermObject } from './terms/term-store.js';
import { absoluteMediaInHtml, absoluteMediaUrl } from '../media/public-media-urls.js';

/** Where media stored as `/media/<name>` reads back: PUBLIC_URL, or MEDIA_PUBLIC_URL when set (as media fields do). */
export interface MediaBase {
  publicUrl: string;
  mediaPublicUrl?: string | undefined;
}

/** What a post object is built from besides its row. */
export interface PostParts {
  author: AuthorObject;
  tags: TermObject[];
  categories: TermObject[];
}

/**
 * The post object of docs/api.md §3, in its key order; `body` is left out for
 * `exclude_body`. `url` is the post's path on the site, `/<slug>`.
 */
export function postObject(
  row: PostRow,
  parts: PostParts,
  options: MediaBase & { now: string; body: boolean; preview: boolean },
): Record<string, unknown> {
  const state = effectiveState(row, options.now);
  return {
    status: state.status,
    created: row.created,
    updated: row.updated,
    published: state.published,
    scheduled: state.scheduled,
    // Ghee's: when the post goes off the air, shown to previews only (docs/api.md §13).
    ...(options.preview && { unpublish_at: row.unpublish_at }),
    title: row.title,
    slug: row.slug,
    ...(options.body && { body: absoluteMediaInHtml(row.body, options.publicUrl, options.mediaPublicUrl) }),
    summary: row.summary,
    seo_title: row.seo_title,
    meta_description: row.meta_description,
    featured_image: absoluteMediaUrl(row.featured_image, options.publicUrl, options.mediaPublicUrl),
    featured_image_alt: row.featured_image_alt,
    url: `/${row.slug}`,
    author: parts.author,
    tags: parts.tags,
    categories: parts.categories,
  };
}

/** The short post of `meta.next_post` / `meta.previous_post` (docs/api.md §8). */
export function shortPost(row: PostRow, base: MediaBase): { slug: string; title: string; featured_image: string } {
  return {
    slug: row.slug,
    title: row.title,
    featured_image: absoluteMediaUrl(row.featured_image, base.publicUrl, base.mediaPublicUrl),
  };
}
