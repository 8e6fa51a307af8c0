// ButterCMS's event names, kept as they are so existing receivers work unchanged.

/** Every specific event a webhook can receive. */
export const EVENTS = [
  'page.published', 'page.draft', 'page.unpublished', 'page.delete',
  'collectionitem.published', 'collectionitem.draft', 'collectionitem.unpublished', 'collectionitem.delete',
  'post.published', 'post.draft', 'post.delete',
] as const;

/** A specific event name. */
export type EventName = (typeof EVENTS)[number];

/** The catch-alls: `page.all` receives every `page.*` event, and so on. */
export const CATCH_ALLS = ['page.all', 'collectionitem.all', 'post.all'] as const;

/** What a webhook may subscribe to. */
export const SUBSCRIBABLE: readonly string[] = [...EVENTS, ...CATCH_ALLS];

/** True when a webhook subscribed to `subscribed` receives `event`. */
export function subscribes(subscribed: readonly string[], event: string): boolean {
  const family = event.slice(0, event.indexOf('.'));
  return subscribed.includes(event) || subscribed.includes(`${family}.all`);
}

/** The stored form of a subscription list (comma-separated). */
export function joinEvents(events: readonly string[]): string {
  return [...new Set(events)].join(',');
}

/** A stored subscription list back as names. */
export function splitEvents(stored: string): string[] {
  return stored ? stored.split(',') : [];
}
