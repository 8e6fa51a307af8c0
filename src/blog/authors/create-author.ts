import type { Kysely } from 'kysely';
import { recordChange } from '../../cache/content-changes.js';
import { authorMessages } from '../../errors/index.js';
import { BLOG_TAG } from '../blog-tag.js';
import { PAGE_SLUG } from '../../content/write/find-entry.js';
import { isUniqueViolation } from '../../store/unique-violation.js';
import type { Database } from '../../store/tables.js';
import { isoMicro } from '../../time.js';
import { slugify } from '../slugify.js';
import type { AuthorRow } from './author-object.js';

/** Why an author cannot be created as asked, in words for the CLI. */
export class AuthorInputError extends Error {}

/** A new author; the slug defaults to the name's (`first-last`, made unique with `-2`, `-3`...). */
export interface NewAuthor {
  firstName: string;
  lastName: string;
  email: string;
  slug?: string;
  bio?: string;
  title?: string;
  linkedinUrl?: string;
  facebookUrl?: string;
  instagramUrl?: string;
  pinterestUrl?: string;
  twitterHandle?: string;
  profileImage?: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Adds an author to an account (`ghee author create`, the seed). Emails are stored lowercased. */
export async function createAuthor(
  db: Kysely<Database>,
  accountId: number,
  input: NewAuthor,
  now = new Date(),
): Promise<AuthorRow> {
  const firstName = input.firstName.trim();
  const email = input.email.trim().toLowerCase();
  if (!firstName) throw new AuthorInputError(authorMessages.firstNameRequired);
  if (!EMAIL.test(email) || email.length > 254) throw new AuthorInputError(authorMessages.notEmail(input.email));
  if (input.slug !== undefined && (!PAGE_SLUG.test(input.slug) || input.slug.length > 200))
    throw new AuthorInputError(authorMessages.slugFormat(input.slug));
  const taken = await db.selectFrom('authors').select(['slug', 'email']).where('account_id', '=', accountId).execute();
  if (taken.some((a) => a.email === email)) throw new AuthorInputError(authorMessages.emailTaken(email));
  const slugs = new Set(taken.map((a) => a.slug));
  if (input.slug !== undefined && slugs.has(input.slug))
    throw new AuthorInputError(authorMessages.slugTaken(input.slug));
  const slug = input.slug ?? freeSlug(slugify(`${firstName} ${input.lastName}`.slice(0, 190), 'author'), slugs);
  try {
    // With its cache change in one transaction: cached author lists show the new author at once.
    return await db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('authors')
        .values({
          account_id: accountId,
          slug,
          first_name: firstName,
          last_name: input.lastName.trim(),
          email,
          bio: input.bio ?? '',
          title: input.title ?? '',
          linkedin_url: input.linkedinUrl ?? '',
          facebook_url: input.facebookUrl ?? '',
          instagram_url: input.instagramUrl ?? '',
          pinterest_url: input.pinterestUrl ?? '',
          twitter_handle: input.twitterHandle ?? '',
          profile_image: input.profileImage ?? '',
          is_default: 0,
          created: isoMicro(now),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordChange(trx, accountId, [BLOG_TAG]);
      return row;
    });
  } catch (error) {
    // Another process created the same slug or email between the check and the insert.
    if (isUniqueViolation(error)) throw new AuthorInputError(authorMessages.slugOrEmailTaken(slug, email));
    throw error;
  }
}

/**
 * The default author of a new account: its owner, named after the account, with the owner's
 * email and the account's slug. Called in the transaction that creates the account, so no
 * account is ever without one.
 */
export async function createDefaultAuthor(db: Kysely<Database>, accountId: number): Promise<void> {
  const account = await db
    .selectFrom('accounts')
    .select(['slug', 'name', 'owner_email', 'created'])
    .where('id', '=', accountId)
    .executeTakeFirstOrThrow();
  await db
    .insertInto('authors')
    .values({
      account_id: accountId,
      slug: account.slug,
      first_name: account.name,
      last_name: '',
      email: account.owner_email.toLowerCase(),
      bio: '',
      title: '',
      linkedin_url: '',
      facebook_url: '',
      instagram_url: '',
      pinterest_url: '',
      twitter_handle: '',
      profile_image: '',
      is_default: 1,
      created: account.created,
    })
    .execute();
}

function freeSlug(base: string, taken: Set<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
