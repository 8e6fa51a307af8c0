// The benchmark's report: the table, the targets with met/missed, the run details, as Markdown.
import fs from 'node:fs';
import os from 'node:os';
import { imagesSection } from './images-report.js';

/** Text after this line in bench/RESULTS.md is hand-written and kept when the file is rewritten. */
const NOTES_MARKER = '<!-- notes: kept by bench/run.js when it rewrites this file -->';

const int = (n) => Math.round(n).toLocaleString('en-US');
const ms = (n) => `${Number.isInteger(n) ? n : n.toFixed(1)} ms`;
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
  const range = `${ms(s.p99.min).slice(0, -3)}–${ms(s.p99.max)}`;
  const late = s.timeouts ? `; ${int(s.timeouts)} unanswered at the end, counted as at least the time waited` : '';
  return `p99 ${ms(s.p99.median)} (${range}) at ${int(s.rate)} req/s${late}`;
}

function cell(db, id, bare) {
  const s = db?.scenarios[id];
  if (!s) return ['', ''];
  if (s.rate) return [latency(s), ''];
  return [throughput(s), bare ? (s.rps.median / bare.rps.median).toFixed(2) : ''];
}

/** Load-generator CPU (share of its core) from which a figure is the generator's, not Ghee's. */
const LOAD_BOUND = 0.9;

const LOAD = {
  bare: '-c 50',
  cached: '-c 50',
  cachedP99: '-R ½ of saturated, -c 50',
  cachedP99Paced: 'same rate, evenly paced',
  cachedOff: '-c 50',
  cachedMetered: '-c 50',
  levels2: '-c 50',
  levels5: '-c 50',
  collection: '-c 50',
  collectionP99: '-R 100, -c 50',
  collectionP99Paced: '100 req/s, evenly paced',
  posts: '-c 50',
  create: '-c 10',
};

function mainTable(sqlite, postgres) {
  const bare = sqlite.scenarios.bare;
  const rows = Object.entries(sqlite.scenarios).map(([id, s]) => {
    const [a, ra] = cell(sqlite, id, bare);
    const [b, rb] = cell(postgres, id, bare);
    return `| ${s.title} | ${LOAD[id]} | ${a} | ${ra} | ${b} | ${rb} |`;
  });
  const q = (db) => (db ? `${db.queries[5]} (levels 1–5: ${Object.values(db.queries).join(', ')})` : '');
  const rss = (db) =>
    db?.peakRssMb
      ? `${int(db.peakRssMb)} MB${db.peakAnonMb ? ` (anonymous memory at most ${int(db.peakAnonMb)} MB; the rest is database pages read through mmap)` : ''}`
      : '';
  return [
    '| figure | load | SQLite | ratio to bare | PostgreSQL | ratio to bare |',
    '|---|---|---|---|---|---|',
    ...rows,
    `| queries of one uncached levels=5 read (the page included, and the token lookup where it runs: see notes) | count | ${q(sqlite)} | | ${q(postgres)} | |`,
    `| peak RSS of the Ghee process (VmHWM), after all of the above | | ${rss(sqlite)} | | ${rss(postgres)} | |`,
  ].join('\n');
}

/**
 * Each target of bench/README.md and issue 7 on one database, by id: its name, the figure, and
 * met or missed by how much.
 */
function targets(db, bare) {
  const s = db.scenarios;
  const out = new Map();
  const add = (id, name, figure, met, miss) =>
    out.set(id, { name, figure, verdict: met ? 'met' : `**missed** by ${miss}` });
  // A load generator near the whole of its core sets the figure itself: say so beside it.
  const bound = (scenario) => scenario.loadCpu.median >= LOAD_BOUND;
  const ratio = (id, name, scenario, target) => {
    const r = scenario.rps.median / bare.rps.median;
    const note = bound(bare)
      ? ` (bare was held back by autocannon at ${pct(bare.loadCpu.median)} of its core: an upper bound)`
      : '';
    add(
      id,
      name,
      `${r.toFixed(2)}${note}`,
      r >= target,
      `${(target - r).toFixed(2)} (needs ${int(target * bare.rps.median)} req/s)`,
    );
  };
  const p99 = (id, name, scenario, target) => {
    const p = scenario.p99.median;
    if (scenario.paced && bound(scenario)) {
      out.set(id, {
        name,
        figure: ms(p),
        verdict: `no verdict: the pacer used ${pct(scenario.loadCpu.median)} of its core, so this is its own lag`,
      });
      return;
    }
    add(id, name, ms(p), p < target, `${ms(p - target)} (${(p / target).toFixed(1)}× the bound)`);
  };
  if (bare && s.cached) ratio('cached', 'cached single page >= 0.8 of bare node:http', s.cached, 0.8);
  if (s.cachedP99) p99('cachedP99', 'cached single page p99 < 5 ms, autocannon -R ½ of saturated', s.cachedP99, 5);
  if (s.cachedP99Paced)
    p99('cachedP99Paced', '&nbsp;&nbsp;the same rate evenly paced (cross-check)', s.cachedP99Paced, 5);
  if (bare && s.levels2) ratio('levels2', 'uncached single page, levels=2, >= 0.25 of bare', s.levels2, 0.25);
  if (s.collection)
    out.set('collection', {
      name: 'filtered + ordered collection list, 100,000 items, uncached',
      figure: throughput(s.collection),
      verdict: 'reported',
    });
  if (s.collectionP99) p99('collectionP99', 'the same, p99 < 25 ms at autocannon -R 100', s.collectionP99, 25);
  if (s.collectionP99Paced)
    p99('collectionP99Paced', '&nbsp;&nbsp;at 100 req/s evenly paced (cross-check)', s.collectionP99Paced, 25);
  const q5 = db.queries[5];
  add(
    'queries',
    'levels=5: at most 2 queries per level',
    `${q5} queries for 5 levels (${(q5 / 5).toFixed(1)} per level)`,
    q5 <= 10,
    `${q5 - 10} queries`,
  );
  if (s.cached && s.cachedOff) {
    const cost = 1 - s.cached.rps.median / s.cachedOff.rps.median;
    add(
      'metering',
      'auth + metering cost < 5% of cached throughput',
      `${pct(cost)} (${int(s.cached.rps.median)} req/s on, ${int(s.cachedOff.rps.median)} off)`,
      cost < 0.05,
      `${((cost - 0.05) * 100).toFixed(1)} points`,
    );
  }
  if (s.cachedMetered && s.cachedOff) {
    const cost = 1 - s.cachedMetered.rps.median / s.cachedOff.rps.median;
    add(
      'meteringOnly',
      '&nbsp;&nbsp;metering alone < 5% (issue 5)',
      `${pct(cost)} (${int(s.cachedMetered.rps.median)} req/s metered, ${int(s.cachedOff.rps.median)} off)`,
      cost < 0.05,
      `${((cost - 0.05) * 100).toFixed(1)} points`,
    );
  }
  if (db.peakRssMb)
    add(
      'rss',
      'peak RSS < 300 MB, full data set under load',
      `${int(db.peakRssMb)} MB`,
      db.peakRssMb < 300,
      `${int(db.peakRssMb - 300)} MB`,
    );
  return out;
}

function targetTable(sqlite, postgres) {
  const bare = sqlite.scenarios.bare;
  const pg = postgres ? targets(postgres, bare) : new Map();
  const rows = [...targets(sqlite, bare)].map(([id, t]) => {
    const other = pg.get(id);
    return `| ${t.name} | ${t.figure} | ${t.verdict} | ${other ? `${other.figure}: ${other.verdict}` : ''} |`;
  });
  return ['| target | SQLite | verdict | PostgreSQL |', '|---|---|---|---|', ...rows].join('\n');
}

/** One node against two on one database: throughput of each and their ratio. */
function nodesTable(nodes) {
  const busy = (x) => (x ? `${Math.round(x.median * 100)}%` : 'n/a');
  const rows = Object.values(nodes.figures)
    .filter((f) => f.nodes === 1)
    .map((one) => {
      const two = nodes.figures[`${one.id}@2`];
      return (
        `| ${one.title} | ${LOAD[one.id]} | ${throughput(one)} | ${two ? throughput(two) : ''} | ${two ? (two.rps.median / one.rps.median).toFixed(2) : ''} | ` +
        `${busy(one.serverCpu)} / ${two ? busy(two.serverCpu) : ''} | ${busy(one.postgresCpu)} / ${two ? busy(two.postgresCpu) : ''} | ${busy(one.loadCpu)} / ${two ? busy(two.loadCpu) : ''} |`
      );
    });
  return [
    `Both nodes are \`ghee-server.js\` processes on the same ${nodes.database} database, on this machine; nothing is pinned (two nodes can only gain ` +
      "where one leaves CPU idle), and autocannon spreads its connections over the nodes. CPU is in cores' worth (100% = one core), one node / two nodes.",
    '',
    '| figure | load | one node | two nodes | two ÷ one | Ghee CPU | PostgreSQL CPU | autocannon CPU |',
    '|---|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

function details(name, db) {
  const busy = (x) => (x ? `${Math.round(x.median * 100)}%` : 'n/a');
  return [
    `**${name}**`,
    '',
    '| scenario | req/s of each run | p50 / p99 (median of runs) | Ghee core busy | autocannon core busy | PostgreSQL | everything else | runs repeated |',
    '|---|---|---|---|---|---|---|---|',
    ...Object.entries(db.scenarios).map(
      ([id, s]) =>
        `| ${id} | ${s.rps.all.map(int).join(', ')} | ${ms(s.p50.median).slice(0, -3)} / ${ms(s.p99.median)} | ${busy(s.serverCpu)} | ${busy(s.loadCpu)} | ${busy(s.postgresCpu)} | ${busy(s.otherCpu)} | ${s.retries} |`,
    ),
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
    'Latencies in milliseconds (autocannon: whole ms; the evenly paced cross-checks: 0.1 ms). "Core busy" is CPU time over wall time of the server process and of the load generator; ' +
      'PostgreSQL is the CPU time of its processes and "everything else" the rest of the machine\'s meanwhile, as a share of one core. ' +
      'A run beside more than a quarter of a core of other work was run again (up to twice), the quietest attempt kept.',
    '',
    details('SQLite', sqlite),
    ...(postgres ? ['', details('PostgreSQL', postgres)] : []),
    ...(r.nodes ? ['', `## One node and two nodes (${r.nodes.database})`, '', nodesTable(r.nodes)] : []),
    ...(r.images ? ['', '## Images', '', imagesSection(r.images)] : []),
  ].join('\n');
}

/** Writes bench/RESULTS.md, keeping the hand-written notes below the marker. */
export function writeResults(file, markdown) {
  const old = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  const at = old.indexOf(NOTES_MARKER);
  const notes = at === -1 ? `${NOTES_MARKER}\n` : old.slice(at);
  fs.writeFileSync(file, `${markdown}\n\n${notes}`);
}
