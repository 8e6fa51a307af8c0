import type { EntryStatus } from '../types';
import { dayAndTime } from '../time-zone';

/**
 * A content list's status: the badge (draft, published, scheduled), and under it when a scheduled
 * version goes live and when the entry goes off the air, in the editor's time zone.
 */
export function StatusCell({
  status,
  scheduled,
  unpublishAt,
}: {
  status: EntryStatus;
  scheduled?: string | null;
  unpublishAt?: string | null;
}) {
  return (
    <span className="status-cell">
      <span className={`badge status-${status}`}>{status}</span>
      {status === 'scheduled' && scheduled && (
        <time className="status-when" dateTime={scheduled}>
          {dayAndTime(scheduled)}
        </time>
      )}
      {unpublishAt && (
        <span className="status-when">
          unpublishes <time dateTime={unpublishAt}>{dayAndTime(unpublishAt)}</time>
        </span>
      )}
    </span>
  );
}
