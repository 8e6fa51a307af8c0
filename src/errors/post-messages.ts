import { messages } from './field-messages.js';

// Field-level messages of post writes; the ones shared with pages come from the same catalogue.
export const postMessages = {
  ...messages,
  slugTaken: 'A post with this slug already exists.',
  slugReserved: '"search" is reserved: it would shadow /v2/posts/search/.',
  authorRef: 'Expected an object with the author\'s "email" or "slug".',
  noAuthorEmail: (email: string) => `No author with email "${email}".`,
  noAuthorSlug: (slug: string) => `No author with slug "${slug}".`,
  termTooLong: (n: number) => `Ensure this name has no more than ${n} characters.`,
  tooManyItems: (n: number) => `Ensure this list has no more than ${n} items.`,
  blankName: 'This name may not be blank.',
  scheduledNeedsStatus: 'Only a scheduled post takes a scheduled time: send "status": "scheduled" too.',
} as const;
