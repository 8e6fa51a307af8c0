// An open-loop load at an even rate, as a cross-check of autocannon's -R (which sends each
// connection's quota for the second back to back, then idles: bursts at full speed). Request i
// is due at start + i/rate whatever came back before; its latency runs from when it was due,
// so a stall counts for every request it delays (no coordinated omission).
import http from 'node:http';

/** How long answers may still come in once the last request was due, in ms. */
const GRACE_MS = 2_000;

/**
 * Runs `duration` s at `rate` req/s over at most `connections` keep-alive sockets. Requests
 * still open `GRACE_MS` after the last one was due count as timeouts, their latency as the time
 * waited so far (a lower bound): a server slower than the rate shows as such, not as a stall.
 */
export async function paced({ url, rate, duration, connections, headers, nextPath }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const target = new URL(url);
  const latencies = [];
  const codes = {};
  let errors = 0;
  let timeouts = 0;
  const pending = new Map();
  const total = Math.round(rate * duration);
  const start = performance.now();
  let sent = 0;
  let open = 0;
  await new Promise((resolve) => {
    const finish = () => sent === total && open === 0 && resolve();
    const send = (due) => {
      open++;
      const req = http.get({ agent, host: target.hostname, port: target.port, path: nextPath(), headers }, (res) => {
        res.resume();
        res.on('end', () => {
          if (!pending.delete(req)) return;
          latencies.push(performance.now() - due);
          codes[res.statusCode] = (codes[res.statusCode] ?? 0) + 1;
          open--;
          finish();
        });
      });
      pending.set(req, due);
      req.on('error', (error) => {
        if (!pending.delete(req)) return;
        errors++;
        codes[error.code ?? 'error'] = (codes[error.code ?? 'error'] ?? 0) + 1;
        open--;
        finish();
      });
    };
    const cutOff = () => {
      const now = performance.now();
      const left = [...pending];
      pending.clear(); // first: destroying a request may report its error at once
      for (const [req, due] of left) {
        latencies.push(now - due);
        timeouts++;
        req.destroy();
      }
      open = 0;
      finish();
    };
    setTimeout(cutOff, duration * 1000 + GRACE_MS).unref();
    const tick = () => {
      const now = performance.now();
      while (sent < total && start + (sent * 1000) / rate <= now) send(start + (sent++ * 1000) / rate);
      if (sent === total) return finish();
      // Timers are late by a millisecond or more: close to the next due time, poll instead.
      const wait = start + (sent * 1000) / rate - performance.now();
      if (wait > 2) setTimeout(tick, wait - 2);
      else setImmediate(tick);
    };
    tick();
  });
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  const ok = Object.entries(codes)
    .filter(([c]) => c.startsWith('2'))
    .reduce((n, [, k]) => n + k, 0);
  return {
    requests: ok,
    non2xx: latencies.length - ok - timeouts,
    errors: errors + timeouts,
    timeouts,
    codes,
    elapsed: (performance.now() - start) / 1000,
    latency: { p50: at(0.5), p90: at(0.9), p99: at(0.99), max: latencies.at(-1) ?? 0 },
  };
}
