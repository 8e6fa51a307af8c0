// Child processes of the benchmark: servers pinned to core 0, the load generator to core 1
// (with `taskset` when the machine has it), each speaking one JSON line on stdout.
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const HERE = fileURLToPath(new URL('.', import.meta.url));

/** Whether processes can be pinned to cores here. */
export const CAN_PIN = spawnSync('sh', ['-c', 'command -v taskset'], { stdio: 'ignore' }).status === 0;

export const SERVER_CORE = '0';
export const LOAD_CORE = '1';

/** `core` null leaves the process free to run on any core. */
function spawnPinned(core, script, args) {
  const node = [process.execPath, `${HERE}${script}`, ...args];
  const [command, ...rest] = CAN_PIN && core !== null ? ['taskset', '-c', core, ...node] : node;
  // stdin stays open as a lifeline: a child whose parent is gone sees it end and exits.
  return spawn(command, rest, { stdio: ['pipe', 'pipe', 'pipe'] });
}

/** Reads the child's first stdout line as JSON; rejects if it exits or fails first. */
function firstLine(child, what) {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => {
      out += d;
      const end = out.indexOf('\n');
      if (end !== -1) resolve(JSON.parse(out.slice(0, end)));
    });
    child.stderr.on('data', (d) => (err += d));
    child.once('exit', (code, signal) =>
      reject(new Error(`${what} exited (${code ?? signal}) before answering:\n${err.trim()}`)),
    );
  });
}

/**
 * Starts a server script on the server core (unpinned with `pinned: false`); resolves with the
 * process and its `{address}` line.
 */
export async function startServer(script, args, { pinned = true } = {}) {
  const child = spawnPinned(pinned ? SERVER_CORE : null, script, args);
  const info = await firstLine(child, script);
  // A server that dies later is a failed benchmark, not a silent gap.
  child.on('exit', (code, signal) => {
    if (!child.stopping) child.crashed = `${script} exited (${code ?? signal}) during the benchmark`;
  });
  return { child, ...info };
}

/** Stops a server with SIGTERM (SIGKILL after 10 s) and waits for it to be gone. */
export async function stopServer(server) {
  const { child } = server;
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.stopping = true;
  const gone = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await gone;
  clearTimeout(timer);
}

/** One autocannon run on the load core (bench/load.js), or unpinned; resolves with its figures. */
export async function runLoad(spec, { pinned = true } = {}) {
  const child = spawnPinned(pinned ? LOAD_CORE : null, 'load.js', [JSON.stringify(spec)]);
  return firstLine(child, 'load.js');
}
