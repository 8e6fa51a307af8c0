// Start-up errors as a real process (`node bin/ghee.js`, the compiled dist/): every setting that
// cannot work is one `ghee: <message>` line on stderr naming the setting and the value, path or
// address, with exit code 1; never a stack trace, a driver's bare error or a hang
// (docs/operations.md, "Start-up errors").
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from './helpers/databases.js';
import { BIN, freePort } from './helpers/process.js';

interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `ghee <args>` to its end; fails the test if it has not ended within 15 s (a hang). */
function ghee(args: string[], env: NodeJS.ProcessEnv, options: { uid?: number; gid?: number } = {}): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'], ...options });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`ghee ${args.join(' ')} still running after 15 s:\n${stderr}`));
    }, 15_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** The environment of a run: nothing inherited that changes Ghee, then the test's settings. */
function settings(extra: Record<string, string>): NodeJS.ProcessEnv {
  const {
    PORT: _p,
    HOST: _h,
    PUBLIC_URL: _u,
    DATABASE_URL: _d,
    DATA_DIR: _dd,
    LOG_LEVEL: _l,
    USAGE_FLUSH_MS: _f,
    ...env
  } = process.env;
  return { ...env, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'warn', ...extra };
}

describe.each(DIALECTS)('start-up errors (%s)', (dialect) => {
  let database: TestDatabase;
  let root: string;
  let dataDir: string;
  /** DATABASE_URL of the dialect under test (SQLite: the default file in DATA_DIR). */
  let databaseEnv: Record<string, string>;

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'ghee-startup-'));
    // Others (the read-only case runs as another user) may enter it.
    fs.chmodSync(root, 0o755);
    dataDir = path.join(root, 'data');
    databaseEnv = dialect === 'sqlite' ? {} : { DATABASE_URL: database.url };
  });

  afterAll(async () => {
    await database?.drop();
    if (root) fs.rmSync(root, { recursive: true, force: true });
  });

  const cases: Array<[string, string, Record<string, string>, string]> = [
    ['PORT=abc', 'serve', { PORT: 'abc' }, 'ghee: PORT must be an integer from 0 to 65535, not "abc"'],
    ['PORT=70000', 'serve', { PORT: '70000' }, 'ghee: PORT must be an integer from 0 to 65535, not "70000"'],
    ['USAGE_FLUSH_MS=0', 'serve', { USAGE_FLUSH_MS: '0' }, 'ghee: USAGE_FLUSH_MS must be a positive integer, not "0"'],
    [
      'DATABASE_URL=sqlite: (no file)',
      'serve',
      { DATABASE_URL: 'sqlite:' },
      'ghee: DATABASE_URL "sqlite:" names no file: write sqlite:<path of the database file>, e.g. sqlite:./data/ghee.db',
    ],
    [
      'DATABASE_URL=postgres:// (no host)',
      'serve',
      { DATABASE_URL: 'postgres://' },
      'ghee: DATABASE_URL "postgres://" names no host: write postgres://user@host:5432/database',
    ],
    [
      'DATABASE_URL=mysql://...',
      'migrate',
      { DATABASE_URL: 'mysql://db/ghee' },
      'ghee: DATABASE_URL must be sqlite:<file> or postgres://user@host:5432/database, not "mysql:"',
    ],
    [
      'a PostgreSQL port nobody listens on',
      'serve',
      { DATABASE_URL: 'postgres://postgres@127.0.0.1:1/ghee' },
      'ghee: DATABASE_URL postgres://postgres@127.0.0.1:1/ghee: cannot connect to PostgreSQL at 127.0.0.1:1 (connection refused)',
    ],
    [
      'a password in DATABASE_URL (never printed)',
      'account',
      { DATABASE_URL: 'postgres://ghee:s3cret@127.0.0.1:1/ghee' },
      'ghee: DATABASE_URL postgres://ghee:***@127.0.0.1:1/ghee: cannot connect to PostgreSQL at 127.0.0.1:1 (connection refused)',
    ],
    [
      'a SQLite file under /proc (serve)',
      'serve',
      { DATABASE_URL: 'sqlite:/proc/ghee-nowhere/ghee.db' },
      'ghee: DATABASE_URL sqlite:/proc/ghee-nowhere/ghee.db: cannot create the folder /proc/ghee-nowhere (ENOENT: no such file or directory)',
    ],
  ];

  it.for(cases)('%s: one `ghee:` line naming the setting, exit 1', async ([, command, extra, message]) => {
    const env = settings({ DATA_DIR: dataDir, ...databaseEnv, ...extra });
    const outcome = await ghee(command === 'account' ? ['account', 'list'] : [command], env);
    expect(outcome).toEqual({ code: 1, stdout: '', stderr: `${message}\n` });
  });

  it("DATA_DIR under /proc: a message, not a hang (Node's recursive mkdir loops there)", async () => {
    const outcome = await ghee(['start'], settings({ ...databaseEnv, DATA_DIR: '/proc/ghee-nowhere' }));
    expect(outcome).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'ghee: DATA_DIR /proc/ghee-nowhere: cannot create the folder /proc/ghee-nowhere (ENOENT: no such file or directory)\n',
    });
  });

  it('a read-only DATA_DIR: EACCES naming DATA_DIR and the folder, not ENOENT', async () => {
    const readOnly = path.join(root, 'read-only');
    fs.mkdirSync(readOnly, { mode: 0o555 });
    fs.chmodSync(readOnly, 0o555);
    // root may write anywhere: as root, run the command as nobody.
    const asOther = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const outcome = await ghee(['start'], settings({ ...databaseEnv, DATA_DIR: readOnly }), asOther);
    expect(outcome).toEqual({
      code: 1,
      stdout: '',
      stderr: `ghee: DATA_DIR ${readOnly}: cannot write in the folder ${readOnly} (EACCES: permission denied)\n`,
    });
    expect(fs.readdirSync(readOnly)).toEqual([]);
  });

  it('a PORT in use: names PORT and the address', async () => {
    const port = await freePort();
    const taken = net.createServer();
    await new Promise<void>((resolve) => taken.listen(port, '127.0.0.1', resolve));
    try {
      const outcome = await ghee(['serve'], settings({ DATA_DIR: dataDir, ...databaseEnv, PORT: String(port) }));
      expect(outcome).toEqual({
        code: 1,
        stdout: '',
        stderr: `ghee: PORT ${port}: cannot listen on 127.0.0.1:${port} (address already in use)\n`,
      });
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
  });

  it('a PostgreSQL address where something accepts and hangs up at once: names DATABASE_URL and the address', async () => {
    const sockets = new Set<net.Socket>();
    const hangUp = net.createServer((socket) => {
      sockets.add(socket);
      socket.end();
    });
    await new Promise<void>((resolve) => hangUp.listen(0, '127.0.0.1', resolve));
    const { port } = hangUp.address() as net.AddressInfo;
    try {
      const outcome = await ghee(
        ['serve'],
        settings({ DATA_DIR: dataDir, DATABASE_URL: `postgres://postgres@127.0.0.1:${port}/ghee` }),
      );
      expect(outcome).toEqual({
        code: 1,
        stdout: '',
        stderr: `ghee: DATABASE_URL postgres://postgres@127.0.0.1:${port}/ghee: cannot use PostgreSQL at 127.0.0.1:${port} (Connection terminated unexpectedly)\n`,
      });
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => hangUp.close(resolve));
    }
  });

  it('--port 70000 is refused like PORT=70000', async () => {
    const outcome = await ghee(['serve', '--port', '70000'], settings({ DATA_DIR: dataDir, ...databaseEnv }));
    expect(outcome).toEqual({
      code: 2,
      stdout: '',
      stderr: '--port must be an integer from 0 to 65535, not "70000"\n',
    });
  });
});
