// What the machine and the benchmark's processes use, read from /proc (Linux; null elsewhere).
import fs from 'node:fs';

/** User plus system CPU time of a process, in ms (Linux). */
export function processCpuMs(pid) {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, in USER_HZ (100)
  } catch {
    return null;
  }
}

/** CPU time of each process named `name` (e.g. PostgreSQL's backends), by pid, in ms. */
export function namedCpuMs(name) {
  const byPid = new Map();
  for (const pid of fs.readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      if (stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')) === name) byPid.set(pid, processCpuMs(pid) ?? 0);
    } catch {
      // gone meanwhile
    }
  }
  return byPid;
}

/** The CPU time the processes of two `namedCpuMs` snapshots used in between (new ones in full). */
export function cpuBetween(before, after) {
  let total = 0;
  for (const [pid, ms] of after) total += ms - (before.get(pid) ?? 0);
  return total;
}

/** The peak resident set of a live process in MB (VmHWM), or null where /proc is missing. */
export function peakRssMb(pid) {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/**
 * Samples a process's memory every 250 ms until `stop()`: the peak of its anonymous memory (heap,
 * caches: RssAnon) beside VmHWM, whose peak also counts the database file's pages that SQLite
 * reads through mmap (page cache the kernel can drop at will). MB; nulls where /proc is missing.
 */
export function sampleMemory(pid) {
  let anon = null;
  const read = () => {
    try {
      const match = /RssAnon:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (match) anon = Math.max(anon ?? 0, Number(match[1]) / 1024);
    } catch {
      // gone, or no /proc
    }
  };
  const timer = setInterval(read, 250);
  return {
    stop() {
      read();
      clearInterval(timer);
      return { peakRssMb: peakRssMb(pid), peakAnonMb: anon };
    },
  };
}

/** CPU time of the whole machine in ms (Linux), or null. */
export function machineCpuMs() {
  try {
    const [user, nice, system, , , irq, softirq, steal] = fs
      .readFileSync('/proc/stat', 'utf8')
      .split('\n')[0]
      .trim()
      .split(/\s+/)
      .slice(1)
      .map(Number);
    return ((user + nice + system + irq + softirq + steal) * 1000) / 100;
  } catch {
    return null;
  }
}

/**
 * Waits (up to `maxMs`) for a second in which the machine, servers idle, uses less than
 * `cores` of CPU: the machine is shared, and a run next to someone's test suite measures both.
 * Resolves with the CPU seen in the last second, in cores.
 */
export async function waitQuiet(cores, maxMs) {
  const until = Date.now() + maxMs;
  for (;;) {
    const before = machineCpuMs();
    if (before === null) return null;
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const busy = (machineCpuMs() - before) / 1000;
    if (busy < cores || Date.now() > until) return busy;
  }
}
