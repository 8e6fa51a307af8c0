import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BIN, kill } from '../../helpers/process.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

/** A running `ghee start` for a browser to drive. */
export interface BrowserServer {
  /** The bound address, e.g. http://127.0.0.1:41234. */
  base: string;
  dataDir: string;
  /** Its environment, for `ghee` commands on the same data while it runs. */
  env: NodeJS.ProcessEnv;
  /** Its log (stdout) so far. */
  logs(): string;
  /** Kills it and removes its data folder. */
  stop(): Promise<void>;
}

/**
 * Spawns `ghee start --port 0` (the compiled dist/, serving admin/dist/) on a fresh data folder
 * named `tmpPrefix...` and resolves once it listens. The environment is this process's, on
 * 127.0.0.1 with LOG_LEVEL warn and without DATABASE_URL and PUBLIC_URL (SQLite in the data
 * folder, links to the bound address), then `env`, where undefined removes a variable.
 */
export async function startForBrowser(
  tmpPrefix: string,
  env: Record<string, string | undefined> = {},
): Promise<BrowserServer> {
  if (!fs.existsSync(path.join(ROOT, 'admin', 'dist', 'index.html')))
    throw new Error('admin/dist is missing: run `npm run build` first');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), tmpPrefix));
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    DATABASE_URL: undefined,
    PUBLIC_URL: undefined,
    ...env,
  };
  for (const [name, value] of Object.entries(childEnv)) if (value === undefined) delete childEnv[name];
  const server = spawn(process.execPath, [BIN, 'start', '--port', '0'], {
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let logs = '';
  server.stdout!.on('data', (d) => (logs += d));
  const stop = async () => {
    await kill(server);
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    return { base: await listening(server), dataDir, env: childEnv, logs: () => logs, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** The address from the banner's "listening on" line (within 30 s). */
function listening(server: ChildProcess): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    let stderr = '';
    const timer = setTimeout(() => reject(new Error(`ghee start did not come up: ${stderr}`)), 30_000);
    server.stderr!.on('data', (d) => {
      stderr += d;
      const m = /listening on (http:\/\/[\d.]+:\d+)/.exec(stderr);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    server.once('exit', (code) => reject(new Error(`ghee start exited (${code}): ${stderr}`)));
  });
}
