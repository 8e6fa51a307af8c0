import type { Selectable } from 'kysely';
import type { AuthorsTable } from '../../store/blog-tables.js';

/** An author as stored. */
export type AuthorRow = Selectable<AuthorsTable>;

/** The author object of docs/api.md §3, in its key order. */
export interface AuthorObject {
  first_name: string;
  last_name: string;
  email: string;
  slug: string;
  bio: string;
  title: string;
  linkedin_url: string;
  facebook_url: string;
  instagram_url: string;
  pinterest_url: string;
  twitter_handle: string;
  profile_image: string;
}

/** Shapes an author row as the API shows it. */
export function authorObject(row: AuthorRow): AuthorObject {
  return {
    first_name: row.first_name,
    last_name: row.last_name,
    email: row.email,
    slug: row.slug,
    bio: row.bio,
    title: row.title,
    linkedin_url: row.linkedin_url,
    facebook_url: row.facebook_url,
    instagram_url: row.instagram_url,
    pinterest_url: row.pinterest_url,
    twitter_handle: row.twitter_handle,
    profile_image: row.profile_image,
  };
}
