import { isoMicro } from '../../time.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** How long a deleted page, item or post stays restorable when TRASH_DAYS is not set. */
export const DEFAULT_TRASH_DAYS = 30;

// The days in force, set once at start-up by the server and the CLI (configureTrashDays), as the
// HTML limits are, so every delete path (the /v2 and admin routes, the CLI) keeps the same.
let current = DEFAULT_TRASH_DAYS;

/** Sets the days in force (from TRASH_DAYS). */
export function configureTrashDays(days: number): void {
  current = days;
}

/** The days in force. */
export function trashDays(): number {
  return current;
}

/** When a subject deleted at `deleted` is purged for good. */
export function purgeAfter(deleted: Date): string {
  return isoMicro(new Date(deleted.getTime() + current * DAY_MS));
}

/** The instant `days` days before `now`, as stored timestamps compare. */
export function daysBefore(now: Date, days: number): string {
  return isoMicro(new Date(now.getTime() - days * DAY_MS));
}
