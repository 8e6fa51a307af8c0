// What the server and the dashboard both say about blog posts.

/** Where a post stands: `scheduled` posts are published when their time comes. */
export const POST_STATUSES = ['draft', 'published', 'scheduled'] as const;

export type PostStatus = (typeof POST_STATUSES)[number];
