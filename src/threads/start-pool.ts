import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Piscina } from 'piscina';

/**
 * The file a pool's threads run, next to the module that starts the pool. Under vitest and tsx
 * that module is TypeScript, and so is the worker: the threads then load tsx first. From the
 * compiled dist/ both are JavaScript and the threads need nothing.
 */
export function workerFile(besideModule: string, name: string): string {
  return new URL(`./${name}.${besideModule.endsWith('.ts') ? 'ts' : 'js'}`, besideModule).href;
}

/** Piscina's refusal of a task when the pool's queue is full. */
export function isQueueFull(error: unknown): boolean {
  return error instanceof Error && error.message === 'Task queue is at limit';
}

/** A pool of worker threads, started on first use by its owner; idle threads do not keep the process alive. */
export function startPool<Task, Result>(
  filename: string,
  limits: { maxThreads: number; maxQueue: number },
): Piscina<Task, Result> {
  const fromSource = filename.endsWith('.ts');
  return new Piscina<Task, Result>({
    filename,
    minThreads: 0,
    maxThreads: limits.maxThreads,
    maxQueue: limits.maxQueue,
    idleTimeout: 60_000,
    ...(fromSource && {
      execArgv: [...process.execArgv, '--import', pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href],
    }),
  });
}
