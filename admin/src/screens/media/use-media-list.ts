import { useCallback, useEffect, useRef, useState } from 'react';
import type { MediaItem } from '../../../../src/shared/media';
import { listMedia, type MediaFilters } from './media-api';

/** The grid's files: the first page for the filters, more pages appended on request. */
export interface MediaList {
  items: MediaItem[];
  count: number;
  /** True while a page is on its way. */
  loading: boolean;
  error: unknown;
  hasMore: boolean;
  loadMore: () => void;
  /** Loads the first page again (after uploads or a replace). */
  reload: () => void;
  /** Shows a file's new description without loading the list again. */
  update: (item: MediaItem) => void;
  remove: (name: string) => void;
}

/** Loads the library page by page for `filters`; a change of filters starts again from page 1. */
export function useMediaList(accountId: number, filters: MediaFilters): MediaList {
  const [items, setItems] = useState<MediaItem[]>([]);
  const [count, setCount] = useState(0);
  const [nextPage, setNextPage] = useState<number | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [tick, setTick] = useState(0);
  // Answers of an older query (filters changed while it was on its way) are dropped.
  const generation = useRef(0);
  const { q, type, tag } = filters;

  const load = useCallback(
    (page: number, append: boolean) => {
      const mine = ++generation.current;
      setLoading(true);
      setError(null);
      listMedia(accountId, { q, type, tag }, page).then(
        (answer) => {
          if (mine !== generation.current) return;
          setItems((before) => {
            if (!append) return answer.data;
            const seen = new Set(before.map((i) => i.name));
            return [...before, ...answer.data.filter((i) => !seen.has(i.name))];
          });
          setCount(answer.meta.count);
          setNextPage(answer.meta.next_page);
          setLoading(false);
        },
        (e: unknown) => {
          if (mine !== generation.current) return;
          setError(e);
          setLoading(false);
        },
      );
    },
    [accountId, q, type, tag],
  );

  useEffect(() => load(1, false), [load, tick]);

  return {
    items,
    count,
    loading,
    error,
    hasMore: nextPage !== null,
    loadMore: () => nextPage !== null && !loading && load(nextPage, true),
    reload: () => setTick((t) => t + 1),
    update: (item) => setItems((list) => list.map((i) => (i.name === item.name ? item : i))),
    remove: (name) => {
      setItems((list) => list.filter((i) => i.name !== name));
      setCount((c) => Math.max(0, c - 1));
    },
  };
}
