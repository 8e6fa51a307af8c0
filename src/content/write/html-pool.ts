import os from 'node:os';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Piscina } from 'piscina';
import type { HtmlOutcome, HtmlTask } from './html-worker.js';

// Under vitest and tsx this module is TypeScript, and so is its worker: the worker threads then
// load tsx first. From the compiled dist/ both are JavaScript and the threads need nothing.
const FROM_SOURCE = import.meta.url.endsWith('.ts');
const WORKER = new URL(`./html-worker.${FROM_SOURCE ? 'ts' : 'js'}`, import.meta.url).href;

/** Threads that sanitise HTML: one core is left to the event loop; at most four. */
export const HTML_THREADS = Math.max(1, Math.min(4, os.availableParallelism() - 1));

/** Tasks waiting for a thread before new ones are refused (a 10 MB body is about 40 tasks). */
export const HTML_QUEUE = 128;

let pool: Piscina<HtmlTask, HtmlOutcome[]> | undefined;

/** The process's sanitiser pool, started on first use; idle threads do not keep the process alive. */
export function htmlPool(): Piscina<HtmlTask, HtmlOutcome[]> {
  pool ??= new Piscina<HtmlTask, HtmlOutcome[]>({
    filename: WORKER,
    minThreads: 0,
    maxThreads: HTML_THREADS,
    maxQueue: HTML_QUEUE,
    idleTimeout: 60_000,
    ...(FROM_SOURCE && { execArgv: [...process.execArgv, '--import', pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href] }),
  });
  return pool;
}

/** Where the pool's threads load the sanitiser from (tests check the compiled path is used from dist/). */
export function htmlWorkerFile(): string {
  return WORKER;
}
