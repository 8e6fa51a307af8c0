import { parseDateTime } from '../../blog/write/parse-date-time.js';
import { messages } from '../../errors/index.js';
import type { Channel } from '../entry-rows.js';

/** A status a write may ask for (docs/api.md §13): scheduled waits for its time as a draft. */
export type EntryStatus = 'draft' | 'published' | 'scheduled';

/** What a write says of its timing, as sent: checked by `readTiming`. */
export interface TimingInput {
  status?: EntryStatus;
  /** `scheduled` as sent (an ISO 8601 date-time with a zone). */
  scheduled?: unknown;
  /** `unpublish_at` as sent: a date-time, or null to clear it. */
  unpublishAt?: unknown;
}

/** The checked times of a write: store form, or undefined when not sent (null: clear). */
export interface Timing {
  scheduled?: string;
  unpublishAt?: string | null;
}

/** A stored newest version, as far as its timing goes. */
export interface TimedVersion {
  status: 'draft' | 'published';
  scheduled: string | null;
}

/** Where and how one locale's version is stored. */
export interface LocalePlan {
  channels: readonly Channel[];
  status: 'draft' | 'published';
  /** The time the version waits for (a draft) or was published at by a schedule. */
  scheduled: string | null;
  /** The audit action of the write in this locale. */
  action: 'publish' | 'schedule' | 'update';
}

/** The status a stored newest version stands for: a draft with a time is scheduled. */
export function effectiveStatus(v: TimedVersion): EntryStatus {
  return v.status === 'draft' && v.scheduled !== null ? 'scheduled' : v.status;
}

/**
 * Parses the times of a write, adding field errors (`prefix` + `scheduled` / `unpublish_at`)
 * for what is not a date-time with a zone, or an `unpublish_at` not in the future.
 */
export function readTiming(input: TimingInput, now: string, add: (path: string, message: string) => void): Timing {
  const out: Timing = {};
  if (input.scheduled !== undefined) {
    const at = typeof input.scheduled === 'string' ? parseDateTime(input.scheduled) : null;
    if (at === null) add('scheduled', messages.dateTime);
    else out.scheduled = at;
  }
  if (input.unpublishAt === null) out.unpublishAt = null;
  else if (input.unpublishAt !== undefined) {
    const at = typeof input.unpublishAt === 'string' ? parseDateTime(input.unpublishAt) : null;
    if (at === null) add('unpublish_at', messages.dateTime);
    else if (at <= now) add('unpublish_at', messages.futureTime);
    else out.unpublishAt = at;
  }
  return out;
}

/**
 * The status rules of a page or item write in one locale, as for posts (docs/api.md §13):
 * - `published` writes both channels, now; `draft` only the newest version (a published one
 *   stays readable as it was), and drops any schedule.
 * - `scheduled` needs a time, sent or already waiting; a time already past publishes at once,
 *   with that time. A later one keeps the newest version a draft waiting for it, and leaves the
 *   published version (if any) readable until then.
 * - no status keeps the version's own (a new locale takes `fallback`, the entry's).
 * Returns a field path and message instead when the write asks for something impossible.
 */
export function planLocale(
  requested: EntryStatus | undefined,
  timing: Timing,
  latest: TimedVersion | undefined,
  fallback: TimedVersion | undefined,
  now: string,
): LocalePlan | { path: string; message: string } {
  const current = latest ?? fallback;
  const target = requested ?? (current ? effectiveStatus(current) : 'draft');
  if (target !== 'scheduled') {
    if (timing.scheduled !== undefined) return { path: 'scheduled', message: messages.scheduledNeedsStatus };
    if (target === 'published') return { channels: PUBLISH, status: 'published', scheduled: null, action: 'publish' };
    return { channels: DRAFT, status: 'draft', scheduled: null, action: 'update' };
  }
  const waiting = current && effectiveStatus(current) === 'scheduled' ? current.scheduled : null;
  const at = timing.scheduled ?? waiting;
  if (at === null) return { path: 'scheduled', message: messages.required };
  if (timing.unpublishAt && timing.unpublishAt <= at) return { path: 'unpublish_at', message: messages.afterScheduled };
  // Due already: stored as the scheduler would leave it, so reads before and after agree.
  if (at <= now) return { channels: PUBLISH, status: 'published', scheduled: at, action: 'publish' };
  return { channels: DRAFT, status: 'draft', scheduled: at, action: 'schedule' };
}

const PUBLISH = ['published', 'latest'] as const;
const DRAFT = ['latest'] as const;
