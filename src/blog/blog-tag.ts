/**
 * The cache tag of every blog answer (src/cache/tags.ts): a post write, a delete or a scheduled
 * publication can move any list, neighbour, search result or feed of the account, so blog writes
 * record this one tag with their change. Blog reads do not yet add it to their answers, so they
 * are not kept in the response cache: a scheduled post changes answers when its time comes, with
 * no write to evict them then (see docs/api.md, "The blog").
 */
export const BLOG_TAG = 'blog';
