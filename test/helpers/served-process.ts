import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestDatabase, type DialectUnderTest, type TestDatabase } from './databases.js';
import { BIN, freePort } from './process.js';

/** A `ghee serve` child on a fresh database with the demo account, its output captured. */
export interface ServedProcess {
  child: ChildProcess;
  /** e.g. http://127.0.0.1:41234 */
  url: string;
  port: number;
  demo: { id: number; read_token: string; write_token: string };
  /** Everything written so far: stdout holds the JSON log lines. */
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code and signal once the child has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Kills the child if still running, drops the database and the data folder. */
  close(): Promise<void>;
}

/** The environment of a child: nothing inherited that changes Ghee. */
function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const { PORT: _p, HOST: _h, PUBLIC_URL: _u, DATABASE_URL: _d, DATA_DIR: _dd, LOG_LEVEL: _l, ...env } = process.env;
  return { ...env, ...extra };
}

/** Runs `ghee <args>` to its end and returns stdout (throws on a non-zero exit). */
function run(args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [BIN, ...args], { env, timeout: 30_000 }, (error, stdout, stderr) =>
      error ? reject(new Error(`ghee ${args.join(' ')}: ${error.message}\n${stderr}`)) : resolve(stdout),
    );
  });
}

/**
 * Seeds the demo account with `ghee seed demo`, then starts `ghee serve` on a free port of
 * 127.0.0.1 (the compiled dist/) and resolves once /healthz answers.
 */
export async function serveProcess(
  dialect: DialectUnderTest,
  extra: Record<string, string> = {},
): Promise<ServedProcess> {
  const database: TestDatabase = await createTestDatabase(dialect);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ghee-served-'));
  const cleanup = async () => {
    await database.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  const port = await freePort();
  const env = childEnv({
    DATA_DIR: dataDir,
    DATABASE_URL: database.url,
    HOST: '127.0.0.1',
    PORT: String(port),
    LOG_LEVEL: 'info',
    ...extra,
  });
  let child: ChildProcess | undefined;
  try {
    const demo = JSON.parse(await run(['seed', 'demo', '--json'], env)) as ServedProcess['demo'];
    child = spawn(process.execPath, [BIN, 'serve'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const started = child;
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      started.once('exit', (code, signal) => resolve({ code, signal })),
    );
    const url = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + 30_000;
    for (;;) {
      if (started.exitCode !== null) throw new Error(`ghee serve exited: ${stderr}`);
      if (Date.now() > deadline) throw new Error(`ghee serve did not answer within 30 s: ${stderr}`);
      try {
        if ((await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2_000) })).ok) break;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    return {
      child: started,
      url,
      port,
      demo,
      exited,
      stdout: () => stdout,
      stderr: () => stderr,
      async close() {
        if (started.exitCode === null && started.signalCode === null) started.kill('SIGKILL');
        await exited;
        await cleanup();
      },
    };
  } catch (error) {
    child?.kill('SIGKILL');
    await cleanup();
    throw error;
  }
}
