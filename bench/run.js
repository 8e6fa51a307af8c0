// `npm run bench`: builds the data set, starts Ghee, measures every scenario with autocannon
// (SQLite, then PostgreSQL beside it), prints the table and writes bench/RESULTS.md.
// `node bench/run.js --smoke`: a small data set, one short run each, SQLite only, no file
// written; exits non-zero when any scenario fails (CI runs it through test/bench-smoke.test.ts).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { countQueries } from './count-queries.js';
import { buildDataset, DATASET_VERSION, FULL, SMALL } from './dataset.js';
import { peakRssMb, waitQuiet } from './cpu.js';
import { CAN_PIN, runLoad, startServer, stopServer } from './processes.js';
import { machine, renderResults, writeResults } from './report.js';
import { scenarios } from './scenarios.js';
import { otherCpu, summarise } from './stats.js';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const smoke = process.argv.includes('--smoke');
const timing = smoke ? { warmup: 0, runs: 1, duration: 0.2 } : { warmup: 3, runs: 3, duration: 10 };
const size = smoke ? SMALL : FULL;
const PG_ADMIN = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const PG_DATABASE = 'ghee_bench';
/** Below this much CPU in use (in cores), servers idle, the machine counts as quiet. */
const QUIET_CORES = 0.15;

const log = (line) => process.stderr.write(`${line}\n`);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ghee-bench-'));

/** The SQLite data set: built once per version and size under bench/data/, copied for each run. */
async function sqliteDataset() {
  const target = path.join(work, 'ghee.db');
  if (smoke) {
    log(`building the small data set (${size.pages} pages, ${size.items} items, ${size.posts} posts)`);
    return { url: `sqlite:${target}`, data: await buildDataset(`sqlite:${target}`, size, log) };
  }
  const base = path.join(HERE, 'data', `dataset-v${DATASET_VERSION}-${size.pages}-${size.items}-${size.posts}`);
  if (!fs.existsSync(`${base}.db`) || !fs.existsSync(`${base}.json`)) {
    log(`building the SQLite data set once into ${path.relative(process.cwd(), base)}.db (a few minutes)`);
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${base}.tmp.db${suffix}`, { force: true });
    const data = await buildDataset(`sqlite:${base}.tmp.db`, size, log);
    fs.renameSync(`${base}.tmp.db`, `${base}.db`);
    fs.writeFileSync(`${base}.json`, JSON.stringify(data, null, 2));
  }
  fs.copyFileSync(`${base}.db`, target);
  return { url: `sqlite:${target}`, data: JSON.parse(fs.readFileSync(`${base}.json`, 'utf8')) };
}

/**
 * A fresh PostgreSQL database of the benchmark's own (dropped and recreated every run) holding
 * the data set, or null if the server is unreachable. Building through the real operations
 * takes long on PostgreSQL, so it is built once per version and size into a template database
 * (`ghee_bench_v<version>_<sizes>`), which each run copies.
 */
async function postgresDataset() {
  const admin = new pg.Client({ connectionString: PG_ADMIN });
  try {
    await admin.connect();
  } catch (error) {
    log(`PostgreSQL not reachable at ${PG_ADMIN} (${error.message}): its figures are left out`);
    return null;
  }
  const at = (name) => Object.assign(new URL(PG_ADMIN), { pathname: `/${name}` }).toString();
  try {
    const version = (await admin.query('show server_version')).rows[0].server_version;
    const template = `ghee_bench_v${DATASET_VERSION}_${size.pages}_${size.items}_${size.posts}`;
    const meta = path.join(HERE, 'data', `${template}.json`);
    const exists = (await admin.query('select 1 from pg_database where datname = $1', [template])).rowCount > 0;
    if (!exists || !fs.existsSync(meta)) {
      log(`building the PostgreSQL data set once into database ${template} (long: every write is a round trip)`);
      await admin.query(`drop database if exists ${template} with (force)`);
      await admin.query(`create database ${template}`);
      const data = await buildDataset(at(template), size, log);
      fs.mkdirSync(path.dirname(meta), { recursive: true });
      fs.writeFileSync(meta, JSON.stringify(data, null, 2));
    }
    await admin.query(`drop database if exists ${PG_DATABASE} with (force)`);
    await admin.query(`create database ${PG_DATABASE} template ${template}`);
    return { url: at(PG_DATABASE), data: JSON.parse(fs.readFileSync(meta, 'utf8')), version };
  } finally {
    await admin.end();
  }
}

/** One request before a scenario: it must succeed, and hit or miss the cache as the scenario says. */
async function probe(server, scenario, data) {
  const headers = { authorization: `Token ${scenario.method === 'POST' ? data.writeToken : data.readToken}` };
  const sep = scenario.path.includes('?') ? '&' : '?';
  const url = `${server.address}${scenario.path}${scenario.unique === 'query' ? `${sep}_=probe${Date.now()}` : ''}`;
  if (scenario.method === 'POST') {
    const body = JSON.stringify({ ...JSON.parse(scenario.body), slug: `probe-${Date.now()}` });
    const res = await fetch(url, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body });
    if (!res.ok) throw new Error(`${scenario.id}: probe POST ${scenario.path} gave ${res.status} ${await res.text()}`);
    return;
  }
  if (scenario.expect === 'hit') await fetch(url, { headers }).then((r) => r.arrayBuffer());
  const res = await fetch(url, { headers });
  const body = await res.text();
  if (res.status !== 200) throw new Error(`${scenario.id}: probe GET ${scenario.path} gave ${res.status} ${body}`);
  const cache = res.headers.get('x-ghee-cache');
  if (scenario.expect && cache !== scenario.expect) throw new Error(`${scenario.id}: expected x-ghee-cache ${scenario.expect}, got ${cache}`);
}

/** Starts the servers of one database, runs its scenarios, and reads the peak RSS under load. */
async function measure(db, data, { main }) {
  const servers = { ghee: await startServer('ghee-server.js', [db.url]) };
  try {
    if (main) {
      servers['ghee-off'] = await startServer('ghee-server.js', [db.url, '--no-auth-metering']);
      servers.bare = await startServer('bare-server.js', [`${servers.ghee.address}/v2/pages/article/${data.page}/`, data.readToken]);
    }
    const done = {};
    for (const scenario of scenarios(data, { main })) {
      const server = servers[scenario.server];
      await probe(server, scenario, data);
      const rate = scenario.rate ? scenario.rate(done) : undefined;
      const spec = {
        url: `${server.address}${scenario.path}`, connections: scenario.connections, rate, method: scenario.method, body: scenario.body,
        unique: scenario.unique, serverPid: server.pid,
        headers: {
          authorization: `Token ${scenario.method === 'POST' ? data.writeToken : data.readToken}`,
          ...(scenario.body && { 'content-type': 'application/json' }),
        },
      };
      // The machine is shared: a run waits (up to a minute) for a quiet second, and one that ran
      // beside a burst of other work (over a quarter of a core) is run again, up to twice, the
      // quietest attempt kept. On a machine that never gets quiet, runs go ahead as they are.
      const load = async (duration) => {
        let best = null;
        for (let attempt = 0; attempt < (smoke ? 1 : 3); attempt++) {
          const quiet = smoke || (await waitQuiet(QUIET_CORES, 60_000)) < QUIET_CORES;
          const run = await runLoad({ ...spec, duration });
          if (!best || otherCpu(run) < otherCpu(best)) best = { ...run, retries: attempt };
          if (!quiet || otherCpu(run) <= 0.25) break;
        }
        return best;
      };
      if (timing.warmup) await load(timing.warmup);
      const runs = [];
      for (let i = 0; i < timing.runs; i++) runs.push(await load(timing.duration));
      for (const s of Object.values(servers)) if (s.child.crashed) throw new Error(s.child.crashed);
      done[scenario.id] = { ...summarise(scenario, runs, rate), title: scenario.title };
      const d = done[scenario.id];
      log(`  ${scenario.id.padEnd(14)} ${Math.round(d.rps.median).toString().padStart(7)} req/s  p99 ${d.p99.median} ms${rate ? ` at -R ${rate}` : ''}${d.problems.length ? `  PROBLEMS: ${d.problems.join('; ')}` : ''}`);
    }
    return { scenarios: done, peakRssMb: peakRssMb(servers.ghee.pid) };
  } finally {
    for (const s of Object.values(servers)) await stopServer(s);
  }
}

async function main() {
  log(`ghee bench${smoke ? ' (smoke)' : ''}: ${timing.warmup} s warm-up, ${timing.runs} x ${timing.duration} s per scenario${CAN_PIN ? ', servers on core 0, load on core 1' : ', taskset missing: NOT pinned'}`);
  const results = { machine: machine(), timing, size, pinned: CAN_PIN, databases: {}, loadBefore: os.loadavg()[0] };
  const sqlite = await sqliteDataset();
  log('SQLite');
  results.databases.sqlite = { ...(await measure(sqlite, sqlite.data, { main: true })), queries: await countQueries(sqlite.url, sqlite.data) };
  if (!smoke) {
    const postgres = await postgresDataset();
    if (postgres) {
      log('PostgreSQL');
      results.databases.postgres = { ...(await measure(postgres, postgres.data, { main: false })), queries: await countQueries(postgres.url, postgres.data), version: postgres.version };
    }
  }
  const markdown = renderResults(results);
  process.stdout.write(`${markdown}\n`);
  if (!smoke) writeResults(path.join(HERE, 'RESULTS.md'), markdown);
  const problems = Object.values(results.databases).flatMap((d) => Object.values(d.scenarios).flatMap((s) => s.problems));
  if (problems.length) {
    log(`FAILED: ${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
    process.exitCode = 1;
  }
}

try {
  await main();
} catch (error) {
  log(`bench failed: ${error.stack ?? error}`);
  process.exitCode = 1;
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
