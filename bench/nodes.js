// One Ghee node against two on the same database (issue 8), every process unpinned: two nodes
// can only gain where one leaves a core idle, and on this 2-core machine the database and the
// load generator want the same cores. The load is spread over the nodes by autocannon.
import { loadRun, probe } from './measure.js';
import { startServer, stopServer } from './processes.js';
import { scenarios } from './scenarios.js';
import { summarise } from './stats.js';

/** What is compared: the cached read, the uncached read and the durable write. */
const COMPARED = ['cached', 'levels2', 'create'];

/** Runs the compared scenarios with one node, then with two, on the database `db`. */
export async function measureNodes(db, data, { timing, patient, log }) {
  const compared = scenarios(data, { main: false }).filter((s) => COMPARED.includes(s.id));
  const figures = {};
  for (const count of [1, 2]) {
    const servers = [];
    try {
      for (let i = 0; i < count; i++) servers.push(await startServer('ghee-server.js', [db.url], { pinned: false }));
      for (const scenario of compared) {
        const headers = {
          authorization: `Token ${scenario.method === 'POST' ? data.writeToken : data.readToken}`,
          ...(scenario.body && { 'content-type': 'application/json' }),
        };
        for (const server of servers) await probe(server, scenario, headers);
        const spec = {
          url: servers.map((s) => `${s.address}${scenario.path}`),
          connections: scenario.connections,
          method: scenario.method,
          body: scenario.body,
          unique: scenario.unique,
          serverPids: servers.map((s) => s.pid),
          headers,
        };
        if (timing.warmup) await loadRun({ ...spec, duration: timing.warmup }, { patient, pinned: false });
        const runs = [];
        for (let i = 0; i < timing.runs; i++)
          runs.push(await loadRun({ ...spec, duration: timing.duration }, { patient, pinned: false }));
        for (const s of servers) if (s.child.crashed) throw new Error(s.child.crashed);
        const d = (figures[`${scenario.id}@${count}`] = {
          ...summarise(scenario, runs),
          title: scenario.title,
          nodes: count,
          id: scenario.id,
        });
        log(
          `  ${`${scenario.id}, ${count} node${count > 1 ? 's' : ''}`.padEnd(18)} ${Math.round(d.rps.median).toString().padStart(7)} req/s${d.problems.length ? `  PROBLEMS: ${d.problems.join('; ')}` : ''}`,
        );
      }
    } finally {
      for (const s of servers) await stopServer(s);
    }
  }
  return figures;
}
