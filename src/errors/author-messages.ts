import { userMessages } from './user-messages.js';

// Why a blog author cannot be created as asked (`ghee author create`, the seed): the CLI's error
// line (src/blog/authors/create-author.ts's AuthorInputError carries it).
export const authorMessages = {
  firstNameRequired: 'An author needs a first name',
  notEmail: userMessages.notEmail,
  slugFormat: (slug: string) => `"${slug}" is not a valid slug: lowercase letters, digits and hyphens, at most 200`,
  emailTaken: (email: string) => `An author with email "${email}" already exists in this account`,
  slugTaken: (slug: string) => `An author with slug "${slug}" already exists in this account`,
  /** Another writer took one of them between the check and the insert. */
  slugOrEmailTaken: (slug: string, email: string) =>
    `An author with slug "${slug}" or email "${email}" already exists in this account`,
} as const;
