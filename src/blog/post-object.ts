import type { AuthorObject } from './authors/author-object.js';
import { effectiveState, type PostRow } from './post-rows.js';
import type { TermObject } from './terms/term-store.js';

/** Media stored as `/media/<name>` reads back absolute under PUBLIC_URL (as media fields do). */
export function mediaUrl(value: string, publicUrl: string): string {
  return value.startsWith('/media/') ? publicUrl + value : value;
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
  options: { publicUrl: string; now: string; body: boolean },
): Record<string, unknown> {
  const state = effectiveState(row, options.now);
  return {
    status: state.status,
    created: row.created,
    updated: row.updated,
    published: state.published,
    scheduled: state.scheduled,
    title: row.title,
    slug: row.slug,
    ...(options.body && { body: row.body }),
    summary: row.summary,
    seo_title: row.seo_title,
    meta_description: row.meta_description,
    featured_image: mediaUrl(row.featured_image, options.publicUrl),
    featured_image_alt: row.featured_image_alt,
    url: `/${row.slug}`,
    author: parts.author,
    tags: parts.tags,
    categories: parts.categories,
  };
}

/** The short post of `meta.next_post` / `meta.previous_post` (docs/api.md §8). */
export function shortPost(row: PostRow, publicUrl: string): { slug: string; title: string; featured_image: string } {
  return { slug: row.slug, title: row.title, featured_image: mediaUrl(row.featured_image, publicUrl) };
}
