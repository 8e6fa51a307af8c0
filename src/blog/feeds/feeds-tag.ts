/**
 * The cache tag of the feeds (src/cache/tags.ts), besides `blog`: they also show the account's
 * site settings, whose changes record only this tag, so other blog answers stay cached.
 */
export const FEEDS_TAG = 'feeds';
