import { GheeError } from './ghee-error.js';

// The trash's refusals (/v2/trash/, the admin API's .../trash, `ghee trash`, docs/api.md §12.2).
// Worded without `?` or `--`, so one text serves the query and the flag.
export const trashErrors = {
  badKind: () => new GheeError('invalid_trash_filter', 'kind should be page, item or post'),
  badOlderThan: () =>
    new GheeError('invalid_trash_filter', 'older_than_days should be a whole number of days, 0 or more'),
  pageSlugTaken: (slug: string) => new GheeError('trash_restore_conflict', `A page with slug '${slug}' already exists`),
  postSlugTaken: (slug: string) => new GheeError('trash_restore_conflict', `A post with slug '${slug}' already exists`),
  /** `what`: `page type`, `single page` or `collection`; `entry`: `page` or `item`. */
  typeGone: (what: string, key: string, entry: string) =>
    new GheeError(
      'trash_restore_conflict',
      `The ${what} '${key}' no longer exists: add it back to the schema to restore this ${entry}`,
    ),
} as const;
