// Reduces the runs of one scenario to the figures bench/README.md asks for: median with min-max.

/** Median, min and max of numbers. */
export function spread(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1], all: values };
}

/** Cores' worth of CPU that neither the server, autocannon nor PostgreSQL used during a run. */
export function otherCpu(run) {
  return run.machineCpu === null ? 0 : run.machineCpu - (run.serverCpu ?? 0) - run.loadCpu - run.postgresCpu;
}

/** The figures of a scenario from its runs; `problems` lists what went wrong in any run. */
export function summarise(scenario, runs, rate) {
  const problems = [];
  runs.forEach((r, i) => {
    const where = `${scenario.id} run ${i + 1}`;
    if (r.requests === 0) problems.push(`${where}: no successful answer`);
    if (r.non2xx > 0) problems.push(`${where}: ${r.non2xx} non-2xx answers ${JSON.stringify(r.statusCodes)}`);
    // A timeout is a figure (the server is slower than the load), not a broken benchmark.
    if (r.errors - r.timeouts > 0)
      problems.push(`${where}: ${r.errors - r.timeouts} connection errors ${JSON.stringify(r.statusCodes)}`);
  });
  return {
    rate,
    paced: scenario.paced ?? false,
    connections: scenario.connections,
    rps: spread(runs.map((r) => r.rps)),
    p50: spread(runs.map((r) => r.latency.p50)),
    p99: spread(runs.map((r) => r.latency.p99)),
    timeouts: runs.reduce((n, r) => n + r.timeouts, 0),
    serverCpu: runs[0].serverCpu === null ? null : spread(runs.map((r) => r.serverCpu)),
    loadCpu: spread(runs.map((r) => r.loadCpu)),
    postgresCpu: spread(runs.map((r) => r.postgresCpu)),
    otherCpu: runs[0].machineCpu === null ? null : spread(runs.map(otherCpu)),
    retries: runs.reduce((n, r) => n + (r.retries ?? 0), 0),
    problems,
  };
}
