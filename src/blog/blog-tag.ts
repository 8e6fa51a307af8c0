/**
 * The cache tag of every blog answer (src/cache/tags.ts): a post write, a delete or a scheduled
 * publication can move any list, neighbour, search result or feed of the account, so blog writes
 * record this one tag with their change, and blog reads carry it (src/api/blog/blog-cached.ts).
 * A scheduled post changes answers when its time comes, with no write: blog answers are kept
 * no longer than the account's next scheduled publication.
 */
export const BLOG_TAG = 'blog';
