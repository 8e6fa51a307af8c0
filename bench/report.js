// The benchmark's report: the table, the targets with met/missed, the run details, as Markdown.
import fs from 'node:fs';
import os from 'node:os';

/** Text after this line in bench/RESULTS.md is hand-written and kept when the file is rewritten. */
const NOTES_MARKER = '<!-- notes: kept by bench/run.js when it rewrites this file -->';

const int = (n) => Math.round(n).toLocaleString('en-US');
const ms = (n) => `${n} ms`;
const pct = (n) => `${(n * 100).toFixed(1)}%`;

/** The machine the figures come from. */
export function machine() {
  const cpuinfo = fs.existsSync('/proc/cpuinfo') ? fs.readFileSync('/proc/cpuinfo', 'utf8') : '';
  return {
    cores: os.availableParallelism(),
    cpu: /model name\s*:\s*(.*)/.exec(cpuinfo)?.[1] ?? os.cpus()[0]?.model ?? 'unknown',
    node: process.version,
    date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
  };
}

function throughput(s) {
  return `${int(s.rps.median)} req/s (${int(s.rps.min)}–${int(s.rps.max)})`;
}

function latency(s) {
  return `p99 ${ms(s.p99.median)} (${s.p99.min}–${s.p99.max}) at -R ${int(s.rate)}`;
}

function cell(db, id, bare) {
  const s = db?.scenarios[id];
  if (!s) return ['', ''];
  if (s.rate) return [latency(s), ''];
  return [throughput(s), bare ? (s.rps.median / bare.rps.median).toFixed(2) : ''];
}

const LOAD = {
  bare: '-c 50', cached: '-c 50', cachedP99: '-R ½ of saturated', cachedOff: '-c 50', levels2: '-c 50', levels5: '-c 50',
  collection: '-c 50', collectionP99: '-R 100', posts: '-c 50', create: '-c 10',
};

function mainTable(sqlite, postgres) {
  const bare = sqlite.scenarios.bare;
  const rows = Object.entries(sqlite.scenarios).map(([id, s]) => {
    const [a, ra] = cell(sqlite, id, bare);
    const [b, rb] = cell(postgres, id, bare);
    return `| ${s.title} | ${LOAD[id]} | ${a} | ${ra} | ${b} | ${rb} |`;
  });
  const q = (db) => (db ? `${db.queries[5]} (levels 1–5: ${Object.values(db.queries).join(', ')})` : '');
  const rss = (db) => (db?.peakRssMb ? `${int(db.peakRssMb)} MB` : '');
  return [
    '| figure | load | SQLite | ratio to bare | PostgreSQL | ratio to bare |',
    '|---|---|---|---|---|---|',
    ...rows,
    `| queries of one uncached levels=5 read (token and page included) | count | ${q(sqlite)} | | ${q(postgres)} | |`,
    `| peak RSS of the Ghee process (VmHWM), after all of the above | | ${rss(sqlite)} | | ${rss(postgres)} | |`,
  ].join('\n');
}

/** Each target of BENCHMARKS.md / issue 7 on one database: the figure and met or missed by how much. */
function targets(db, bare) {
  const s = db.scenarios;
  const verdict = (met, miss) => (met ? 'met' : `**missed** by ${miss}`);
  const list = [];
  if (bare && s.cached) {
    const r = s.cached.rps.median / bare.rps.median;
    list.push(['cached single page >= 0.8 of bare node:http', r.toFixed(2), verdict(r >= 0.8, `${(0.8 - r).toFixed(2)} (needs ${int(0.8 * bare.rps.median)} req/s)`)]);
  }
  if (s.cachedP99) {
    const p = s.cachedP99.p99.median;
    list.push([`cached single page p99 < 5 ms at -R ${int(s.cachedP99.rate)}`, ms(p), verdict(p < 5, `${p - 4} ms (1 ms resolution)`)]);
  }
  if (bare && s.levels2) {
    const r = s.levels2.rps.median / bare.rps.median;
    list.push(['uncached single page, levels=2, >= 0.25 of bare', r.toFixed(2), verdict(r >= 0.25, `${(0.25 - r).toFixed(2)} (needs ${int(0.25 * bare.rps.median)} req/s)`)]);
  }
  if (s.collection) list.push(['filtered + ordered collection list, 100,000 items, uncached: req/s', throughput(s.collection), 'reported']);
  if (s.collectionP99) {
    const p = s.collectionP99.p99.median;
    list.push(['filtered + ordered collection list p99 < 25 ms at -R 100', ms(p), verdict(p < 25, `${p - 24} ms`)]);
  }
  const q5 = db.queries[5];
  list.push(['levels=5: at most 2 queries per level', `${q5} queries for 5 levels (${(q5 / 5).toFixed(1)} per level)`, verdict(q5 <= 10, `${q5 - 10} queries`)]);
  if (s.cached && s.cachedOff) {
    const cost = 1 - s.cached.rps.median / s.cachedOff.rps.median;
    list.push(['auth + metering cost < 5% of cached throughput', `${pct(cost)} (${int(s.cached.rps.median)} on vs ${int(s.cachedOff.rps.median)} off)`, verdict(cost < 0.05, `${pct(cost - 0.05)} points`)]);
  }
  if (db.peakRssMb) list.push(['peak RSS < 300 MB, full data set under load', `${int(db.peakRssMb)} MB`, verdict(db.peakRssMb < 300, `${int(db.peakRssMb - 300)} MB`)]);
  return list;
}

function targetTable(sqlite, postgres) {
  const bare = sqlite.scenarios.bare;
  const pgRows = postgres ? new Map(targets(postgres, bare).map(([name, figure, v]) => [name.replace(/ at -R [\d,]+/, ''), `${figure}: ${v}`])) : new Map();
  return [
    '| target | SQLite | verdict | PostgreSQL |',
    '|---|---|---|---|',
    ...targets(sqlite, bare).map(([name, figure, v]) => `| ${name} | ${figure} | ${v} | ${pgRows.get(name.replace(/ at -R [\d,]+/, '')) ?? ''} |`),
  ].join('\n');
}

function details(name, db) {
  const busy = (x) => (x ? `${Math.round(x.median * 100)}%` : 'n/a');
  return [
    `**${name}**`,
    '',
    '| scenario | req/s of each run | p50 / p99 (median of runs) | Ghee core busy | autocannon core busy | PostgreSQL | everything else | runs repeated |',
    '|---|---|---|---|---|---|---|---|',
    ...Object.entries(db.scenarios).map(([id, s]) =>
      `| ${id} | ${s.rps.all.map(int).join(', ')} | ${s.p50.median} / ${s.p99.median} ms | ${busy(s.serverCpu)} | ${busy(s.loadCpu)} | ${busy(s.postgresCpu)} | ${busy(s.otherCpu)} | ${s.retries} |`),
  ].join('\n');
}

/** The whole report. */
export function renderResults(r) {
  const { sqlite, postgres } = r.databases;
  const m = r.machine;
  return [
    '# Ghee benchmark results',
    '',
    `${m.date}; ${m.cores} cores, ${m.cpu}; Node ${m.node}${postgres ? `; PostgreSQL ${postgres.version}` : ''}.`,
    `Data set: ${int(r.size.pages)} pages of one type (references three levels deep), ${int(r.size.items)} collection items, ${int(r.size.posts)} posts.`,
    `${r.timing.warmup} s warm-up, then ${r.timing.runs} runs of ${r.timing.duration} s per figure: median (min–max). ` +
      `${r.pinned ? 'Ghee and the bare server on core 0, autocannon on core 1 (taskset)' : 'NOT pinned (no taskset)'}. ` +
      'Ratios are to the bare node:http server of the same run (SQLite section). How it is measured: bench/README.md.',
    `Load average (1 min) just before the run: ${r.loadBefore.toFixed(2)}.`,
    '',
    '## Figures',
    '',
    mainTable(sqlite, postgres),
    '',
    '## Targets',
    '',
    targetTable(sqlite, postgres),
    '',
    '## Run details',
    '',
    'Latencies from autocannon (whole milliseconds). "Core busy" is CPU time over wall time of the server process and of autocannon; ' +
      'PostgreSQL is the CPU time of its processes and "everything else" the rest of the machine\'s meanwhile, as a share of one core. ' +
      'A run beside more than a quarter of a core of other work was run again (up to twice), the quietest attempt kept.',
    '',
    details('SQLite', sqlite),
    ...(postgres ? ['', details('PostgreSQL', postgres)] : []),
  ].join('\n');
}

/** Writes bench/RESULTS.md, keeping the hand-written notes below the marker. */
export function writeResults(file, markdown) {
  const old = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  const at = old.indexOf(NOTES_MARKER);
  const notes = at === -1 ? `${NOTES_MARKER}\n` : old.slice(at);
  fs.writeFileSync(file, `${markdown}\n\n${notes}`);
}
