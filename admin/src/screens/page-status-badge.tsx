import type { Entry } from '../types';

/** Where a page stands in the locale shown: not written yet, draft, published, or published with draft changes. */
export function PageStatusBadge({ entry, locale }: { entry: Entry | null; locale: string }) {
  const status = entry?.status ?? null;
  return (
    <span className={`badge status-${status ?? 'none'}`} data-testid="page-status">
      {status === null
        ? `not written in ${locale} yet`
        : entry?.published
          ? entry.unpublished_changes
            ? 'published, with draft changes'
            : 'published'
          : 'draft'}
    </span>
  );
}
