import { useState } from 'react';
import { ApiError } from '../../api';
import { futureTimeProblem, scheduleText } from '../../time-zone';
import type { EntryStatus } from '../../types';

/** What an editor schedules: a page, a collection item or a blog post. */
export type Schedulable = 'page' | 'item' | 'post';

/** The times of an entry the schedule panel shows. */
export interface TimingState {
  status: EntryStatus | null;
  /** When a scheduled version goes live (meaningful while `status` is scheduled). */
  scheduled: string | null;
  unpublish_at: string | null;
  /** Readers see a published version now. */
  live: boolean;
}

/**
 * The entry an editor shows, with the answer of a write that changed only its times laid over
 * it: the form keeps the edits not saved yet, which a reload of the entry would put back.
 * The overlay holds until the entry is loaded or saved again.
 */
export function useTimingOverlay<T extends object>(loaded: T | null): [T | null, (patch: Partial<T>) => void] {
  const [overlay, setOverlay] = useState<{ base: T | null; patch: Partial<T> } | null>(null);
  const shown = loaded && overlay?.base === loaded ? { ...loaded, ...overlay.patch } : loaded;
  return [shown, (patch) => setOverlay({ base: loaded, patch })];
}

/** What a save says it did, by the status it left the entry in. */
export function savedMessage(what: Schedulable, status: EntryStatus | null, scheduled: string | null, live: boolean) {
  if (status === 'scheduled' && scheduled)
    return live
      ? `Scheduled for ${scheduleText(scheduled)}: readers see the published version until then, and this one from then on.`
      : `Scheduled for ${scheduleText(scheduled)}: saved as a draft until then.`;
  if (status === 'published') return `Published: the /v2 API serves this ${what} now.`;
  return live ? 'Draft saved. Published readers still see the last published version.' : 'Draft saved.';
}

/** What cancelling a schedule says: the version waiting is kept as a draft. */
export function cancelledMessage(what: Schedulable, live: boolean): string {
  return live
    ? 'Schedule cancelled: your changes are kept as a draft, and readers keep seeing the published version.'
    : `Schedule cancelled: this ${what} is a draft again.`;
}

/** What setting or clearing the unpublish time says. */
export function unpublishMessage(what: Schedulable, at: string | null): string {
  return at ? `This ${what} unpublishes ${scheduleText(at)}.` : 'Unpublish time cleared.';
}

/**
 * A refusal made before sending, shaped as the API's field error so it shows where the server's
 * would (the summary at the top and beside the field); null when the time may be scheduled.
 */
export function pastTimeRefusal(field: 'scheduled' | 'unpublish_at', iso: string): ApiError | null {
  const problem = futureTimeProblem(iso);
  return problem
    ? new ApiError(0, 'Some fields need attention: see the messages beside them.', { [field]: [problem] })
    : null;
}
