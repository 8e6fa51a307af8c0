import { spawn, type ChildProcess } from 'node:child_process';
import { BIN, freePort } from './process.js';

/** A running `ghee start`, once its banner is out. */
export interface StartedGhee {
  child: ChildProcess;
  port: number;
  /** stderr up to and with the banner's last line. */
  banner: string;
  /** All output so far (stdout holds the log, stderr the banner). */
  output(): { stdout: string; stderr: string };
  /** SIGTERM, then the exit code and signal. */
  stop(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** The environment of a child: nothing inherited that changes Ghee, then `extra`. */
export function gheeEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const { PORT: _p, HOST: _h, PUBLIC_URL: _u, DATABASE_URL: _d, DATA_DIR: _dd, LOG_LEVEL: _l, ...env } = process.env;
  return { ...env, HOST: '127.0.0.1', LOG_LEVEL: 'info', ...extra };
}

/** Spawns `ghee start` (the compiled dist/) on a free port; resolves once it has printed its banner. */
export async function startGhee(extra: Record<string, string>): Promise<StartedGhee> {
  const port = await freePort();
  const child = spawn(process.execPath, [BIN, 'start'], {
    env: gheeEnv({ PORT: String(port), ...extra }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const banner = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no banner within 30 s:\n${stderr}`));
    }, 30_000);
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      if (stderr.includes('Stop with Ctrl-C.')) {
        clearTimeout(timer);
        resolve(stderr);
      }
    });
    void exited.then(({ code }) => {
      clearTimeout(timer);
      reject(new Error(`ghee start exited (${code}):\n${stderr}`));
    });
  });
  return {
    child,
    port,
    banner,
    output: () => ({ stdout, stderr }),
    stop: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}
