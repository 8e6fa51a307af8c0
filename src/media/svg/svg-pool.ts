import type { Piscina } from 'piscina';
import { errors, mediaMessages } from '../../errors/index.js';
import { startPool, workerFile } from '../../threads/start-pool.js';
import { MediaError } from '../media-error.js';
import { svgLimits } from './svg-limits.js';
import type { SvgOutcome, SvgRefusal, SvgTask } from './svg-refusal.js';

const WORKER = workerFile(import.meta.url, 'svg-worker');

let pool: Piscina<SvgTask | null, SvgOutcome | null> | undefined;
/** Files handed to the pool and not yet settled, running or waiting for a thread. */
let inFlight = 0;
/** Those waiting for a thread, in arrival order: each starts when one frees. */
const waiting: Array<() => void> = [];
let running = 0;

/**
 * Sanitises an SVG file on a worker thread (sanitize-svg.ts) and returns the clean bytes. At most
 * `threads` files run at once and `queue` wait (svg-limits.ts); past them, the 503 `svg_busy`.
 * The time bound counts from when a thread takes the file, so waiting in the queue does not use
 * it up; past it, the thread is stopped (a new one starts for the next file). `signal` (a
 * download's deadline) stops the work too. Throws a MediaError `type_not_allowed` naming why the
 * file is refused.
 */
export async function sanitizeSvgOffThread(bytes: Buffer, signal?: AbortSignal): Promise<Buffer> {
  const limits = svgLimits();
  refuseWhenSvgBusy();
  inFlight++;
  try {
    await takeThread(limits.threads);
    try {
      signal?.throwIfAborted();
      return await run(bytes, signal);
    } finally {
      releaseThread();
    }
  } finally {
    inFlight--;
  }
}

/** Throws the 503 `svg_busy` when no more files may wait: saveUpload asks before it reads a file whole. */
export function refuseWhenSvgBusy(): void {
  const limits = svgLimits();
  if (inFlight >= limits.threads + limits.queue) throw errors.svgBusy();
}

/** SVG files being sanitised or waiting for it, in this process (tests wait on it to overlap work). */
export function svgFilesInFlight(): number {
  return inFlight;
}

async function run(bytes: Buffer, signal: AbortSignal | undefined): Promise<Buffer> {
  const limits = svgLimits();
  // The gate above bounds the files in flight; the pool's own queue is never what refuses one.
  pool ??= startPool<SvgTask | null, SvgOutcome | null>(WORKER, {
    maxThreads: limits.threads,
    maxQueue: Number.POSITIVE_INFINITY,
  });
  // A thread ready first (at most `threads` files run, so an idle, ready thread takes the file).
  await pool.run(null, signal ? { signal } : {});
  const stop = new AbortController();
  const timer = setTimeout(() => stop.abort(), limits.timeoutMs);
  const forward = () => stop.abort();
  signal?.addEventListener('abort', forward, { once: true });
  try {
    const { maxDepth, maxElements, maxAttributes } = limits;
    const outcome = (await pool.run({ bytes, maxDepth, maxElements, maxAttributes }, { signal: stop.signal }))!;
    if ('refused' in outcome) throw refusal(outcome.refused);
    return Buffer.from(outcome.svg, 'utf8');
  } catch (error) {
    // The download's own deadline is the caller's to report (fetch-media.ts); ours is the file's.
    if (stop.signal.aborted && !signal?.aborted) throw refusal(null, limits.timeoutMs);
    throw error;
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', forward);
  }
}

function takeThread(threads: number): Promise<void> {
  if (running < threads) {
    running++;
    return Promise.resolve();
  }
  return new Promise((resolve) => waiting.push(resolve));
}

function releaseThread(): void {
  const next = waiting.shift();
  // The thread passes straight to the next file waiting, so `running` stays counted for it.
  if (next) next();
  else running--;
}

/** The user's message for a refusal (null: the time bound passed). */
function refusal(refused: SvgRefusal | null, timeoutMs = 0): MediaError {
  return new MediaError('type_not_allowed', refusalMessage(refused, timeoutMs));
}

function refusalMessage(refused: SvgRefusal | null, timeoutMs: number): string {
  switch (refused?.reason) {
    case undefined:
      return mediaMessages.svgTooSlow(timeoutMs / 1000);
    case 'encoding':
      return mediaMessages.svgNotUtf8;
    case 'entities':
      return mediaMessages.svgEntities;
    case 'malformed':
      return mediaMessages.svgMalformed(refused.where);
    case 'root':
      return mediaMessages.svgRoot;
    case 'depth':
      return mediaMessages.svgTooDeep(refused.max);
    case 'elements':
      return mediaMessages.svgTooManyElements(refused.max);
    case 'attributes':
      return mediaMessages.svgTooManyAttributes(refused.max);
    case 'empty':
      return mediaMessages.svgEmpty;
    case 'failed':
      return mediaMessages.svgFailed;
  }
}
