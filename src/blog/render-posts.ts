import type { Kysely } from 'kysely';
import { withLibraryAlt } from '../media/library/library-alt.js';
import type { Database } from '../store/tables.js';
import { authorObject } from './authors/author-object.js';
import { authorsById } from './authors/author-store.js';
import { postObject, type MediaBase } from './post-object.js';
import type { BlogScope, PostRow } from './post-rows.js';
import { termsOfPosts } from './terms/term-store.js';

/** How posts are rendered for one answer. */
export interface RenderOptions extends MediaBase {
  /** False for `exclude_body=true`. */
  body?: boolean;
  /** Post details, search results and recent_posts carry `"deleted": null` (docs/api.md §8). */
  deleted?: boolean;
  /**
   * A post without alt text of its own reads with the library's alt text of its featured image
   * (true unless false): readers get it, an editor's form (false) shows the post's own.
   */
  libraryAlt?: boolean;
}

/**
 * Renders post rows as post objects, in their order: authors, categories and tags of all the
 * rows are read in one query each, whatever the number of posts.
 */
export async function renderPosts(
  db: Kysely<Database>,
  scope: BlogScope,
  rows: PostRow[],
  options: RenderOptions,
): Promise<Record<string, unknown>[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const described = options.libraryAlt === false ? rows : await withLibraryAlt(db, scope.accountId, rows, options);
  const [authors, categories, tags] = await Promise.all([
    authorsById(
      db,
      rows.map((r) => r.author_id),
    ),
    termsOfPosts(db, 'categories', ids, scope.channel),
    termsOfPosts(db, 'tags', ids, scope.channel),
  ]);
  return described.map((row) => {
    const post = postObject(
      row,
      {
        author: authorObject(authors.get(row.author_id)!),
        tags: tags.get(row.id) ?? [],
        categories: categories.get(row.id) ?? [],
      },
      {
        publicUrl: options.publicUrl,
        mediaPublicUrl: options.mediaPublicUrl,
        now: scope.now,
        body: options.body !== false,
        preview: scope.channel === 'latest',
      },
    );
    return options.deleted ? { ...post, deleted: null } : post;
  });
}
