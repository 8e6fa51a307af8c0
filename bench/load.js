// One load run, as a child process of its own (run.js pins it to its own core):
// `node bench/load.js '<JSON>'` with {url, connections, duration, rate?, paced?, method?,
// headers?, body?, unique?: 'query' | 'slug', serverPids?}; `url` may be a list (autocannon spreads
// the connections over them). autocannon, or with `paced` the
// evenly paced cross-check of paced.js. Prints the figures as one JSON line.
import autocannon from 'autocannon';
import { paced } from './paced.js';
import { cpuBetween, machineCpuMs, namedCpuMs, processCpuMs } from './cpu.js';

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

async function autocannonRun() {
  const result = await autocannon({
    url: spec.url,
    connections: spec.connections,
    duration: spec.duration,
    // A slow list under 50 connections queues for longer than autocannon's default 10 s.
    timeout: 30,
    method: spec.method ?? 'GET',
    headers: spec.headers ?? {},
    ...(spec.body !== undefined && { body: spec.body }),
    ...(spec.rate && { overallRate: spec.rate }),
    ...(spec.unique && { requests: [{ setupRequest }] }),
  });
  return {
    requests: result['2xx'],
    seconds: result.duration,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes: result.statusCodeStats,
    latency: result.latency,
  };
}

async function pacedRun() {
  const base = new URL(spec.url);
  const path = `${base.pathname}${base.search}`;
  const result = await paced({
    url: spec.url,
    rate: spec.rate,
    duration: spec.duration,
    connections: spec.connections,
    headers: spec.headers ?? {},
    nextPath: () => setupRequest({ path }).path,
  });
  return { ...result, seconds: result.elapsed, statusCodes: result.codes };
}

const machineBefore = machineCpuMs();
const postgresBefore = namedCpuMs('postgres');
// Every Ghee process under load (two nodes: both), their CPU summed.
const serverPids = spec.serverPids ?? [];
const serversCpuMs = () =>
  serverPids.length ? serverPids.reduce((sum, pid) => sum + (processCpuMs(pid) ?? 0), 0) : null;
const serverBefore = serversCpuMs();
const selfBefore = process.cpuUsage();
const started = process.hrtime.bigint();
const r = spec.paced ? await pacedRun() : await autocannonRun();
const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
const self = process.cpuUsage(selfBefore);
const serverAfter = serversCpuMs();
const machineAfter = machineCpuMs();
const postgresAfter = namedCpuMs('postgres');

const round = (x) => Math.round(x * 100) / 100;
process.stdout.write(
  `${JSON.stringify({
    // Successful answers per second over the whole run.
    rps: r.requests / r.seconds,
    requests: r.requests,
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    statusCodes: r.statusCodes,
    latency: {
      p50: round(r.latency.p50),
      p90: round(r.latency.p90),
      p99: round(r.latency.p99),
      max: round(r.latency.max),
    },
    // How busy each core was: a generator near 100% would cap what the server can show.
    serverCpu: serverBefore !== null && serverAfter !== null ? (serverAfter - serverBefore) / wallMs : null,
    loadCpu: (self.user + self.system) / 1000 / wallMs,
    postgresCpu: cpuBetween(postgresBefore, postgresAfter) / wallMs,
    // Cores' worth of CPU used by the whole machine meanwhile (server, load and anything else).
    machineCpu: machineBefore !== null ? (machineAfter - machineBefore) / wallMs : null,
  })}\n`,
);
