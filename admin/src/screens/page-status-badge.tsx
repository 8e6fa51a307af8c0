import type { Entry } from '../types';

/**
 * Where a page or item stands in the locale shown: not written yet, draft, scheduled (over a live
 * version or not), published, or published with draft changes.
 */
export function PageStatusBadge({
  entry,
  locale,
  testId = 'page-status',
}: {
  entry: Entry | null;
  locale: string;
  testId?: string;
}) {
  const status = entry?.status ?? null;
  return (
    <span className={`badge status-${status ?? 'none'}`} data-testid={testId}>
      {status === null
        ? `not written in ${locale} yet`
        : status === 'scheduled'
          ? entry?.published
            ? 'published, with changes scheduled'
            : 'scheduled'
          : entry?.published
            ? entry.unpublished_changes
              ? 'published, with draft changes'
              : 'published'
            : 'draft'}
    </span>
  );
}
