// `npm run bench`: builds the data set, starts Ghee, measures every scenario with autocannon
// (SQLite, then PostgreSQL beside it), prints the table and writes bench/RESULTS.md.
// `node bench/run.js --smoke`: a small data set, one short run each, SQLite only, no file
// written; exits non-zero when any scenario fails (CI runs it through test/bench-smoke.test.ts).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { countQueries } from './count-queries.js';
import { postgresDatabase, sqliteDatabase } from './databases.js';
import { FULL, SMALL } from './dataset.js';
import { measureImages } from './images.js';
import { measure } from './measure.js';
import { measureNodes } from './nodes.js';
import { CAN_PIN } from './processes.js';
import { machine, renderResults, writeResults } from './report.js';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const smoke = process.argv.includes('--smoke');
// For investigating: `--only=cached,cachedOff` measures just those scenarios (list what their rates
// depend on too: cachedP99 needs cached; `nodes` is the two-node comparison), `--sqlite` leaves
// PostgreSQL out; neither writes RESULTS.md.
const only =
  process.argv
    .find((a) => a.startsWith('--only='))
    ?.slice('--only='.length)
    .split(',') ?? null;
const sqliteOnly = smoke || process.argv.includes('--sqlite');
const timing = smoke ? { warmup: 0, runs: 1, duration: 0.2 } : { warmup: 3, runs: 3, duration: 10 };
const size = smoke ? SMALL : FULL;

const log = (line) => process.stderr.write(`${line}\n`);

async function main(work) {
  log(
    `ghee bench${smoke ? ' (smoke)' : ''}: ${timing.warmup} s warm-up, ${timing.runs} x ${timing.duration} s per scenario${CAN_PIN ? ', servers on core 0, load on core 1' : ', taskset missing: NOT pinned'}`,
  );
  const results = { machine: machine(), timing, size, pinned: CAN_PIN, databases: {}, loadBefore: os.loadavg()[0] };
  // The smoke only checks that everything works; figures want a quiet machine, so they wait for one.
  const options = { timing, patient: !smoke, only, log };

  if (smoke) log(`building the small data set (${size.pages} pages, ${size.items} items, ${size.posts} posts)`);
  const sqlite = await sqliteDatabase(size, work, { cache: !smoke, log });
  log('SQLite');
  const measured = await measure(sqlite, sqlite.data, { ...options, main: true });
  results.databases.sqlite = { ...measured, queries: await countQueries(sqlite.url, sqlite.data) };

  // The image service, on the SQLite database only (it reads no content).
  if (!only || only.includes('images')) {
    log('images');
    results.images = await measureImages(sqlite, work, { ...options, smoke });
  }

  const postgres = sqliteOnly ? null : await postgresDatabase(size, { log });
  if (postgres) {
    log('PostgreSQL');
    const measuredPg = await measure(postgres, postgres.data, { ...options, main: false });
    results.databases.postgres = {
      ...measuredPg,
      queries: await countQueries(postgres.url, postgres.data),
      version: postgres.version,
    };
  }

  // Two nodes on one database: PostgreSQL (the smoke, without it, checks the path on SQLite).
  const nodesDb = postgres ?? (smoke ? sqlite : null);
  if (nodesDb && (!only || only.includes('nodes'))) {
    const database = postgres ? 'PostgreSQL' : 'SQLite';
    log(`one node, then two nodes, on ${database} (unpinned)`);
    results.nodes = { database, figures: await measureNodes(nodesDb, nodesDb.data, options) };
  }

  const markdown = renderResults(results);
  process.stdout.write(`${markdown}\n`);
  if (!smoke && !only && !sqliteOnly) writeResults(path.join(HERE, 'RESULTS.md'), markdown);
  const images = results.images ? { a: results.images.mediaOriginal, b: results.images.mediaDerivative } : {};
  const problems = [
    ...Object.values(results.databases).map((d) => d.scenarios),
    results.nodes?.figures ?? {},
    images,
  ].flatMap((figures) => Object.values(figures).flatMap((s) => s.problems));
  if (problems.length) {
    log(`FAILED: ${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
    process.exitCode = 1;
  }
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ghee-bench-'));
try {
  await main(work);
} catch (error) {
  log(`bench failed: ${error.stack ?? error}`);
  process.exitCode = 1;
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
