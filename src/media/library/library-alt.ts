import type { Kysely } from 'kysely';
import type { Database } from '../../store/tables.js';
import { altTexts } from '../media-table.js';
import { findMediaRefs, type MediaBases } from './media-refs.js';

/** What a post read needs to fall back on the library: its featured image and its own alt text. */
interface FeaturedImage {
  featured_image: string;
  featured_image_alt: string;
}

/**
 * The posts with their `featured_image_alt` filled in from the account's library where they have
 * none of their own and their featured image is a library file the account has described. One
 * query for all of them; the posts are not changed.
 */
export async function withLibraryAlt<T extends FeaturedImage>(
  db: Kysely<Database>,
  accountId: number,
  posts: T[],
  urls: MediaBases,
): Promise<T[]> {
  const fileOf = (post: T): string | null => {
    if (post.featured_image_alt || !post.featured_image) return null;
    const [ref] = findMediaRefs(post.featured_image, urls);
    return ref && ref.start === 0 && ref.end === post.featured_image.length ? ref.file.name : null;
  };
  const names = [...new Set(posts.map(fileOf).filter((n): n is string => n !== null))];
  if (names.length === 0) return posts;
  const alts = await altTexts(db, accountId, names);
  return posts.map((post) => {
    const alt = alts.get(fileOf(post) ?? '');
    return alt ? { ...post, featured_image_alt: alt } : post;
  });
}
