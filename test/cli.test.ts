// The `ghee` CLI: in-process through main(argv, io), and as a real process (`node bin/ghee.js`,
// which runs the compiled dist/: `npm test` runs tsc first). API.md section 10.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import type { CliIo } from '../src/cli/io.js';
import { loadConfig } from '../src/config.js';
import { listen, type RunningServer } from '../src/server.js';
import { createTestDatabase, DIALECTS, type DialectUnderTest, type TestDatabase } from './helpers/databases.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = path.join(ROOT, 'bin', 'ghee.js');
const READ_TOKEN = /^ghee_r_[0-9A-Za-z]{32,}$/;
const WRITE_TOKEN = /^ghee_w_[0-9A-Za-z]{32,}$/;
const PROCESS_TIMEOUT = 20_000;

interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

interface Workspace {
  databaseUrl: string;
  dataDir: string;
}

/** Resolves `promise`, or rejects after `ms`: every wait here is bounded. */
function within<T>(ms: number, promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took over ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** A port nobody listens on right now (bound on port 0, then released). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** Environment of a CLI process: the workspace's database and data folder, nothing inherited that changes Ghee. */
function cliEnv(ws: Workspace, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const { PORT: _port, HOST: _host, PUBLIC_URL: _publicUrl, DATABASE_URL: _db, DATA_DIR: _dir, LOG_LEVEL: _level, ...env } = process.env;
  return { ...env, DATA_DIR: ws.dataDir, ...(ws.databaseUrl && { DATABASE_URL: ws.databaseUrl }), ...extra };
}

describe.each(DIALECTS)('ghee CLI (%s)', (dialect: DialectUnderTest) => {
  const cleanups: Array<() => Promise<void> | void> = [];
  const children: ChildProcess[] = [];

  beforeAll(() => {
    if (!fs.existsSync(path.join(ROOT, 'dist', 'cli', 'main.js'))) {
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

  /** Runs main() in-process with a capturing io; `writes` counts the calls to io.out. */
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
      execFile(process.execPath, [BIN, ...args], { cwd: ws.dataDir, env: cliEnv(ws, extraEnv), timeout: PROCESS_TIMEOUT, killSignal: 'SIGKILL' }, (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number') {
          reject(new Error(`ghee ${args.join(' ')} did not finish: ${error.message}\n${stderr}`));
          return;
        }
        resolve({ code: error ? (error.code as number) : 0, stdout, stderr });
      });
    });
  }

  /** A running API server on the workspace's database (port 0), closed after the test. */
  async function apiServer(ws: Workspace): Promise<RunningServer> {
    const config = loadConfig({}, { port: 0, host: '127.0.0.1', databaseUrl: ws.databaseUrl, dataDir: ws.dataDir, logLevel: 'silent' });
    const server = await listen(config, { logger: false });
    cleanups.push(() => server.close());
    return server;
  }

  async function read(server: RunningServer, token: string, pathname = '/v2/pages/*/homepage/') {
    const res = await fetch(`${server.address}${pathname}`, { headers: { authorization: `Token ${token}` }, signal: AbortSignal.timeout(10_000) });
    return { status: res.status, body: (await res.json()) as any };
  }

  async function accountCount(ws: Workspace): Promise<number> {
    const listed = await run(ws, ['account', 'list', '--json']);
    expect(listed.code).toBe(0);
    return (JSON.parse(listed.stdout) as unknown[]).length;
  }

  describe('account create', () => {
    it('--json prints exactly one JSON document with the new account and its two tokens (in-process)', async () => {
      const ws = await workspace();
      const result = await run(ws, ['account', 'create', '--name', 'Acme Kitchens', '--json']);
      expect(result.code).toBe(0);
      expect(result.out).toHaveLength(1);
      const doc = JSON.parse(result.out[0]!);
      expect(Object.keys(doc).sort()).toEqual(['id', 'name', 'plan', 'read_token', 'write_token']);
      expect(doc).toMatchObject({ id: expect.any(Number), name: 'Acme Kitchens', plan: 'enterprise' });
      expect(doc.id).toBeGreaterThan(0);
      expect(doc.read_token).toMatch(READ_TOKEN);
      expect(doc.write_token).toMatch(WRITE_TOKEN);
      expect(doc.read_token.slice(7)).not.toBe(doc.write_token.slice(7));
    });

    it('--json as a real process: stdout is one JSON document, the tokens work, and each account gets new ones', async () => {
      const ws = await workspace();
      const first = await runProcess(ws, ['account', 'create', '--name', 'First', '--plan', 'trial', '--json']);
      expect(first.code).toBe(0);
      const doc = JSON.parse(first.stdout);
      expect(first.stdout.trim().split('\n')).toHaveLength(1);
      expect(Object.keys(doc).sort()).toEqual(['id', 'name', 'plan', 'read_token', 'write_token']);
      expect(doc).toMatchObject({ name: 'First', plan: 'trial' });
      expect(doc.read_token).toMatch(READ_TOKEN);
      expect(doc.write_token).toMatch(WRITE_TOKEN);

      const second = JSON.parse((await runProcess(ws, ['account', 'create', '--name', 'Second', '--json'])).stdout);
      expect(second.id).not.toBe(doc.id);
      expect(second.read_token).not.toBe(doc.read_token);

      const server = await apiServer(ws);
      // The account exists (no content yet): the token is accepted, the page is not there.
      for (const token of [doc.read_token, doc.write_token]) {
        expect(await read(server, token)).toEqual({ status: 404, body: { detail: 'Page matching query does not exist' } });
      }
    });

    it.each([
      ['an unknown plan', ['--name', 'X', '--plan', 'gold'], 1, 'Unknown plan "gold"'],
      ['a locale that is not a locale slug', ['--name', 'X', '--locales', 'EN'], 1, 'Locale "EN" is not a locale slug'],
      ['more locales than the plan allows', ['--name', 'X', '--plan', 'free', '--locales', 'en,es'], 1, 'The free plan allows 1 locale(s), not 2'],
      ['a blank --name', ['--name', '   '], 1, 'An account needs a name'],
      ['a missing --name', ['--plan', 'free'], 2, 'usage: ghee account create --name NAME'],
      ['an unknown flag', ['--name', 'X', '--colour', 'red'], 2, 'usage: ghee account create --name NAME'],
    ])('%s: non-zero exit, a message, nothing created', async (_name, flags, code, message) => {
      const ws = await workspace();
      const result = await run(ws, ['account', 'create', ...flags, '--json']);
      expect(result.code).toBe(code);
      expect(result.out).toEqual([]);
      expect(result.stderr).toContain(message);
      expect(await accountCount(ws)).toBe(0);
    });

    it('a bad plan as a real process: exit 1, the message on stderr, nothing on stdout', async () => {
      const ws = await workspace();
      const result = await runProcess(ws, ['account', 'create', '--name', 'X', '--plan', 'gold', '--json']);
      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain('Unknown plan "gold"; plans are free, trial, basic, advanced, professional, enterprise');
      expect(await accountCount(ws)).toBe(0);
    });
  });

  describe('tokens', () => {
    it('token create --kind read --json: one document with a new read token that reads', async () => {
      const ws = await workspace();
      const account = JSON.parse((await run(ws, ['account', 'create', '--name', 'Tokens', '--json'])).stdout);
      const created = await run(ws, ['token', 'create', '--kind', 'read', '--json']);
      expect(created.code).toBe(0);
      expect(created.out).toHaveLength(1);
      const doc = JSON.parse(created.out[0]!);
      expect(Object.keys(doc).sort()).toEqual(['id', 'kind', 'token']);
      expect(doc.kind).toBe('read');
      expect(doc.token).toMatch(READ_TOKEN);
      expect(doc.token).not.toBe(account.read_token);

      const write = JSON.parse((await run(ws, ['token', 'create', '--kind', 'write', '--json'])).stdout);
      expect(write.token).toMatch(WRITE_TOKEN);

      const server = await apiServer(ws);
      expect((await read(server, doc.token)).status).toBe(404); // accepted; the account has no pages
    });

    it('token create without a valid --kind is a usage error', async () => {
      const ws = await workspace();
      await run(ws, ['account', 'create', '--name', 'Tokens']);
      for (const flags of [[], ['--kind', 'admin']]) {
        const result = await run(ws, ['token', 'create', ...flags, '--json']);
        expect(result.code).toBe(2);
        expect(result.out).toEqual([]);
        expect(result.stderr).toContain('usage: ghee token create');
      }
    });

    it('token list --json: every token with its prefix and last four characters, never a secret', async () => {
      const ws = await workspace();
      const account = JSON.parse((await run(ws, ['account', 'create', '--name', 'Tokens', '--json'])).stdout);
      const extra = JSON.parse((await run(ws, ['token', 'create', '--kind', 'read', '--label', 'ci', '--json'])).stdout);
      const listed = await run(ws, ['token', 'list', '--json']);
      expect(listed.code).toBe(0);
      expect(listed.out).toHaveLength(1);
      const tokens = JSON.parse(listed.stdout);
      const secrets = [account.read_token, account.write_token, extra.token] as string[];
      for (const secret of secrets) {
        expect(listed.stdout).not.toContain(secret.slice(7));
        expect(listed.stdout).not.toContain(secret.slice(7, 20));
      }
      expect(tokens).toEqual(
        secrets.map((secret, i) => ({
          id: expect.any(Number),
          kind: i === 1 ? 'write' : 'read',
          prefix: secret.slice(0, 7),
          last4: secret.slice(-4),
          label: expect.any(String),
          created: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/),
          last_used: null,
          revoked: false,
        })),
      );
      expect(tokens[2].id).toBe(extra.id);
      expect(tokens[2].label).toBe('ci');
    });

    it('token revoke by id (a real process): the running server refuses the token at once, others still work', async () => {
      const ws = await workspace();
      const account = JSON.parse((await run(ws, ['account', 'create', '--name', 'Revoke', '--json'])).stdout);
      const extra = JSON.parse((await run(ws, ['token', 'create', '--kind', 'read', '--json'])).stdout);
      const server = await apiServer(ws);
      // Used first, so any cache the server might keep would hold it.
      expect((await read(server, extra.token)).status).toBe(404);
      expect((await read(server, account.read_token)).status).toBe(404);

      const revoked = await runProcess(ws, ['token', 'revoke', String(extra.id)]);
      expect(revoked.code).toBe(0);
      expect(revoked.stdout).toContain(`revoked read token ${extra.id}`);
      expect(revoked.stdout).not.toContain(extra.token.slice(7));

      expect(await read(server, extra.token)).toEqual({ status: 401, body: { detail: 'Invalid token' } });
      expect((await read(server, account.read_token)).status).toBe(404);

      const listed = JSON.parse((await run(ws, ['token', 'list', '--json'])).stdout);
      expect(listed.map((t: { id: number; revoked: boolean }) => [t.id, t.revoked])).toEqual([
        [listed[0].id, false],
        [listed[1].id, false],
        [extra.id, true],
      ]);

      const again = await run(ws, ['token', 'revoke', String(extra.id)]);
      expect(again.code).toBe(1);
      expect(again.stderr).toContain('No active token matches that token or id');
    });

    it('token revoke by the full token works the same', async () => {
      const ws = await workspace();
      const account = JSON.parse((await run(ws, ['account', 'create', '--name', 'Revoke', '--json'])).stdout);
      const server = await apiServer(ws);
      expect((await read(server, account.write_token)).status).toBe(404);
      const revoked = await run(ws, ['token', 'revoke', account.write_token, '--json']);
      expect(revoked.code).toBe(0);
      expect(JSON.parse(revoked.stdout)).toMatchObject({ kind: 'write', last4: account.write_token.slice(-4), revoked: true });
      expect(await read(server, account.write_token)).toEqual({ status: 401, body: { detail: 'Invalid token' } });
    });

    it('with several accounts, --account is required: non-zero exit listing the accounts', async () => {
      const ws = await workspace();
      const a = JSON.parse((await run(ws, ['account', 'create', '--name', 'Alpha', '--json'])).stdout);
      const b = JSON.parse((await run(ws, ['account', 'create', '--name', 'Beta', '--plan', 'free', '--json'])).stdout);
      for (const argv of [['token', 'list', '--json'], ['token', 'create', '--kind', 'read', '--json']]) {
        const result = await run(ws, argv);
        expect(result.code).toBe(1);
        expect(result.out).toEqual([]);
        expect(result.stderr).toContain('--account');
        expect(result.stderr).toContain(`${a.id}  Alpha (enterprise)`);
        expect(result.stderr).toContain(`${b.id}  Beta (free)`);
      }
      const tokensBefore = JSON.parse((await run(ws, ['token', 'list', '--account', String(b.id), '--json'])).stdout);
      expect(tokensBefore.map((t: { kind: string }) => t.kind)).toEqual(['read', 'write']);
      expect(tokensBefore[0].last4).toBe(b.read_token.slice(-4));

      const created = await run(ws, ['token', 'create', '--account', String(a.id), '--kind', 'read', '--json']);
      expect(created.code).toBe(0);
      expect(JSON.parse((await run(ws, ['token', 'list', '--account', String(a.id), '--json'])).stdout)).toHaveLength(3);
      expect(JSON.parse((await run(ws, ['token', 'list', '--account', String(b.id), '--json'])).stdout)).toHaveLength(2);

      const missing = await run(ws, ['token', 'list', '--account', '999', '--json']);
      expect(missing.code).toBe(1);
      expect(missing.stderr).toContain('No account with id 999');
    });

    it('as a real process, several accounts without --account: exit 1, the list on stderr, stdout empty', async () => {
      const ws = await workspace();
      await run(ws, ['account', 'create', '--name', 'Alpha']);
      await run(ws, ['account', 'create', '--name', 'Beta']);
      const result = await runProcess(ws, ['token', 'list', '--json']);
      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain('Several accounts exist; choose one with --account ID');
      expect(result.stderr).toMatch(/Alpha/);
      expect(result.stderr).toMatch(/Beta/);
    });
  });

  describe('seed demo and usage', () => {
    it('seed demo --json: one document; the demo content is served to its read token', async () => {
      const ws = await workspace();
      const result = await runProcess(ws, ['seed', 'demo', '--json']);
      expect(result.code).toBe(0);
      const doc = JSON.parse(result.stdout);
      expect(Object.keys(doc).sort()).toEqual(['id', 'name', 'plan', 'read_token', 'write_token']);
      expect(doc).toMatchObject({ name: 'Demo', plan: 'enterprise' });
      expect(doc.read_token).toMatch(READ_TOKEN);
      expect(doc.write_token).toMatch(WRITE_TOKEN);

      const server = await apiServer(ws);
      const home = await read(server, doc.read_token);
      expect(home.status).toBe(200);
      expect(home.body.data).toMatchObject({ slug: 'homepage', page_type: null, fields: { headline: 'Welcome to Ghee' } });
      const es = await read(server, doc.read_token, '/v2/pages/landing_page/?locale=es&levels=1');
      expect(es.body.data.map((p: { slug: string }) => p.slug)).toEqual(['launch', 'pricing', 'about-us']);
    });

    it('seed demo --name in-process: the named account', async () => {
      const ws = await workspace();
      const result = await run(ws, ['seed', 'demo', '--name', 'Showcase', '--json']);
      expect(result.code).toBe(0);
      expect(result.out).toHaveLength(1);
      expect(JSON.parse(result.stdout)).toMatchObject({ name: 'Showcase', plan: 'enterprise' });
    });

    it('an unknown command exits 2 with the usage on stderr (in-process and as a process)', async () => {
      const ws = await workspace();
      const inProcess = await run(ws, ['frobnicate']);
      expect(inProcess.code).toBe(2);
      expect(inProcess.out).toEqual([]);
      expect(inProcess.stderr).toMatch(/^usage: ghee <command>/);
      expect(inProcess.stderr).toContain('account create|list');

      const real = await runProcess(ws, ['frobnicate', '--json']);
      expect(real.code).toBe(2);
      expect(real.stdout).toBe('');
      expect(real.stderr).toMatch(/^usage: ghee <command>/);

      const unknownSub = await run(ws, ['account', 'delete']);
      expect(unknownSub.code).toBe(2);
      expect(unknownSub.stderr).toContain('usage: ghee account create');
    });
  });

  describe('ghee start (a real process)', () => {
    /** Starts `ghee start` on a free port; resolves with the banner once it is printed. */
    async function start(ws: Workspace) {
      const port = await freePort();
      const child = spawn(process.execPath, [BIN, 'start'], {
        cwd: ws.dataDir,
        env: cliEnv(ws, { PORT: String(port), LOG_LEVEL: 'warn' }),
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      children.push(child);
      let stderr = '';
      let stdout = '';
      child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
      const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
        child.once('exit', (code, signal) => resolve({ code, signal })),
      );
      const banner = await within(PROCESS_TIMEOUT, new Promise<string>((resolve, reject) => {
        child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
          stderr += chunk;
          if (stderr.includes('Stop with Ctrl-C.')) resolve(stderr);
        });
        void exited.then(({ code }) => reject(new Error(`ghee start exited early (${code}):\n${stderr}\n${stdout}`)));
      }), 'the ghee start banner');
      return { child, port, banner, exited, output: () => ({ stdout, stderr }) };
    }

    async function stop(started: Awaited<ReturnType<typeof start>>) {
      started.child.kill('SIGTERM');
      return within(10_000, started.exited, 'ghee start to stop after SIGTERM');
    }

    function tokensIn(banner: string) {
      const read = /Demo read token:\s+(\S+)/.exec(banner)?.[1];
      const write = /Demo write token:\s+(\S+)/.exec(banner)?.[1];
      const curl = /curl '([^']+)'/.exec(banner)?.[1];
      return { read, write, curl };
    }

    it('seeds the demo on first run, prints a working curl command, stops cleanly on SIGTERM; a second start reuses it', async () => {
      const ws = dialect === 'sqlite'
        // SQLite: no DATABASE_URL at all, the default database inside DATA_DIR.
        ? { ...(await workspace()), databaseUrl: '' }
        : await workspace();

      const first = await start(ws);
      const { read: readToken, write: writeToken, curl } = tokensIn(first.banner);
      expect(readToken).toMatch(READ_TOKEN);
      expect(writeToken).toMatch(WRITE_TOKEN);
      expect(first.banner).toContain(`API: http://localhost:${first.port}/v2/`);
      expect(curl).toBe(`http://localhost:${first.port}/v2/pages/*/homepage/?auth_token=${readToken}`);

      const res = await fetch(curl!, { signal: AbortSignal.timeout(10_000) });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
      const home = (await res.json()) as any;
      expect(home.data).toMatchObject({ slug: 'homepage', name: 'Homepage', page_type: null, status: 'published' });
      expect(home.data.fields.headline).toBe('Welcome to Ghee');
      expect(home.data.fields.featured).toMatchObject({ slug: 'launch', fields: { headline: 'Ghee has launched' } });

      expect(await stop(first)).toEqual({ code: 0, signal: null });
      if (dialect === 'sqlite') expect(fs.existsSync(path.join(ws.dataDir, 'ghee.db'))).toBe(true);
      const credentials = path.join(ws.dataDir, 'demo-credentials.json');
      expect(fs.statSync(credentials).mode & 0o777).toBe(0o600);

      const second = await start(ws);
      const again = tokensIn(second.banner);
      // The write token is printed by the start that made it only (test/first-start.test.ts).
      expect(again).toEqual({ read: readToken, write: undefined, curl: `http://localhost:${second.port}/v2/pages/*/homepage/?auth_token=${readToken}` });
      expect(second.banner).not.toContain(writeToken);
      const res2 = await fetch(again.curl!, { signal: AbortSignal.timeout(10_000) });
      expect(res2.status).toBe(200);
      expect(((await res2.json()) as any).data.slug).toBe('homepage');
      expect(await stop(second)).toEqual({ code: 0, signal: null });

      const accounts = await runProcess(ws, ['account', 'list', '--json']);
      expect(accounts.code).toBe(0);
      expect(JSON.parse(accounts.stdout)).toEqual([expect.objectContaining({ name: 'Demo', plan: 'enterprise' })]);
    }, 90_000);
  });
});
