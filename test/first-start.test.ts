// What `ghee start` prints (README, docs/security.md "Tokens and secrets"): the first start, which
// makes the demo account and the first dashboard owner, prints the write token and the owner's
// password once; later starts print the read token and a working curl command, and say where the
// rest is kept (DATA_DIR/demo-credentials.json, 0600), since this output usually ends up in a log.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from './helpers/databases.js';
import { startGhee, type StartedGhee } from './helpers/start-process.js';

describe.each(DIALECTS)('ghee start: secrets printed once (%s)', (dialect) => {
  let database: TestDatabase;
  let dataDir: string;
  let first: { banner: string; output: string };
  let second: StartedGhee;
  let credentials: { read_token: string; write_token: string; admin_email: string; admin_password: string };

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    dataDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ghee-first-start-')), 'data');
    const env = { DATA_DIR: dataDir, ...(dialect === 'postgres' && { DATABASE_URL: database.url }) };
    const started = await startGhee(env);
    await started.stop();
    first = { banner: started.banner, output: started.output().stdout + started.output().stderr };
    credentials = JSON.parse(fs.readFileSync(path.join(dataDir, 'demo-credentials.json'), 'utf8'));
    second = await startGhee(env);
  }, 90_000);

  afterAll(async () => {
    await second?.stop();
    await database?.drop();
    if (dataDir) fs.rmSync(path.dirname(dataDir), { recursive: true, force: true });
  });

  it("the first start prints both tokens and the owner's sign-in, and says it does so once", () => {
    expect(first.banner).toContain(`Demo read token:  ${credentials.read_token}`);
    expect(first.banner).toContain(`Demo write token: ${credentials.write_token}`);
    expect(first.banner).toContain(`sign in as ${credentials.admin_email} / ${credentials.admin_password}`);
    expect(first.banner).toContain(
      `(printed this once; kept in ${path.join(dataDir, 'demo-credentials.json')}, readable only by you)`,
    );
  });

  it('a later start prints neither the write token nor the password, anywhere in its output', async () => {
    const { stdout, stderr } = second.output();
    for (const secret of [credentials.write_token.slice(7), credentials.admin_password]) {
      expect(stdout).not.toContain(secret);
      expect(stderr).not.toContain(secret);
    }
  });

  it('a later start says where they are kept', () => {
    expect(second.banner).toContain(`Dashboard: http://localhost:${second.port}/admin/\n`);
    expect(second.banner).toContain(
      `The demo write token and the dashboard sign-in are in ${path.join(dataDir, 'demo-credentials.json')} (readable only by you).`,
    );
  });

  it('a later start still prints the read token and a curl command that works', async () => {
    expect(second.banner).toContain(`Demo read token:  ${credentials.read_token}`);
    const curl = /curl '([^']+)'/.exec(second.banner)?.[1];
    expect(curl).toBe(`http://localhost:${second.port}/v2/pages/*/homepage/?auth_token=${credentials.read_token}`);
    const res = await fetch(curl!.replace('localhost', '127.0.0.1'), { signal: AbortSignal.timeout(10_000) });
    expect(res.status).toBe(200);
  });

  it('the credentials file holds what the first start printed', () => {
    expect(first.output).toContain(credentials.write_token);
    expect(first.output).toContain(credentials.admin_password);
    expect(fs.statSync(path.join(dataDir, 'demo-credentials.json')).mode & 0o777).toBe(0o600);
  });
});
