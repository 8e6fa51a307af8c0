import { execFile, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, expect } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { CliIo } from '../../src/cli/io.js';
import { loadConfig } from '../../src/config.js';
import { listen, type RunningServer } from '../../src/server.js';
import { createTestDatabase, type DialectUnderTest, type TestDatabase } from './databases.js';
import { BIN } from './process.js';

// The `ghee` CLI run in-process through main(argv, io), and as a real process (`node bin/ghee.js`,
// which runs the compiled dist/: `npm test` runs tsc first), each on a workspace of its own.

export const READ_TOKEN = /^ghee_r_[0-9A-Za-z]{32,}$/;
export const WRITE_TOKEN = /^ghee_w_[0-9A-Za-z]{32,}$/;
export const PROCESS_TIMEOUT = 20_000;

export interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface Workspace {
  databaseUrl: string;
  dataDir: string;
}

/** Resolves `promise`, or rejects after `ms`: every wait here is bounded. */
export function within<T>(ms: number, promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took over ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Environment of a CLI process: the workspace's database and data folder, nothing inherited that changes Ghee. */
export function cliEnv(ws: Workspace, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const {
    PORT: _port,
    HOST: _host,
    PUBLIC_URL: _publicUrl,
    DATABASE_URL: _db,
    DATA_DIR: _dir,
    LOG_LEVEL: _level,
    ...env
  } = process.env;
  return { ...env, DATA_DIR: ws.dataDir, ...(ws.databaseUrl && { DATABASE_URL: ws.databaseUrl }), ...extra };
}

/** Registers the hooks of a CLI suite on `dialect` and returns what its tests run the CLI with. */
export function useCli(dialect: DialectUnderTest) {
  const cleanups: Array<() => Promise<void> | void> = [];
  /** Children a test started; killed after it if still running. */
  const children: ChildProcess[] = [];

  beforeAll(() => {
    if (!fs.existsSync(path.join(path.dirname(BIN), '..', 'dist', 'cli', 'main.js'))) {
      throw new Error('dist/ is missing: run `npx tsc -p tsconfig.json` before these tests (npm test does)');
    }
  });

  afterEach(async () => {
    for (const child of children.splice(0)) {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        child.kill('SIGKILL');
        await within(10_000, exited, `killing pid ${child.pid}`);
      }
    }
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  /** A fresh database and data folder, dropped after the test. */
  async function workspace(): Promise<Workspace & { database: TestDatabase }> {
    const database = await createTestDatabase(dialect);
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ghee-cli-data-'));
    cleanups.push(async () => {
      await database.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    });
    return { database, databaseUrl: database.url, dataDir };
  }

  /** Runs main() in-process with a capturing io; `out` holds each call to io.out. */
  async function run(ws: Workspace, argv: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const io: CliIo = {
      out: (text) => out.push(text),
      err: (text) => err.push(text),
      env: {},
      config: loadConfig({}, { databaseUrl: ws.databaseUrl, dataDir: ws.dataDir }),
    };
    const code = await within(PROCESS_TIMEOUT, main(argv, io), `ghee ${argv.join(' ')}`);
    return { code, out, err, stdout: out.join('\n'), stderr: err.join('\n') };
  }

  /** Runs `node bin/ghee.js ...` to completion. */
  function runProcess(ws: Workspace, args: string[], extraEnv: Record<string, string> = {}): Promise<Outcome> {
    return new Promise((resolve, reject) => {
      execFile(
        process.execPath,
        [BIN, ...args],
        { cwd: ws.dataDir, env: cliEnv(ws, extraEnv), timeout: PROCESS_TIMEOUT, killSignal: 'SIGKILL' },
        (error, stdout, stderr) => {
          if (error && typeof error.code !== 'number') {
            reject(new Error(`ghee ${args.join(' ')} did not finish: ${error.message}\n${stderr}`));
            return;
          }
          resolve({ code: error ? (error.code as number) : 0, stdout, stderr });
        },
      );
    });
  }

  /** A running API server on the workspace's database (port 0), closed after the test. */
  async function apiServer(ws: Workspace): Promise<RunningServer> {
    const config = loadConfig(
      {},
      { port: 0, host: '127.0.0.1', databaseUrl: ws.databaseUrl, dataDir: ws.dataDir, logLevel: 'silent' },
    );
    const server = await listen(config, { logger: false });
    cleanups.push(() => server.close());
    return server;
  }

  /** GETs `pathname` from `server` with `token`; status and parsed JSON. */
  async function read(server: RunningServer, token: string, pathname = '/v2/pages/*/homepage/') {
    const res = await fetch(`${server.address}${pathname}`, {
      headers: { authorization: `Token ${token}` },
      signal: AbortSignal.timeout(10_000),
    });
    return { status: res.status, body: (await res.json()) as any };
  }

  /** How many accounts `account list` shows. */
  async function accountCount(ws: Workspace): Promise<number> {
    const listed = await run(ws, ['account', 'list', '--json']);
    expect(listed.code).toBe(0);
    return (JSON.parse(listed.stdout) as unknown[]).length;
  }

  return { children, workspace, run, runProcess, apiServer, read, accountCount };
}
