import type { Kysely } from 'kysely';
import type { Actor } from '../audit/actor.js';
import type { MediaItem } from '../shared/media.js';
import type { Database } from '../store/tables.js';
import { enqueueEvents, eventTimestamp } from './enqueue.js';

/** What happened to a file of the media library (docs/webhooks.md). */
export type MediaEventName = 'media.created' | 'media.updated' | 'media.deleted';

/** One media event: the file as the admin API shows it (as it was, for a delete). */
export interface MediaEvent {
  event: MediaEventName;
  item: MediaItem;
  /** A replacement's `media.updated`: the file it replaced, whose references now point at `item`. */
  replaced?: { name: string; url: string };
}

/**
 * Queues media events of one account inside the change's transaction (the outbox), so they
 * commit with it or roll back with it. The payload is `{data: {<the file>, editor, timestamp}}`,
 * `editor` naming who made the change (docs/api.md §12).
 */
export async function enqueueMediaEvents(
  trx: Kysely<Database>,
  accountId: number,
  events: MediaEvent[],
  actor: Actor,
): Promise<void> {
  if (events.length === 0) return;
  const timestamp = eventTimestamp();
  await enqueueEvents(
    trx,
    accountId,
    events.map((e) => ({
      event: e.event,
      data: { ...e.item, ...(e.replaced && { replaced: e.replaced }), editor: actor.name, timestamp },
    })),
  );
}
