import { MediaError, mediaErrors } from './media-error.js';
import type { MediaIngester } from './media-ingester.js';

/** A media URL of a write, and where the stored value goes once it is in the library. */
export interface MediaRequest {
  path: string;
  url: string;
  assign(mediaUrl: string): void;
}

/**
 * Takes a write's media URLs into the library. First every URL is checked without downloading
 * (syntax, scheme, a literal address), and the distinct URLs to download past `maxUrls` are field
 * errors; if the write has any error by then, nothing is downloaded at all. Then each distinct URL
 * is downloaded once, `perWrite` at a time (each download also waits for a place in the process's
 * pool, media-ingester.ts). A failed download is a field error on every path that named the URL.
 */
export async function ingestRequests(
  requests: MediaRequest[],
  errors: Record<string, string[]>,
  ingest: MediaIngester | undefined,
): Promise<void> {
  if (!ingest || requests.length === 0) return;
  const add = (path: string, message: string) => void (errors[path] ??= []).push(message);
  const byUrl = new Map<string, MediaRequest[]>();
  let downloads = 0;
  for (const request of requests) {
    const problem = ingest.check(request.url);
    if (problem) {
      add(request.path, problem.message);
      continue;
    }
    let same = byUrl.get(request.url);
    if (!same) {
      if (ingest.needsDownload(request.url) && ++downloads > ingest.maxUrls) {
        add(request.path, mediaErrors.tooManyUrls(ingest.maxUrls).message);
        continue;
      }
      byUrl.set(request.url, (same = []));
    }
    same.push(request);
  }
  // A write that fails anyway must not cost anyone a download.
  if (Object.keys(errors).length) return;
  const queue = [...byUrl];
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const [url, named] = next;
      try {
        const stored = await ingest(url);
        for (const request of named) request.assign(stored);
      } catch (error) {
        if (!(error instanceof MediaError)) throw error;
        for (const request of named) add(request.path, error.message);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(ingest.perWrite, queue.length) }, worker));
}
