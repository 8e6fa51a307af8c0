import type { Selectable } from 'kysely';
import type { PostChannel, PostStatus, PostVersionsTable } from '../../store/blog-tables.js';
import { effectiveState } from '../post-rows.js';
import type { PostInput } from './post-input.js';
import { postMessages as m } from '../../errors/index.js';

/** A stored post version, as the status rules read it. */
export type VersionRow = Selectable<PostVersionsTable>;

/** Where and how a post write stores its version. */
export interface StatusPlan {
  channels: PostChannel[];
  status: PostStatus;
  published: string | null;
  scheduled: string | null;
  /** Drop the version readers would see (a scheduled post set back to draft is no longer scheduled). */
  unschedule: boolean;
}

/**
 * The status rules of post writes, as for pages plus scheduling:
 * - `published` writes both channels; `published` is the first publication time and stays.
 * - `draft` writes only the latest version: a published post stays visible as it was (draft over
 *   published); a post that was only scheduled is unscheduled.
 * - `scheduled` (with `scheduled`, or the time it already has) writes both channels; readers see
 *   it from that time on. A time already past publishes it at once, with that time. On a post
 *   that is already visible it writes only the newest version, which replaces the published one
 *   at that time (src/blog/scheduler/publish-due.ts); until then readers keep the published one.
 * - `unpublish_at` must be in the future, and later than the time the post is scheduled for.
 * - no `status` keeps the current one (a new post is a draft).
 * Returns null after adding the field errors when the body asks for something impossible.
 */
export function planStatus(
  input: PostInput,
  current: { latest?: VersionRow; published?: VersionRow },
  now: string,
  add: (path: string, message: string) => void,
): StatusPlan | null {
  const live = current.published ? effectiveState(current.published, now) : null;
  if (input.unpublishAt && input.unpublishAt <= now) return (add('unpublish_at', m.futureTime), null);
  const isLive = live?.status === 'published';
  const target = input.status ?? (current.latest ? effectiveState(current.latest, now).status : 'draft');
  if (target !== 'scheduled') {
    if (input.scheduled !== undefined) return (add('scheduled', m.scheduledNeedsStatus), null);
    if (target === 'published') {
      return {
        channels: ['published', 'latest'],
        status: 'published',
        published: live?.published ?? now,
        scheduled: isLive ? live.scheduled : null,
        unschedule: false,
      };
    }
    return {
      channels: ['latest'],
      status: 'draft',
      published: isLive ? live.published : null,
      scheduled: null,
      unschedule: Boolean(current.published) && !isLive,
    };
  }
  const at = input.scheduled ?? (current.latest?.status === 'scheduled' ? current.latest.scheduled : null);
  if (at === null) return (add('scheduled', m.required), null);
  if (input.unpublishAt && input.unpublishAt <= at) return (add('unpublish_at', m.afterScheduled), null);
  if (isLive) {
    if (at <= now)
      return {
        channels: ['published', 'latest'],
        status: 'published',
        published: live.published,
        scheduled: at,
        unschedule: false,
      };
    return { channels: ['latest'], status: 'scheduled', published: live.published, scheduled: at, unschedule: false };
  }
  // Due already: stored as the scheduler would leave it, so reads before and after agree.
  if (at <= now)
    return { channels: ['published', 'latest'], status: 'published', published: at, scheduled: at, unschedule: false };
  return { channels: ['published', 'latest'], status: 'scheduled', published: null, scheduled: at, unschedule: false };
}
