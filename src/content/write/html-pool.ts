import os from 'node:os';
import type { Piscina } from 'piscina';
import { startPool, workerFile } from '../../threads/start-pool.js';
import type { HtmlOutcome, HtmlTask } from './html-worker.js';

const WORKER = workerFile(import.meta.url, 'html-worker');

/** Threads that sanitise HTML: one core is left to the event loop; at most four. */
export const HTML_THREADS = Math.max(1, Math.min(4, os.availableParallelism() - 1));

/** Tasks waiting for a thread before new ones are refused (a 10 MB body is about 40 tasks). */
export const HTML_QUEUE = 128;

let pool: Piscina<HtmlTask, HtmlOutcome[]> | undefined;

/** The process's sanitiser pool, started on first use. */
export function htmlPool(): Piscina<HtmlTask, HtmlOutcome[]> {
  pool ??= startPool<HtmlTask, HtmlOutcome[]>(WORKER, { maxThreads: HTML_THREADS, maxQueue: HTML_QUEUE });
  return pool;
}

/** Where the pool's threads load the sanitiser from (tests check the compiled path is used from dist/). */
export function htmlWorkerFile(): string {
  return WORKER;
}
