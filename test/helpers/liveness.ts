import type { FastifyInstance } from 'fastify';

/** What `healthWhile` saw: the hostile call's result and how late the slowest health answer came. */
export interface Liveness<T> {
  result: T;
  /** Milliseconds from when a probe was due to its answer: event-loop stalls show up here. */
  slowestMs: number;
  probes: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `hostile` (a request that must be refused or bounded) and, while it is in flight, asks
 * `GET /healthz` every `everyMs`. A probe's latency counts from when it was due, not from when
 * its timer finally fired, so a synchronous stall of the event loop is measured in full. The
 * first probe goes out together with the hostile request, so there is always at least one.
 */
export async function healthWhile<T>(
  app: FastifyInstance,
  hostile: () => Promise<T>,
  everyMs = 10,
): Promise<Liveness<T>> {
  let done = false;
  const work = hostile().finally(() => (done = true));
  let slowestMs = 0;
  let probes = 0;
  const probe = async (due: number) => {
    const res = await app.inject({ method: 'GET', url: '/healthz' });
    if (res.statusCode !== 200) throw new Error(`/healthz answered ${res.statusCode} during a hostile request`);
    slowestMs = Math.max(slowestMs, performance.now() - due);
    probes++;
  };
  await probe(performance.now());
  while (!done) {
    const due = performance.now() + everyMs;
    await sleep(everyMs);
    await probe(due);
  }
  return { result: await work, slowestMs, probes };
}
