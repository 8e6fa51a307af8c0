/** A signal that aborts when any of `signals` does, and a way to stop listening to them. */
export interface LinkedSignal {
  signal: AbortSignal;
  dispose(): void;
}

/**
 * Links several signals into one. Written by hand rather than with `AbortSignal.any`, which
 * browsers and Node shipped only recently.
 */
export function linkSignals(signals: ReadonlyArray<AbortSignal | undefined>): LinkedSignal {
  const controller = new AbortController();
  const present = signals.filter((s): s is AbortSignal => s !== undefined);
  const listeners: Array<() => void> = [];
  for (const signal of present) {
    if (signal.aborted) {
      controller.abort(signal.reason);
      break;
    }
    const onAbort = () => controller.abort(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    listeners.push(() => signal.removeEventListener('abort', onAbort));
  }
  return { signal: controller.signal, dispose: () => listeners.forEach((remove) => remove()) };
}

/** The default wait between attempts: a timer, cleared when `signal` aborts so it keeps no process alive. */
export function timerSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

/** Waits with `sleep`, but gives up (rejecting with `onAbort()`) as soon as `signal` aborts. */
export function abortableSleep(
  sleep: (ms: number, signal: AbortSignal) => Promise<void>,
  ms: number,
  signal: AbortSignal,
  onAbort: () => Error,
): Promise<void> {
  if (signal.aborted) return Promise.reject(onAbort());
  return new Promise<void>((resolve, reject) => {
    const stop = () => reject(onAbort());
    signal.addEventListener('abort', stop, { once: true });
    sleep(ms, signal).then(
      () => {
        signal.removeEventListener('abort', stop);
        resolve();
      },
      (error: unknown) => {
        signal.removeEventListener('abort', stop);
        reject(error);
      },
    );
  });
}

/** Cancels the calls in flight on one resource (buttercms v3's `cancelRequest`), not the later ones. */
export class CancelGroup {
  private controller = new AbortController();

  /** The signal to give the calls starting now. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Aborts every call started so far; calls started afterwards run normally. */
  cancel(): void {
    this.controller.abort(new Error('Request cancelled'));
    this.controller = new AbortController();
  }
}
