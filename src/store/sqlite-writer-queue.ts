import { lockWaitExpired } from './sqlite-lock-wait.js';

/** The longest a write waits for this process's earlier writes to finish before it is refused. */
export const QUEUE_WAIT_MS = 30_000;

interface Waiter {
  grant(): void;
  refuse(error: Error): void;
}

/**
 * The writer connection's holder, one at a time: `release` hands it straight to the next waiter,
 * in order. A waiter is refused (the 503's error) after QUEUE_WAIT_MS, or at once when the holder
 * before it gave up waiting for another process's lock on the file (`refuseWaiting`): it would
 * only wait for the same lock in turn.
 */
export class WriterQueue {
  private held = false;
  private readonly waiting: Waiter[] = [];

  /** Resolves (or returns at once) when the caller holds the writer. */
  acquire(): Promise<void> | void {
    if (!this.held) {
      this.held = true;
      return;
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => waiter.refuse(lockWaitExpired(new Error(`no turn at the writer within ${QUEUE_WAIT_MS} ms`))),
        QUEUE_WAIT_MS,
      );
      const waiter: Waiter = {
        grant: () => {
          clearTimeout(timer);
          resolve();
        },
        refuse: (error) => {
          clearTimeout(timer);
          const at = this.waiting.indexOf(waiter);
          if (at >= 0) this.waiting.splice(at, 1);
          reject(error);
        },
      };
      this.waiting.push(waiter);
    });
  }

  /** Refuses everyone waiting now with `error` (the holder found the file locked by another process). */
  refuseWaiting(error: Error): void {
    for (const waiter of [...this.waiting]) waiter.refuse(error);
  }

  release(): void {
    const next = this.waiting.shift();
    if (next) next.grant();
    else this.held = false;
  }
}
