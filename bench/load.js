// One autocannon run, as a child process of its own (run.js pins it to its own core):
// `node bench/load.js '<JSON>'` with {url, connections, duration, rate?, method?, headers?,
// body?, unique?: 'query' | 'slug', serverPid?}. Prints the figures as one JSON line.
import fs from 'node:fs';
import autocannon from 'autocannon';

const spec = JSON.parse(process.argv[2] ?? '{}');
// Unique per run, so creates never collide with another run's slugs.
const prefix = `b${Date.now().toString(36)}${process.pid.toString(36)}`;
let n = 0;

/** Makes each request different where the scenario needs it. */
function setupRequest(request) {
  if (spec.unique === 'query') {
    // An unknown query parameter makes a new cache key: every read is a cache miss.
    request.path = `${request.path}${request.path.includes('?') ? '&' : '?'}_=${prefix}${n++}`;
  } else if (spec.unique === 'slug') {
    const body = JSON.parse(spec.body);
    body.slug = `${prefix}-${n++}`;
    request.body = JSON.stringify(body);
  }
  return request;
}

/** User plus system CPU time of a process, in ms (Linux). */
function cpuMs(pid) {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, in USER_HZ (100)
  } catch {
    return null;
  }
}

const serverBefore = spec.serverPid ? cpuMs(spec.serverPid) : null;
const selfBefore = process.cpuUsage();
const started = process.hrtime.bigint();
const result = await autocannon({
  url: spec.url,
  connections: spec.connections,
  duration: spec.duration,
  method: spec.method ?? 'GET',
  headers: spec.headers ?? {},
  ...(spec.body !== undefined && { body: spec.body }),
  ...(spec.rate && { overallRate: spec.rate }),
  ...(spec.unique && { requests: [{ setupRequest }] }),
});
const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
const self = process.cpuUsage(selfBefore);
const serverAfter = spec.serverPid ? cpuMs(spec.serverPid) : null;

const ok = result['2xx'];
process.stdout.write(`${JSON.stringify({
  // Successful answers per second over the whole run.
  rps: ok / result.duration,
  requests: ok,
  non2xx: result.non2xx,
  errors: result.errors,
  timeouts: result.timeouts,
  statusCodes: result.statusCodeStats,
  latency: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max, mean: result.latency.average },
  // How busy each core was: a generator near 100% would cap what the server can show.
  serverCpu: serverBefore !== null && serverAfter !== null ? (serverAfter - serverBefore) / wallMs : null,
  loadCpu: (self.user + self.system) / 1000 / wallMs,
})}\n`);
