// Users from the command line (`ghee user ...`), and the first owner that `ghee start` creates
// and prints, signed in over a real socket.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../src/cli/io.js';
import { main } from '../src/cli/main.js';
import { loadConfig } from '../src/config.js';
import { openStore } from '../src/store/database.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from './helpers/databases.js';
import { BIN, freePort, kill } from './helpers/process.js';

const TIMEOUT = 20_000;

describe.each(DIALECTS)('admin users on the CLI (%s)', (dialect) => {
  const cleanups: Array<() => Promise<void> | void> = [];

  beforeAll(() => {
    if (!fs.existsSync(path.join(path.dirname(BIN), '..', 'dist', 'cli', 'main.js')))
      throw new Error('dist/ is missing: run `npx tsc -p tsconfig.json` first (npm test does)');
  });

  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function workspace(): Promise<{ database: TestDatabase; dataDir: string }> {
    const database = await createTestDatabase(dialect);
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ghee-admin-cli-'));
    cleanups.push(async () => {
      await database.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    });
    return { database, dataDir };
  }

  async function run(ws: { database: TestDatabase; dataDir: string }, argv: string[], stdin = '') {
    const out: string[] = [];
    const err: string[] = [];
    const io: CliIo = {
      out: (t) => out.push(t),
      err: (t) => err.push(t),
      env: {},
      stdin: async () => stdin,
      config: loadConfig({}, { databaseUrl: ws.database.url, dataDir: ws.dataDir }),
    };
    const code = await main(argv, io);
    return { code, stdout: out.join('\n'), stderr: err.join('\n') };
  }

  it('ghee user create / list / set-password', async () => {
    const ws = await workspace();
    expect((await run(ws, ['account', 'create', '--name', 'Acme'])).code).toBe(0);
    const created = await run(
      ws,
      ['user', 'create', '--email', 'Ana@Acme.test', '--role', 'admin', '--name', 'Ana', '--password-stdin', '--json'],
      'a long enough secret\n',
    );
    expect(created.code).toBe(0);
    expect(JSON.parse(created.stdout)).toEqual({
      id: expect.any(Number),
      email: 'ana@acme.test',
      name: 'Ana',
      created: expect.any(String),
      role: 'admin',
      account: expect.any(Number),
    });

    const generated = await run(ws, ['user', 'create', '--email', 'bo@acme.test', '--role', 'viewer']);
    expect(generated.code).toBe(0);
    expect(generated.stdout).toMatch(
      /^user \d+ bo@acme\.test is viewer of account \d+\npassword: [A-Za-z0-9]{5}(-[A-Za-z0-9]{5}){3}$/,
    );

    const list = await run(ws, ['user', 'list', '--json']);
    expect(JSON.parse(list.stdout).map((u: any) => [u.email, u.role])).toEqual([
      ['ana@acme.test', 'admin'],
      ['bo@acme.test', 'viewer'],
    ]);
    // The stored password is an Argon2id hash.
    const store = openStore(ws.database.url);
    try {
      const row = await store.db
        .selectFrom('users')
        .select('password_hash')
        .where('email', '=', 'ana@acme.test')
        .executeTakeFirstOrThrow();
      expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
    } finally {
      await store.close();
    }

    expect(
      await run(ws, ['user', 'create', '--email', 'ana@acme.test', '--role', 'admin', '--password', 'another secret']),
    ).toMatchObject({ code: 1, stderr: 'This user already exists and keeps their own password' });
    expect((await run(ws, ['user', 'create', '--email', 'x@acme.test', '--role', 'king'])).code).toBe(2);
    expect(
      await run(ws, ['user', 'create', '--email', 'x@acme.test', '--role', 'viewer', '--password', 'short']),
    ).toMatchObject({ code: 1, stderr: 'A password needs at least 8 characters' });
    expect(
      (await run(ws, ['user', 'set-password', '--email', 'ANA@acme.test', '--password-stdin'], 'a brand new secret\n'))
        .code,
    ).toBe(0);
    expect(
      await run(ws, ['user', 'set-password', '--email', 'nobody@acme.test', '--password', 'whatever1']),
    ).toMatchObject({ code: 1, stderr: 'No user with the email nobody@acme.test' });
  });

  it('ghee user invite prints a one-time accept link and makes no user; it takes no password', async () => {
    const ws = await workspace();
    expect((await run(ws, ['account', 'create', '--name', 'Acme'])).code).toBe(0);
    const invited = await run(ws, ['user', 'invite', '--email', 'Cy@Acme.test', '--role', 'editor', '--name', 'Cy']);
    expect(invited.code).toBe(0);
    const match =
      /^invited cy@acme\.test as editor of account (\d+) \(expires \S+\)\nlink: http:\/\/localhost:8080\/admin\/invite\/([A-Za-z0-9_-]{43})\nmail: not_configured$/.exec(
        invited.stdout,
      );
    expect(match).not.toBeNull();
    const store = openStore(ws.database.url);
    try {
      expect(
        await store.db.selectFrom('users').select('id').where('email', '=', 'cy@acme.test').executeTakeFirst(),
      ).toBeUndefined();
      const row = await store.db
        .selectFrom('invitations')
        .select(['role', 'name', 'token_hash', 'invited_by'])
        .executeTakeFirstOrThrow();
      expect(row).toEqual({
        role: 'editor',
        name: 'Cy',
        token_hash: createHash('sha256').update(match![2]!).digest('hex'),
        invited_by: null,
      });
    } finally {
      await store.close();
    }
    expect(
      (await run(ws, ['user', 'invite', '--email', 'cy@acme.test', '--role', 'editor', '--password', 'chosen for cy']))
        .code,
    ).toBe(2);
    expect(await run(ws, ['user', 'invite', '--email', 'nope', '--role', 'editor'])).toMatchObject({
      code: 1,
      stderr: '"nope" is not an email address',
    });
  });

  it('ghee start creates a first owner and prints its sign-in; the next start says where it is kept', async () => {
    const ws = await workspace();
    const children: ChildProcess[] = [];
    cleanups.push(async () => {
      for (const child of children) await kill(child);
    });
    const start = async () => {
      const port = await freePort();
      const child = spawn(process.execPath, [BIN, 'start'], {
        cwd: ws.dataDir,
        env: {
          PATH: process.env.PATH,
          DATA_DIR: ws.dataDir,
          PORT: String(port),
          LOG_LEVEL: 'warn',
          ...(dialect === 'postgres' && { DATABASE_URL: ws.database.url }),
        },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      children.push(child);
      let stderr = '';
      const banner = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no banner within ${TIMEOUT} ms: ${stderr}`)), TIMEOUT);
        child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
          stderr += chunk;
          if (!stderr.includes('Stop with Ctrl-C.')) return;
          clearTimeout(timer);
          resolve(stderr);
        });
        child.once('exit', (code) => reject(new Error(`ghee start exited (${code}): ${stderr}`)));
      });
      return { child, port, banner };
    };

    const first = await start();
    const match = /Dashboard: (\S+)\s+sign in as (\S+) \/ (\S+)/.exec(first.banner);
    expect(match?.slice(1)).toEqual([
      `http://localhost:${first.port}/admin/`,
      'owner@demo.invalid',
      expect.stringMatching(/^[A-Za-z0-9]{5}(-[A-Za-z0-9]{5}){3}$/),
    ]);
    const password = match![3]!;

    // Sign in through the real socket as a browser would: session, then the form with its token.
    const base = `http://127.0.0.1:${first.port}/admin/api`;
    const anon = await fetch(`${base}/session`);
    const csrfCookie = anon.headers.getSetCookie()[0]!.split(';')[0]!;
    const csrf = ((await anon.json()) as any).data.csrf_token;
    const signIn = await fetch(`${base}/sign-in`, {
      method: 'POST',
      body: JSON.stringify({ email: 'owner@demo.invalid', password }),
      headers: {
        'content-type': 'application/json',
        cookie: csrfCookie,
        'x-csrf-token': csrf,
        origin: `http://localhost:${first.port}`,
      },
    });
    expect(signIn.status).toBe(200);
    const session = signIn.headers
      .getSetCookie()
      .find((c) => c.startsWith('ghee_session='))!
      .split(';')[0]!;
    const account = (await (await fetch(`${base}/accounts/1`, { headers: { cookie: session } })).json()) as any;
    expect(account.data).toMatchObject({ id: 1, name: 'Demo', role: 'owner' });
    expect(fs.statSync(path.join(ws.dataDir, 'demo-credentials.json')).mode & 0o777).toBe(0o600);

    first.child.kill('SIGTERM');
    await new Promise((resolve) => first.child.once('exit', resolve));
    const second = await start();
    // Printed by the start that made it only; later starts say where it is kept.
    expect(second.banner).not.toContain(password);
    expect(second.banner).toContain(
      `The demo write token and the dashboard sign-in are in ${path.join(ws.dataDir, 'demo-credentials.json')}`,
    );
  }, 60_000);
});
