import type { Kysely } from 'kysely';
import type { Database } from '../../store/tables.js';
import { parsePostInput } from './post-input.js';
import { writePost, type PostWriteOptions } from './write-post.js';

// The post writes of both APIs (/v2 and the dashboard's): the body's keys checked together with
// the write's own rules, every failing field at once. Deletes are deletePost (delete-post.ts).

/** Creates a post from a write body (its keys already checked against POST_BODY_KEYS). */
export async function createPost(
  db: Kysely<Database>,
  accountId: number,
  body: Record<string, unknown>,
  options: PostWriteOptions,
): Promise<{ id: number; slug: string }> {
  const { input, errors } = parsePostInput(body);
  const { id } = await writePost(db, { accountId, intent: 'create', input, errors }, options);
  return { id, slug: input.slug! };
}

/** Changes the post of `slug`: only the keys sent (PUT as PATCH, as in ButterCMS); `slug` renames it. Returns its slug now. */
export async function updatePost(
  db: Kysely<Database>,
  accountId: number,
  slug: string,
  body: Record<string, unknown>,
  options: PostWriteOptions,
): Promise<{ id: number; slug: string }> {
  const { input, errors } = parsePostInput(body);
  const { id } = await writePost(db, { accountId, intent: 'update', slug, input, errors }, options);
  return { id, slug: input.slug ?? slug };
}
