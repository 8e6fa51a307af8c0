// ButterCMS's event names, kept as they are so existing receivers work unchanged; the media
// library's are Ghee's own (ButterCMS has none), in the same style.

/** Every specific event a webhook can receive. */
export const EVENTS = [
  'page.published',
  'page.draft',
  'page.unpublished',
  'page.delete',
  'collectionitem.published',
  'collectionitem.draft',
  'collectionitem.unpublished',
  'collectionitem.delete',
  'post.published',
  'post.draft',
  'post.delete',
  'media.created',
  'media.updated',
  'media.deleted',
] as const;

/** A specific event name. */
export type EventName = (typeof EVENTS)[number];

/** The catch-alls: `page.all` receives every `page.*` event, and so on. */
export const CATCH_ALLS = ['page.all', 'collectionitem.all', 'post.all', 'media.all'] as const;

/** A family of events: what comes before the dot. */
export type EventFamily = (typeof CATCH_ALLS)[number] extends `${infer F}.all` ? F : never;

/** What a webhook may subscribe to. */
export const SUBSCRIBABLE: readonly string[] = [...EVENTS, ...CATCH_ALLS];

/** The events of a family: its catch-all first, then its specific events in order. */
export function familyEvents(family: EventFamily): string[] {
  return [`${family}.all`, ...EVENTS.filter((e) => e.startsWith(`${family}.`))];
}

/** True when a webhook subscribed to `subscribed` receives `event`. */
export function subscribes(subscribed: readonly string[], event: string): boolean {
  const family = event.slice(0, event.indexOf('.'));
  return subscribed.includes(event) || subscribed.includes(`${family}.all`);
}
