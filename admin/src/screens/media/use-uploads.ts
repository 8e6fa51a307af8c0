import { useCallback, useEffect, useRef, useState } from 'react';
import type { MediaItem } from '../../../../src/shared/media';
import { uploadMediaFile } from './media-api';

/** One file of an upload batch, as the queue shows it. */
export interface Upload {
  id: number;
  fileName: string;
  /** Fraction sent, 0..1. */
  progress: number;
  state: 'waiting' | 'sending' | 'done' | 'failed';
  /** Why it failed: the server's detail (too large, type not allowed) or the network's. */
  error: unknown;
}

/** Files sent at the same time: enough to keep the line busy, few enough to see each progress. */
const AT_ONCE = 3;

/**
 * An upload queue: each file its own multipart request with its own progress and refusal.
 * `onBatchDone` hears the files stored by a batch once all of its files have finished.
 */
export function useUploads(accountId: number, onBatchDone: (stored: MediaItem[], failed: number) => void) {
  const [uploads, setUploads] = useState<Upload[]>([]);
  const nextId = useRef(1);
  const aborts = useRef(new Map<number, AbortController>());
  const done = useRef(onBatchDone);
  useEffect(() => {
    done.current = onBatchDone;
  }, [onBatchDone]);
  useEffect(() => {
    const running = aborts.current;
    return () => running.forEach((c) => c.abort());
  }, []);

  const patch = (id: number, change: Partial<Upload>) =>
    setUploads((list) => list.map((u) => (u.id === id ? { ...u, ...change } : u)));

  const start = useCallback(
    async (files: File[]) => {
      if (files.length === 0) return;
      const batch = files.map((file) => ({ file, id: nextId.current++ }));
      setUploads((list) => [
        ...list.filter((u) => u.state === 'waiting' || u.state === 'sending'),
        ...batch.map(({ file, id }) => ({
          id,
          fileName: file.name,
          progress: 0,
          state: 'waiting' as const,
          error: null,
        })),
      ]);
      const stored: MediaItem[] = [];
      let failed = 0;
      const queue = [...batch];
      const worker = async () => {
        for (let next = queue.shift(); next; next = queue.shift()) {
          const { file, id } = next;
          const abort = new AbortController();
          aborts.current.set(id, abort);
          patch(id, { state: 'sending' });
          try {
            const item = await uploadMediaFile(accountId, file, (progress) => patch(id, { progress }), abort.signal);
            stored.push(item);
            patch(id, { state: 'done', progress: 1 });
          } catch (error) {
            failed++;
            patch(id, { state: 'failed', error });
          } finally {
            aborts.current.delete(id);
          }
        }
      };
      await Promise.all(Array.from({ length: Math.min(AT_ONCE, batch.length) }, worker));
      done.current(stored, failed);
    },
    [accountId],
  );

  return {
    uploads,
    busy: uploads.some((u) => u.state === 'waiting' || u.state === 'sending'),
    start: (files: File[]) => void start(files),
    cancel: (id: number) => aborts.current.get(id)?.abort(),
    /** Forgets the finished uploads (their messages). */
    clearFinished: () => setUploads((list) => list.filter((u) => u.state === 'waiting' || u.state === 'sending')),
  };
}
