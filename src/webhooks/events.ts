// The event names live in src/shared/ (the dashboard offers the same); the stored form is here.
export { SUBSCRIBABLE, subscribes } from '../shared/webhook-events.js';
export type { EventName } from '../shared/webhook-events.js';

/** The stored form of a subscription list (comma-separated). */
export function joinEvents(events: readonly string[]): string {
  return [...new Set(events)].join(',');
}

/** A stored subscription list back as names. */
export function splitEvents(stored: string): string[] {
  return stored ? stored.split(',') : [];
}
