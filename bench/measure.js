// Measures the scenarios of one database: starts its servers, probes each scenario, runs the
// load, and reads the Ghee process's peak memory at the end.
import { sampleMemory, waitQuiet } from './cpu.js';
import { runLoad, startServer, stopServer } from './processes.js';
import { scenarios } from './scenarios.js';
import { otherCpu, summarise } from './stats.js';

/** Below this much CPU in use (in cores), servers idle, the machine counts as quiet. */
const QUIET_CORES = 0.15;

/** One request before a scenario: it must succeed, and hit or miss the cache as the scenario says. */
export async function probe(server, scenario, headers) {
  const sep = scenario.path.includes('?') ? '&' : '?';
  const url = `${server.address}${scenario.path}${scenario.unique === 'query' ? `${sep}_=probe${Date.now()}` : ''}`;
  if (scenario.method === 'POST') {
    const body = JSON.stringify({ ...JSON.parse(scenario.body), slug: `probe-${Date.now()}` });
    const res = await fetch(url, { method: 'POST', headers, body });
    if (!res.ok) throw new Error(`${scenario.id}: probe POST ${scenario.path} gave ${res.status} ${await res.text()}`);
    return;
  }
  if (scenario.expect === 'hit') await fetch(url, { headers }).then((r) => r.arrayBuffer());
  const res = await fetch(url, { headers });
  const body = await res.text();
  if (res.status !== 200) throw new Error(`${scenario.id}: probe GET ${scenario.path} gave ${res.status} ${body}`);
  const cache = res.headers.get('x-ghee-cache');
  if (scenario.expect && cache !== scenario.expect)
    throw new Error(`${scenario.id}: expected x-ghee-cache ${scenario.expect}, got ${cache}`);
}

/**
 * One run of `spec`. The machine is shared: a run waits (up to a minute) for a quiet second, and
 * one that ran beside a burst of other work (over a quarter of a core) is run again, up to
 * twice, the quietest attempt kept. On a machine that never gets quiet, runs go ahead as they are.
 */
export async function loadRun(spec, { patient, pinned = true }) {
  let best = null;
  for (let attempt = 0; attempt < (patient ? 3 : 1); attempt++) {
    const quiet = !patient || (await waitQuiet(QUIET_CORES, 60_000)) < QUIET_CORES;
    const run = await runLoad(spec, { pinned });
    if (!best || otherCpu(run) < otherCpu(best)) best = { ...run, retries: attempt };
    if (!quiet || otherCpu(run) <= 0.25) break;
  }
  return best;
}

/**
 * Runs the scenarios of one database. `main` (SQLite) adds the bare node:http server, a Ghee
 * without authentication and metering and one without authentication only; `timing` is
 * {warmup, runs, duration} in seconds.
 */
export async function measure(db, data, { main, timing, patient, only, log }) {
  const servers = { ghee: await startServer('ghee-server.js', [db.url]) };
  try {
    if (main) {
      servers['ghee-off'] = await startServer('ghee-server.js', [db.url, '--no-auth-metering']);
      servers['ghee-metered'] = await startServer('ghee-server.js', [db.url, '--no-auth']);
      servers.bare = await startServer('bare-server.js', [
        `${servers.ghee.address}/v2/pages/article/${data.page}/`,
        data.readToken,
      ]);
    }
    const memory = sampleMemory(servers.ghee.pid);
    const done = {};
    for (const scenario of scenarios(data, { main }).filter((s) => !only || only.includes(s.id))) {
      const server = servers[scenario.server];
      const headers = {
        authorization: `Token ${scenario.method === 'POST' ? data.writeToken : data.readToken}`,
        ...(scenario.body && { 'content-type': 'application/json' }),
      };
      await probe(server, scenario, headers);
      const rate = scenario.rate ? scenario.rate(done) : undefined;
      const spec = {
        url: `${server.address}${scenario.path}`,
        connections: scenario.connections,
        rate,
        method: scenario.method,
        body: scenario.body,
        unique: scenario.unique,
        paced: scenario.paced,
        serverPids: [server.pid],
        headers,
      };
      if (timing.warmup) await loadRun({ ...spec, duration: timing.warmup }, { patient });
      const runs = [];
      for (let i = 0; i < timing.runs; i++)
        runs.push(await loadRun({ ...spec, duration: timing.duration }, { patient }));
      for (const s of Object.values(servers)) if (s.child.crashed) throw new Error(s.child.crashed);
      const d = (done[scenario.id] = { ...summarise(scenario, runs, rate), title: scenario.title });
      log(
        `  ${scenario.id.padEnd(14)} ${Math.round(d.rps.median).toString().padStart(7)} req/s  p99 ${d.p99.median} ms${rate ? ` at -R ${rate}` : ''}${d.problems.length ? `  PROBLEMS: ${d.problems.join('; ')}` : ''}`,
      );
    }
    return { scenarios: done, ...memory.stop() };
  } finally {
    for (const s of Object.values(servers)) await stopServer(s);
  }
}
