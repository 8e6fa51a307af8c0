import type { Kysely, RawBuilder } from 'kysely';
import type { Database } from '../../store/tables.js';

// The stored content of an account whose text holds a file's hash: the candidates that
// where-used and replace then read exactly (media-refs.ts). A hash is 64 hex digits, so the LIKE
// pattern needs no escaping and matches nothing by chance. Read a batch of entries or posts at
// a time, so the work of one call is bounded in memory however much content uses a file.

const BATCH = 100;

/** A current version (published or latest, any locale) of a page or item, with what its use names. */
export interface MentioningVersion {
  entry_id: number;
  type_id: number;
  slug: string | null;
  locale: string;
  channel: 'published' | 'latest';
  status: 'draft' | 'published';
  name: string;
  fields: string;
  updated: string;
  published: string | null;
  scheduled: string | null;
}

/** A post version (published or latest) whose body or featured image holds the hash. */
export interface MentioningPost {
  id: number;
  slug: string;
  channel: 'published' | 'latest';
  status: string;
  title: string;
  body: string;
  featured_image: string;
}

/**
 * The account's entry versions whose fields hold `hash`, a batch of entries at a time, in entry
 * order. `lock` (the dialect's `for update`) holds them for a rewrite in the same transaction.
 */
export async function* versionsMentioning(
  db: Kysely<Database>,
  accountId: number,
  hash: string,
  lock?: RawBuilder<unknown>,
): AsyncGenerator<MentioningVersion[]> {
  const pattern = `%${hash}%`;
  for (let after = 0; ;) {
    const ids = await db
      .selectFrom('entry_versions as v')
      .innerJoin('entries as e', 'e.id', 'v.entry_id')
      .select('v.entry_id')
      .distinct()
      .where('e.account_id', '=', accountId)
      .where('v.entry_id', '>', after)
      .where('v.fields', 'like', pattern)
      .orderBy('v.entry_id')
      .limit(BATCH)
      .execute();
    if (ids.length === 0) return;
    let query = db
      .selectFrom('entry_versions as v')
      .innerJoin('entries as e', 'e.id', 'v.entry_id')
      .select(['v.entry_id', 'e.type_id', 'e.slug', 'v.locale', 'v.channel', 'v.status', 'v.name', 'v.fields'])
      .select(['v.updated', 'v.published', 'v.scheduled'])
      .where(
        'v.entry_id',
        'in',
        ids.map((r) => r.entry_id),
      )
      .where('v.fields', 'like', pattern)
      .orderBy('v.entry_id')
      .orderBy('v.locale')
      .orderBy('v.channel');
    if (lock) query = query.modifyEnd(lock);
    yield await query.execute();
    after = ids[ids.length - 1]!.entry_id;
  }
}

/** The account's post versions whose body or featured image holds `hash`, a batch of posts at a time. */
export async function* postsMentioning(
  db: Kysely<Database>,
  accountId: number,
  hash: string,
  lock?: RawBuilder<unknown>,
): AsyncGenerator<MentioningPost[]> {
  const pattern = `%${hash}%`;
  for (let after = 0; ;) {
    const ids = await db
      .selectFrom('post_versions as v')
      .innerJoin('posts as p', 'p.id', 'v.post_id')
      .select('p.id')
      .distinct()
      .where('p.account_id', '=', accountId)
      .where('p.id', '>', after)
      .where((eb) => eb.or([eb('v.body', 'like', pattern), eb('v.featured_image', 'like', pattern)]))
      .orderBy('p.id')
      .limit(BATCH)
      .execute();
    if (ids.length === 0) return;
    let query = db
      .selectFrom('post_versions as v')
      .innerJoin('posts as p', 'p.id', 'v.post_id')
      .select(['p.id', 'p.slug', 'v.channel', 'v.status', 'v.title', 'v.body', 'v.featured_image'])
      .where(
        'p.id',
        'in',
        ids.map((r) => r.id),
      )
      .where((eb) => eb.or([eb('v.body', 'like', pattern), eb('v.featured_image', 'like', pattern)]))
      .orderBy('p.id')
      .orderBy('v.channel');
    if (lock) query = query.modifyEnd(lock);
    yield await query.execute();
    after = ids[ids.length - 1]!.id;
  }
}

/**
 * True when content may still use the file: an entry or a post outside `exceptAccount` (of every
 * account when null), or any author's picture (where-used does not list those), holds its hash.
 * Its bytes must stay then.
 */
export async function mentionedElsewhere(
  db: Kysely<Database>,
  hash: string,
  exceptAccount: number | null,
): Promise<boolean> {
  const pattern = `%${hash}%`;
  const others = exceptAccount !== null;
  const entry = await db
    .selectFrom('entry_versions as v')
    .innerJoin('entries as e', 'e.id', 'v.entry_id')
    .select('v.entry_id')
    .where('v.fields', 'like', pattern)
    .$if(others, (q) => q.where('e.account_id', '!=', exceptAccount!))
    .limit(1)
    .executeTakeFirst();
  if (entry) return true;
  const post = await db
    .selectFrom('post_versions as v')
    .innerJoin('posts as p', 'p.id', 'v.post_id')
    .select('p.id')
    .where((eb) => eb.or([eb('v.body', 'like', pattern), eb('v.featured_image', 'like', pattern)]))
    .$if(others, (q) => q.where('p.account_id', '!=', exceptAccount!))
    .limit(1)
    .executeTakeFirst();
  if (post) return true;
  const author = await db
    .selectFrom('authors')
    .select('id')
    .where('profile_image', 'like', pattern)
    .limit(1)
    .executeTakeFirst();
  return author !== undefined;
}
